package dev.cairn.cli.trace;

import dev.cairn.cli.read.LogEntry;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which fields carry the id of a trace or request, and how their values are read: a W3C
 * {@code traceparent} ({@code 00-<trace-id>-<span-id>-01}) gives its trace id, Google Cloud's
 * {@code projects/P/traces/ID} gives {@code ID}, anything else is taken as written. Names are
 * matched by their last dotted part too, so {@code context.request_id} or {@code mdc.traceId}
 * count. Stateless.
 */
public final class TraceIds {

    private static final Set<String> ID_FIELDS = Set.of(
            "trace_id", "traceid", "trace.id", "trace", "traceparent", "x-request-id", "x-correlation-id",
            "request_id", "requestid", "request.id", "req_id", "reqid", "correlation_id", "correlationid",
            "correlation.id", "cid", "transaction.id", "logging.googleapis.com/trace", "_trace_id");

    private TraceIds() {
    }

    /** True when a field of this name holds a trace, request or correlation id. */
    public static boolean isIdField(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (ID_FIELDS.contains(lower)) {
            return true;
        }
        int dot = lower.lastIndexOf('.');
        return dot >= 0 && ID_FIELDS.contains(lower.substring(dot + 1))
                || lower.endsWith(".trace.id") || lower.endsWith(".request.id");
    }

    /**
     * The id a value stands for: the trace id of a {@code traceparent} header, the last part of a
     * Google Cloud trace name, or the value itself, stripped. Empty for nothing useful.
     */
    public static String normalise(String value) {
        if (value == null) {
            return "";
        }
        String v = value.strip();
        if (isTraceparent(v)) {
            return v.substring(3, 35).toLowerCase(Locale.ROOT);
        }
        int traces = v.indexOf("/traces/");
        if (v.startsWith("projects/") && traces > 0) {
            return v.substring(traces + "/traces/".length());
        }
        return v.equals("null") || v.equals("-") ? "" : v;
    }

    /** True for a W3C traceparent: version, 32-hex trace id, 16-hex parent id, flags, dash separated. */
    static boolean isTraceparent(String v) {
        if (v.length() < 55 || v.charAt(2) != '-' || v.charAt(35) != '-' || v.charAt(52) != '-') {
            return false;
        }
        for (int i = 0; i < 55; i++) {
            if (i != 2 && i != 35 && i != 52 && Character.digit(v.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Every id a record carries in its id fields, normalised, in field order. */
    public static Set<String> idsOf(LogEntry entry) {
        Set<String> ids = new LinkedHashSet<>();
        if (entry.traceId() != null) {
            add(ids, entry.traceId());
        }
        for (Map.Entry<String, String> f : entry.fields().entrySet()) {
            if (isIdField(f.getKey())) {
                add(ids, f.getValue());
            }
        }
        return ids;
    }

    /** The one id a record is grouped under when traces are listed: its first id, or null. */
    public static String primaryId(LogEntry entry) {
        if (entry.traceId() != null) {
            String id = normalise(entry.traceId());
            if (!id.isEmpty()) {
                return id;
            }
        }
        for (Map.Entry<String, String> f : entry.fields().entrySet()) {
            if (isIdField(f.getKey())) {
                String id = normalise(f.getValue());
                if (!id.isEmpty()) {
                    return id;
                }
            }
        }
        return null;
    }

    /**
     * True when the record belongs to one of {@code ids}: an id field holds it, any field's whole
     * value is it (a {@code Pid} column, an {@code order_id}), or the message contains it as a
     * whole token, as Loghub's HDFS messages name their block ({@code blk_-1608999687919862906}).
     */
    public static boolean belongs(LogEntry entry, Set<String> ids) {
        if (entry.traceId() != null && ids.contains(normalise(entry.traceId()))) {
            return true;
        }
        for (Map.Entry<String, String> f : entry.fields().entrySet()) {
            String value = f.getValue();
            if (ids.contains(value) || isIdField(f.getKey()) && ids.contains(normalise(value))) {
                return true;
            }
        }
        for (String id : ids) {
            if (containsToken(entry.message(), id)) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code token} occurs in {@code text} with no id character right before or after it. */
    static boolean containsToken(String text, String token) {
        if (token.isEmpty()) {
            return false;
        }
        for (int at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + 1)) {
            int end = at + token.length();
            if ((at == 0 || !isIdChar(text.charAt(at - 1))) && (end == text.length() || !isIdChar(text.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isIdChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-';
    }

    private static void add(Set<String> ids, String value) {
        String id = normalise(value);
        if (!id.isEmpty()) {
            ids.add(id);
        }
    }
}
