package dev.cairn.cli.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.cli.read.LogEntry;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TraceIdsTest {

    private static LogEntry entry(long time, String level, String message, Map<String, String> fields, String source) {
        return new LogEntry(time, level, null, message, null, null, null, fields, source, 1);
    }

    @Test
    void traceparentAndGcpTraceNamesGiveTheTraceId() {
        assertThat(TraceIds.normalise("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"))
                .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(TraceIds.normalise("projects/p1/traces/abc123")).isEqualTo("abc123");
        assertThat(TraceIds.normalise(" req-1 ")).isEqualTo("req-1");
        assertThat(TraceIds.normalise("null")).isEmpty();
    }

    @Test
    void idFieldsAreRecognisedByTheirLastDottedPart() {
        assertThat(TraceIds.isIdField("context.request_id")).isTrue();
        assertThat(TraceIds.isIdField("mdc.traceId")).isTrue();
        assertThat(TraceIds.isIdField("trace.id")).isTrue();
        assertThat(TraceIds.isIdField("user_id")).isFalse();
    }

    @Test
    void messageMatchesOnlyWholeTokens() {
        assertThat(TraceIds.containsToken("block blk_-12 done", "blk_-12")).isTrue();
        assertThat(TraceIds.containsToken("block blk_-123 done", "blk_-12")).isFalse();
        assertThat(TraceIds.containsToken("[req-7] ok", "req-7")).isTrue();
        assertThat(TraceIds.containsToken("xreq-7", "req-7")).isFalse();
    }

    @Test
    void recordBelongsByIdFieldAnyFieldValueOrMessageToken() {
        assertThat(TraceIds.belongs(entry(0, null, "m", Map.of("ctx.correlation_id", "c-1"), "a"), Set.of("c-1"))).isTrue();
        assertThat(TraceIds.belongs(entry(0, null, "m", Map.of("Pid", "24833"), "a"), Set.of("24833"))).isTrue();
        assertThat(TraceIds.belongs(entry(0, null, "for c-1.", Map.of(), "a"), Set.of("c-1"))).isTrue();
        assertThat(TraceIds.belongs(entry(0, null, "for c-12", Map.of("x", "c-12"), "a"), Set.of("c-1"))).isFalse();
    }
}
