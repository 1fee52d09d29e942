package dev.cairn.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.Logging;
import dev.cairn.context.LogContext;
import dev.cairn.context.TraceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each preset writes its target schema's field names: every key of a line is either a field of
 * that schema or one of the record's own fields, and each schema field holds what it should.
 */
class JsonPresetsTest {
    private static final TraceContext TRACE = TraceContext.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", null);

    @BeforeEach
    @AfterEach
    void reset() {
        Logging.reset();
        LogContext.clear();
    }

    /** One ERROR record with an exception, a trace, a context field and a fluent field. */
    private static Map<String, Object> errorLine(JsonFormatter formatter, String logger) {
        JsonLines out = new JsonLines(logger, formatter);
        try (LogContext.Scope t = TRACE.enter(); LogContext.Scope s = LogContext.with("request_id", "r-1")) {
            out.logger.atError().field("order", 42).cause(new IllegalStateException("boom", new java.io.IOException("disk")))
                    .log("failed %s", "checkout");
        }
        return JsonLogParser.parseObject(out.last());
    }

    private static void assertOnlyKeys(Map<String, Object> line, Set<String> schema) {
        for (String key : line.keySet()) {
            assertThat(schema.contains(key) || key.equals("request_id") || key.equals("order") || key.equals("tracestate"))
                    .as("key '%s' is neither in the schema nor a record field", key).isTrue();
        }
    }

    @Test
    void ecsUsesElasticCommonSchemaFieldNames() {
        Map<String, Object> line = errorLine(JsonFormatter.preset("ecs"), "shop.ecs");
        assertOnlyKeys(line, Set.of("@timestamp", "log.level", "message", "ecs.version", "log.logger", "process.thread.name",
                "process.pid", "trace.id", "span.id", "error.type", "error.message", "error.stack_trace", "error.grouping_key",
                "trace_flags"));
        assertThat(Instant.parse((String) line.get("@timestamp"))).isNotNull();
        assertThat(line).containsEntry("log.level", "ERROR").containsEntry("message", "failed checkout")
                .containsEntry("ecs.version", "1.6.0").containsEntry("log.logger", "shop.ecs")
                .containsEntry("process.thread.name", Thread.currentThread().getName())
                .containsEntry("trace.id", TRACE.getTraceId()).containsEntry("span.id", TRACE.getSpanId())
                .containsEntry("error.type", "java.lang.IllegalStateException").containsEntry("error.message", "boom")
                .containsEntry("request_id", "r-1").containsEntry("order", 42L);
        assertThat((String) line.get("error.stack_trace")).startsWith("java.lang.IllegalStateException: boom\n\tat ")
                .contains("Caused by: java.io.IOException: disk");
        assertThat((String) line.get("error.grouping_key")).matches("[0-9a-f]{16}");
        assertThat(line.get("process.pid")).isEqualTo(ProcessHandle.current().pid());
    }

    @Test
    void logstashUsesLogstashEncoderFieldNames() {
        Map<String, Object> line = errorLine(JsonFormatter.preset("logstash"), "shop.logstash");
        assertOnlyKeys(line, Set.of("@timestamp", "@version", "message", "logger_name", "thread_name", "level", "level_value",
                "stack_trace", "error_fingerprint", "trace_id", "span_id", "trace_flags"));
        assertThat(Instant.parse((String) line.get("@timestamp"))).isNotNull();
        assertThat(line).containsEntry("@version", "1").containsEntry("message", "failed checkout")
                .containsEntry("logger_name", "shop.logstash").containsEntry("level", "ERROR").containsEntry("level_value", 40000L)
                .containsEntry("trace_id", TRACE.getTraceId());
        assertThat((String) line.get("stack_trace")).startsWith("java.lang.IllegalStateException: boom");
    }

    @Test
    void gcpUsesCloudLoggingSpecialFields() {
        JsonFormatter f = new JsonFormatter(Map.of("preset", "gcp", "project", "my-proj",
                "fields", List.of("timestamp", "levelname", "message", "name", "pathname", "lineno", "funcName",
                        "trace_id", "span_id", "trace_flags", "exception")));
        Map<String, Object> line = errorLine(f, "shop.gcp");
        assertOnlyKeys(line, Set.of("time", "severity", "message", "logger", "logging.googleapis.com/sourceLocation",
                "logging.googleapis.com/trace", "logging.googleapis.com/spanId", "logging.googleapis.com/trace_sampled",
                "stack_trace"));
        assertThat(line).containsEntry("severity", "ERROR").containsEntry("message", "failed checkout")
                .containsEntry("logging.googleapis.com/trace", "projects/my-proj/traces/" + TRACE.getTraceId())
                .containsEntry("logging.googleapis.com/spanId", TRACE.getSpanId())
                .containsEntry("logging.googleapis.com/trace_sampled", true);
        @SuppressWarnings("unchecked")
        Map<String, Object> where = (Map<String, Object>) line.get("logging.googleapis.com/sourceLocation");
        assertThat(where.keySet()).containsExactly("file", "line", "function");
        assertThat((String) where.get("line")).matches("[0-9]+");
        assertThat(where.get("function")).isEqualTo("errorLine");
        assertThat(Instant.parse((String) line.get("time"))).isNotNull();
    }

