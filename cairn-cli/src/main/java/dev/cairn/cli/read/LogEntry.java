package dev.cairn.cli.read;

import java.util.Map;

/**
 * One log record as read from a file, whatever its format: the fields every analysis needs, plus
 * all other fields by name. Absent values are {@code null}; an unknown time is {@link #NO_TIME}.
 *
 * @param time      epoch milliseconds, or {@link #NO_TIME}
 * @param level     level name as written, upper-cased ({@code ERROR}, {@code WARN}), or null
 * @param logger    logger or component name, or null
 * @param message   the message text (never null)
 * @param traceId   trace or request id, or null
 * @param spanId    span id, or null
 * @param exception stack trace text, or null
 * @param fields    every field read, by name (flattened with dots for nested JSON)
 * @param source    the file the record came from
 * @param line      line number of the record's first line in that file, from 1
 */
public record LogEntry(long time, String level, String logger, String message, String traceId,
                       String spanId, String exception, Map<String, String> fields,
                       String source, long line) {

    /** The value of {@link #time} when the record carries no time that could be read. */
    public static final long NO_TIME = Long.MIN_VALUE;

    /** Python's numeric level for {@link #level}: 10 DEBUG ... 50 CRITICAL, 0 when unknown. */
    public int levelNo() {
        return Levels.number(level);
    }

    /** True when the level is ERROR or worse, or the record carries an exception. */
    public boolean isError() {
        return levelNo() >= Levels.ERROR || exception != null;
    }

    /** The service that wrote the record: a service field if there is one, else the file's base name. */
    public String service() {
        for (String key : Fields.SERVICE) {
            String value = fields.get(key);
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return Levels.baseName(source);
    }

    /** A copy with more text appended to the message or exception, for continuation lines. */
    public LogEntry withContinuation(String text, boolean asException) {
        if (asException) {
            String joined = exception == null ? text : exception + "\n" + text;
            return new LogEntry(time, level, logger, message, traceId, spanId, joined, fields, source, line);
        }
        return new LogEntry(time, level, logger, message + "\n" + text, traceId, spanId, exception, fields, source, line);
    }

    /** A copy at another time, for times read without a year or date and then placed ({@link PartialTimes}). */
    public LogEntry withTime(long time) {
        return new LogEntry(time, level, logger, message, traceId, spanId, exception, fields, source, line);
    }
}
