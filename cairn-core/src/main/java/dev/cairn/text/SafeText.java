package dev.cairn.text;

/**
 * Escapes text from messages and fields for line-oriented output, against log injection
 * (CWE-117): a line feed is escaped as {@code \n} or followed by an indent (see
 * {@link Multiline}); a carriage return, every other C0 and C1 control character, DEL, the
 * Unicode line and paragraph separators and the bidirectional overrides (which can make a line
 * read differently from its bytes) are written as Python-style {@code \xNN} or <code>&#92;uNNNN</code>
 * escapes; a lone surrogate becomes <code>&#92;udNNN</code>. Tabs and everything else are kept, and
 * nothing is interpreted. Stateless.
 */
public final class SafeText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private SafeText() {}

    /** What happens to a line feed inside a value. */
    public enum Multiline {
        /** Written as the two characters {@code \n}: every record stays on one line. */
        ESCAPE,
        /** Kept, followed by the indent: every continuation line starts with it. */
        INDENT,
        /** Kept as it is: only for output no one parses line by line. Other controls are still escaped. */
        KEEP
    }

    /** Appends {@code s} escaped; {@code indent} follows each kept line feed in INDENT mode. */
    public static void append(StringBuilder out, CharSequence s, Multiline mode, String indent) {
        int n = s.length();
        int start = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f || c == '\t' || c >= 0xa0 && !special(c)) continue;
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
                continue;
            }
            out.append(s, start, i);
            start = i + 1;
            if (c == '\n') {
                lineBreak(out, mode, indent);
            } else if (c == '\r' && mode != Multiline.ESCAPE && i + 1 < n && s.charAt(i + 1) == '\n') {
                // CRLF in a kept or indented value is one line break.
                lineBreak(out, mode, indent);
                i++;
                start = i + 1;
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c < 0x100) {
                out.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xf]);
            } else {
                out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf]).append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
            }
        }
        out.append(s, start, n);
    }

    /** {@code s} escaped, or {@code s} itself when there was nothing to escape. */
    public static String escape(String s, Multiline mode, String indent) {
        if (!needsEscaping(s)) return s;
        StringBuilder sb = new StringBuilder(s.length() + 16);
        append(sb, s, mode, indent);
        return sb.toString();
    }

    /** Whether {@link #append} would change {@code s}. */
    public static boolean needsEscaping(CharSequence s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f || c == '\t' || c >= 0xa0 && !special(c)) continue;
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
                continue;
            }
            return true;
        }
        return false;
    }

    /** Writes a line break of the record's own (between traceback lines) in the given mode. */
    static void lineBreak(StringBuilder out, Multiline mode, String indent) {
        if (mode == Multiline.ESCAPE) {
            out.append("\\n");
        } else {
            out.append('\n');
            if (mode == Multiline.INDENT) out.append(indent);
        }
    }

    /** Characters at or above U+00A0 that still need escaping. */
    private static boolean special(char c) {
        return c == 0x2028 || c == 0x2029 || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069
                || Character.isSurrogate(c);
    }
}
