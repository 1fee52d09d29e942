package dev.cairn.format;

import static dev.cairn.format.ConversionSpec.ALTERNATE;
import static dev.cairn.format.ConversionSpec.BLANK;
import static dev.cairn.format.ConversionSpec.LEFT;
import static dev.cairn.format.ConversionSpec.NONE;
import static dev.cairn.format.ConversionSpec.SIGN;
import static dev.cairn.format.ConversionSpec.ZERO;

/**
 * The body of one printf conversion (CPython's {@code unicode_format_arg_format} and
 * {@code unicode_format_arg_output}): the value turned into text by the conversion character,
 * then signed, prefixed and padded to the width.
 */
final class PercentConversions {
    private PercentConversions() {
    }

    static void append(StringBuilder out, ConversionSpec spec, Object value) {
        char c = spec.conversion();
        boolean plain = spec.flags() == 0 && spec.width() == NONE && spec.precision() == NONE;
        switch (c) {
            case 's':
                if (plain) {
                    PyObjects.appendStr(out, value);
                    return;
                }
                appendText(out, spec, value);
                return;
            case 'r': case 'a':
                appendText(out, spec, value);
                return;
            case 'd': case 'i': case 'u':
                if (plain && (value instanceof Integer || value instanceof Long)) {
                    out.append(((Number) value).longValue());
                    return;
                }
                Object number = PyNumbers.toInt(value);
                if (number == null) {
                    throw PyFormatException.typeError("%" + c + " format: a real number is required, not "
                            + PyObjects.typeName(value));
                }
                appendInt(out, spec, number, 10, "");
                return;
            case 'x': case 'X': case 'o':
                if (!PyNumbers.isInt(value)) {
                    throw PyFormatException.typeError("%" + c + " format: an integer is required, not "
                            + PyObjects.typeName(value));
                }
                String prefix = !spec.has(ALTERNATE) ? "" : c == 'o' ? "0o" : c == 'x' ? "0x" : "0X";
                appendInt(out, spec, value, c == 'o' ? 8 : 16, prefix);
                return;
            case 'c':
                appendChar(out, spec, value);
                return;
            default:
                appendFloat(out, spec, value);
        }
    }

    private static void appendText(StringBuilder out, ConversionSpec spec, Object value) {
        int start = out.length();
        char c = spec.conversion();
        if (c == 's') PyObjects.appendStr(out, value);
        else if (c == 'r') PyObjects.appendRepr(out, value);
        else PyObjects.appendAscii(out, value);
        if (spec.precision() != NONE) truncate(out, start, spec.precision());
        padText(out, start, spec.width(), spec.has(LEFT));
    }

    /** Cuts what was appended since {@code start} to {@code codePoints} code points, as Python counts length. */
    static void truncate(StringBuilder out, int start, int codePoints) {
        if (out.length() - start <= codePoints) return;
        out.setLength(out.offsetByCodePoints(start, Math.min(codePoints, out.codePointCount(start, out.length()))));
    }

    /** Pads what was appended since {@code start} with spaces to {@code width} code points. */
    static void padText(StringBuilder out, int start, int width, boolean left) {
        if (width == NONE || out.length() - start >= width) return;
        int pad = width - out.codePointCount(start, out.length());
        if (pad <= 0) return;
        if (left) {
            appendRepeated(out, ' ', pad);
        } else {
            out.insert(start, spaces(pad));
        }
    }

    private static void appendChar(StringBuilder out, ConversionSpec spec, Object value) {
        int start = out.length();
        if (PyNumbers.isInt(value)) {
            long cp = PyNumbers.fitsLong(value) ? PyNumbers.longValue(value) : -1;
            if (cp < 0 || cp > Character.MAX_CODE_POINT) {
                throw new PyFormatException("OverflowError", "%c arg not in range(0x110000)");
            }
            out.appendCodePoint((int) cp);
        } else if (value instanceof Character) {
            out.append((char) (Character) value);
        } else if (value instanceof CharSequence && isOneCodePoint((CharSequence) value)) {
            out.append((CharSequence) value);
        } else {
            throw PyFormatException.typeError("%c requires int or char");
        }
        padText(out, start, spec.width(), spec.has(LEFT));
    }

    private static boolean isOneCodePoint(CharSequence s) {
        return s.length() == 1 || (s.length() == 2 && Character.isHighSurrogate(s.charAt(0))
                && Character.isLowSurrogate(s.charAt(1)));
    }

    private static void appendInt(StringBuilder out, ConversionSpec spec, Object number, int radix, String prefix) {
        String digits = PyNumbers.magnitudeDigits(number, radix);
        if (spec.conversion() == 'X') digits = digits.toUpperCase(java.util.Locale.ROOT);
        int zeros = spec.precision() > digits.length() ? spec.precision() - digits.length() : 0;
        int start = out.length();
        appendSign(out, spec, PyNumbers.isNegative(number));
        out.append(prefix);
        appendRepeated(out, '0', zeros);
        out.append(digits);
        padNumber(out, start, spec, prefix.length());
    }

    private static void appendFloat(StringBuilder out, ConversionSpec spec, Object value) {
        Double d = PyNumbers.toDouble(value);
        if (d == null) throw PyFormatException.typeError("must be real number, not " + PyObjects.typeName(value));
        double v = d;
        int start = out.length();
        appendSign(out, spec, FloatText.isNegative(v));
        FloatText.appendMagnitude(out, Math.abs(v), spec.conversion(), spec.precision(), spec.has(ALTERNATE), false);
        padNumber(out, start, spec, 0);
    }

    private static void appendSign(StringBuilder out, ConversionSpec spec, boolean negative) {
        if (negative) out.append('-');
        else if (spec.has(SIGN)) out.append('+');
        else if (spec.has(BLANK)) out.append(' ');
    }

    /** Pads a number to the width: spaces before, spaces after ({@code -}), or zeros after sign and prefix ({@code 0}). */
    private static void padNumber(StringBuilder out, int start, ConversionSpec spec, int prefixLength) {
        int pad = spec.width() - (out.length() - start);
        if (pad <= 0) return;
        if (spec.has(LEFT)) {
            appendRepeated(out, ' ', pad);
        } else if (spec.has(ZERO)) {
            int signLength = out.length() > start && isSign(out.charAt(start)) ? 1 : 0;
            out.insert(start + signLength + prefixLength, repeated('0', pad));
        } else {
            out.insert(start, spaces(pad));
        }
    }

    private static boolean isSign(char c) {
        return c == '-' || c == '+' || c == ' ';
    }

    static void appendRepeated(StringBuilder out, char c, int count) {
        for (int i = 0; i < count; i++) out.append(c);
    }

    private static String spaces(int count) {
        return repeated(' ', count);
    }

    private static String repeated(char c, int count) {
        return String.valueOf(c).repeat(count);
    }
}
