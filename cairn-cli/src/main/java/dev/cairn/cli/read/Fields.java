package dev.cairn.cli.read;

import java.util.Map;

/**
 * The field names structured logs use for the common record parts (Cairn's JSON, python-json-logger,
 * ECS, Logstash, GELF, logfmt, Docker's json-file conventions), and the mapping from a flat field map to a {@link LogEntry}.
 */
public final class Fields {

    static final String[] TIME = {"timestamp", "@timestamp", "Timestamp", "time", "asctime", "created", "ts", "t", "date"};
    static final String[] LEVEL = {"level", "levelname", "severity", "SeverityText", "log.level", "loglevel", "lvl", "level_name"};
    static final String[] LOGGER = {"logger", "name", "logger_name", "log.logger", "loggerName", "_logger_name", "logger.name"};
    static final String[] MESSAGE = {"message", "msg", "short_message", "event", "Body", "Content", "log"};
    static final String[] TRACE = {"trace_id", "traceId", "TraceId", "trace.id", "traceid", "request_id", "requestId",
        "correlation_id", "correlationId", "_trace_id", "req_id"};
    static final String[] SPAN = {"span_id", "spanId", "SpanId", "span.id", "_span_id"};
    static final String[] EXCEPTION = {"exception", "exc_info", "error.stack_trace", "stack_trace", "stacktrace",
        "exc_text", "full_message", "err"};
    static final String[] SERVICE = {"service", "service.name", "service_name", "app", "application", "host"};

    /** The parts of a record that {@link #toEntry} and {@link LogEntry#service()} read from fields by name. */
    public enum Part { TIME, LEVEL, LOGGER, MESSAGE, TRACE, SPAN, EXCEPTION, SERVICE }

    /**
     * The field names a part is read from, in the order they are tried; for pre-filters that must
     * read the fields a record is made of. {@link Part#EXCEPTION} is also rebuilt from
     * {@code exception.*} fields (see {@link #exception}).
     */
    public static java.util.List<String> names(Part part) {
        return java.util.List.of(switch (part) {
            case TIME -> TIME;
            case LEVEL -> LEVEL;
            case LOGGER -> LOGGER;
            case MESSAGE -> MESSAGE;
            case TRACE -> TRACE;
            case SPAN -> SPAN;
            case EXCEPTION -> EXCEPTION;
            case SERVICE -> SERVICE;
        });
    }

    private Fields() {
    }

    /** The first non-empty value among {@code names}, or null. */
    public static String first(Map<String, String> fields, String[] names) {
        for (String name : names) {
            String value = fields.get(name);
            if (value != null && !value.isEmpty() && !value.equals("null")) {
                return value;
            }
        }
        return null;
    }

    /** A record from flattened fields, reading the common parts by their usual names. */
    public static LogEntry toEntry(Map<String, String> fields, String source, long line) {
        String level = first(fields, LEVEL);
        String message = first(fields, MESSAGE);
        if (message != null && message.endsWith("\n")) {
            message = message.stripTrailing();  // Docker's json-file driver keeps the line's newline in "log"
        }
        return new LogEntry(
                Timestamps.parse(first(fields, TIME)),
                level == null ? null : level.toUpperCase(java.util.Locale.ROOT),
                first(fields, LOGGER),
                message == null ? "" : message,
                first(fields, TRACE),
                first(fields, SPAN),
                exception(fields),
                fields, source, line);
    }

    /**
     * The stack trace text of a record: a text field if there is one, else one rebuilt in Java's
     * layout from an exception object ({@code type}, {@code message}, {@code frames}, {@code cause},
     * as Cairn's JSON writes it and OpenTelemetry's {@code exception.*} attributes), else null.
     */
    static String exception(Map<String, String> fields) {
        String text = first(fields, EXCEPTION);
        if (text != null && !text.startsWith("{")) {
            return text;
        }
        String stacktrace = fields.get("exception.stacktrace");
        if (stacktrace != null && !stacktrace.isEmpty()) {
            return stacktrace;
        }
        if (fields.get("exception.type") == null) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        String prefix = "exception";
        for (int depth = 0; depth < 16 && fields.get(prefix + ".type") != null; depth++, prefix += ".cause") {
            if (depth > 0) {
                out.append("\nCaused by: ");
            }
            out.append(fields.get(prefix + ".type"));
            String message = fields.get(prefix + ".message");
            if (message != null && !message.isEmpty()) {
                out.append(": ").append(message);
            }
            for (String frame : JsonLine.strings(fields.get(prefix + ".frames"))) {
                out.append("\n\tat ").append(frame);
            }
        }
        return out.toString();
    }
}
