package dev.cairn.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.Level;
import dev.cairn.Logger;
import dev.cairn.Logging;
import dev.cairn.context.LogContext;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The plain API: what a capture sees, Python's assertLogs/assertNoLogs, pytest's caplog, and restoring levels. */
@ExtendWith(FreshLogging.class)
class LogCaptureTest {
    @Test
    void capturesTheSubtreeAtItsLevelAndRestoresTheLoggerLevel() {
        Logger parent = Logging.getLogger("cap.a");
        try (LogCapture logs = LogCapture.start("cap.a", Level.DEBUG)) {
            assertThat(parent.getLevel()).isEqualTo(Level.DEBUG);
            Logging.getLogger("cap.a.b").debug("child %s", "debug");
            parent.info("own info");
            Logging.getLogger("cap.other").warning("not in the subtree");
            assertThat(logs.messages()).containsExactly("child debug", "own info");
            assertThat(logs.output()).containsExactly("DEBUG:cap.a.b:child debug", "INFO:cap.a:own info");
        }
        assertThat(parent.getLevel()).isEqualTo(Level.NOTSET);
        assertThat(parent.getHandlers()).isEmpty();
    }

    @Test
    void aCaptureNeverRaisesALevelAndAtNotsetChangesNone() {
        Logger logger = Logging.getLogger("cap.low");
        logger.setLevel(Level.DEBUG);
        try (LogCapture logs = LogCapture.start("cap.low", Level.WARNING)) {
            assertThat(logger.getLevel()).isEqualTo(Level.DEBUG);
            logger.info("below the capture level");
            logger.error("kept");
            assertThat(logs.messages()).containsExactly("kept");
        }
        try (LogCapture logs = LogCapture.start()) {
            assertThat(Logging.getLogger().getLevel()).isEqualTo(Level.WARNING);
            Logging.getLogger("cap.root").info("dropped by the root's WARNING");
            Logging.getLogger("cap.root").warning("kept");
            assertThat(logs.messages()).containsExactly("kept");
        }
    }

    @Test
    void otherThreadsAreLeftOutUnlessAddedOrWrapped() throws Exception {
        Logger logger = Logging.getLogger("cap.threads");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (LogCapture logs = LogCapture.start("cap.threads", Level.INFO)) {
            pool.submit(() -> logger.info("another test's record")).get();
            pool.submit(logs.wrap(() -> logger.info("handed to a pool"))).get();
            pool.submit(() -> logger.info("the pool thread is no longer followed")).get();
            Thread worker = new Thread(() -> logger.info("added thread"));
            logs.addThread(worker);
            worker.start();
            worker.join();
            logger.info("own thread");
            assertThat(logs.messages()).containsExactly("handed to a pool", "added thread", "own thread");
        }
        try (LogCapture logs = LogCapture.on("cap.threads").level(Level.INFO).fromAnyThread().start()) {
            pool.submit(() -> logger.info("any thread")).get();
            assertThat(logs.messages()).containsExactly("any thread");
        } finally {
            pool.shutdown();
            pool.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void textIsPytestsFormatWithTheCallersFileAndLine() {
        try (LogCapture logs = LogCapture.start("cap.text", Level.INFO)) {
            Logging.getLogger("cap.text").warning("disk %d%% full", 91);
            assertThat(logs.text()).matches("WARNING  cap\\.text:LogCaptureTest\\.java:\\d+ disk 91% full\n");
            logs.clear();
            assertThat(logs.text()).isEmpty();
        }
    }

    @Test
    void setLevelIsPytestsSetLevelUndoneAtClose() {
        Logger other = Logging.getLogger("cap.set.other");
        try (LogCapture logs = LogCapture.start()) {
            logs.setLevel("cap.set.other", Level.DEBUG);
            assertThat(other.getLevel()).isEqualTo(Level.DEBUG);
            other.debug("now visible");
            assertThat(logs.messages()).containsExactly("now visible");
        }
        assertThat(other.getLevel()).isEqualTo(Level.NOTSET);
    }

    @Test
    void queriesMatchLevelsLoggersMessagesFieldsAndExceptions() {
        try (LogCapture logs = LogCapture.start("cap.q", Level.DEBUG)) {
            Logger db = Logging.getLogger("cap.q.db");
            LogContext.put("request_id", "r-7");
            db.atWarning().field("attempt", 3).cause(new IOException("connection reset")).log("retrying %s", "query");
            LogContext.remove("request_id");
            db.log(Level.INFO, "plain", new Object[0], null, false, Map.of("user", "ann"), 1);
            Logging.getLogger("cap.q.web").error("page failed");

            logs.find().level(Level.WARNING).logger("cap.q.db").message("retrying query")
                    .field("attempt", 3).field("request_id", "r-7").exception(IOException.class, "reset").assertOne();
            logs.find().field("user", "ann").noException().assertOne();
            logs.find().atLeast(Level.WARNING).assertCount(2);
            logs.find().messageMatches("^page\\b").assertAny();
            logs.find().logger("cap.q.web").level(Level.WARNING).assertNone();
            assertThat(logs.find().hasField("attempt").messages()).containsExactly("retrying query");
            assertThat(logs.find().field("attempt", "3").exists()).isFalse();
        }
    }

    @Test
    void aFailedQueryListsTheConditionsAndEveryRecord() {
        try (LogCapture logs = LogCapture.start("cap.fail", Level.INFO)) {
            Logging.getLogger("cap.fail").info("one");
            Logging.getLogger("cap.fail").error("two");
            assertThatThrownBy(() -> logs.find().level(Level.ERROR).messageContains("three").assertOne())
                    .isInstanceOf(AssertionError.class)
                    .hasMessage("expected exactly one record with level ERROR, message containing 'three', found 0."
                            + " Captured records:\n    INFO:cap.fail:one\n    ERROR:cap.fail:two");
            assertThatThrownBy(() -> logs.find().assertNone())
                    .hasMessageContaining("found 2")
                    .hasMessageContaining("\n  * INFO:cap.fail:one\n  * ERROR:cap.fail:two");
        }
    }

    @Test
    void messagesArePinnedWhenCaptured() {
        List<String> items = new java.util.ArrayList<>(List.of("a"));
        try (LogCapture logs = LogCapture.start("cap.pin", Level.INFO)) {
            Logging.getLogger("cap.pin").info("items %s", items);
            items.add("b");
            assertThat(logs.messages()).containsExactly("items ['a']");
        }
    }
}
