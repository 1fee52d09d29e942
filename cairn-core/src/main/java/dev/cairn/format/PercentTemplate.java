package dev.cairn.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A {@code %}-style log format ({@code "%(asctime)s %(levelname)-8s %(message)s"}) compiled for
 * repeated use: Python's {@code PercentStyle}, whose rendering is {@code fmt % record.__dict__}.
 * Compilation validates as {@code PercentStyle.validate} does; anything Python only discovers
 * while formatting (an unsupported conversion, a missing key) is raised at the same point when
 * the template is rendered. Immutable and thread-safe.
 */
public final class PercentTemplate extends CompiledTemplate {
    /** PercentStyle.validation_pattern: the format must contain at least one %(name) conversion. */
    private static final Pattern VALIDATION = Pattern.compile(
            "%\\(\\w+\\)[#0+ -]*(\\*|\\d+)?(\\.(\\*|\\d+))?[diouxefgcrsa%]",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

    /** literals[i] precedes field i; the last one trails the last field. */
    private final String[] literals;
    private final String[] names;
    private final int[] indexes;
    private final ConversionSpec[] specs;
    /** What the format meets after its last field that makes Python raise, or null. */
    private final Failure failure;

    private PercentTemplate(String pattern, List<String> fieldNames, List<String> literals, List<String> names,
            List<ConversionSpec> specs, Failure failure) {
        super(pattern, fieldNames);
        this.literals = literals.toArray(new String[0]);
        this.names = names.toArray(new String[0]);
        this.specs = specs.toArray(new ConversionSpec[0]);
        this.indexes = indexesOf(this.names);
        this.failure = failure;
    }

    /** Compiles and validates, as {@code Formatter(fmt, style='%')} does. */
    public static PercentTemplate compile(String fmt) {
        return compile(fmt, true);
    }

    /**
     * Compiles the format; with {@code validate}, first checks it as {@code PercentStyle.validate}.
     *
     * @throws InvalidFormatException when validating and the format has no {@code %(name)}
     *     conversion: {@code Invalid format '...' for '%' style}
     */
    public static PercentTemplate compile(String fmt, boolean validate) {
        if (validate && !VALIDATION.matcher(fmt).find()) {
            throw new InvalidFormatException("Invalid format '" + fmt + "' for '%' style", fmt, true);
        }
        return new Compiler(fmt).compile();
    }

    @Override
    public void format(StringBuilder out, FieldLookup lookup) {
        String[] literals = this.literals;
        for (int i = 0; i < names.length; i++) {
            out.append(literals[i]);
            appendField(out, i, lookup);
        }
        out.append(literals[names.length]);
        if (failure != null) throw failure.raise(fieldNames(), lookup);
    }

    /**
     * Renders conversion {@code i} alone (its field looked up in {@code lookup}), as
     * {@link #format} renders it: for callers that compile the template further and render only
     * some fields this way.
     *
     * @throws PyFormatException as {@link #format} would for this field
     */
    public void appendField(StringBuilder out, int i, FieldLookup lookup) {
        ConversionSpec spec = specs[i];
        if (spec == STRING && lookup.appendStr(out, indexes[i], names[i])) return;
        Object value = valueOf(lookup, indexes[i], names[i]);
        if (spec == STRING) PyObjects.appendStr(out, value);
        else PercentConversions.append(out, spec, value);
    }

    /** How many {@code %(name)} conversions are rendered (those before any failure). */
    public int conversionCount() {
        return names.length;
    }

    /** The literal text before conversion {@code i}; {@code literal(conversionCount())} is the trailing text. */
    public String literal(int i) {
        return literals[i];
    }

    /** The field name of conversion {@code i}. */
    public String conversionField(int i) {
        return names[i];
    }

    /** The flags, width, precision and conversion character of conversion {@code i}. */
    public ConversionSpec conversionSpec(int i) {
        return specs[i];
    }

    /** Whether rendering ends in an error Python raises at format time (after the conversions). */
    public boolean failsWhenRendered() {
        return failure != null;
    }

    private static final ConversionSpec STRING = ConversionSpec.plain('s');

    /**
     * The error that ends a format at render time, after an optional key lookup (CPython fetches
     * {@code %(key)} values before it looks at what follows).
     */
    private static final class Failure {
        private final String key;
        private final Function<Object, PyFormatException> error;

        Failure(String key, Function<Object, PyFormatException> error) {
            this.key = key;
            this.error = error;
        }

        PyFormatException raise(List<String> fieldNames, FieldLookup lookup) {
            return error.apply(key == null ? null : valueOf(lookup, fieldNames.indexOf(key), key));
        }
    }

    /**
     * Walks the format as {@code PyUnicode_Format} walks it with a mapping argument, turning each
     * {@code %(key)} conversion into a field and the first thing that would raise into a Failure.
     */
    private static final class Compiler {
        private final String fmt;
        private final PercentParser parser;
        private final List<String> fieldNames = new ArrayList<>();
        private final List<String> literals = new ArrayList<>();
        private final List<String> names = new ArrayList<>();
        private final List<ConversionSpec> specs = new ArrayList<>();
        /** Whether the mapping itself is still there to be consumed by an unkeyed conversion. */
        private boolean mappingAvailable = true;

        Compiler(String fmt) {
            this.fmt = fmt;
            this.parser = new PercentParser(fmt);
        }

        PercentTemplate compile() {
            StringBuilder literal = new StringBuilder();
            int start = 0;
            int percent;
            Failure failure = null;
            while ((percent = fmt.indexOf('%', start)) >= 0) {
                literal.append(fmt, start, percent);
                if (parser.startDirective(percent)) {
                    literal.append('%');
                    start = parser.position();
                    continue;
                }
                literals.add(literal.toString());
                literal.setLength(0);
                try {
                    failure = directive();
                } catch (PyFormatException e) {
                    failure = new Failure(null, unused -> e);
                }
                if (failure != null) break;
                start = parser.position();
            }
            if (failure == null) literals.add(literal.append(fmt, start, fmt.length()).toString());
            return new PercentTemplate(fmt, fieldNames, literals, names, specs, failure);
        }

        /** Compiles one directive into a field, or returns the failure it leads to. */
        private Failure directive() {
            String key = null;
            if (parser.hasKey()) {
                key = parser.parseKey();
                if (!fieldNames.contains(key)) fieldNames.add(key);
                // The fetched value becomes the one argument left; the mapping is gone.
                mappingAvailable = false;
            }
            parser.parseFlags();
            int width = parser.parseWidth();
            if (width == PercentParser.STAR) return starFailure(key);
            int precision = parser.parsePrecision();
            if (precision == PercentParser.STAR) return starFailure(key);
            char c = parser.parseConversion();
            int index = parser.conversionIndex();
            if (key == null) return unkeyedFailure(c, index, parser.flags(), width, precision);
            if (!ConversionSpec.isConversion(c)) {
                return new Failure(key, value -> PercentParser.unsupported(fmt, index));
            }
            names.add(key);
            specs.add(ConversionSpec.of(parser.flags(), width, precision, c));
            return null;
        }

        /** A {@code *} takes the next argument: the keyed value (then none is left) or the mapping. */
        private Failure starFailure(String key) {
            if (key == null && !mappingAvailable) return new Failure(null, unused -> notEnoughArguments());
            return new Failure(key, value -> PyNumbers.isInt(value) && key != null
                    ? notEnoughArguments() : PyFormatException.typeError("* wants int"));
        }

        /**
         * A conversion without a key takes the whole mapping (Python would format the record's
         * __dict__), or finds no argument left.
         */
        private Failure unkeyedFailure(char c, int index, int flags, int width, int precision) {
            if (!mappingAvailable) return new Failure(null, unused -> notEnoughArguments());
            if (!ConversionSpec.isConversion(c)) return new Failure(null, unused -> PercentParser.unsupported(fmt, index));
            if (c == 's' || c == 'r' || c == 'a') {
                return new Failure(null, unused -> PyFormatException.typeError("'%" + c + "' without a key at index "
                        + index + " would format the whole record, which Cairn does not support"));
            }
            // Numeric conversions reject a dict with the same words whatever its content.
            ConversionSpec spec = ConversionSpec.of(flags, width, precision, c);
            return new Failure(null, unused -> {
                try {
                    PercentConversions.append(new StringBuilder(), spec, Map.of());
                } catch (PyFormatException e) {
                    return e;
                }
                throw new IllegalStateException("a dict formatted with " + spec);
            });
        }

        private static PyFormatException notEnoughArguments() {
            return PyFormatException.typeError("not enough arguments for format string");
        }
    }
}
