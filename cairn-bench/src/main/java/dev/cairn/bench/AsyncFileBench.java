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
import org.openjdk.jmh.annotations.Threads;

/**
 * Case 3: the line of case 2 written by a background thread: Cairn's AsyncHandler over a
 * FileHandler, Log4j 2's all-async loggers (Disruptor), Logback's AsyncAppender; the same queue
 * capacity, and every one blocks the caller when full (none drops). With 1, 2 and 4 producer
 * threads: throughput, and the time of the logging call sampled (p50, p99, p99.9). In steady
 * state the queue is full, so throughput is the writer's and the latency shows how the
 * library waits for room.
 */
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AsyncFileBench {

    @State(Scope.Benchmark)
    public static class Cairn {
        dev.cairn.Logger log;
        Path file;

        @Setup
        public void setup() {
            file = Workload.file("cairn", "async");
            log = CairnPeer.asyncFile(file);
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
            file = Workload.file("log4j2", "async");
            log = Log4jPeer.asyncFile(file);
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
            file = Workload.file("logback", "async");
            log = LogbackPeer.asyncFile(file);
        }

        @TearDown
        public void tearDown() {
            LogbackPeer.stop();
            Workload.delete(file);
        }
    }

    @Benchmark
    @Threads(1)
    public void cairn_t1(Cairn s) {
        s.log.info(Workload.CAIRN_MESSAGE, ARG1, ARG2);
    }

    @Benchmark
    @Threads(1)
    public void log4j2_t1(Log4j s) {
        s.log.info(Workload.BRACES_MESSAGE, ARG1, ARG2);
    }

    @Benchmark
    @Threads(1)
    public void logback_t1(Logback s) {
        s.log.info(Workload.BRACES_MESSAGE, ARG1, ARG2);
    }

    @Benchmark
    @Threads(2)
    public void cairn_t2(Cairn s) {
        s.log.info(Workload.CAIRN_MESSAGE, ARG1, ARG2);
    }

    @Benchmark
    @Threads(2)
    public void log4j2_t2(Log4j s) {
        s.log.info(Workload.BRACES_MESSAGE, ARG1, ARG2);
    }

    @Benchmark
    @Threads(2)
    public void logback_t2(Logback s) {
        s.log.info(Workload.BRACES_MESSAGE, ARG1, ARG2);
    }

    @Benchmark
    @Threads(4)
    public void cairn_t4(Cairn s) {
        s.log.info(Workload.CAIRN_MESSAGE, ARG1, ARG2);
    }

    @Benchmark
    @Threads(4)
    public void log4j2_t4(Log4j s) {
        s.log.info(Workload.BRACES_MESSAGE, ARG1, ARG2);
    }

    @Benchmark
    @Threads(4)
    public void logback_t4(Logback s) {
        s.log.info(Workload.BRACES_MESSAGE, ARG1, ARG2);
    }
}
