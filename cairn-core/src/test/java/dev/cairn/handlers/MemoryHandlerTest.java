package dev.cairn.handlers;

import static dev.cairn.handlers.LogFiles.log;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.cairn.Handler;
import dev.cairn.Level;
import dev.cairn.LogRecord;
import dev.cairn.Logging;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** MemoryHandler and BufferingHandler: when the buffer goes to the target, and what a failing target costs. */
class MemoryHandlerTest {
    @AfterEach
    void restore() {
        Logging.raiseExceptions = true;
    }

    /** A target that keeps the messages it is given. */
    static final class Collecting extends Handler {
        final List<String> messages = new ArrayList<>();

        @Override
        protected void emit(LogRecord record) {
            messages.add(record.getLevelname() + " " + record.getMessage());
        }
    }

    private static LogRecord at(int level, String msg) {
        return new LogRecord("m", level, null, msg, null, null, null, null, 0);
    }

    @Test
    void flushesWhenFullOrAtFlushLevel() {
        Collecting target = new Collecting();
        MemoryHandler h = new MemoryHandler(3, Level.ERROR, target, true);
        h.handle(at(Level.DEBUG, "a"));
        h.handle(at(Level.INFO, "b"));
        assertThat(target.messages).isEmpty();
        h.handle(at(Level.INFO, "c"));
        assertThat(target.messages).containsExactly("DEBUG a", "INFO b", "INFO c");
        h.handle(at(Level.DEBUG, "d"));
        h.handle(at(Level.ERROR, "e"));
        assertThat(target.messages).endsWith("DEBUG d", "ERROR e");
        h.handle(at(Level.INFO, "f"));
        assertThat(h.getBuffer()).hasSize(1);
        h.close();
        assertThat(target.messages).endsWith("INFO f");
        assertThat(h.getTarget()).isNull();
    }

    @Test
    void withoutTargetTheBufferIsKept() {
        MemoryHandler h = new MemoryHandler(2);
        h.handle(at(Level.INFO, "a"));
        h.handle(at(Level.INFO, "b"));
        h.handle(at(Level.INFO, "c"));
        assertThat(h.getBuffer()).hasSize(3);
        Collecting target = new Collecting();
        h.setTarget(target);
        h.flush();
        assertThat(target.messages).containsExactly("INFO a", "INFO b", "INFO c");
        assertThat(h.getBuffer()).isEmpty();
        h.close();
    }

    @Test
    void flushOnCloseFalseDropsTheBuffer() {
        Collecting target = new Collecting();
        MemoryHandler h = new MemoryHandler(10, Level.ERROR, target, false);
        h.handle(at(Level.INFO, "dropped"));
        h.close();
        assertThat(target.messages).isEmpty();
    }

    @Test
    void aThrowingTargetIsCountedAndTheOtherRecordsStillDelivered() {
        Logging.raiseExceptions = false;
        List<String> delivered = new ArrayList<>();
        Handler target = new Handler() {
            @Override
            protected void emit(LogRecord record) {
            }

            @Override
            public boolean handle(LogRecord record) {
                if (record.getMsg().equals("bad")) throw new IllegalStateException("target broke");
                delivered.add(record.getMsg());
                return true;
            }
        };
        MemoryHandler h = new MemoryHandler(3, Level.ERROR, target, true);
        assertThatCode(() -> {
            h.handle(at(Level.INFO, "one"));
            h.handle(at(Level.INFO, "bad"));
            h.handle(at(Level.INFO, "three"));
        }).doesNotThrowAnyException();
        assertThat(delivered).containsExactly("one", "three");
        assertThat(h.getErrorCount()).isEqualTo(1);
        h.handle(at(Level.ERROR, "four"));
        assertThat(delivered).containsExactly("one", "three", "four");
        h.close();
    }

    @Test
    void aTargetThatLogsBackIntoTheHandlerDoesNotLoop() {
        List<String> seen = new ArrayList<>();
        MemoryHandler[] self = new MemoryHandler[1];
        Handler target = new Handler() {
            @Override
            protected void emit(LogRecord record) {
                seen.add(record.getMsg());
                if (record.getMsg().equals("x")) self[0].handle(at(Level.INFO, "echo"));
            }
        };
        self[0] = new MemoryHandler(1, Level.ERROR, target, true);
        self[0].handle(at(Level.INFO, "x"));
        assertThat(seen).containsExactly("x", "echo");
        self[0].close();
    }

    @Test
    void bufferingHandlerJustEmptiesItsBuffer() {
        BufferingHandler h = new BufferingHandler(2);
        h.handle(at(Level.INFO, "a"));
        assertThat(h.getBuffer()).hasSize(1);
        h.handle(at(Level.INFO, "b"));
        assertThat(h.getBuffer()).isEmpty();
        h.handle(at(Level.INFO, "c"));
        h.close();
        assertThat(h.getBuffer()).isEmpty();
    }

    @Test
    void shutdownDeliversWhatIsBuffered() {
        Collecting target = new Collecting();
        MemoryHandler h = new MemoryHandler(100, Level.CRITICAL, target, true);
        dev.cairn.Logger logger = Logging.getLogger("memory.shutdown");
        logger.addHandler(h);
        logger.warning("kept until shutdown");
        assertThat(target.messages).isEmpty();
        Logging.shutdown();
        logger.removeHandler(h);
        assertThat(target.messages).containsExactly("WARNING kept until shutdown");
    }
}
