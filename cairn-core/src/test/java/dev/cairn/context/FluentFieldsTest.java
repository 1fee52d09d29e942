package dev.cairn.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.Formatter;
import dev.cairn.Level;
import dev.cairn.LogRecord;
import dev.cairn.Logger;
import dev.cairn.Logging;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fluent fields: their own namespace, typed values, lookup order in text formats, and nothing done when disabled. */
class FluentFieldsTest {
    private final RecordList out = new RecordList();
    private Logger log;

    @BeforeEach
    void setUp() {
        Logging.reset();
        LogContext.clear();
        log = Logging.getLogger("fluent");
        log.setLevel(Level.INFO);
        log.addHandler(out);
    }

    @AfterEach
    void tearDown() {
        LogContext.clear();
    }

    @Test
    void fieldsAndCauseReachTheRecordWithTheirTypes() {
        IllegalStateException e = new IllegalStateException("x");
        log.atInfo().field("user", "ann").field("ms", 12).field("ok", true).field("ratio", 0.5)
                .field("c", 'z').cause(e).log("login %s", "ann");
        LogRecord r = out.records.get(0);
        assertThat(r.getMessage()).isEqualTo("login ann");
        assertThat(r.getFields()).containsExactly(Map.entry("user", "ann"), Map.entry("ms", 12),
                Map.entry("ok", true), Map.entry("ratio", 0.5), Map.entry("c", "z"));
        assertThat(r.getExcInfo()).isSameAs(e);
        assertThat(r.getExtra()).isEmpty();
    }

    @Test
    void fieldsMayUseAttributeNamesWhileExtraMayNot() {
        log.atWarning().field("name", "field value").field("msg", 1).log("m");
        LogRecord r = out.records.get(0);
        assertThat(r.getName()).isEqualTo("fluent");
        assertThat(r.get("name")).isEqualTo("fluent");
        assertThat(r.getFields()).containsEntry("name", "field value");
        assertThatThrownBy(() -> log.atWarning().extra("name", "x").log("m"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'name'");
    }

    @Test
    void textFormatsFindExtraThenContextThenFields() {
        Formatter f = new Formatter("%(k)s %(c)s %(f)s");
        try (LogContext.Scope s = LogContext.with("k", "context").and("c", "context")) {
            log.atInfo().extra("k", "extra").field("k", "field").field("c", "field").field("f", "field").log("m");
        }
        assertThat(f.format(out.records.get(0))).isEqualTo("extra context field");
    }

    @Test
    void disabledCallsShareOneNoOpAndBuildNothing() {
        assertThat(log.atDebug()).isSameAs(log.atDebug());
        log.atDebug().field("a", 1).fields(Map.of("b", 2)).cause(new RuntimeException()).log("never");
        assertThat(out.records).isEmpty();
        assertThat(log.atDebug()).isNotSameAs(log.atInfo());
    }

    @Test
    void errorRecordsWithAnExceptionCarryAFingerprint() {
        log.atError().cause(new IllegalStateException("boom")).log("failed");
        log.atWarning().cause(new IllegalStateException("boom")).log("only a warning");
        assertThat(out.records.get(0).getErrorFingerprint()).matches("[0-9a-f]{16}");
        assertThat(new Formatter("%(error_fingerprint)s").format(out.records.get(0)))
                .startsWith(out.records.get(0).getErrorFingerprint());
        assertThat(out.records.get(1).getErrorFingerprint()).isNull();
    }

    @Test
    void fieldsAndContextCrossAQueueHandlerToTheListenersThread() throws Exception {
        java.util.concurrent.BlockingQueue<LogRecord> queue = new java.util.concurrent.LinkedBlockingQueue<>();
        RecordList behind = new RecordList();
        dev.cairn.handlers.QueueListener listener = new dev.cairn.handlers.QueueListener(queue, behind);
        listener.start();
        log.removeHandler(out);
        log.addHandler(new dev.cairn.handlers.QueueHandler(queue));
        try (LogContext.Scope s = LogContext.with("request_id", "q1")) {
            log.atInfo().field("ms", 5).log("queued");
        }
        listener.stop();
        LogRecord r = behind.records.get(0);
        assertThat(r.getFields()).containsEntry("ms", 5);
        assertThat(r.getContext()).containsEntry("request_id", "q1");
        assertThat(r.get("request_id")).isEqualTo("q1");
    }
}
