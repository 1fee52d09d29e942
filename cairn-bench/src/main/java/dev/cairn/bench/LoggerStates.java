package dev.cairn.bench;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The JMH states every benchmark uses, in one place: each library's logger set up, before a
 * trial, for the case of the benchmark that asks for it (known from the benchmark's class) on a
 * fresh file, and stopped, its file deleted, after the trial; and the JSON case's context fields.
 * None of this runs inside a measured call.
 */
public final class LoggerStates {
    private LoggerStates() {}

    /** A benchmark class's case: its file name and how each library's peer sets its logger up. */
    enum BenchCase {
        DISABLED("DisabledBench", "disabled", file -> CairnPeer.disabled(), Log4jPeer::disabled, LogbackPeer::disabled),
        SYNC("SyncFileBench", "sync", CairnPeer::syncFile, Log4jPeer::syncFile, LogbackPeer::syncFile),
        ASYNC("AsyncFileBench", "async", CairnPeer::asyncFile, Log4jPeer::asyncFile, LogbackPeer::asyncFile),
        JSON("JsonBench", "json", CairnPeer::json, Log4jPeer::json, LogbackPeer::json);

        final String benchmarkClass;
        final String fileName;
        final Function<Path, dev.cairn.Logger> cairn;
        final Function<Path, org.apache.logging.log4j.Logger> log4j;
        final Function<Path, org.slf4j.Logger> logback;

        BenchCase(String benchmarkClass, String fileName, Function<Path, dev.cairn.Logger> cairn,
                Function<Path, org.apache.logging.log4j.Logger> log4j, Function<Path, org.slf4j.Logger> logback) {
            this.benchmarkClass = benchmarkClass;
            this.fileName = fileName;
            this.cairn = cairn;
            this.log4j = log4j;
            this.logback = logback;
        }

        /** The case of a benchmark such as {@code dev.cairn.bench.SyncFileBench.cairn}. */
        static BenchCase of(BenchmarkParams params) {
            String[] parts = params.getBenchmark().split("\\.");
            String cls = parts[parts.length - 2];
            for (BenchCase c : values()) {
                if (c.benchmarkClass.equals(cls)) return c;
            }
            throw new IllegalArgumentException("no logger set-up for benchmark class " + cls);
        }
    }

    /** One library's logger on a fresh file for the benchmark's case, for one trial. */
    public abstract static class LoggerOnFile<L> {
        public L log;
        private Path file;
        private final String library;
        private final Function<BenchCase, Function<Path, L>> setUp;
        private final Consumer<L> stop;

        LoggerOnFile(String library, Function<BenchCase, Function<Path, L>> setUp, Consumer<L> stop) {
            this.library = library;
            this.setUp = setUp;
            this.stop = stop;
        }

        @Setup(Level.Trial)
        public void setup(BenchmarkParams params) {
            BenchCase c = BenchCase.of(params);
            file = Workload.file(library, c.fileName);
            log = setUp.apply(c).apply(file);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            stop.accept(log);
            Workload.delete(file);
        }
    }

    @State(Scope.Benchmark)
    public static class Cairn extends LoggerOnFile<dev.cairn.Logger> {
        public Cairn() {
            super("cairn", c -> c.cairn, CairnPeer::stop);
        }
    }

    @State(Scope.Benchmark)
    public static class Log4j extends LoggerOnFile<org.apache.logging.log4j.Logger> {
        public Log4j() {
            super("log4j2", c -> c.log4j, log -> Log4jPeer.stop());
        }
    }

    @State(Scope.Benchmark)
    public static class Logback extends LoggerOnFile<org.slf4j.Logger> {
        public Logback() {
            super("logback", c -> c.logback, log -> LogbackPeer.stop());
        }
    }

    /**
     * The five fields of the JSON case in the benchmark thread's context, put there once per
     * iteration: each library's (LogContext, ThreadContext, MDC); a library reads only its own.
     */
    @State(Scope.Thread)
    public static class ContextFields {
        @Setup(Level.Iteration)
        public void setup() {
            CairnPeer.putFields();
            Log4jPeer.putFields();
            LogbackPeer.putFields();
        }
    }
}
