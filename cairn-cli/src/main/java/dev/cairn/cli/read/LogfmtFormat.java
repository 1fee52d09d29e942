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
                i++;
                while (i < n && line.charAt(i) != '"') {
                    char c = line.charAt(i++);
                    if (c == '\\' && i < n) {
                        c = line.charAt(i++);
                        c = c == 'n' ? '\n' : c == 't' ? '\t' : c;
                    }
                    out.append(c);
                }
                if (i >= n) {
                    return null;
                }
                i++;
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
}
