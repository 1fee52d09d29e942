package dev.cairn.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.cairn.Level;
import dev.cairn.Logger;
import dev.cairn.Logging;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The JUnit 5 extension: injection, annotation options, failOn, and isolation of tests run in
 * parallel. The example classes are nested statics run through the engine test kit (Surefire
 * does not pick up nested classes by itself).
 */
@ExtendWith(FreshLogging.class)
class LogCaptureExtensionTest {
    @Fixture
    @CaptureLogs(logger = "ext.app", level = "DEBUG")
    static class Annotated {
        static final List<String> levelsSeenInAfterEach = new ArrayList<>();

        @BeforeEach
        void before(LogCapture logs) {
            Logging.getLogger("ext.app").debug("from beforeEach");
        }

        @Test
        void seesItsRecords(LogCapture logs) {
            Logging.getLogger("ext.app.db").debug("query");
            Logging.getLogger("ext.elsewhere").error("not captured");
            logs.find().message("query").level(Level.DEBUG).assertOne();
            assertThat(logs.messages()).containsExactly("from beforeEach", "query");
        }

        @Test
        @CaptureLogs(logger = "ext.app", level = "WARNING")
        void methodAnnotationWins(LogCapture logs) {
            Logging.getLogger("ext.app").info("below WARNING");
            assertThat(logs.records()).isEmpty();
            assertThat(logs.getLevel()).isEqualTo(Level.WARNING);
        }

        @AfterEach
        void after() {
            levelsSeenInAfterEach.add(Level.getLevelName(Logging.getLogger("ext.app").getLevel()));
        }
    }

    @Fixture
    @ExtendWith(LogCaptureExtension.class)
    static class PlainExtension {
        @Test
        void capturesTheRootAtCurrentLevels(LogCapture caplog) {
            Logging.getLogger("ext.plain").info("dropped by the root's WARNING");
            Logging.getLogger("ext.plain").warning("kept");
            assertThat(caplog.messages()).containsExactly("kept");
        }
    }

    @Fixture
    @CaptureLogs(logger = "ext.strict", failOn = "ERROR")
    static class FailOn {
        @Test
        void logsAnError() {
            Logging.getLogger("ext.strict").error("something broke");
        }

        @Test
        void logsAWarning() {
            Logging.getLogger("ext.strict").warning("only a warning");
        }
    }

    /**
     * Four tests logging to the same logger at once, each expecting exactly its own records: two
     * additive captures from the class annotation, an exclusive one from a method annotation, and
     * Python's assertLogs with work handed to a pool. The logger's own handler must get every
     * record except the exclusive captures'.
     */
    @Fixture
    @CaptureLogs(logger = "ext.shared", level = "DEBUG")
    static class Parallel {
        static final ListHandler sharedHandler = new ListHandler();
        static final CountDownLatch allStarted = new CountDownLatch(4);
        static final AtomicInteger running = new AtomicInteger();
        static final AtomicInteger mostAtOnce = new AtomicInteger();

        private static void log(String name) throws InterruptedException {
            Logger shared = Logging.getLogger("ext.shared");
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            allStarted.countDown();
            // Wait (a bounded time) for the others, so that the four really overlap.
            allStarted.await(10, TimeUnit.SECONDS);
            for (int i = 0; i < 200; i++) {
                shared.debug("%s %d", name, i);
                if (i % 50 == 0) Thread.sleep(2);
            }
            running.decrementAndGet();
        }

        @Test
        void a(LogCapture logs) throws Exception {
            log("a");
            logs.find().matching("from another test", r -> !r.getMessage().startsWith("a ")).assertNone();
            logs.find().assertCount(200);
            logs.find().messageContains("a ").assertCount(200);
        }

        @Test
        void b(LogCapture logs) throws Exception {
            log("b");
            logs.find().matching("from another test", r -> !r.getMessage().startsWith("b ")).assertNone();
            logs.find().assertCount(200);
            logs.find().messageContains("b ").assertCount(200);
        }

        @Test
        @CaptureLogs(logger = "ext.shared", level = "DEBUG", exclusive = true)
        void c(LogCapture logs) throws Exception {
            log("c");
            logs.find().matching("from another test", r -> !r.getMessage().startsWith("c ")).assertNone();
            logs.find().messageContains("c ").assertCount(200);
            logs.find().assertCount(200);
        }

