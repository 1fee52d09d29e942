package dev.cairn.context;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Helpers for the usual request-scoped values, so every service names them alike:
 * {@code request_id}, {@code user_id}, {@code session_id}, and the W3C trace ids. A server
 * calls {@link #begin(Map)} with the incoming headers and closes the scope when the response
 * is sent:
 *
 * <pre>{@code
 * try (LogContext.Scope s = RequestContext.begin(headers)) {
 *     RequestContext.user(principal.getName());
 *     handle(request);
 * }
 * }</pre>
 */
public final class RequestContext {
    public static final String REQUEST_ID = "request_id";
    public static final String USER_ID = "user_id";
    public static final String SESSION_ID = "session_id";
    /** The incoming header whose value, if any, becomes the request id. */
    public static final String REQUEST_ID_HEADER = "x-request-id";

    private static final int MAX_ID = 128;

    private RequestContext() {}

    /**
     * Opens the context of one incoming request: the trace from its {@code traceparent} header
     * (a fresh span of it, as this process's work is a new span) or a new trace, and a request
     * id from {@code X-Request-Id} or a new one. Closing the scope restores the previous context.
     */
    public static LogContext.Scope begin(Map<String, ?> headers) {
        LogContext.Scope scope = LogContext.scope();
        TraceContext incoming = TraceContext.fromHeaders(headers);
        TraceContext trace = incoming != null ? incoming.child() : TraceContext.generate();
        trace.enter();
        String id = null;
        for (Map.Entry<String, ?> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().toLowerCase(Locale.ROOT).equals(REQUEST_ID_HEADER)) {
                Object v = e.getValue();
                if (v instanceof java.util.Collection) v = ((java.util.Collection<?>) v).stream().findFirst().orElse(null);
                id = cleanId(v == null ? null : v.toString());
            }
        }
        LogContext.put(REQUEST_ID, id != null ? id : newId());
        return scope;
    }

    /** Sets the user for the rest of the current scope. */
    public static void user(String userId) {
        LogContext.put(USER_ID, userId);
    }

    /** Sets the session for the rest of the current scope. */
    public static void session(String sessionId) {
        LogContext.put(SESSION_ID, sessionId);
    }

    /** A new random request id (a UUID without dashes). */
    public static String newId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** An id a client sent, if it is a short run of letters, digits and {@code -_.:}; else null. */
    static String cleanId(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_ID) return null;
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-_.:".indexOf(c) >= 0)) return null;
        }
        return id;
    }
}
