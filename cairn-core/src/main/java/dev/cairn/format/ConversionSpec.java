package dev.cairn.format;

/**
 * One printf-style conversion such as {@code %-8.3f}, without its mapping key: the flags
 * {@code - + space # 0}, the width and precision ({@link #NONE} when absent) and the conversion
 * character. An immutable value, parsed once and reused; {@code *} widths are resolved before a
 * spec is built.
 */
public final class ConversionSpec {
    /** Width or precision not given. */
    public static final int NONE = -1;
    /** The {@code -} flag: left-justify in the width. */
    public static final int LEFT = 1;
    /** The {@code +} flag: always print a sign for numbers. */
    public static final int SIGN = 2;
    /** The space flag: a blank before positive numbers. */
    public static final int BLANK = 4;
    /** The {@code #} flag: alternate form ({@code 0x} prefix, kept decimal point). */
    public static final int ALTERNATE = 8;
    /** The {@code 0} flag: pad numbers with zeros after the sign. */
    public static final int ZERO = 16;

    private static final String CONVERSIONS = "sradiuxXofFeEgGc";
    private static final ConversionSpec[] PLAIN = new ConversionSpec[128];

    static {
        for (char c : CONVERSIONS.toCharArray()) PLAIN[c] = new ConversionSpec(0, NONE, NONE, c);
    }

    private final int flags;
    private final int width;
    private final int precision;
    private final char conversion;

    private ConversionSpec(int flags, int width, int precision, char conversion) {
        this.flags = flags;
        this.width = width;
        this.precision = precision;
        this.conversion = conversion;
    }

    /**
     * A spec from its parts. {@code flags} is a sum of {@link #LEFT}, {@link #SIGN}, ...;
     * width and precision are {@link #NONE} or non-negative.
     *
     * @throws IllegalArgumentException for a conversion character Python does not know
     *     (the literal {@code %%} is not a conversion)
     */
    public static ConversionSpec of(int flags, int width, int precision, char conversion) {
        if (!isConversion(conversion)) {
            throw new IllegalArgumentException("unsupported conversion character '" + conversion + "'");
        }
        if (width < NONE || precision < NONE) throw new IllegalArgumentException("negative width or precision");
        if (flags == 0 && width == NONE && precision == NONE) return PLAIN[conversion];
        return new ConversionSpec(flags, width, precision, conversion);
    }

    /** The spec of a bare {@code %c} for conversion character {@code c}, shared. */
    public static ConversionSpec plain(char conversion) {
        return of(0, NONE, NONE, conversion);
    }

    /**
     * Parses one conversion written as in a template, such as {@code "%-8.3f"} or {@code "05d"}
     * (the leading {@code %} is optional; {@code *} and mapping keys are not accepted here).
     *
     * @throws PyFormatException with Python's message when the text is not one conversion
     */
    public static ConversionSpec parse(String text) {
        String body = text.startsWith("%") ? text.substring(1) : text;
        PercentParser parser = new PercentParser("%" + body);
        parser.startDirective(0);
        if (parser.hasKey()) throw new IllegalArgumentException("a mapping key is not part of a conversion spec: " + text);
        parser.parseFlags();
        int width = parser.parseWidth();
        int precision = parser.parsePrecision();
        if (width == PercentParser.STAR || precision == PercentParser.STAR) {
            throw new IllegalArgumentException("'*' must be resolved before building a conversion spec: " + text);
        }
        char c = parser.parseConversion();
        if (!isConversion(c) || parser.position() != body.length() + 1) {
            throw PercentParser.unsupported(parser.text(), parser.conversionIndex());
        }
        return of(parser.flags(), width, precision, c);
    }

    /** Whether {@code c} is one of Python's conversion characters {@code sradiuxXofFeEgGc}. */
    public static boolean isConversion(char c) {
        return c < 128 && PLAIN[c] != null;
    }

    /** The flag bits ({@link #LEFT} | {@link #SIGN} | ...). */
    public int flags() {
        return flags;
    }

    /** Whether the given flag bit is set. */
    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    /** The minimum width, or {@link #NONE}. */
    public int width() {
        return width;
    }

    /** The precision, or {@link #NONE}. */
    public int precision() {
        return precision;
    }

    /** The conversion character, such as {@code 's'} or {@code 'd'}. */
    public char conversion() {
        return conversion;
    }

    /** The spec written back as printf text, such as {@code %-8.3f}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("%");
        if (has(LEFT)) sb.append('-');
        if (has(SIGN)) sb.append('+');
        if (has(BLANK)) sb.append(' ');
        if (has(ALTERNATE)) sb.append('#');
        if (has(ZERO)) sb.append('0');
        if (width != NONE) sb.append(width);
        if (precision != NONE) sb.append('.').append(precision);
        return sb.append(conversion).toString();
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof ConversionSpec)) return false;
        ConversionSpec o = (ConversionSpec) other;
        return flags == o.flags && width == o.width && precision == o.precision && conversion == o.conversion;
    }

    @Override
    public int hashCode() {
        return ((flags * 31 + width) * 31 + precision) * 31 + conversion;
    }
}
