package dev.cairn.async;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.FileHandler;
import dev.cairn.Formatter;
import dev.cairn.Handler;
import dev.cairn.Level;
import dev.cairn.LogRecord;
import dev.cairn.Logger;
import dev.cairn.Logging;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the asynchronous handler promises: nothing accepted is lost on a clean shutdown, every
 * refused record is counted, and a record shows its arguments as they were at the call, even
 * though loggers lend it a reused record and the queue reuses its own.
 */
class AsyncHandlerTest {
    @TempDir
    Path dir;

    private final List<Logger> configured = new ArrayList<>();

    @AfterEach
    void detach() {
        for (Logger log : configured) {
            for (Handler h : log.getHandlers()) {
                log.removeHandler(h);
                h.close();
            }
        }
    }

    private Logger logger(String name, Handler h) {
        Logger log = Logging.getLogger(name);
        log.addHandler(h);
        log.setLevel(Level.DEBUG);
        log.setPropagate(false);
        configured.add(log);
        return log;
    }

    @Test
    void shutdownWritesEveryAcceptedRecord() throws Exception {
        Path file = dir.resolve("all.log");
        FileHandler target = new FileHandler(file.toString(), "w", null, false, null);
        target.setFormatter(new Formatter("%(threadName)s %(message)s"));
        // A small queue, so producers overtake the writer and the queue is full at shutdown.
        AsyncHandler async = new AsyncHandler(target, 256, OverflowPolicy.BLOCK, AsyncHandler.DEFAULT_DROP_THRESHOLD);
        Logger log = logger("async.drain", async);
        int threads = 3;
        int perThread = 20_000;
        List<Thread> producers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread p = new Thread(() -> {
                for (int i = 0; i < perThread; i++) log.info("record %s", i);
            }, "p" + t);
            producers.add(p);
            p.start();
        }
        for (Thread p : producers) p.join();

