package dev.cairn.test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.Level;
import dev.cairn.Logging;
import dev.cairn.NullHandler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A failed assertion says what was captured and what may explain what was not. */
@ExtendWith(FreshLogging.class)
class FailureMessagesTest {
    @Test
    void assertLogsListsTheRecordsBelowItsLevel() {
        Logging.getLogger("fm.db").setLevel(Level.DEBUG);
        assertThatThrownBy(() -> LogCapture.assertLogs("fm.db", Level.WARNING, () -> {
            Logging.getLogger("fm.db").info("connected to %s", "db1");
            Logging.getLogger("fm.db.pool").debug("pool size %d", 4);
        })).hasMessage("no logs of level WARNING or higher triggered on fm.db"
                + "\n  below WARNING, not captured:"
                + "\n    INFO:fm.db:connected to db1"
                + "\n    DEBUG:fm.db.pool:pool size 4");
    }

    @Test
    void assertLogsNamesOtherThreadsThatLoggedAtTheLevel() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "worker-1"));
        try {
            assertThatThrownBy(() -> LogCapture.assertLogs("fm.async", Level.INFO,
                    () -> pool.submit(() -> Logging.getLogger("fm.async").error("failed in the pool")).get()))
                    .hasMessage("no logs of level INFO or higher triggered on fm.async"
                            + "\n  from other threads, not captured: 1 record at INFO or higher (worker-1);"
                            + " if they were this test's, use wrap(), addThread() or fromAnyThread()");
        } finally {
            pool.shutdown();
            pool.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void assertLogsNamesLoggersOfTheSubtreeThatDropTheirRecords() {
        Logging.getLogger("fm.app.off").setDisabled(true);
        Logging.getLogger("fm.app.quiet").setLevel(Level.ERROR);
        Logging.getLogger("fm.app.own").setPropagate(false);
        assertThatThrownBy(() -> LogCapture.assertLogs("fm.app", Level.INFO, () -> {
            Logging.getLogger("fm.app.off").info("a");
            Logging.getLogger("fm.app.quiet").info("b");
            Logging.getLogger("fm.app.own").info("c");
        })).hasMessageStartingWith("no logs of level INFO or higher triggered on fm.app\n")
                .hasMessageContaining("\n  fm.app.off is disabled (by a configuration's disable_existing_loggers?)")
                .hasMessageContaining("\n  fm.app.quiet has level ERROR of its own")
                .hasMessageContaining("\n  fm.app.own does not propagate");
    }

    @Test
    void aQueryThatFoundNothingSaysTheCaptureWasRemovedByAReconfiguration() {
        try (LogCapture logs = LogCapture.start("fm.cfg", Level.INFO)) {
            Logging.dictConfig(Map.of("version", 1,
                    "handlers", Map.of("n", Map.of("class", "logging.NullHandler")),
                    "loggers", Map.of("fm.cfg", Map.of("handlers", List.of("n")))));
            Logging.getLogger("fm.cfg").warning("lost");
            assertThatThrownBy(() -> logs.find().messageContains("lost").assertAny())
                    .hasMessage("expected a record with message containing 'lost', found 0. Captured records: none"
                            + "\n  logging was reconfigured during the capture, which removed it from fm.cfg;"
                            + " configure logging before opening the capture");
        }
    }

    @Test
    void aLongListingIsCut() {
        try (LogCapture logs = LogCapture.start("fm.many", Level.INFO)) {
            for (int i = 0; i < 60; i++) Logging.getLogger("fm.many").info("record %d", i);
            assertThatThrownBy(() -> logs.find().messageContains("record 99").assertOne())
                    .hasMessageContaining("\n    INFO:fm.many:record 49\n  ... and 10 more");
        }
    }
}
