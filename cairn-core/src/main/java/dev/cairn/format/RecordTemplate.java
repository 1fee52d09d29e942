package dev.cairn.format;

import java.util.List;

/**
 * A log format compiled once, in one of Python's three Formatter styles ({@link PercentTemplate}
 * {@code %}, {@link BraceTemplate} <code>{</code>, {@link DollarTemplate} {@code $}), that renders
 * records without parsing anything again. Immutable and thread-safe.
 */
public interface RecordTemplate {
    /** The format text this template was compiled from. */
    String pattern();

    /**
     * The distinct field names the format refers to, in order of first use; {@link FieldLookup}
     * indexes refer to this list. Lets the formatter compute only what is used
     * ({@code asctime}, {@code message}, caller location).
     */
    List<String> fieldNames();

    /** Whether the format refers to the named field. */
    default boolean usesField(String name) {
        return fieldNames().contains(name);
    }

    /**
     * Appends the rendered format to {@code out}, asking {@code lookup} for each field.
     *
     * @throws PyFormatException what Python raises while formatting ({@code KeyError} for a
     *     missing field, {@code ValueError}/{@code TypeError} for a value that does not suit its
     *     conversion); {@code out} then holds partial output
     */
    void format(StringBuilder out, FieldLookup lookup);

    /** The rendered format as a new string. */
    default String format(FieldLookup lookup) {
        StringBuilder out = new StringBuilder(64);
        format(out, lookup);
        return out.toString();
    }
}
