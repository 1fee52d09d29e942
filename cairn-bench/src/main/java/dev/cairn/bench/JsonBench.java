package dev.cairn.bench;

import static dev.cairn.bench.Workload.ARG1;
import static dev.cairn.bench.Workload.ARG2;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * Case 4: one JSON line per record (timestamp, level, logger, message, thread and five context
 * fields) to a file on the calling thread: Cairn's JsonFormatter, Log4j 2's JsonTemplateLayout,
 * logstash-logback-encoder. The fields are in each library's thread context, put there once
 * per iteration on the benchmark thread.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JsonBench {

    @Benchmark
    public void cairn(LoggerStates.Cairn s, LoggerStates.ContextFields f) {
        s.log.info(Workload.CAIRN_MESSAGE, ARG1, ARG2);
    }

    @Benchmark
    public void log4j2(LoggerStates.Log4j s, LoggerStates.ContextFields f) {
        s.log.info(Workload.BRACES_MESSAGE, ARG1, ARG2);
    }

    @Benchmark
    public void logback(LoggerStates.Logback s, LoggerStates.ContextFields f) {
        s.log.info(Workload.BRACES_MESSAGE, ARG1, ARG2);
    }
}
