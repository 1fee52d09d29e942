package dev.cairn.cli.read;

import java.util.Map;

/** JSON lines: one object per line, any of the common field naming conventions ({@link Fields}). */
public final class JsonFormat implements LineFormat {

    @Override
    public String name() {
        return "json";
    }

    @Override
    public LogEntry parse(String line, String source, long lineNumber) {
        if (line.isEmpty() || line.charAt(0) != '{') {
            return null;
        }
        Map<String, String> fields = JsonLine.parse(line);
        return fields == null ? null : Fields.toEntry(fields, source, lineNumber);
    }
}
