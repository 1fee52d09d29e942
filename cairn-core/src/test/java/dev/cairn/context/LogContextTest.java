package dev.cairn.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.Logger;
import dev.cairn.Logging;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The thread's context: put/get/remove/clear, scopes that restore, snapshots, and records that carry it. */
class LogContextTest {
    @BeforeEach
    @AfterEach
    void clean() {
        LogContext.clear();
        Logging.reset();
    }

    @Test
    void putGetRemoveClearActOnTheCurrentThreadInInsertionOrder() {
        LogContext.put("b", 2);
        LogContext.put("a", 1);
        LogContext.put("b", 3);
        assertThat(LogContext.get("b")).isEqualTo(3);
        assertThat(List.copyOf(LogContext.snapshot().keySet())).containsExactly("b", "a");
        LogContext.remove("b");
        assertThat(LogContext.snapshot()).isEqualTo(Map.of("a", 1));
        LogContext.put("a", null);
        assertThat(LogContext.snapshot()).isEmpty();
        LogContext.put("c", "x");
        LogContext.clear();
        assertThat(LogContext.get("c")).isNull();
    }

    @Test
    void scopesRestoreTheWholePreviousContextEvenAfterNestedChanges() {
        LogContext.put("user", "outer");
        try (LogContext.Scope s = LogContext.with("user", "inner").and("request_id", "r1")) {
            LogContext.put("extra", true);
            try (LogContext.Scope t = LogContext.with(Map.of("request_id", "r2"))) {
                assertThat(LogContext.snapshot()).containsEntry("request_id", "r2").containsEntry("user", "inner");
            }
            assertThat(LogContext.get("request_id")).isEqualTo("r1");
            assertThat(LogContext.get("extra")).isEqualTo(true);
        }
        assertThat(LogContext.snapshot()).isEqualTo(Map.of("user", "outer"));
    }

    @Test
    void snapshotIsImmutableAndUnaffectedByLaterChanges() {
        LogContext.put("k", "v1");
        Map<String, Object> snap = LogContext.snapshot();
        LogContext.put("k", "v2");
        assertThat(snap).containsEntry("k", "v1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> snap.put("x", 1))
                .isInstanceOf(UnsupportedOperationException.class);
        LogContext.restore(snap);
        assertThat(LogContext.get("k")).isEqualTo("v1");
        LogContext.restore(null);
        assertThat(LogContext.snapshot()).isEmpty();
    }

    @Test
    void recordsCarryTheContextCurrentWhenTheyWereMade() {
        RecordList out = new RecordList();
        Logger log = Logging.getLogger("ctx.records");
        log.addHandler(out);
        try (LogContext.Scope s = LogContext.with("request_id", "abc")) {
            log.warning("inside");
            LogContext.put("step", 2);
            log.warning("later");
        }
        log.warning("outside");
        assertThat(out.records.get(0).getContext()).isEqualTo(Map.of("request_id", "abc"));
        assertThat(out.records.get(1).getContext()).containsEntry("step", 2);
        assertThat(out.records.get(2).getContext()).isEmpty();
        assertThat(out.records.get(0).get("request_id")).isEqualTo("abc");
    }

    @Test
    void recordsShareTheContextInstanceRatherThanCopyingIt() {
        RecordList out = new RecordList();
        Logger log = Logging.getLogger("ctx.share");
        log.addHandler(out);
        LogContext.put("a", 1);
        log.warning("one");
        log.warning("two");
        assertThat(out.records.get(0).getContext()).isSameAs(out.records.get(1).getContext())
                .isSameAs(LogContext.current());
    }

    @Test
    void threadsFromAWrappedFactoryStartInTheCreatorsContext() throws Exception {
        java.util.concurrent.ThreadFactory factory = LogContext.wrapThreadFactory(Thread::new);
        Object[] seen = new Object[2];
        Thread t;
        try (LogContext.Scope s = LogContext.with("job", "j1")) {
            t = factory.newThread(() -> seen[0] = LogContext.get("job"));
        }
        Thread plain = new Thread(() -> seen[1] = LogContext.get("job"));
        t.start();
        plain.start();
        t.join();
        plain.join();
        assertThat(seen).containsExactly("j1", null);
    }
}
