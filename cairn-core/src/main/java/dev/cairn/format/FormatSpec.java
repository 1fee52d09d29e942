package dev.cairn.format;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Python's format-spec mini-language ({@code format(value, spec)}, the part after {@code :} in
 * {@code str.format}): {@code [[fill]align][sign][z][#][0][width][grouping][.precision][type]}
 * for str, int (bool included) and float values. Parse once with {@link #parse}, then
 * {@link #apply} on the hot path. Immutable and thread-safe.
 */
public final class FormatSpec {
    private static final FormatSpec EMPTY = new FormatSpec("");

    private final String text;
    private final int fill;
    private final char align;
    private final char sign;
    private final boolean noNegativeZero;
    private final boolean alternate;
    private final boolean zeroFlag;
    private final int width;
    private final char grouping;
    private final int precision;
    private final int type;
    /** A value-independent error, raised by apply after the value's type is checked, as Python orders them. */
    private final PyFormatException parseError;
    /** More than one character left after the precision: Python's error names the value's type, so it waits for one. */
    private final boolean invalid;

    private FormatSpec(String text) {
        Parts p = new Parts();
        try {
            if (!text.isEmpty()) p.parse(text);
        } catch (PyFormatException e) {
            p.error = e;
        }
        this.text = text;
        this.fill = p.fill;
        this.align = p.align;
        this.sign = p.sign;
        this.noNegativeZero = p.noNegativeZero;
        this.alternate = p.alternate;
        this.zeroFlag = p.zeroFlag;
        this.width = p.width;
        this.grouping = p.grouping;
        this.precision = p.precision;
        this.type = p.type;
        this.parseError = p.error;
        this.invalid = p.invalid;
    }

    /**
     * Parses a spec. Never throws: as in Python, a malformed spec fails when a value is formatted
     * with it, since the message can depend on the value's type; see {@link #error()}.
     */
    public static FormatSpec parse(String spec) {
        return spec.isEmpty() ? EMPTY : new FormatSpec(spec);
    }

    /**
     * The error every str, int or float value would meet with this spec, such as
     * {@code Format specifier missing precision}, or null; lets callers fail early.
     */
    public PyFormatException error() {
        return parseError;
    }

    /** Python's {@code format(value, spec)} in one call; parses the spec each time. */
    public static String format(Object value, String spec) {
        StringBuilder out = new StringBuilder();
        parse(spec).apply(out, value);
        return out.toString();
    }

    /** The parts of a spec while parse_internal_render_format_spec reads it, left to right. */
    private static final class Parts {
        int fill = ' ';
        boolean fillGiven;
        char align;
        char sign;
        boolean noNegativeZero;
        boolean alternate;
        boolean zeroFlag;
        int width = -1;
        char grouping;
        int precision = -1;
        int type;
        PyFormatException error;
        boolean invalid;

        void parse(String s) {
            int end = s.length();
            int pos = 0;
            int first = s.codePointAt(0);
            int afterFirst = Character.charCount(first);
            if (afterFirst < end && isAlign(s.charAt(afterFirst))) {
                fill = first;
                fillGiven = true;
                align = s.charAt(afterFirst);
                pos = afterFirst + 1;
            } else if (isAlign(s.charAt(0))) {
                align = s.charAt(0);
                pos = 1;
            }
            if (pos < end && (s.charAt(pos) == '+' || s.charAt(pos) == '-' || s.charAt(pos) == ' ')) sign = s.charAt(pos++);
            if (pos < end && s.charAt(pos) == 'z') {
                noNegativeZero = true;
                pos++;
            }
            if (pos < end && s.charAt(pos) == '#') {
                alternate = true;
                pos++;
            }
            if (!fillGiven && pos < end && s.charAt(pos) == '0') {
                zeroFlag = true;
                pos++;
            }
            int start = pos;
            pos = skipDigits(s, pos);
            if (pos > start) width = parseCount(s.substring(start, pos));
            if (pos < end && (s.charAt(pos) == ',' || s.charAt(pos) == '_')) {
                grouping = s.charAt(pos++);
                if (pos < end && (s.charAt(pos) == ',' || s.charAt(pos) == '_') && s.charAt(pos) != grouping) {
                    throw PyFormatException.valueError("Cannot specify both ',' and '_'.");
                }
            }
            if (pos < end && s.charAt(pos) == '.') {
                start = ++pos;
                pos = skipDigits(s, pos);
                if (pos == start) throw PyFormatException.valueError("Format specifier missing precision");
                precision = parseCount(s.substring(start, pos));
            }
            if (end - pos > 1) {
                invalid = s.codePointCount(pos, end) > 1;
            }
            if (!invalid && pos < end) type = s.codePointAt(pos);
        }
    }

    private static boolean isAlign(char c) {
        return c == '<' || c == '>' || c == '=' || c == '^';
    }

    private static int skipDigits(String s, int pos) {
        while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') pos++;
        return pos;
    }

    private static int parseCount(String digits) {
        if (digits.length() > 18 || Long.parseLong(digits) > Integer.MAX_VALUE) {
            throw PyFormatException.valueError("Too many decimal digits in format string");
        }
        return Integer.parseInt(digits);
    }

    /** The spec text as given. */
    @Override
    public String toString() {
        return text;
    }

    /** Whether the spec is empty, so formatting is plain {@code str(value)}. */
    public boolean isEmpty() {
        return text.isEmpty();
    }

    /**
     * Appends {@code format(value, spec)}. Strings (and Characters) format as str, Java integral
     * numbers and Boolean as int, Float and Double as float; an empty spec is {@code str(value)};
     * other values with a non-empty spec fail as {@code object.__format__} does.
     *
     * @throws PyFormatException with Python's type and message when the spec does not suit the value
     */
    public void apply(StringBuilder out, Object value) {
        if (text.isEmpty()) {
            PyObjects.appendStr(out, value);
            return;
        }
        if (parseError != null && isFormattable(value)) throw parseError;
        if (value instanceof CharSequence || value instanceof Character) {
            formatString(out, value.toString());
        } else if (PyNumbers.isInt(value)) {
            formatInt(out, value, value instanceof Boolean ? "bool" : "int");
        } else if (PyNumbers.isFloat(value)) {
            formatFloat(out, PyNumbers.doubleValue(value), "float");
        } else if (value instanceof BigDecimal) {
            // Deliberate simplification: Decimal.__format__ is its own formatter; a float is close.
            formatFloat(out, Double.parseDouble(value.toString()), "decimal.Decimal");
        } else {
            throw PyFormatException.typeError("unsupported format string passed to "
                    + PyObjects.typeName(value) + ".__format__");
        }
    }

    private static boolean isFormattable(Object value) {
        return value instanceof CharSequence || value instanceof Character || PyNumbers.isInt(value)
                || PyNumbers.isFloat(value) || value instanceof BigDecimal;
    }

    /** Checks what parse left to the value's type: the leftover text and the grouping/type pairing. */
    private void checkForType(int effectiveType, String typeName) {
        if (invalid) {
            throw PyFormatException.valueError("Invalid format specifier '" + text + "' for object of type '" + typeName + "'");
        }
        if (grouping == 0) return;
        boolean allowed;
        switch (effectiveType) {
            case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
                allowed = true;
                break;
            case 'b': case 'o': case 'x': case 'X':
                allowed = grouping == '_';
                break;
            default:
                allowed = false;
        }
        if (!allowed) {
            String shown = effectiveType >= 32 && effectiveType < 127
                    ? String.valueOf((char) effectiveType) : "\\x" + Integer.toHexString(effectiveType);
            throw PyFormatException.valueError("Cannot specify '" + grouping + "' with '" + shown + "'.");
        }
    }

    private PyFormatException unknownType(String typeName) {
        String shown = type >= 32 && type < 127 ? String.valueOf((char) type) : "\\x" + Integer.toHexString(type);
        return PyFormatException.valueError("Unknown format code '" + shown + "' for object of type '" + typeName + "'");
    }

    private void formatString(StringBuilder out, String value) {
        checkForType(type == 0 ? 's' : type, "str");
        if (type != 0 && type != 's') throw unknownType("str");
        if (sign == ' ') throw PyFormatException.valueError("Space not allowed in string format specifier");
        if (sign != 0) throw PyFormatException.valueError("Sign not allowed in string format specifier");
        if (noNegativeZero) {
            throw PyFormatException.valueError("Negative zero coercion (z) not allowed in string format specifier");
        }
        if (alternate) throw PyFormatException.valueError("Alternate form (#) not allowed in string format specifier");
        if (align == '=') throw PyFormatException.valueError("'=' alignment not allowed in string format specifier");
        int length = NumberLayout.codePoints(value);
        if (precision >= 0 && precision < length) {
            value = value.substring(0, value.offsetByCodePoints(0, precision));
            length = precision;
        }
        int pad = width - length;
        int left = 0;
        if (pad > 0 && align == '>') left = pad;
        else if (pad > 0 && align == '^') left = pad / 2;
        int stringFill = zeroFlag ? '0' : fill;
        NumberLayout.appendFill(out, stringFill, left);
        out.append(value);
        NumberLayout.appendFill(out, stringFill, Math.max(0, pad - left));
    }

    /** Fill and alignment for numbers: the {@code 0} flag means zero fill after the sign unless an alignment was given. */
    private int numberFill() {
        return zeroFlag ? '0' : fill;
    }

    private char numberAlign() {
        if (align != 0) return align;
        return zeroFlag ? '=' : '>';
    }

    private void formatInt(StringBuilder out, Object value, String typeName) {
        int t = type == 0 ? 'd' : type;
        checkForType(t, typeName);
        switch (t) {
            case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%':
                formatFloat(out, PyNumbers.toDouble(value), typeName);
                return;
            case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
                break;
            default:
                throw unknownType(typeName);
        }
        if (precision >= 0) throw PyFormatException.valueError("Precision not allowed in integer format specifier");
        if (noNegativeZero) {
            throw PyFormatException.valueError("Negative zero coercion (z) not allowed in integer format specifier");
        }
        if (t == 'c') {
            formatChar(out, value);
            return;
        }
        if (sign == 0 && width < 0 && grouping == 0 && !alternate && t == 'd' && PyNumbers.fitsLong(value)) {
            out.append(PyNumbers.longValue(value));
            return;
        }
        int radix = t == 'b' ? 2 : t == 'o' ? 8 : t == 'x' || t == 'X' ? 16 : 10;
        String digits = PyNumbers.magnitudeDigits(value, radix);
        String prefix = "";
        if (alternate && radix != 10) prefix = "0" + (char) t;
        if (t == 'X') digits = digits.toUpperCase(Locale.ROOT);
        NumberLayout.append(out, signChar(PyNumbers.isNegative(value)), prefix, digits, "",
                grouping, radix == 10 ? 3 : 4, numberFill(), numberAlign(), width);
    }

    private void formatChar(StringBuilder out, Object value) {
        if (sign != 0) throw PyFormatException.valueError("Sign not allowed with integer format specifier 'c'");
        if (alternate) {
            throw PyFormatException.valueError("Alternate form (#) not allowed with integer format specifier 'c'");
        }
        if (!PyNumbers.fitsLong(value)) {
            throw new PyFormatException("OverflowError", "Python int too large to convert to C long");
        }
        long cp = PyNumbers.longValue(value);
        if (cp < 0 || cp > Character.MAX_CODE_POINT) {
            throw new PyFormatException("OverflowError", "%c arg not in range(0x110000)");
        }
        NumberLayout.append(out, (char) 0, "", "", new String(Character.toChars((int) cp)),
                (char) 0, 3, numberFill(), numberAlign(), width);
    }

    private char signChar(boolean negative) {
        if (negative) return '-';
        return sign == '+' || sign == ' ' ? sign : 0;
    }

    private void formatFloat(StringBuilder out, double value, String typeName) {
        int t = type;
        checkForType(t, typeName);
        boolean addDot0 = false;
        int p = precision;
        switch (t) {
            case 0:
                // format_float_internal: no type is repr, or 'g' that keeps a '.0', when a precision is given.
                addDot0 = true;
                t = p < 0 ? 'r' : 'g';
                break;
            case 'n':
                t = 'g';
                break;
            case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%':
                break;
            default:
                throw unknownType(typeName);
        }
        if (sign == 0 && width < 0 && grouping == 0 && !alternate && t == 'r' && !noNegativeZero) {
            FloatText.appendRepr(out, value);
            return;
        }
        StringBuilder magnitude = new StringBuilder(24);
        FloatText.appendMagnitude(magnitude, Math.abs(value), (char) t, p, alternate, addDot0);
        boolean negative = FloatText.isNegative(value) && !(noNegativeZero && isZero(magnitude));
        int digitsEnd = 0;
        while (digitsEnd < magnitude.length() && Character.isDigit(magnitude.charAt(digitsEnd))) digitsEnd++;
        NumberLayout.append(out, signChar(negative), "", magnitude.substring(0, digitsEnd),
                magnitude.subSequence(digitsEnd, magnitude.length()), grouping, 3, numberFill(), numberAlign(), width);
    }

    /** Whether the mantissa shows only zeros, so {@code z} drops the minus sign (Py_DTSF_NO_NEG_0). */
    private static boolean isZero(CharSequence magnitude) {
        for (int i = 0; i < magnitude.length(); i++) {
            char c = magnitude.charAt(i);
            if (c == 'e' || c == 'E') break;
            if (c >= '1' && c <= '9') return false;
            if (c == 'n' || c == 'i') return false;
        }
        return true;
    }
}
