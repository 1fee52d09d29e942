package dev.cairn.format;

import java.util.Map;

/**
 * Python's printf-style {@code template % args} ({@code PyUnicode_Format}): with a tuple of
 * arguments, or with a mapping for {@code %(key)s} conversions. Errors are
 * {@link PyFormatException}s with Python's type and exact message, raised in Python's order.
 * Stateless and thread-safe; the template is interpreted in one pass without building anything.
 */
public final class PercentFormat {
    private PercentFormat() {
    }

    /** Python's {@code template % tuple(args)}. */
    public static String format(String template, Object[] args) {
        StringBuilder out = new StringBuilder(template.length() + 16 * args.length);
        formatTo(out, template, args);
        return out.toString();
    }

    /** Python's {@code template % mapping}: {@code %(key)s} conversions look keys up; a plain {@code %s} formats the whole mapping. */
    public static String format(String template, Map<?, ?> mapping) {
        StringBuilder out = new StringBuilder(template.length() + 32);
        formatTo(out, template, mapping);
        return out.toString();
    }

    /** As {@link #format(String, Object[])}, appending to {@code out}; on error {@code out} holds partial text. */
    public static void formatTo(StringBuilder out, String template, Object[] args) {
        if (!formatPlain(out, template, args)) new Arguments(args, null).format(out, template);
    }

    /**
     * The common message, with only plain {@code %s} and {@code %%} and exactly one argument per
     * {@code %s}, formatted without the parser and argument objects the general path makes per
     * call (SyncFileBench showed them as the last bytes allocated per record). Returns false,
     * with {@code out} as it was, for anything else; the general path then does it, errors included.
     */
    private static boolean formatPlain(StringBuilder out, String template, Object[] args) {
        int mark = out.length();
        int n = template.length();
        int used = 0;
        int start = 0;
        int p;
        while ((p = template.indexOf('%', start)) >= 0) {
            char c = p + 1 < n ? template.charAt(p + 1) : 0;
            if (c == '%') {
                out.append(template, start, p + 1);
            } else if (c == 's' && used < args.length) {
                out.append(template, start, p);
                PyObjects.appendStr(out, args[used++]);
            } else {
                out.setLength(mark);
                return false;
            }
            start = p + 2;
        }
        if (used != args.length) {
            out.setLength(mark);
            return false;
        }
        out.append(template, start, n);
        return true;
    }

    /** As {@link #format(String, Map)}, appending to {@code out}; on error {@code out} holds partial text. */
    public static void formatTo(StringBuilder out, String template, Map<?, ?> mapping) {
        new Arguments(null, mapping).format(out, template);
    }

    /**
     * Appends one converted value, as {@code ("%" + spec) % (value,)} would render it.
     *
     * @throws PyFormatException when the value does not suit the conversion, with Python's message
     */
    public static void appendConversion(StringBuilder out, ConversionSpec spec, Object value) {
        PercentConversions.append(out, spec, value);
    }

    /**
     * The argument state of one formatting call, after CPython's {@code unicode_formatter_t}: a
     * tuple is consumed left to right; a mapping (or the value a {@code %(key)} fetched) is a
     * single argument, consumed once.
     */
    private static final class Arguments {
        private final Object[] tuple;
        private final Map<?, ?> mapping;
        private Object single;
        private int length;
        private int index;

        Arguments(Object[] tuple, Map<?, ?> mapping) {
            this.tuple = tuple;
            this.mapping = mapping;
            if (tuple != null) {
                length = tuple.length;
                index = 0;
            } else {
                single = mapping;
                length = -1;
                index = -2;
            }
        }

        private Object next() {
            if (index < length) {
                int i = index++;
                return length < 0 ? single : tuple[i];
            }
            throw PyFormatException.typeError("not enough arguments for format string");
        }

        private int nextInt(boolean isWidth) {
            Object v = next();
            if (!PyNumbers.isInt(v)) throw PyFormatException.typeError("* wants int");
            if (!PyNumbers.fitsLong(v) || PyNumbers.longValue(v) != (int) PyNumbers.longValue(v)) {
                throw new PyFormatException("OverflowError",
                        "Python int too large to convert to C " + (isWidth ? "ssize_t" : "int"));
            }
            return (int) PyNumbers.longValue(v);
        }

        void format(StringBuilder out, String template) {
            PercentParser parser = new PercentParser(template);
            int literalStart = 0;
            int percent;
            while ((percent = template.indexOf('%', literalStart)) >= 0) {
                out.append(template, literalStart, percent);
                if (parser.startDirective(percent)) {
                    out.append('%');
                } else {
                    convert(out, parser);
                }
                literalStart = parser.position();
            }
            out.append(template, literalStart, template.length());
            if (index < length && mapping == null) {
                throw PyFormatException.typeError("not all arguments converted during string formatting");
            }
        }

        private void convert(StringBuilder out, PercentParser parser) {
            if (parser.hasKey()) {
                if (mapping == null) throw PyFormatException.typeError("format requires a mapping");
                String key = parser.parseKey();
                Object value = mapping.get(key);
                if (value == null && !mapping.containsKey(key)) throw PyFormatException.keyError(key);
                // CPython makes the fetched value the only argument from here on.
                single = value;
                length = -1;
                index = -2;
            }
            parser.parseFlags();
            int width = parser.parseWidth();
            if (width == PercentParser.STAR) {
                width = nextInt(true);
                if (width < 0) {
                    parser.justifyLeft();
                    width = -width;
                }
            }
            int precision = parser.parsePrecision();
            if (precision == PercentParser.STAR) precision = Math.max(0, nextInt(false));
            char c = parser.parseConversion();
            Object value = next();
            if (!ConversionSpec.isConversion(c)) throw PercentParser.unsupported(parser.text(), parser.conversionIndex());
            PercentConversions.append(out, ConversionSpec.of(parser.flags(), width, precision, c), value);
        }
    }
}
