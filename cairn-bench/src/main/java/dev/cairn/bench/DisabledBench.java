package dev.cairn.bench;

import static dev.cairn.bench.Workload.ARG1;
import static dev.cairn.bench.Workload.ARG2;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** Case 1: a DEBUG call with two arguments on a logger set to INFO. Time per call. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DisabledBench {

    @State(Scope.Benchmark)
    public static class Cairn {
        dev.cairn.Logger log;

        @Setup
        public void setup() {
            log = CairnPeer.disabled();
        }
    }

    @State(Scope.Benchmark)
    public static class Log4j {
        org.apache.logging.log4j.Logger log;
        Path file;

        @Setup
        public void setup() {
            file = Workload.file("log4j2", "disabled");
            log = Log4jPeer.disabled(file);
        }

        @TearDown
        public void tearDown() {
            Log4jPeer.stop();
            Workload.delete(file);
        }
    }

    @State(Scope.Benchmark)
    public static class Logback {
        org.slf4j.Logger log;
        Path file;

        @Setup
        public void setup() {
            file = Workload.file("logback", "disabled");
            log = LogbackPeer.disabled(file);
        }

        @TearDown
        public void tearDown() {
            LogbackPeer.stop();
            Workload.delete(file);
        }
    }

    @Benchmark
    public void cairn(Cairn s) {
        s.log.debug(Workload.CAIRN_MESSAGE, ARG1, ARG2);
    }

    @Benchmark
    public void log4j2(Log4j s) {
        s.log.debug(Workload.BRACES_MESSAGE, ARG1, ARG2);
    }

    @Benchmark
    public void logback(Logback s) {
        s.log.debug(Workload.BRACES_MESSAGE, ARG1, ARG2);
    }
}
