package dev.cairn.bench;

import static dev.cairn.bench.Workload.ARG1;
import static dev.cairn.bench.Workload.ARG2;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
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

    @Benchmark
    @Threads(1)
    public void cairn_t1(LoggerStates.Cairn s) {
        s.log.info(Workload.CAIRN_MESSAGE, ARG1, ARG2);
    }

    @Benchmark
    @Threads(1)
    public void log4j2_t1(LoggerStates.Log4j s) {
        s.log.info(Workload.BRACES_MESSAGE, ARG1, ARG2);
    }

    @Benchmark
    @Threads(1)
    public void logback_t1(LoggerStates.Logback s) {
        s.log.info(Workload.BRACES_MESSAGE, ARG1, ARG2);
    }

    @Benchmark
    @Threads(2)
    public void cairn_t2(LoggerStates.Cairn s) {
        s.log.info(Workload.CAIRN_MESSAGE, ARG1, ARG2);
    }

    @Benchmark
    @Threads(2)
    public void log4j2_t2(LoggerStates.Log4j s) {
        s.log.info(Workload.BRACES_MESSAGE, ARG1, ARG2);
    }

    @Benchmark
    @Threads(2)
    public void logback_t2(LoggerStates.Logback s) {
        s.log.info(Workload.BRACES_MESSAGE, ARG1, ARG2);
    }

    @Benchmark
    @Threads(4)
    public void cairn_t4(LoggerStates.Cairn s) {
        s.log.info(Workload.CAIRN_MESSAGE, ARG1, ARG2);
    }

    @Benchmark
    @Threads(4)
    public void log4j2_t4(LoggerStates.Log4j s) {
        s.log.info(Workload.BRACES_MESSAGE, ARG1, ARG2);
    }

    @Benchmark
    @Threads(4)
    public void logback_t4(LoggerStates.Logback s) {
        s.log.info(Workload.BRACES_MESSAGE, ARG1, ARG2);
    }
}
