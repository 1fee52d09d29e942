package dev.cairn.context;

import java.net.http.HttpRequest;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A W3C Trace Context (https://www.w3.org/TR/trace-context/): trace-id, parent span-id and
 * flags from a {@code traceparent} header, plus the opaque {@code tracestate}. Parsed from an
 * incoming request ({@link #parse}, {@link #fromHeaders}), generated when there is none
 * ({@link #generate}), put into the {@link LogContext} for the request's records
 * ({@link #enter}: keys {@code trace_id}, {@code span_id}, {@code trace_flags} and, when
 * present, {@code tracestate}), and sent on outgoing calls ({@link #stamp}). Immutable.
 */
public final class TraceContext {
    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";
    /** The LogContext keys; JSON presets map them to their schema's trace fields. */
    public static final String TRACE_ID = "trace_id";
    public static final String SPAN_ID = "span_id";
    public static final String TRACE_FLAGS = "trace_flags";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ZERO_TRACE = "00000000000000000000000000000000";
    private static final String ZERO_SPAN = "0000000000000000";

    private final String traceId;
    private final String spanId;
    private final int flags;
    private final String traceState;

    private TraceContext(String traceId, String spanId, int flags, String traceState) {
        this.traceId = traceId;
        this.spanId = spanId;
        this.flags = flags;
        this.traceState = traceState;
    }

    /**
     * A context from explicit parts: 32 and 16 lowercase hex digits, not all zero.
     *
     * @throws IllegalArgumentException for a malformed id or flags outside 0-255
     */
    public static TraceContext of(String traceId, String spanId, int flags, String traceState) {
        if (!isHex(traceId, 32) || traceId.equals(ZERO_TRACE)) throw new IllegalArgumentException("bad trace-id '" + traceId + "'");
        if (!isHex(spanId, 16) || spanId.equals(ZERO_SPAN)) throw new IllegalArgumentException("bad span-id '" + spanId + "'");
        if (flags < 0 || flags > 255) throw new IllegalArgumentException("bad trace-flags " + flags);
        return new TraceContext(traceId, spanId, flags, emptyToNull(traceState));
    }

    /**
     * The context of a {@code traceparent} header (and {@code tracestate}, may be null), or
     * null when the header is missing or invalid, as the specification asks a receiver to treat
     * it: version {@code ff}, upper-case hex, all-zero ids, a version-00 header of the wrong
     * length. Higher versions are read by their first four fields.
     */
    public static TraceContext parse(String traceparent, String tracestate) {
        if (traceparent == null) return null;
        String h = traceparent.trim();
        if (h.length() < 55 || h.charAt(2) != '-' || h.charAt(35) != '-' || h.charAt(52) != '-') return null;
        String version = h.substring(0, 2);
        if (!isHex(version, 2) || version.equals("ff")) return null;
        if (version.equals("00") ? h.length() != 55 : h.length() > 55 && h.charAt(55) != '-') return null;
        String traceId = h.substring(3, 35);
        String spanId = h.substring(36, 52);
        String flags = h.substring(53, 55);
        if (!isHex(traceId, 32) || !isHex(spanId, 16) || !isHex(flags, 2)) return null;
        if (traceId.equals(ZERO_TRACE) || spanId.equals(ZERO_SPAN)) return null;
        return new TraceContext(traceId, spanId, Integer.parseInt(flags, 16), emptyToNull(tracestate));
    }

    /**
     * The context of an incoming request's headers, as a servlet container or HTTP server
     * exposes them: names in any case, each value a String or a collection of Strings (the
     * first {@code traceparent}; {@code tracestate} values joined by commas). Null when absent
     * or invalid.
     */
    public static TraceContext fromHeaders(Map<String, ?> headers) {
        String traceparent = null;
        StringBuilder tracestate = null;
        for (Map.Entry<String, ?> e : headers.entrySet()) {
            if (e.getKey() == null) continue;
            String name = e.getKey().toLowerCase(Locale.ROOT);
            if (name.equals(TRACEPARENT) && traceparent == null) {
                traceparent = first(e.getValue());
            } else if (name.equals(TRACESTATE)) {
                for (String v : all(e.getValue())) {
                    if (tracestate == null) tracestate = new StringBuilder(v);
                    else tracestate.append(',').append(v);
                }
            }
        }
        return parse(traceparent, tracestate == null ? null : tracestate.toString());
    }

    /** A new trace with a random trace-id and span-id, sampled. */
    public static TraceContext generate() {
        return new TraceContext(randomHex(16, ZERO_TRACE), randomHex(8, ZERO_SPAN), 1, null);
    }

    /** The same trace with a new span-id, for work this process starts on the caller's behalf. */
    public TraceContext child() {
        return new TraceContext(traceId, randomHex(8, ZERO_SPAN), flags, traceState);
    }

    /**
     * The trace context in this thread's {@link LogContext}, or null when there is none (or it
     * was not set by {@link #enter}).
     */
    public static TraceContext current() {
        Fields c = LogContext.current();
        Object t = c.get(TRACE_ID);
        Object s = c.get(SPAN_ID);
        Object f = c.get(TRACE_FLAGS);
        if (!(t instanceof String) || !(s instanceof String)) return null;
        String state = c.get(TRACESTATE) instanceof String ? (String) c.get(TRACESTATE) : null;
        return parse("00-" + t + "-" + s + "-" + (f instanceof String ? f : "01"), state);
    }

    /** Puts this context's ids into the {@link LogContext} until the returned scope is closed. */
    public LogContext.Scope enter() {
        LogContext.Scope scope = LogContext.scope();
        LogContext.put(TRACE_ID, traceId);
        LogContext.put(SPAN_ID, spanId);
        LogContext.put(TRACE_FLAGS, flagsHex());
        LogContext.put(TRACESTATE, traceState);
        return scope;
    }

    /**
     * Adds {@code traceparent} (and {@code tracestate}) for the current trace context to an
     * outgoing JDK HttpClient request; the builder unchanged when there is none.
     */
    public static HttpRequest.Builder stamp(HttpRequest.Builder request) {
        TraceContext current = current();
        return current == null ? request : current.stampOn(request);
    }

    /** Adds this context's headers to {@code request}. */
    public HttpRequest.Builder stampOn(HttpRequest.Builder request) {
        request.setHeader(TRACEPARENT, traceparent());
        if (traceState != null) request.setHeader(TRACESTATE, traceState);
        return request;
    }

    /** The {@code traceparent} header value: {@code 00-traceid-spanid-flags}. */
    public String traceparent() {
        return "00-" + traceId + "-" + spanId + "-" + flagsHex();
    }

    public String getTraceId() {
        return traceId;
    }

    public String getSpanId() {
        return spanId;
    }

    public int getFlags() {
        return flags;
    }

    public boolean isSampled() {
        return (flags & 1) != 0;
    }

    /** The {@code tracestate} header value, or null. */
    public String getTraceState() {
        return traceState;
    }

    private String flagsHex() {
        return String.format("%02x", flags);
    }

    private static boolean isHex(String s, int length) {
        if (s == null || s.length() != length) return false;
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) return false;
        }
        return true;
    }

    private static String randomHex(int bytes, String zero) {
        byte[] b = new byte[bytes];
        StringBuilder sb;
        do {
            RANDOM.nextBytes(b);
            sb = new StringBuilder(bytes * 2);
            for (byte x : b) sb.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
        } while (sb.toString().equals(zero));
        return sb.toString();
    }

    private static String first(Object value) {
        if (value instanceof Collection) {
            for (Object v : (Collection<?>) value) return v == null ? null : v.toString();
            return null;
        }
        if (value instanceof String[]) return ((String[]) value).length > 0 ? ((String[]) value)[0] : null;
        return value == null ? null : value.toString();
    }

    private static java.util.List<String> all(Object value) {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (value instanceof Collection) {
            for (Object v : (Collection<?>) value) if (v != null) out.add(v.toString());
        } else if (value instanceof String[]) {
            for (String v : (String[]) value) if (v != null) out.add(v);
        } else if (value != null) {
            out.add(value.toString());
        }
        return out;
    }

    /**
     * A usable tracestate or null: at most 512 characters of printable ASCII, the limits the
     * specification gives, so a hostile header can neither grow every record nor break a line.
     */
    private static String emptyToNull(String s) {
        if (s == null) return null;
        String t = s.trim();
        if (t.isEmpty() || t.length() > 512) return null;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < 0x20 || c > 0x7e) return null;
        }
        return t;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TraceContext)) return false;
        TraceContext t = (TraceContext) o;
        return traceId.equals(t.traceId) && spanId.equals(t.spanId) && flags == t.flags && Objects.equals(traceState, t.traceState);
    }

    @Override
    public int hashCode() {
        return Objects.hash(traceId, spanId, flags, traceState);
    }

    @Override
    public String toString() {
        return traceparent() + (traceState != null ? " " + traceState : "");
    }
}
