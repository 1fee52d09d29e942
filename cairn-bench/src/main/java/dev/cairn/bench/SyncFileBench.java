package dev.cairn.bench;

import static dev.cairn.bench.Workload.ARG1;
import static dev.cairn.bench.Workload.ARG2;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * Case 2: "%(asctime)s %(levelname)s %(name)s: %(message)s" with two arguments to a file, on
 * the calling thread, each library with its default of one write (and flush) per record.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SyncFileBench {

    @Benchmark
    public void cairn(LoggerStates.Cairn s) {
        s.log.info(Workload.CAIRN_MESSAGE, ARG1, ARG2);
    }

    @Benchmark
    public void log4j2(LoggerStates.Log4j s) {
        s.log.info(Workload.BRACES_MESSAGE, ARG1, ARG2);
    }

    @Benchmark
    public void logback(LoggerStates.Logback s) {
        s.log.info(Workload.BRACES_MESSAGE, ARG1, ARG2);
    }
}
