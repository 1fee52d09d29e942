package dev.cairn.cli.read;

import java.util.LinkedHashMap;
import java.util.Map;

/** logfmt lines ({@code time=... level=info msg="a b" user=alice}): at least two {@code key=value} pairs. */
public final class LogfmtFormat implements LineFormat {

    @Override
    public String name() {
        return "logfmt";
    }

    @Override
    public LogEntry parse(String line, String source, long lineNumber) {
        Map<String, String> fields = pairs(line);
        return fields == null ? null : Fields.toEntry(fields, source, lineNumber);
    }

    /** The pairs of a logfmt line, or null when the line is not logfmt. */
    static Map<String, String> pairs(String line) {
        Map<String, String> fields = new LinkedHashMap<>();
        int n = line.length();
        int i = 0;
        while (i < n) {
            while (i < n && line.charAt(i) == ' ') {
                i++;
            }
            if (i >= n) {
                break;
            }
            int keyStart = i;
            while (i < n && line.charAt(i) != '=' && line.charAt(i) != ' ' && line.charAt(i) != '"') {
                i++;
            }
            if (i == keyStart || i >= n || line.charAt(i) != '=') {
                return null;
            }
            String key = line.substring(keyStart, i++);
            String value;
            if (i < n && line.charAt(i) == '"') {
                StringBuilder out = new StringBuilder();
                i = readQuoted(line, i, out);
                if (i < 0) {
                    return null;
                }
                value = out.toString();
            } else {
                int valueStart = i;
                while (i < n && line.charAt(i) != ' ') {
                    i++;
                }
                value = line.substring(valueStart, i);
            }
            fields.put(key, value);
        }
        return fields.size() >= 2 ? fields : null;
    }

    /**
     * Reads the double-quoted string opening at {@code open} into {@code out}, with logfmt's
     * backslash escapes ({@code \n}, {@code \t}, any other character as itself); the index after
     * the closing quote, or -1 when the string is not closed.
     */
    static int readQuoted(String s, int open, StringBuilder out) {
        int n = s.length();
        int i = open + 1;
        while (i < n && s.charAt(i) != '"') {
            char c = s.charAt(i++);
            if (c == '\\' && i < n) {
                c = s.charAt(i++);
                c = c == 'n' ? '\n' : c == 't' ? '\t' : c;
            }
            out.append(c);
        }
        return i < n ? i + 1 : -1;
    }
}
