package dev.cairn.json;

import java.util.List;

/**
 * One member of the JSON object a {@link JsonLayout} describes: an output key and where its
 * value comes from. Immutable; built once from a preset or from options.
 */
final class Member {
    /** Where a member's value comes from. */
    enum Source {
        /** ISO-8601 UTC time with milliseconds, {@code 2024-05-01T10:00:00.123Z}. */
        TIME_ISO,
        /** Seconds since the epoch as a number with a fraction (Python's {@code created}). */
        TIME_SECONDS,
        TIME_MILLIS,
        TIME_NANOS,
        /** Python's {@code asctime} through the formatter's {@code datefmt}. */
        ASCTIME,
        LEVELNAME,
        LEVELNO,
        /** {@code levelno * 1000}: Logback's level values for Python's levels (INFO is 20000 in both). */
        LEVEL_VALUE,
        GCP_SEVERITY,
        OTEL_SEVERITY_NUMBER,
        OTEL_SEVERITY_TEXT,
        NAME,
        MESSAGE,
        MSG,
        PATHNAME,
        FILENAME,
        MODULE,
        LINENO,
        /** The line number as a string, as Google's {@code sourceLocation.line} (an int64 in proto3 JSON). */
        LINENO_TEXT,
        FUNCNAME,
        CLASSNAME,
        CREATED,
        MSECS,
        RELATIVE_CREATED,
        THREAD,
        THREADNAME,
        PROCESS,
        PROCESSNAME,
        /** The traceback text, Python's {@code exc_text}. */
        EXC_TEXT,
        EXC_TYPE,
        EXC_MESSAGE,
        /** The exception as an object: type, message, frames, cause, suppressed. */
        EXCEPTION,
        STACK_INFO,
        FINGERPRINT,
        /** A fixed value from the configuration. */
        CONSTANT,
        /** A named value looked up as a record does: extra, then context, then fluent fields. */
        USER,
        /** Google's {@code logging.googleapis.com/trace}: {@code projects/P/traces/ID}. */
        GCP_TRACE,
        /** The sampled bit of W3C trace flags (hex text in the context) as a boolean. */
        TRACE_SAMPLED,
        /** The W3C trace flags as a number. */
        TRACE_FLAGS_NUMBER,
        /** A nested object holding {@link #children}; left out when none of them has a value. */
        GROUP,
        /** Where extra, context and fluent fields not claimed elsewhere go (nested when the key is non-null). */
        REST
    }

    /** The Python or Cairn attribute this member shows (what {@code fields} and {@code rename} name), or null. */
    final String attribute;
    final String key;
    final Source source;
    /** For CONSTANT the value; for USER, GCP_TRACE and the trace sources the context key read. */
    final Object argument;
    final Member[] children;
    /** The key as written, quoted and escaped, with its colon: computed once, not per record. */
    final String keyJson;

    Member(String attribute, String key, Source source, Object argument, List<Member> children) {
        this.attribute = attribute;
        this.key = key;
        this.source = source;
        this.argument = argument;
        this.children = children == null ? new Member[0] : children.toArray(new Member[0]);
        if (key != null) {
            StringBuilder sb = new StringBuilder(key.length() + 3);
            JsonText.appendString(sb, key);
            this.keyJson = sb.append(':').toString();
        } else {
            this.keyJson = null;
        }
    }

    static Member of(String attribute, String key, Source source) {
        return new Member(attribute, key, source, null, null);
    }

    /** The same member under another key. */
    Member renamed(String newKey) {
        return new Member(attribute, newKey, source, argument, List.of(children));
    }

    @Override
    public String toString() {
        return key + "<-" + (attribute != null ? attribute : source.name());
    }
}
