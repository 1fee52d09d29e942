package dev.cairn.format;

import java.util.Map;

/**
 * Where a {@link RecordTemplate} finds the value of each field it names, such as a log record's
 * attributes. Return {@link #MISSING} for a name that has no value; the template then raises
 * Python's {@code KeyError: 'name'} (a {@link PyFormatException}; logging reports it through
 * {@link PyFormatException#asRecordFormatError()}). An implementation may instead throw its own
 * exception. Called on the formatting thread, once per field occurrence.
 */
@FunctionalInterface
public interface FieldLookup {
    /** The value standing for "no such field"; null is a value (Python's None). */
    Object MISSING = new Object() {
        @Override
        public String toString() {
            return "MISSING";
        }
    };

    /** The value of the named field, or {@link #MISSING}. */
    Object lookup(String name);

    /**
     * The value of the field at {@code index} in the template's {@link RecordTemplate#fieldNames()};
     * override to resolve names to slots once, when the template is compiled, instead of by name
     * for every record.
     */
    default Object lookup(int index, String name) {
        return lookup(name);
    }

    /**
     * Appends {@code str()} of the field at {@code index} straight to {@code out} and returns
     * true, or returns false to have the template look the value up; lets a record write its
     * message and time without making Strings of them. Only for plain {@code %s}-style fields.
     */
    default boolean appendStr(StringBuilder out, int index, String name) {
        return false;
    }

    /** A lookup in a map of field values (Python's {@code record.__dict__}). */
    static FieldLookup of(Map<String, ?> values) {
        return name -> {
            Object value = values.get(name);
            return value != null || values.containsKey(name) ? value : MISSING;
        };
    }
}
