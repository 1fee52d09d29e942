package dev.cairn.format;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A <code>{</code>-style log format (<code>"{asctime} {levelname:&lt;8} {message}"</code>) compiled
 * for repeated use: Python's {@code StrFormatStyle}, whose rendering is
 * {@code fmt.format(**record.__dict__)}. Compilation validates as
 * {@code StrFormatStyle.validate} does; errors Python only meets while formatting are raised at
 * the same point when rendering. Nested fields in a spec (<code>{message:{width}}</code>) are
 * supported. Immutable and thread-safe.
 */
public final class BraceTemplate extends CompiledTemplate {
    /** StrFormatStyle.field_spec. */
    private static final Pattern FIELD_SPEC = Pattern.compile("^(\\d+|\\w+)(\\.\\w+|\\[[^\\]]+\\])*$",
            Pattern.UNICODE_CHARACTER_CLASS | Pattern.UNIX_LINES);
    /** StrFormatStyle.fmt_spec. */
    private static final Pattern FMT_SPEC = Pattern.compile(
            "^(.?[<>=^])?[+ -]?#?0?(\\d+|\\{\\w+\\})?[,_]?(\\.(\\d+|\\{\\w+\\}))?[bcdefgnosx%]?$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS | Pattern.UNIX_LINES);
    /** build_string's starting recursion depth: a spec may hold fields, whose specs may not. */
    private static final int MAX_DEPTH = 2;

    private final Body body;

    private BraceTemplate(String pattern, List<String> fieldNames, Body body) {
        super(pattern, fieldNames);
        this.body = body;
    }

    /** Compiles and validates, as {@code Formatter(fmt, style='{')} does. */
    public static BraceTemplate compile(String fmt) {
        return compile(fmt, true);
    }

    /**
     * Compiles the format; with {@code validate}, first checks it as {@code StrFormatStyle.validate}.
     *
     * @throws InvalidFormatException when validating and the format is malformed, such as
     *     {@code invalid format: bad specifier: '...'} or {@code invalid format: no fields}
     */
    public static BraceTemplate compile(String fmt, boolean validate) {
        if (validate) validate(fmt);
        List<String> names = new ArrayList<>();
        Body body = Body.compile(fmt, MAX_DEPTH, names);
        return new BraceTemplate(fmt, names, body);
    }

    private static void validate(String fmt) {
        BraceMarkup markup = BraceMarkup.parse(fmt);
        Set<String> fields = new HashSet<>();
        for (BraceMarkup.RawField field : markup.fields) {
            if (!field.name.isEmpty()) {
                if (!FIELD_SPEC.matcher(field.name).find()) {
                    throw invalid("invalid field name/expression: " + PyObjects.repr(field.name), fmt);
                }
                fields.add(field.name);
            }
            if (field.conversion != 0 && "rsa".indexOf(field.conversion) < 0) {
                throw invalid("invalid conversion: " + PyObjects.repr(String.valueOf(field.conversion)), fmt);
            }
            if (!field.spec.isEmpty() && !FMT_SPEC.matcher(field.spec).find()) {
                throw invalid("bad specifier: " + PyObjects.repr(field.spec), fmt);
            }
        }
        if (markup.error != null) throw invalid(markup.error.getMessage(), fmt);
        if (fields.isEmpty()) throw invalid("no fields", fmt);
    }

    private static InvalidFormatException invalid(String what, String fmt) {
        return new InvalidFormatException("invalid format: " + what, fmt, false);
    }

    @Override
    public void format(StringBuilder out, FieldLookup lookup) {
        body.append(out, lookup);
    }

    /** Literal text alternating with fields, ending in the syntax error Python would meet there, if any. */
    static final class Body {
        private final String[] literals;
        private final BraceField[] fields;
        private final PyFormatException error;

        private Body(String[] literals, BraceField[] fields, PyFormatException error) {
            this.literals = literals;
            this.fields = fields;
            this.error = error;
        }

        static Body compile(String text, int depth, List<String> fieldNames) {
            BraceMarkup markup = BraceMarkup.parse(text);
            BraceField[] fields = new BraceField[markup.fields.size()];
            for (int i = 0; i < fields.length; i++) fields[i] = BraceField.compile(markup.fields.get(i), depth, fieldNames);
            return new Body(markup.literals.toArray(new String[0]), fields, markup.error);
        }

        void append(StringBuilder out, FieldLookup lookup) {
            for (int i = 0; i < fields.length; i++) {
                out.append(literals[i]);
                fields[i].append(out, lookup);
            }
            out.append(literals[fields.length]);
            if (error != null) throw error;
        }
    }
}
