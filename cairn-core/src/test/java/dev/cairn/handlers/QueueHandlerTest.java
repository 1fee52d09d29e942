package dev.cairn.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.cairn.Formatter;
import dev.cairn.Handler;
import dev.cairn.Level;
import dev.cairn.LogRecord;
import dev.cairn.Logger;
import dev.cairn.Logging;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** QueueHandler and QueueListener: Python's prepare, delivery of everything queued, levels, and a full queue. */
class QueueHandlerTest {
    @AfterEach
    void restore() {
        Logging.raiseExceptions = true;
    }

    /** A target recording what its formatter makes of each record, and on which thread. */
    static final class Recording extends Handler {
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());
        final List<String> threads = Collections.synchronizedList(new ArrayList<>());

        Recording(String format) {
            setFormatter(new Formatter(format));
        }

        @Override
        protected void emit(LogRecord record) {
            lines.add(format(record));
            threads.add(Thread.currentThread().getName());
        }
    }

    private static LogRecord record(int level, String msg, Object... args) {
        return new LogRecord("q", level, null, msg, args, null, null, null, 1_700_000_000.5);
    }

    @Test
    void prepareMergesTheMessageAndClearsArgumentsAndException() throws Exception {
        BlockingQueue<LogRecord> queue = new LinkedBlockingQueue<>();
        QueueHandler h = new QueueHandler(queue);
        LogRecord original = new LogRecord("q", Level.ERROR, null, "failed %s", new Object[] {"job"},
                new IllegalStateException("boom"), null, null, 1_700_000_000.5);
        h.handle(original);
        LogRecord queued = queue.take();
        assertThat(queued.getMsg()).startsWith("failed job\njava.lang.IllegalStateException: boom");
        assertThat(queued.getMessage()).isEqualTo(queued.getMsg());
        assertThat(queued.getArgs()).isEmpty();
        assertThat(queued.getExcInfo()).isNull();
        assertThat(queued.get("args")).isNull();
        assertThat(queued.getThreadName()).isEqualTo(original.getThreadName());
        assertThat(queued.getCreated()).isEqualTo(original.getCreated());
        assertThat(original.getMsg()).isEqualTo("failed %s");
        Recording target = new Recording("%(levelname)s %(name)s %(message)s");
        target.handle(queued);
        assertThat(target.lines.get(0)).startsWith("ERROR q failed job\njava.lang.IllegalStateException: boom")
                .doesNotContain("boom\n\njava");
        h.close();
    }

    @Test
    void listenerHandlesEveryRecordQueuedBeforeStop() throws Exception {
        BlockingQueue<LogRecord> queue = new LinkedBlockingQueue<>();
        Recording target = new Recording("%(message)s");
        QueueListener listener = new QueueListener(queue, target);
        listener.start();
        QueueHandler h = new QueueHandler(queue);
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int id = t;
            writers.add(new Thread(() -> {
                for (int i = 0; i < 2500; i++) h.handle(record(Level.INFO, "w%d %d", id, i));
            }));
        }
        writers.forEach(Thread::start);
        for (Thread w : writers) w.join();
        listener.stop();
        assertThat(target.lines).hasSize(10_000).doesNotHaveDuplicates();
        assertThat(target.threads).containsOnly("cairn-queue-listener");
        h.close();
    }

    @Test
    void respectHandlerLevelFiltersByEachHandlersLevel() {
        BlockingQueue<LogRecord> queue = new LinkedBlockingQueue<>();
        Recording all = new Recording("%(message)s");
        Recording errors = new Recording("%(message)s");
        errors.setLevel(Level.ERROR);
        QueueListener ignoring = new QueueListener(queue, all, errors);
        ignoring.handle(record(Level.INFO, "info"));
        assertThat(errors.lines).containsExactly("info");
        QueueListener respecting = new QueueListener(queue, true, all, errors);
        respecting.handle(record(Level.INFO, "info 2"));
        respecting.handle(record(Level.ERROR, "error"));
        assertThat(errors.lines).containsExactly("info", "error");
        assertThat(all.lines).containsExactly("info", "info 2", "error");
    }

    @Test
    void aFullQueueIsCountedNeverThrownNorBlocking() {
        Logging.raiseExceptions = false;
        QueueHandler h = new QueueHandler(new ArrayBlockingQueue<>(1));
        assertThatCode(() -> {
            h.handle(record(Level.INFO, "fits"));
            h.handle(record(Level.INFO, "does not fit"));
        }).doesNotThrowAnyException();
        assertThat(h.getErrorCount()).isEqualTo(1);
        assertThat(h.getQueue()).hasSize(1);
    }

    @Test
    void shutdownStopsTheAttachedListenerAfterDrainingIt() {
        BlockingQueue<LogRecord> queue = new LinkedBlockingQueue<>();
        Recording target = new Recording("%(levelname)s %(message)s");
        QueueListener listener = new QueueListener(queue, target);
        QueueHandler h = new QueueHandler(queue);
        h.setListener(listener);
        Logger logger = Logging.getLogger("queue.shutdown");
        logger.addHandler(h);
        for (int i = 0; i < 100; i++) logger.warning("record %d", i);
        listener.start();
        Logging.shutdown();
        logger.removeHandler(h);
        assertThat(target.lines).hasSize(100).startsWith("WARNING record 0").endsWith("WARNING record 99");
    }

    @Test
    void aThrowingHandlerDoesNotStopTheListener() throws Exception {
        Logging.raiseExceptions = false;
        BlockingQueue<LogRecord> queue = new LinkedBlockingQueue<>();
        Handler broken = new Handler() {
            @Override
            protected void emit(LogRecord record) {
            }

            @Override
            public boolean handle(LogRecord record) {
                throw new IllegalStateException("broken target");
            }
        };
        Recording target = new Recording("%(message)s");
        QueueListener listener = new QueueListener(queue, broken, target);
        listener.start();
        QueueHandler h = new QueueHandler(queue);
        h.handle(record(Level.INFO, "one"));
        h.handle(record(Level.INFO, "two"));
        listener.stop();
        assertThat(target.lines).containsExactly("one", "two");
        assertThat(broken.getErrorCount()).isEqualTo(2);
    }
}
