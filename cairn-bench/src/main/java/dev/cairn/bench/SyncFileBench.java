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

/**
 * Case 2: "%(asctime)s %(levelname)s %(name)s: %(message)s" with two arguments to a file, on
 * the calling thread, each library with its default of one write (and flush) per record.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SyncFileBench {

    @State(Scope.Benchmark)
    public static class Cairn {
        dev.cairn.Logger log;
        Path file;

        @Setup
        public void setup() {
            file = Workload.file("cairn", "sync");
            log = CairnPeer.syncFile(file);
        }

        @TearDown
        public void tearDown() {
            CairnPeer.stop(log);
            Workload.delete(file);
        }
    }

    @State(Scope.Benchmark)
    public static class Log4j {
        org.apache.logging.log4j.Logger log;
        Path file;

        @Setup
        public void setup() {
            file = Workload.file("log4j2", "sync");
            log = Log4jPeer.syncFile(file);
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
            file = Workload.file("logback", "sync");
            log = LogbackPeer.syncFile(file);
        }

        @TearDown
        public void tearDown() {
            LogbackPeer.stop();
            Workload.delete(file);
        }
    }

    @Benchmark
    public void cairn(Cairn s) {
        s.log.info(Workload.CAIRN_MESSAGE, ARG1, ARG2);
    }

    @Benchmark
    public void log4j2(Log4j s) {
        s.log.info(Workload.BRACES_MESSAGE, ARG1, ARG2);
    }

    @Benchmark
    public void logback(Logback s) {
        s.log.info(Workload.BRACES_MESSAGE, ARG1, ARG2);
    }
}
