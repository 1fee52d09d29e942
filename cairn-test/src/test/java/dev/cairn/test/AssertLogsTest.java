package dev.cairn.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.Level;
import dev.cairn.Logger;
import dev.cairn.Logging;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Python's assertLogs/assertNoLogs (CPython's unittest._log): the same results and messages,
 * the logger's handlers and propagation replaced while the body runs, for the test's own thread.
 */
@ExtendWith(FreshLogging.class)
class AssertLogsTest {
    private final ListHandler rootHandler = new ListHandler();
    private final ListHandler ownHandler = new ListHandler();

    @BeforeEach
    void configure() {
        Logging.getLogger().addHandler(rootHandler);
        Logging.getLogger("al").addHandler(ownHandler);
    }

    @Test
    void assertLogsReturnsTheCaptureWithPythonsOutput() throws Exception {
        LogCapture cm = LogCapture.assertLogs("al", Level.INFO, () -> {
            Logging.getLogger("al").info("first message");
            Logging.getLogger("al.sub").error("second message");
        });
        assertThat(cm.output()).containsExactly("INFO:al:first message", "ERROR:al.sub:second message");
        assertThat(cm.records()).extracting(r -> r.getLevelno()).containsExactly(Level.INFO, Level.ERROR);
    }

    @Test
    void assertLogsFailsWithPythonsMessage() {
        assertThatThrownBy(() -> LogCapture.assertLogs("al", Level.WARNING, () -> { }))
                .isInstanceOf(AssertionError.class)
                .hasMessage("no logs of level WARNING or higher triggered on al");
        assertThatThrownBy(() -> LogCapture.assertLogs(() -> { }))
                .hasMessage("no logs of level INFO or higher triggered on root");
        // Python's `if level:` — a level of 0 means INFO.
        assertThatThrownBy(() -> LogCapture.assertLogs("al", Level.NOTSET, () -> Logging.getLogger("al").debug("d")))
                .hasMessageStartingWith("no logs of level INFO or higher triggered on al");
    }

    @Test
    void assertNoLogsListsWhatWasLoggedAsPythonsListRepr() throws Exception {
        LogCapture.assertNoLogs("al", Level.WARNING, () -> Logging.getLogger("al").info("fine"));
        assertThatThrownBy(() -> LogCapture.assertNoLogs("al", Level.WARNING, () -> {
            Logging.getLogger("al").warning("it's %d", 1);
            Logging.getLogger("al.x").error("boom");
        })).isInstanceOf(AssertionError.class)
                .hasMessage("Unexpected logs found: [\"WARNING:al:it's 1\", 'ERROR:al.x:boom']");
    }

    @Test
    void theBodysRecordsReachNoOtherHandlerAndEverythingIsPutBack() throws Exception {
        Logger al = Logging.getLogger("al");
        al.setLevel(Level.ERROR);
        LogCapture.assertLogs("al", Level.DEBUG, () -> {
            assertThat(al.getHandlers()).hasSize(1).noneMatch(h -> h == ownHandler);
            assertThat(al.getPropagate()).isFalse();
            assertThat(al.getLevel()).isEqualTo(Level.DEBUG);
            al.debug("captured only");
            Logging.getLogger("al.child").warning("captured only too");
            Logging.getLogger("elsewhere").warning("not in the subtree");
        });
        assertThat(ownHandler.messages).isEmpty();
        assertThat(rootHandler.messages).containsExactly("not in the subtree");
        assertThat(al.getHandlers()).containsExactly(ownHandler);
        assertThat(al.getPropagate()).isTrue();
        assertThat(al.getLevel()).isEqualTo(Level.ERROR);
        al.error("after");
        assertThat(ownHandler.messages).containsExactly("after");
        assertThat(rootHandler.messages).containsExactly("not in the subtree", "after");
    }

    @Test
    void otherThreadsRecordsGoWhereTheyWentBefore() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            LogCapture cm = LogCapture.assertLogs("al", Level.INFO, () -> {
                Logging.getLogger("al").info("the test's");
                pool.submit(() -> Logging.getLogger("al.sub").warning("another test's")).get();
            });
            assertThat(cm.messages()).containsExactly("the test's");
            assertThat(ownHandler.messages).containsExactly("another test's");
            assertThat(rootHandler.messages).containsExactly("another test's");
        } finally {
            pool.shutdown();
            pool.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void otherThreadsRecordsStillReachTheLastResortWhenNothingElseWould() throws Exception {
        Logging.reset();
        ListHandler lastResort = new ListHandler();
        dev.cairn.Handler previous = Logging.getLastResort();
        Logging.setLastResort(lastResort);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            LogCapture.assertLogs("al", Level.INFO, () -> {
                Logging.getLogger("al").warning("the test's");
                pool.submit(() -> Logging.getLogger("al.sub").warning("another test's")).get();
            });
            assertThat(lastResort.messages).containsExactly("another test's");
        } finally {
            Logging.setLastResort(previous);
            pool.shutdown();
            pool.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void nestedOnTheSameLoggerTheInnerOneTakesTheRecordsAsInPython() throws Exception {
        LogCapture outer = LogCapture.assertLogs("al", Level.INFO, () -> {
            Logging.getLogger("al").info("outer");
            LogCapture inner = LogCapture.assertLogs("al.db", Level.INFO, () -> Logging.getLogger("al.db").info("inner"));
            assertThat(inner.messages()).containsExactly("inner");
        });
        assertThat(outer.messages()).containsExactly("outer");
        assertThat(Logging.getLogger("al.db").getPropagate()).isTrue();
    }

    @Test
    void theBodysExceptionPropagatesAndTheConfigurationIsRestored() {
        assertThatThrownBy(() -> LogCapture.assertLogs("al", Level.DEBUG, () -> {
            throw new IOException("body failed");
        })).isInstanceOf(IOException.class);
        Logger al = Logging.getLogger("al");
        assertThat(al.getLevel()).isEqualTo(Level.NOTSET);
        assertThat(al.getHandlers()).containsExactly(ownHandler);
        assertThat(al.getPropagate()).isTrue();
    }
}