    @Test
    void gcpSeverityCoversPythonLevels() {
        assertThat(JsonFormatter.gcpSeverity(5)).isEqualTo("DEFAULT");
        assertThat(JsonFormatter.gcpSeverity(10)).isEqualTo("DEBUG");
        assertThat(JsonFormatter.gcpSeverity(25)).isEqualTo("INFO");
        assertThat(JsonFormatter.gcpSeverity(30)).isEqualTo("WARNING");
        assertThat(JsonFormatter.gcpSeverity(50)).isEqualTo("CRITICAL");
    }

    @Test
    void otelUsesTheLogDataModel() {
        JsonFormatter f = new JsonFormatter(Map.of("preset", "otel", "resource", Map.of("service.name", "shop")));
        Map<String, Object> line = errorLine(f, "shop.otel");
        assertThat(line.keySet()).containsExactly("Timestamp", "TraceId", "SpanId", "TraceFlags", "SeverityText",
                "SeverityNumber", "Body", "Resource", "InstrumentationScope", "Attributes");
        assertThat(line.get("Timestamp")).isInstanceOf(Long.class);
        assertThat((Long) line.get("Timestamp") / 1_000_000_000L).isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(5L));
        assertThat(line).containsEntry("TraceId", TRACE.getTraceId()).containsEntry("SpanId", TRACE.getSpanId())
                .containsEntry("TraceFlags", 1L).containsEntry("SeverityText", "ERROR").containsEntry("SeverityNumber", 17L)
                .containsEntry("Body", "failed checkout").containsEntry("Resource", Map.of("service.name", "shop"))
                .containsEntry("InstrumentationScope", Map.of("Name", "shop.otel"));
        @SuppressWarnings("unchecked")
        Map<String, Object> attributes = (Map<String, Object>) line.get("Attributes");
        assertThat(attributes.keySet()).containsExactly("thread.name", "thread.id", "exception.type", "exception.message",
                "exception.stacktrace", "exception.fingerprint", "request_id", "order");
        assertThat(attributes).containsEntry("exception.type", "java.lang.IllegalStateException");
    }

    @Test
    void otelSeverityNumbersFollowTheDataModelRanges() {
        assertThat(JsonFormatter.otelSeverity(10)).isEqualTo(5);
        assertThat(JsonFormatter.otelSeverity(20)).isEqualTo(9);
        assertThat(JsonFormatter.otelSeverity(25)).isEqualTo(11);
        assertThat(JsonFormatter.otelSeverity(30)).isEqualTo(13);
        assertThat(JsonFormatter.otelSeverity(40)).isEqualTo(17);
        assertThat(JsonFormatter.otelSeverity(50)).isEqualTo(21);
        assertThat(JsonFormatter.otelSeverity(5)).isEqualTo(3);
        assertThat(JsonFormatter.otelSeverity(100)).isEqualTo(24);
    }

    @Test
    void cairnWritesTheExceptionAsAnObjectWithCauses() {
        Map<String, Object> line = errorLine(new JsonFormatter(), "shop.cairn");
        assertThat(line.keySet()).containsExactly("timestamp", "level", "logger", "message", "thread", "exception",
                "error_fingerprint", "trace_id", "span_id", "trace_flags", "request_id", "order");
        @SuppressWarnings("unchecked")
        Map<String, Object> ex = (Map<String, Object>) line.get("exception");
        assertThat(ex).containsEntry("type", "java.lang.IllegalStateException").containsEntry("message", "boom");
        assertThat((List<?>) ex.get("frames")).isNotEmpty().allSatisfy(f -> assertThat(f).isInstanceOf(String.class));
        @SuppressWarnings("unchecked")
        Map<String, Object> cause = (Map<String, Object>) ex.get("cause");
        assertThat(cause).containsEntry("type", "java.io.IOException").containsEntry("message", "disk");
    }

    @Test
    void everyPresetReadsBackThroughItsParser() {
        for (String preset : JsonLayout.PRESETS) {
            JsonFormatter f = JsonFormatter.preset(preset);
            Map<String, Object> raw = errorLine(f, "shop.all." + preset);
            JsonLogParser.Event e = JsonLogParser.of(f).parse(JsonText0.toJson(raw));
            assertThat(e.message()).as(preset).isEqualTo("failed checkout");
            assertThat(e.name()).as(preset).isEqualTo("shop.all." + preset);
            assertThat(e.levelname()).as(preset).isEqualTo("ERROR");
            assertThat(e.timestamp()).as(preset).isNotNull();
            assertThat(e.fields()).as(preset).containsEntry("request_id", "r-1").containsEntry("order", 42L)
                    .containsEntry("trace_id", TRACE.getTraceId());
        }
    }

    /** Writes a parsed object back to text, so the parser is fed a line. */
    static final class JsonText0 {
        static String toJson(Map<String, Object> m) {
            StringBuilder sb = new StringBuilder();
            JsonText.appendValue(sb, m);
            return sb.toString();
        }
    }
}
