package dev.cairn.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark is fair only if the three libraries write the same bytes: one record through
 * each library's configuration of a case, compared with the timestamps masked.
 */
class SameOutputTest {
    @TempDir
    Path dir;

    @Test
    void textLinesAreTheSameForAllThreeLibraries() throws Exception {
        Path cairn = dir.resolve("cairn.log");
        Path log4j = dir.resolve("log4j.log");
        Path logback = dir.resolve("logback.log");

        dev.cairn.Logger c = CairnPeer.syncFile(cairn);
        c.info(Workload.CAIRN_MESSAGE, Workload.ARG1, Workload.ARG2);
        CairnPeer.stop(c);
        Log4jPeer.syncFile(log4j).info(Workload.BRACES_MESSAGE, Workload.ARG1, Workload.ARG2);
        Log4jPeer.stop();
        LogbackPeer.syncFile(logback).info(Workload.BRACES_MESSAGE, Workload.ARG1, Workload.ARG2);
        LogbackPeer.stop();

        String expected = "<time> INFO bench.sync: Request user-42 served in 7 ms\n";
        assertThat(masked(cairn, TEXT_TIME)).isEqualTo(expected);
        assertThat(masked(log4j, TEXT_TIME)).isEqualTo(expected);
        assertThat(masked(logback, TEXT_TIME)).isEqualTo(expected);
    }

    /**
     * The asynchronous setups write the same line as the synchronous ones, every record
     * arrives after the library's stop (which the benchmark also relies on), and each setup is
     * what the benchmark claims: a Cairn AsyncHandler, Log4j 2 AsyncLoggers, a Logback
     * AsyncAppender. Four producers send many more records than the (small) queue holds, so each library also
     * shows that it loses nothing when its queue is full, as in the benchmark: Log4j 2.24 with
     * Disruptor 4.0 lost most records there (it is built against Disruptor 3.4, which the
     * parent POM therefore pins).
     */
    @Test
    void asyncSetupsAreAsynchronousAndWriteEveryLineTheSame() throws Exception {
        Path cairn = dir.resolve("cairn-async.log");
        Path log4j = dir.resolve("log4j-async.log");
        Path logback = dir.resolve("logback-async.log");
        // A small queue, so that it is full most of the time, as in the benchmark.
        int capacity = 1024;
        int perThread = 50_000;

        dev.cairn.Logger c = CairnPeer.asyncFile(cairn, capacity);
        assertThat(c.getHandlers()).singleElement().isInstanceOf(dev.cairn.async.AsyncHandler.class);
        fromFourThreads(perThread, () -> c.info(Workload.CAIRN_MESSAGE, Workload.ARG1, Workload.ARG2));
        CairnPeer.stop(c);

        org.apache.logging.log4j.Logger l4 = Log4jPeer.asyncFile(log4j, capacity);
        assertThat(l4).isInstanceOf(org.apache.logging.log4j.core.async.AsyncLogger.class);
        fromFourThreads(perThread, () -> l4.info(Workload.BRACES_MESSAGE, Workload.ARG1, Workload.ARG2));
        Log4jPeer.stop();

        org.slf4j.Logger lb = LogbackPeer.asyncFile(logback, capacity);
        ch.qos.logback.classic.Logger root = ((ch.qos.logback.classic.Logger) lb).getLoggerContext()
                .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        assertThat(root.getAppender("async")).isInstanceOf(ch.qos.logback.classic.AsyncAppender.class);
        fromFourThreads(perThread, () -> lb.info(Workload.BRACES_MESSAGE, Workload.ARG1, Workload.ARG2));
        LogbackPeer.stop();

        String expected = "<time> INFO bench.async: Request user-42 served in 7 ms";
        for (Path p : List.of(cairn, log4j, logback)) {
            String text = masked(p, TEXT_TIME);
            assertThat(text).as(p.getFileName().toString()).endsWith("\n");
            List<String> lines = List.of(text.split("\n"));
            assertThat(lines.size()).as(p.getFileName() + ": lines").isEqualTo(4 * perThread);
            assertThat(lines.stream().filter(l -> !l.equals(expected)).findFirst()).as(p.getFileName() + ": a different line").isEmpty();
        }
    }

    private static void fromFourThreads(int perThread, Runnable call) throws InterruptedException {
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < perThread; i++) call.run();
            });
            threads[t].start();
        }
        for (Thread t : threads) t.join();
    }

    @Test
    void jsonLinesHaveTheSameMembersForAllThreeLibraries() throws Exception {
        Path cairn = dir.resolve("cairn.json");
        Path log4j = dir.resolve("log4j.json");
        Path logback = dir.resolve("logback.json");

        CairnPeer.putFields();
        dev.cairn.Logger c = CairnPeer.json(cairn);
        c.info(Workload.CAIRN_MESSAGE, Workload.ARG1, Workload.ARG2);
        CairnPeer.stop(c);
        Log4jPeer.putFields();
        Log4jPeer.json(log4j).info(Workload.BRACES_MESSAGE, Workload.ARG1, Workload.ARG2);
        Log4jPeer.stop();
        LogbackPeer.putFields();
        LogbackPeer.json(logback).info(Workload.BRACES_MESSAGE, Workload.ARG1, Workload.ARG2);
        LogbackPeer.stop();

        String thread = Thread.currentThread().getName();
        String common = "{\"timestamp\":\"<time>\",\"level\":\"INFO\",\"logger\":\"bench.json\","
                + "\"message\":\"Request user-42 served in 7 ms\",\"thread\":\"" + thread + "\",";
        // The fields themselves: same names and values; each library keeps its context in its own order.
        for (Path p : List.of(cairn, log4j, logback)) {
            String line = masked(p, JSON_TIME);
            assertThat(line).as(p.getFileName().toString()).startsWith(common).endsWith("}\n");
            for (String[] f : Workload.FIELDS) {
                assertThat(line).as(p.getFileName().toString()).contains("\"" + f[0] + "\":\"" + f[1] + "\"");
            }
            assertThat(line.chars().filter(ch -> ch == ':').count()).as(p + ": members").isEqualTo(5 + 5);
        }
    }

    private static final String TEXT_TIME = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3}";
    private static final String JSON_TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";

    private static String masked(Path file, String timeRegex) throws Exception {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).replaceAll(timeRegex, "<time>");
    }
}
