package dev.cairn.cli.read;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The fallback for text logs of no known layout: every line is a record whose message is the line;
 * a leading timestamp in one of {@link TimeScanner}'s shapes and a level word among the first few
 * words are recognised when present, and the line's {@code key=value} pairs are its fields
 * ({@link InlineFields}).
 */
public final class PlainFormat implements LineFormat {

    /** The first line of a stack trace or traceback's end: {@code java.io.IOException: disk}, {@code ValueError: bad}. */
    private static final Pattern EXCEPTION_LINE =
            Pattern.compile("([a-zA-Z_$][\\w$]*\\.)*[A-Z][\\w$]*(Error|Exception|Exit|Interrupt|Warning)(: .*)?");

    @Override
    public String name() {
        return "plain";
    }

    @Override
    public LogEntry parse(String line, String source, long lineNumber) {
        HeaderReader header = new HeaderReader(line);
        long time = header.time(false) || header.time(true) ? header.time : LogEntry.NO_TIME;
        return InlineFields.textEntry(time, levelWord(line), null, line, Map.of(), source, lineNumber);
    }

    /**
     * The first upper-case level name ({@code ERROR}, {@code [WARN]}, {@code <INFO>}, {@code DEBUG:})
     * among the line's first six words, or null. Upper case only: "error" and "Info" are words of
     * prose as often as levels.
     */
    private static String levelWord(String line) {
        int n = line.length();
        int i = 0;
        for (int word = 0; word < 6 && i < n; word++) {
            while (i < n && line.charAt(i) == ' ') {
                i++;
            }
            int from = i;
            while (i < n && line.charAt(i) != ' ') {
                i++;
            }
            int to = i;
            while (from < to && "[(<".indexOf(line.charAt(from)) >= 0) {
                from++;
            }
            while (to > from && "])>:,".indexOf(line.charAt(to - 1)) >= 0) {
                to--;
            }
            if (to - from >= 4 && isUpperCase(line, from, to)) {
                String candidate = line.substring(from, to);
                if (Levels.number(candidate) > 0) {
                    return candidate;
                }
            }
        }
        return null;
    }

    private static boolean isUpperCase(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            if (!Character.isUpperCase(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /** True when a line looks like the continuation of a record: a traceback, frame or indented text. */
    public static boolean looksLikeContinuation(String line) {
        if (line.isEmpty()) {
            return false;
        }
        char c = line.charAt(0);
        return c == ' ' || c == '\t' || line.startsWith("Traceback ") || line.startsWith("Caused by:")
                || line.startsWith("During handling") || line.startsWith("The above exception")
                || EXCEPTION_LINE.matcher(line).matches();
    }
}
