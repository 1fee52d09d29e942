package dev.cairn.format;

/**
 * A cursor over a printf-style template that reads one directive in the steps CPython's
 * {@code unicode_format_arg_parse} takes (key, flags, width, precision, conversion), so callers can
 * interleave argument lookups and raise errors in Python's order. Not thread-safe; one per parse.
 */
final class PercentParser {
    /** Returned for a width or precision given as {@code *}. */
    static final int STAR = -2;

    private final String text;
    private int pos;
    private int keyStart;
    private int keyEnd;
    private int flags;
    private int conversionIndex;

    PercentParser(String text) {
        this.text = text;
    }

    String text() {
        return text;
    }

    int position() {
        return pos;
    }

    /** Index of the next {@code %} at or after the cursor, or -1. */
    int nextPercent() {
        return text.indexOf('%', pos);
    }

    /** Moves to the {@code %} at {@code percentIndex}; true if it is the literal {@code %%}, which is then consumed. */
    boolean startDirective(int percentIndex) {
        pos = percentIndex + 1;
        keyStart = -1;
        keyEnd = -1;
        flags = 0;
        if (pos < text.length() && text.charAt(pos) == '%') {
            pos++;
            return true;
        }
        return false;
    }

    void skipTo(int index) {
        pos = index;
    }

    /** Whether the directive starts with a {@code (key)}; the key is read by {@link #parseKey()}. */
    boolean hasKey() {
        return pos < text.length() && text.charAt(pos) == '(';
    }

    /** Reads the parenthesised key, nested parentheses included, and returns it. */
    String parseKey() {
        int depth = 1;
        int i = pos + 1;
        while (i < text.length() && depth > 0) {
            char c = text.charAt(i);
            if (c == ')') depth--;
            else if (c == '(') depth++;
            i++;
        }
        if (depth > 0) throw PyFormatException.valueError("incomplete format key");
        keyStart = pos + 1;
        keyEnd = i - 1;
        pos = i;
        return text.substring(keyStart, keyEnd);
    }

    void parseFlags() {
        while (pos < text.length()) {
            switch (text.charAt(pos)) {
                case '-': flags |= ConversionSpec.LEFT; break;
                case '+': flags |= ConversionSpec.SIGN; break;
                case ' ': flags |= ConversionSpec.BLANK; break;
                case '#': flags |= ConversionSpec.ALTERNATE; break;
                case '0': flags |= ConversionSpec.ZERO; break;
                default: return;
            }
            pos++;
        }
    }

    int flags() {
        return flags;
    }

    /** Adds the LEFT flag, as a negative {@code *} width does. */
    void justifyLeft() {
        flags |= ConversionSpec.LEFT;
    }

    /** The width: digits, {@link #STAR}, or {@link ConversionSpec#NONE}. */
    int parseWidth() {
        if (pos < text.length() && text.charAt(pos) == '*') {
            pos++;
            return STAR;
        }
        return parseNumber("width too big");
    }

    /** The precision after a {@code .}: digits (none means 0), {@link #STAR}, or NONE without a dot. */
    int parsePrecision() {
        if (pos >= text.length() || text.charAt(pos) != '.') return ConversionSpec.NONE;
        pos++;
        if (pos < text.length() && text.charAt(pos) == '*') {
            pos++;
            return STAR;
        }
        int precision = parseNumber("precision too big");
        return precision == ConversionSpec.NONE ? 0 : precision;
    }

    private int parseNumber(String tooBig) {
        if (pos >= text.length() || !isDigit(text.charAt(pos))) return ConversionSpec.NONE;
        long value = 0;
        while (pos < text.length() && isDigit(text.charAt(pos))) {
            value = value * 10 + (text.charAt(pos++) - '0');
            if (value > Integer.MAX_VALUE) throw PyFormatException.valueError(tooBig);
        }
        return (int) value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Reads the conversion character after any C length modifier ({@code h l L}), which Python ignores. */
    char parseConversion() {
        if (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == 'h' || c == 'l' || c == 'L') pos++;
        }
        if (pos >= text.length()) throw PyFormatException.valueError("incomplete format");
        conversionIndex = pos;
        return text.charAt(pos++);
    }

    int conversionIndex() {
        return conversionIndex;
    }

    /** Python's error for a conversion character it does not know. */
    static PyFormatException unsupported(String text, int index) {
        // unicode_format_arg_format prints '?' for non-ASCII-printable characters and counts the
        // index in code points.
        int c = text.codePointAt(index);
        char shown = c >= 31 && c <= 126 ? (char) c : '?';
        return PyFormatException.valueError("unsupported format character '" + shown
                + "' (0x" + Integer.toHexString(c) + ") at index " + text.codePointCount(0, index));
    }
}
