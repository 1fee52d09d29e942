package dev.cairn.cli.search;

import dev.cairn.cli.read.Levels;
import dev.cairn.cli.read.LinePrefilter;
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
     * A test that lets the reader skip JSON records that cannot match without parsing them (see
     * {@link SearchPrefilter}), or null when there is no condition to test. Make one per search: it
     * is not thread safe.
     */
    public LinePrefilter prefilter() {
        boolean any = since != LogEntry.NO_TIME || until != LogEntry.NO_TIME || minLevel > 0 || loggerPrefix != null
                || !expressions.isEmpty() || regex != null;
        return any ? new SearchPrefilter(this) : null;
    }

    /** Python's logger hierarchy: {@code app.db} is under {@code app} but {@code application} is not. */
    static boolean isUnder(String logger, String prefix) {
        return logger != null && logger.startsWith(prefix)
                && (logger.length() == prefix.length() || logger.charAt(prefix.length()) == '.');
    }
}