        @Test
        void d() throws Exception {
            LogCapture cm = LogCapture.assertLogs("ext.shared", Level.DEBUG, () -> log("d"));
            cm.find().messageContains("d ").assertCount(200);
            cm.find().assertCount(200);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try (LogCapture logs = LogCapture.on("ext.shared").level(Level.DEBUG).exclusive().start()) {
                pool.submit(logs.wrap(() -> Logging.getLogger("ext.shared.pool").info("d pool"))).get();
                logs.find().assertOne();
            } finally {
                pool.shutdown();
                pool.awaitTermination(5, TimeUnit.SECONDS);
            }
        }
    }

    private static EngineExecutionResults run(Class<?> testClass, Map<String, String> parameters) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass))
                .configurationParameter(Fixture.PARAMETER, "true")
                .configurationParameters(parameters).execute();
    }

    /** Each failed test's name and failure, so that an assertion on them shows why. */
    private static List<String> failures(EngineExecutionResults results) {
        List<String> out = new ArrayList<>();
        for (Event e : results.testEvents().failed().list()) {
            Throwable t = e.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                    .getThrowable().orElse(null);
            out.add(e.getTestDescriptor().getDisplayName() + ": " + t);
        }
        return out;
    }

    /** Marks the example classes: they run only under the engine test kit, never directly (e.g. with -Dtest=...). */
    @Retention(RetentionPolicy.RUNTIME)
    @ExtendWith(Fixture.Condition.class)
    @interface Fixture {
        String PARAMETER = "cairn.test.fixtures";

        class Condition implements ExecutionCondition {
            @Override
            public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
                return context.getConfigurationParameter(PARAMETER).isPresent()
                        ? ConditionEvaluationResult.enabled("run by the engine test kit")
                        : ConditionEvaluationResult.disabled("an example class for LogCaptureExtensionTest");
            }
        }
    }

    @Test
    void parametersAreInjectedAndLevelsRestoredAfterEachTest() {
        Annotated.levelsSeenInAfterEach.clear();
        run(Annotated.class, Map.of()).testEvents().assertStatistics(s -> s.started(2).succeeded(2));
        // @AfterEach methods run before the extension's afterEach, so they still see the capture's level.
        assertThat(Annotated.levelsSeenInAfterEach).containsExactlyInAnyOrder("DEBUG", "NOTSET");
        assertThat(Logging.getLogger("ext.app").getLevel()).isEqualTo(Level.NOTSET);
        assertThat(Logging.getLogger("ext.app").getHandlers()).isEmpty();
    }

    @Test
    void withoutTheAnnotationTheRootIsCapturedAsPytestsCaplog() {
        run(PlainExtension.class, Map.of()).testEvents().assertStatistics(s -> s.succeeded(1));
    }

    @Test
    void failOnFailsATestThatLoggedAtThatLevel() {
        EngineExecutionResults results = run(FailOn.class, Map.of());
        results.testEvents().assertStatistics(s -> s.succeeded(1).failed(1));
        Event failed = results.testEvents().failed().list().get(0);
        assertThat(failed.getTestDescriptor().getDisplayName()).isEqualTo("logsAnError()");
        assertThat(failed.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected no record with level ERROR or higher")
                .hasMessageContaining("ERROR:ext.strict:something broke");
    }

    @Test
    void testsRunningInParallelSeeOnlyTheirOwnRecords() {
        Logging.getLogger("ext.shared").addHandler(Parallel.sharedHandler);
        EngineExecutionResults results = run(Parallel.class, Map.of(
                "junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.mode.default", "concurrent",
                "junit.jupiter.execution.parallel.config.strategy", "fixed",
                "junit.jupiter.execution.parallel.config.fixed.parallelism", "4"));
        assertThat(failures(results)).isEmpty();
        results.testEvents().assertStatistics(s -> s.started(4).succeeded(4));
        assertThat(Parallel.mostAtOnce.get()).as("tests that ran at the same time").isGreaterThan(1);
        Logger shared = Logging.getLogger("ext.shared");
        assertThat(shared.getLevel()).isEqualTo(Level.NOTSET);
        assertThat(shared.getHandlers()).containsExactly(Parallel.sharedHandler);
        assertThat(shared.getPropagate()).isTrue();
        // Additive captures let their records on; the exclusive one and assertLogs kept theirs.
        List<String> reached = Parallel.sharedHandler.messages;
        assertThat(reached).hasSize(400).allMatch(m -> m.startsWith("a ") || m.startsWith("b "));
    }
}
