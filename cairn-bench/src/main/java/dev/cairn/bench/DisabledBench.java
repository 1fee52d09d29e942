package dev.cairn.bench;

import static dev.cairn.bench.Workload.ARG1;
import static dev.cairn.bench.Workload.ARG2;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/** Case 1: a DEBUG call with two arguments on a logger set to INFO. Time per call. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DisabledBench {

    @Benchmark
    public void cairn(LoggerStates.Cairn s) {
        s.log.debug(Workload.CAIRN_MESSAGE, ARG1, ARG2);
    }

    @Benchmark
    public void log4j2(LoggerStates.Log4j s) {
        s.log.debug(Workload.BRACES_MESSAGE, ARG1, ARG2);
    }

    @Benchmark
    public void logback(LoggerStates.Logback s) {
        s.log.debug(Workload.BRACES_MESSAGE, ARG1, ARG2);
    }
}
