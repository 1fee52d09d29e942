package dev.cairn.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cairn.LogRecord;
import dev.cairn.Logger;
import dev.cairn.Logging;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The context crosses thread pools, CompletableFuture chains and virtual threads with many
 * requests in flight, and no request's values ever show on another request's records.
 */
class ContextPropagationTest {
    private static final int REQUESTS = 400;
    private final RecordList out = new RecordList();
    private Logger log;

    @BeforeEach
    void setUp() {
        Logging.reset();
        LogContext.clear();
        log = Logging.getLogger("ctx.prop");
        log.addHandler(out);
    }

    @AfterEach
    void tearDown() {
        LogContext.clear();
    }

    @Test
    void threadPoolTasksSeeTheSubmittersContextAndLeaveNothingBehind() throws Exception {
        ExecutorService raw = Executors.newFixedThreadPool(4);
        ExecutorService pool = LogContext.wrap(raw);
        ExecutorService requests = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                String id = "req-" + i;
                done.add(requests.submit(() -> {
                    try (LogContext.Scope s = LogContext.with("request_id", id)) {
                        Future<?> inner = pool.submit(() -> log.warning("work %s", id));
                        Callable<String> call = () -> {
                            log.warning("call %s", id);
                            return id;
                        };
                        assertThat(pool.invokeAll(List.of(call)).get(0).get()).isEqualTo(id);
                        inner.get();
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) f.get(20, TimeUnit.SECONDS);
            // A task submitted without a context finds the pool threads empty again.
            List<Future<Object>> leaks = new ArrayList<>();
            for (int i = 0; i < 16; i++) leaks.add(pool.submit(() -> LogContext.get("request_id")));
            for (Future<Object> f : leaks) assertThat(f.get()).isNull();
            for (int i = 0; i < 16; i++) leaks.add(raw.submit(() -> LogContext.get("request_id")));
            for (Future<Object> f : leaks) assertThat(f.get()).isNull();
        } finally {
            requests.shutdownNow();
            raw.shutdownNow();
        }
        assertEveryRecordCarriesItsOwnRequest(2 * REQUESTS);
    }

    @Test
    void completableFutureChainsKeepTheContextAcrossStages() throws Exception {
        ExecutorService raw = Executors.newFixedThreadPool(3);
        ExecutorService pool = LogContext.wrap(raw);
        try {
            List<CompletableFuture<String>> chains = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                String id = "req-" + i;
                try (LogContext.Scope s = LogContext.with("request_id", id)) {
                    chains.add(CompletableFuture.supplyAsync(() -> {
                        log.warning("supply %s", id);
                        return id;
                    }, pool).thenApplyAsync(v -> {
                        log.warning("apply %s", id);
                        return v;
                    }, pool).thenComposeAsync(v -> CompletableFuture.supplyAsync(
                            LogContext.wrapSupplier(() -> {
                                log.warning("compose %s", id);
                                return v;
                            })), pool));
                }
            }
            for (int i = 0; i < REQUESTS; i++) assertThat(chains.get(i).get(20, TimeUnit.SECONDS)).isEqualTo("req-" + i);
        } finally {
            raw.shutdownNow();
        }
        assertEveryRecordCarriesItsOwnRequest(3 * REQUESTS);
        assertThat(LogContext.snapshot()).isEmpty();
    }

    @Test
    void wrappedRunnablesRestoreTheRunningThreadsOwnContext() {
        LogContext.put("request_id", "caller");
        Runnable task = LogContext.wrap(() -> {
            assertThat(LogContext.get("request_id")).isEqualTo("caller");
        });
        LogContext.put("request_id", "runner");
        task.run();
        assertThat(LogContext.get("request_id")).isEqualTo("runner");
    }

    @Test
    void virtualThreadsCarryTheContextWhenAJdkWithThemIsInstalled() throws Exception {
        Path java = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
        assumeTrue(Files.isExecutable(java), "no JDK with virtual threads at " + java);
        Process p = new ProcessBuilder(java.toString(), "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), VirtualThreadRequests.class.getName())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output).contains("ok 2000 records, 0 leaks");
        assertThat(p.exitValue()).isZero();
    }

    private void assertEveryRecordCarriesItsOwnRequest(int expected) {
        assertThat(out.records).hasSize(expected);
        for (LogRecord r : out.records) {
            String id = (String) r.getArgs()[0];
            assertThat(r.getContext()).as(r.getMessage()).containsEntry("request_id", id).hasSize(1);
        }
    }
}
