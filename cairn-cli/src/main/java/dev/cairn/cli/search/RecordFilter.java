package dev.cairn.cli.search;

import dev.cairn.cli.read.Levels;
import dev.cairn.cli.read.LogEntry;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The conjunction of a search's conditions: time range, minimum level, logger prefix, field
 * expressions and a regular expression over the message and exception text. Immutable.
 *
 * @param since       earliest time, epoch milliseconds inclusive, or {@link LogEntry#NO_TIME}
 * @param until       latest time, epoch milliseconds exclusive, or {@link LogEntry#NO_TIME}
 * @param minLevel    minimum Python level number, 0 for any
 * @param loggerPrefix logger name prefix (a logger and its children), or null
 * @param expressions field conditions, all of which must hold
 * @param regex       pattern searched in message and exception, or null
 */
public record RecordFilter(long since, long until, int minLevel, String loggerPrefix,
                           List<FieldExpression> expressions, Pattern regex) implements Predicate<LogEntry> {

    @Override
    public boolean test(LogEntry e) {
        if (since != LogEntry.NO_TIME && (e.time() == LogEntry.NO_TIME || e.time() < since)) {
            return false;
        }
        if (until != LogEntry.NO_TIME && (e.time() == LogEntry.NO_TIME || e.time() >= until)) {
            return false;
        }
        if (minLevel > 0 && Levels.number(e.level()) < minLevel) {
            return false;
        }
        if (loggerPrefix != null && !isUnder(e.logger(), loggerPrefix)) {
            return false;
        }
        for (FieldExpression x : expressions) {
            if (!x.test(e)) {
                return false;
            }
        }
        return regex == null || regex.matcher(e.message()).find()
                || (e.exception() != null && regex.matcher(e.exception()).find());
    }

    /**
     * A cheap necessary condition on a raw JSON line, or null when there is none: every literal the
     * conditions need must occur in the line, and an unanchored regex must match somewhere in it.
     * Sound for JSON lines without escapes, where each field value is a substring of the line; the
     * reader only applies it to such lines. Lets search skip parsing most lines.
     */
    public java.util.function.Predicate<String> rawLinePrefilter() {
        List<java.util.function.Predicate<String>> checks = new java.util.ArrayList<>();
        for (FieldExpression x : expressions) {
            String literal = x.requiredLiteral();
            if (literal != null && !literal.isEmpty()) {
                checks.add(line -> line.contains(literal));
            }
        }
        if (loggerPrefix != null && !loggerPrefix.isEmpty()) {
            checks.add(line -> line.contains(loggerPrefix));
        }
        if (minLevel > 0) {
            checks.add(line -> rawLevelAtLeast(line, minLevel));
        }
        if (regex != null && !ANCHORED.matcher(regex.pattern()).find()) {
            checks.add(line -> regex.matcher(line).find());
        }
        if (checks.isEmpty()) {
            return null;
        }
        return line -> {
            if (line.indexOf('\\') >= 0) {
                return true;  // escaped text differs from the decoded value: let the full parse decide
            }
            for (java.util.function.Predicate<String> check : checks) {
                if (!check.test(line)) {
                    return false;
                }
            }
            return true;
        };
    }

    private static final String[] LEVEL_KEYS = {"\"level\"", "\"levelname\"", "\"severity\"", "\"loglevel\"", "\"lvl\""};

    /** False only when the line's level field is found, known, and below {@code min}. */
    static boolean rawLevelAtLeast(String line, int min) {
        for (String key : LEVEL_KEYS) {
            int at = line.indexOf(key);
            if (at < 0) {
                continue;
            }
            int i = at + key.length();
            while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == ':')) {
                i++;
            }
            boolean quoted = i < line.length() && line.charAt(i) == '"';
            int start = quoted ? i + 1 : i;
            int end = start;
            while (end < line.length() && line.charAt(end) != '"' && line.charAt(end) != ','
                    && line.charAt(end) != '}' && (quoted || line.charAt(end) != ' ')) {
                end++;
            }
            int number = Levels.number(line.substring(start, end));
            if (number > 0) {
                return number >= min;
            }
        }
        return true;
    }

    /** Constructs whose meaning changes when the text is searched inside a longer line. */
    private static final Pattern ANCHORED = Pattern.compile("\\^|\\$|\\\\[bBAZzG]|\\(\\?<?[=!]|\\(\\?[a-zA-Z]*m");

    /** Python's logger hierarchy: {@code app.db} is under {@code app} but {@code application} is not. */
    static boolean isUnder(String logger, String prefix) {
        return logger != null && logger.startsWith(prefix)
                && (logger.length() == prefix.length() || logger.charAt(prefix.length()) == '.');
    }
}
