package dev.cairn.cli.read;

import java.util.Map;

/**
 * The fallback for text logs of no known layout: every line is a record whose message is the line;
 * a leading timestamp and a level word among the first few words are recognised when present, and
 * the line's {@code key=value} pairs are its fields ({@link InlineFields}).
 */
public final class PlainFormat implements LineFormat {

    @Override
    public String name() {
        return "plain";
    }

    @Override
    public LogEntry parse(String line, String source, long lineNumber) {
        String[] words = line.split(" ", 8);
        HeaderReader header = new HeaderReader(line);
        long time = header.time(false) || header.time(true) ? header.time : LogEntry.NO_TIME;
        for (int k = Math.min(words.length, 5); k >= 1 && time == LogEntry.NO_TIME; k--) {
            String prefix = String.join(" ", java.util.Arrays.copyOf(words, k));
            if (prefix.length() >= 8 && Character.isDigit(prefix.charAt(prefix.length() - 1))) {
                time = Timestamps.parseLoose(prefix.replaceAll("^[\\[(]|[\\])]$", ""));
            }
        }
        String level = null;
        for (int k = 0; k < Math.min(words.length, 6); k++) {
            String w = words[k].replaceAll("^[\\[(<]+|[\\])>:,]+$", "");
            if (w.length() >= 4 && w.chars().allMatch(Character::isUpperCase) && Levels.number(w) > 0) {
                level = w;
                break;
            }
        }
        return InlineFields.textEntry(time, level, null, line, Map.of(), source, lineNumber);
    }

    /** True when a line looks like the continuation of a record: a traceback, frame or indented text. */
    public static boolean looksLikeContinuation(String line) {
        if (line.isEmpty()) {
            return false;
        }
        char c = line.charAt(0);
        return c == ' ' || c == '\t' || line.startsWith("Traceback ") || line.startsWith("Caused by:")
                || line.startsWith("During handling") || line.startsWith("The above exception")
                || line.matches("^([a-zA-Z_$][\\w$]*\\.)*[A-Z][\\w$]*(Error|Exception|Exit|Interrupt|Warning)(: .*)?$");
    }
}
