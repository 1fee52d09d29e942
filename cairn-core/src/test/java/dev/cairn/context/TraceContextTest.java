package dev.cairn.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** W3C traceparent/tracestate: parsing by the specification's rules, generation, and the request helpers. */
class TraceContextTest {
    private static final String HEADER = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @AfterEach
    void clean() {
        LogContext.clear();
    }

    @Test
    void parsesTheSpecificationsExample() {
        TraceContext t = TraceContext.parse(HEADER, "congo=t61rcWkgMzE, rojo=00f067aa0ba902b7");
        assertThat(t.getTraceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(t.getSpanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(t.isSampled()).isTrue();
        assertThat(t.getTraceState()).isEqualTo("congo=t61rcWkgMzE, rojo=00f067aa0ba902b7");
        assertThat(t.traceparent()).isEqualTo(HEADER);
    }

    @Test
    void rejectsWhatTheSpecificationCallsInvalid() {
        assertThat(TraceContext.parse(null, null)).isNull();
        assertThat(TraceContext.parse("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", null)).isNull();
        assertThat(TraceContext.parse("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01", null)).isNull();
        assertThat(TraceContext.parse("00-00000000000000000000000000000000-00f067aa0ba902b7-01", null)).isNull();
        assertThat(TraceContext.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01", null)).isNull();
        assertThat(TraceContext.parse(HEADER + "-extra", null)).isNull();
        assertThat(TraceContext.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0g", null)).isNull();
        assertThat(TraceContext.parse("00-4bf92f3577b34da6a3ce929d0e0e473-600f067aa0ba902b7-01", null)).isNull();
        // A later version is read by its first fields, and may carry more after a dash.
        assertThat(TraceContext.parse("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00-future", null).isSampled()).isFalse();
        assertThat(TraceContext.parse("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00xfuture", null)).isNull();
    }

    @Test
    void aHostileTracestateIsDropped() {
        assertThat(TraceContext.parse(HEADER, "a=b\r\nX-Injected: 1").getTraceState()).isNull();
        assertThat(TraceContext.parse(HEADER, "a=" + "x".repeat(600)).getTraceState()).isNull();
    }

    @Test
    void generatedContextsAreValidAndDistinct() {
        TraceContext a = TraceContext.generate();
        TraceContext b = TraceContext.generate();
        assertThat(TraceContext.parse(a.traceparent(), null)).isEqualTo(a);
        assertThat(a.getTraceId()).isNotEqualTo(b.getTraceId());
        TraceContext child = a.child();
        assertThat(child.getTraceId()).isEqualTo(a.getTraceId());
        assertThat(child.getSpanId()).isNotEqualTo(a.getSpanId());
        assertThatThrownBy(() -> TraceContext.of("xyz", "00f067aa0ba902b7", 1, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void incomingHeadersInAnyCaseAndShapeAreRead() {
        TraceContext t = TraceContext.fromHeaders(Map.of("TraceParent", List.of(HEADER), "TRACESTATE", List.of("a=1", "b=2")));
        assertThat(t.getTraceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(t.getTraceState()).isEqualTo("a=1,b=2");
        assertThat(TraceContext.fromHeaders(Map.of("traceparent", new String[] {HEADER}))).isNotNull();
        assertThat(TraceContext.fromHeaders(Map.of())).isNull();
    }

    @Test
    void enteringPutsTheIdsInTheLogContextAndStampingSendsThem() {
        TraceContext t = TraceContext.parse(HEADER, "a=1");
        try (LogContext.Scope s = t.enter()) {
            assertThat(LogContext.snapshot()).containsEntry("trace_id", t.getTraceId()).containsEntry("span_id", t.getSpanId())
                    .containsEntry("trace_flags", "01").containsEntry("tracestate", "a=1");
            assertThat(TraceContext.current()).isEqualTo(t);
            HttpRequest request = TraceContext.stamp(HttpRequest.newBuilder(URI.create("http://localhost/x"))).build();
            assertThat(request.headers().firstValue("traceparent")).contains(HEADER);
            assertThat(request.headers().firstValue("tracestate")).contains("a=1");
        }
        assertThat(TraceContext.current()).isNull();
        HttpRequest plain = TraceContext.stamp(HttpRequest.newBuilder(URI.create("http://localhost/x"))).build();
        assertThat(plain.headers().firstValue("traceparent")).isEmpty();
    }

    @Test
    void aRequestContinuesTheCallersTraceWithItsOwnSpanAndRequestId() {
        try (LogContext.Scope s = RequestContext.begin(Map.of("traceparent", HEADER, "X-Request-Id", "abc-123"))) {
            RequestContext.user("u7");
            RequestContext.session("s9");
            assertThat(LogContext.get("trace_id")).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
            assertThat(LogContext.get("span_id")).isNotEqualTo("00f067aa0ba902b7");
            assertThat(LogContext.snapshot()).containsEntry("request_id", "abc-123").containsEntry("user_id", "u7")
                    .containsEntry("session_id", "s9");
        }
        assertThat(LogContext.snapshot()).isEmpty();
        try (LogContext.Scope s = RequestContext.begin(Map.of("x-request-id", "bad\r\nid"))) {
            assertThat((String) LogContext.get("request_id")).matches("[0-9a-f]{32}");
            assertThat((String) LogContext.get("trace_id")).matches("[0-9a-f]{32}");
        }
    }
}
