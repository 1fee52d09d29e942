package dev.cairn.format;

/**
 * Lays out a formatted number the way CPython's {@code calc_number_widths} and
 * {@code fill_number} do: padding, sign, prefix, zero-padding between sign and digits, grouped
 * integer digits, then the rest (fraction, exponent, or {@code inf}).
 */
final class NumberLayout {
    private NumberLayout() {
    }

    /**
     * Appends {@code sign + prefix + digits + rest}, with {@code digits} grouped by
     * {@code separator} every {@code groupSize} digits (separator 0 for none), padded to
     * {@code width} code points with {@code fill} as {@code align} ({@code < > ^ =}) says.
     */
    static void append(StringBuilder out, char sign, String prefix, String digits, CharSequence rest,
            char separator, int groupSize, int fill, char align, int width) {
        int nonDigits = (sign != 0 ? 1 : 0) + prefix.length() + codePoints(rest);
        CharSequence body = digits;
        if (separator != 0 && !digits.isEmpty()) {
            // Zero padding with '=' happens inside the grouping, so the padding zeros get separators too.
            int minWidth = fill == '0' && align == '=' ? width - nonDigits : 0;
            body = group(digits, separator, groupSize, minWidth);
        }
        int pad = width - nonDigits - body.length();
        int left = 0;
        int middle = 0;
        int right = 0;
        if (pad > 0) {
            switch (align) {
                case '<': right = pad; break;
                case '^': left = pad / 2; right = pad - left; break;
                case '=': middle = pad; break;
                default: left = pad;
            }
        }
        appendFill(out, fill, left);
        if (sign != 0) out.append(sign);
        out.append(prefix);
        appendFill(out, fill, middle);
        out.append(body).append(rest);
        appendFill(out, fill, right);
    }

    /** CPython's InsertThousandsGrouping with a minimum width filled by zeros. */
    private static CharSequence group(String digits, char separator, int size, int minWidth) {
        StringBuilder reversed = new StringBuilder(digits.length() * 4 / 3 + 2);
        int remaining = digits.length();
        boolean first = true;
        while (true) {
            int length = Math.min(size, Math.max(Math.max(remaining, minWidth), 1));
            int chars = Math.max(0, Math.min(remaining, length));
            int zeros = Math.max(0, length - remaining);
            if (!first) reversed.append(separator);
            first = false;
            for (int i = 0; i < chars; i++) reversed.append(digits.charAt(remaining - 1 - i));
            for (int i = 0; i < zeros; i++) reversed.append('0');
            remaining -= chars;
            minWidth -= length;
            if (remaining <= 0 && minWidth <= 0) break;
            minWidth -= 1;
        }
        return reversed.reverse();
    }

    static void appendFill(StringBuilder out, int fill, int count) {
        for (int i = 0; i < count; i++) out.appendCodePoint(fill);
    }

    static int codePoints(CharSequence s) {
        return Character.codePointCount(s, 0, s.length());
    }
}
