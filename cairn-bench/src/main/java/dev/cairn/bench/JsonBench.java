package dev.cairn.bench;

import static dev.cairn.bench.Workload.ARG1;
import static dev.cairn.bench.Workload.ARG2;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Case 4: one JSON line per record (timestamp, level, logger, message, thread and five context
 * fields) to a file on the calling thread: Cairn's JsonFormatter, Log4j 2's JsonTemplateLayout,
 * logstash-logback-encoder. The fields are in each library's thread context, put there once
 * per iteration on the benchmark thread.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JsonBench {

    @State(Scope.Benchmark)
    public static class Cairn {
        dev.cairn.Logger log;
        Path file;

        @Setup
        public void setup() {
            file = Workload.file("cairn", "json");
            log = CairnPeer.json(file);
        }

        @TearDown
        public void tearDown() {
            CairnPeer.stop(log);
            Workload.delete(file);
        }
    }

    @State(Scope.Thread)
    public static class CairnFields {
        @Setup(Level.Iteration)
        public void setup() {
            CairnPeer.putFields();
        }
    }

    @State(Scope.Benchmark)
    public static class Log4j {
        org.apache.logging.log4j.Logger log;
        Path file;

        @Setup
        public void setup() {
            file = Workload.file("log4j2", "json");
            log = Log4jPeer.json(file);
        }

        @TearDown
        public void tearDown() {
            Log4jPeer.stop();
            Workload.delete(file);
        }
    }

    @State(Scope.Thread)
    public static class Log4jFields {
        @Setup(Level.Iteration)
        public void setup() {
            Log4jPeer.putFields();
        }
    }

    @State(Scope.Benchmark)
    public static class Logback {
        org.slf4j.Logger log;
        Path file;

        @Setup
        public void setup() {
            file = Workload.file("logback", "json");
            log = LogbackPeer.json(file);
        }

        @TearDown
        public void tearDown() {
            LogbackPeer.stop();
            Workload.delete(file);
        }
    }

    @State(Scope.Thread)
    public static class LogbackFields {
        @Setup(Level.Iteration)
        public void setup() {
            LogbackPeer.putFields();
        }
    }

    @Benchmark
    public void cairn(Cairn s, CairnFields f) {
        s.log.info(Workload.CAIRN_MESSAGE, ARG1, ARG2);
    }

    @Benchmark
    public void log4j2(Log4j s, Log4jFields f) {
        s.log.info(Workload.BRACES_MESSAGE, ARG1, ARG2);
    }

    @Benchmark
    public void logback(Logback s, LogbackFields f) {
        s.log.info(Workload.BRACES_MESSAGE, ARG1, ARG2);
    }
}
