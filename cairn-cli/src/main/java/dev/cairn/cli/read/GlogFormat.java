package dev.cairn.cli.read;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header of Google's glog and Kubernetes' klog, {@code I0501 12:00:00.123456   12345 main.go:42] message}:
 * the level's letter (I, W, E, F), month and day, time, thread id and source file with line (fields
 * {@code thread} and {@code caller}). The year is not written, so times are placed in 1970 as for
 * syslog. klog's structured lines ({@code ... main.go:42] "Pod started" pod="web-1"}) give the
 * message unquoted and their pairs as fields. Immutable and thread safe.
 */
public final class GlogFormat implements LineFormat {

    private static final Pattern HEADER = Pattern.compile("^([IWEF])(\\d\\d)(\\d\\d) (\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?) +(\\d+) ([^ \\]]+)\\] ?");

    @Override
    public String name() {
        return "glog";
    }

    @Override
    public LogEntry parse(String line, String source, long lineNumber) {
        if (line.length() < 20 || "IWEF".indexOf(line.charAt(0)) < 0) {
            return null;
        }
        Matcher m = HEADER.matcher(line);
        if (!m.lookingAt()) {
            return null;
        }
        TimeScanner.Found time = TimeScanner.scan("1970-" + m.group(2) + "-" + m.group(3) + " " + m.group(4), 0);
        if (time == null) {
            return null;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("thread", m.group(5));
        fields.put("caller", m.group(6));
        String level = switch (line.charAt(0)) {
            case 'I' -> "INFO";
            case 'W' -> "WARNING";
            case 'E' -> "ERROR";
            default -> "FATAL";
        };
        return InlineFields.textEntry(time.millis(), level, null, message(line, m.end()), fields, source, lineNumber);
    }

    /**
     * The message after the header; klog's structured calls ({@code klog.InfoS}) quote it before
     * their pairs ({@code "Pod started" pod="web-1"}), and it is read without the quotes.
     */
    private static String message(String line, int start) {
        if (start < line.length() && line.charAt(start) == '"') {
            StringBuilder quoted = new StringBuilder();
            int end = LogfmtFormat.readQuoted(line, start, quoted);
            if (end == line.length()) {
                return quoted.toString();
            }
            if (end > 0 && line.charAt(end) == ' ') {
                return quoted + line.substring(end);
            }
        }
        return line.substring(start);
    }
}