        Logging.shutdown();

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(threads * perThread);
        assertThat(new HashSet<>(lines)).hasSize(threads * perThread);
        assertThat(lines).contains("p0 record 0", "p2 record " + (perThread - 1));
        assertThat(async.getDroppedCount()).isZero();
    }

    /**
     * The writer's batches (bytes written by the formatter straight into the batch, or text
     * encoded there) must be the bytes the FileHandler writes on its own, whatever the text and
     * the encoding: ASCII, non-ASCII, a lone surrogate (the errors policy applies), a record
     * larger than a batch, exception text.
     */
    @Test
    void writesTheBytesTheTargetWritesAlone() throws Exception {
        String[][] encodings = {{"utf-8", "strict"}, {"utf-8", "backslashreplace"}, {"latin-1", "replace"}};
        for (String[] encoding : encodings) {
            Path alone = dir.resolve("alone-" + encoding[0] + encoding[1] + ".log");
            Path behind = dir.resolve("async-" + encoding[0] + encoding[1] + ".log");
            FileHandler direct = fileHandler(alone, encoding);
            FileHandler target = fileHandler(behind, encoding);
            AsyncHandler async = new AsyncHandler(target, 64, OverflowPolicy.BLOCK, AsyncHandler.DEFAULT_DROP_THRESHOLD);
            IllegalStateException error = new IllegalStateException("boom");
            for (int round = 0; round < 50; round++) {
                for (LogRecord r : awkwardRecords(round, error)) direct.handle(r);
                for (LogRecord r : awkwardRecords(round, error)) async.handle(r);
            }
            async.close();
            target.close();
            direct.close();
            // Compared line by line as ISO-8859-1, which maps every byte to one char: readable differences.
            assertThat(Files.readAllLines(behind, StandardCharsets.ISO_8859_1)).as(String.join(" ", encoding))
                    .containsExactlyElementsOf(Files.readAllLines(alone, StandardCharsets.ISO_8859_1));
        }
    }

    /** A record whose format fails half-way (a field it lacks) is reported and leaves no part of a line in the batch. */
    @Test
    void aRecordThatFailsToFormatLeavesNothingInTheBatch() throws Exception {
        Path alone = dir.resolve("alone.log");
        Path behind = dir.resolve("async.log");
        FileHandler direct = new FileHandler(alone.toString(), "w", null, false, null);
        FileHandler target = new FileHandler(behind.toString(), "w", null, false, null);
        for (FileHandler h : List.of(direct, target)) h.setFormatter(new Formatter("%(levelname)-8s %(user)s: %(message)s"));
        AsyncHandler async = new AsyncHandler(target, 64, OverflowPolicy.BLOCK, AsyncHandler.DEFAULT_DROP_THRESHOLD);
        for (int i = 0; i < 10; i++) {
            java.util.Map<String, Object> extra = i % 2 == 0 ? java.util.Map.of("user", "u" + i) : null;
            LogRecord record = new LogRecord("app", Level.INFO, null, "record %s", new Object[] {i}, null, null, extra, 1.7e9);
            direct.handle(record);
            async.handle(new LogRecord("app", Level.INFO, null, "record %s", new Object[] {i}, null, null, extra, 1.7e9));
        }
        async.close();
        target.close();
        direct.close();
        assertThat(Files.readAllLines(behind, StandardCharsets.UTF_8))
                .containsExactlyElementsOf(Files.readAllLines(alone, StandardCharsets.UTF_8))
                .hasSize(5);
        assertThat(direct.getErrorCount()).isEqualTo(5);
        assertThat(target.getErrorCount()).isEqualTo(5);
    }

    private static FileHandler fileHandler(Path file, String[] encoding) {
        FileHandler h = new FileHandler(file.toString(), "w", encoding[0], false, encoding[1]);
        h.setFormatter(new Formatter("%(asctime)s %(levelname)-8s %(name)s: %(message)s"));
        return h;
    }

    private static List<LogRecord> awkwardRecords(int round, Throwable error) {
        double created = 1_700_000_000.25 + round;
        return List.of(
                new LogRecord("app.db", Level.INFO, null, "plain %s %s", new Object[] {"user-42", round}, null, null, null, created),
                new LogRecord("ünï.lögger", Level.WARNING, null, "café ☕ 日本 😀", null, null, null, null, created),
                new LogRecord("app", Level.ERROR, null, "lone \ud800 surrogate", null, null, null, null, created),
                new LogRecord("app", Level.INFO, null, "x".repeat(70_000 + round), null, null, null, null, created),
                new LogRecord("app", Level.ERROR, null, "failed", null, error, null, null, created));
    }

    @Test
    void dropPolicyCountsEveryRefusedRecord() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> written = Collections.synchronizedList(new ArrayList<>());
        Handler slow = new Handler() {
            @Override
            protected void emit(LogRecord record) throws Exception {
                release.await();
                written.add(record.getLevelname() + " " + record.getMessage());
            }
        };
        AsyncHandler async = new AsyncHandler(slow, 16, OverflowPolicy.DROP, 0.5);
        Logger log = logger("async.drop", async);
        int sent = 1_000;
        for (int i = 0; i < sent; i++) log.info("n %s", i);
        log.error("kept %s", "always");
        release.countDown();
        async.close();

        long dropped = async.getDroppedCount();
        assertThat(dropped).isPositive();
        List<String> infos = written.stream().filter(s -> s.startsWith("INFO ")).toList();
        assertThat(infos.size() + dropped).isEqualTo(sent);
        assertThat(written).contains("ERROR kept always");
        // The count is reported through the target as a WARNING, as the handler promises.
        assertThat(written).anyMatch(s -> s.startsWith("WARNING AsyncHandler dropped"));
    }

    @Test
    void argumentsChangedAfterTheCallDoNotShow() throws Exception {
        Path file = dir.resolve("args.log");
        FileHandler target = new FileHandler(file.toString(), "w", null, false, null);
        target.setFormatter(new Formatter("%(levelname)s %(message)s"));
        AsyncHandler async = new AsyncHandler(target);
        assertThat(async.retainsRecords()).as("a FileHandler target: records are copied, loggers lend theirs").isFalse();
        Logger log = logger("async.args", async);
        StringBuilder mutable = new StringBuilder("before");
        // Holding the target's lock keeps the writer from writing until the arguments changed.
        target.acquire();
        try {
            for (int i = 0; i < 100; i++) log.warning("%s #%s", mutable, i);
            mutable.setLength(0);
            mutable.append("after");
        } finally {
            target.release();
        }
        async.close();
        target.close();

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(100).allMatch(s -> s.startsWith("WARNING before #"));
        assertThat(new HashSet<>(lines)).hasSize(100);
    }

    @Test
    void aTargetThatKeepsRecordsGetsRecordsOfItsOwn() {
        List<LogRecord> kept = Collections.synchronizedList(new ArrayList<>());
        Handler keeper = new Handler() {
            @Override
            protected void emit(LogRecord record) {
                kept.add(record);
            }
        };
        AsyncHandler async = new AsyncHandler(keeper, 64, OverflowPolicy.BLOCK, AsyncHandler.DEFAULT_DROP_THRESHOLD);
        assertThat(async.retainsRecords()).isTrue();
        Logger log = logger("async.keep", async);
        for (int i = 0; i < 1_000; i++) log.info("n %s", i);
        async.close();

        assertThat(kept).hasSize(1_000);
        for (int i = 0; i < 1_000; i++) assertThat(kept.get(i).getMessage()).isEqualTo("n " + i);
        assertThat(new HashSet<>(kept)).as("distinct record objects").hasSize(1_000);
    }
}
