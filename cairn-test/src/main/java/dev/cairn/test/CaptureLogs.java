package dev.cairn.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Captures logging for each test of the annotated class or method, with a {@link LogCapture}
 * opened before {@code @BeforeEach} methods run and closed after {@code @AfterEach}; declare a
 * {@code LogCapture} parameter to read it:
 *
 * <pre>{@code
 * @CaptureLogs(logger = "com.example", level = "DEBUG")
 * class ServiceTest {
 *     @Test
 *     void retries(LogCapture logs) {
 *         new Service().call();
 *         logs.find().level(Level.WARNING).messageContains("retry").assertOne();
 *     }
 * }
 * }</pre>
 *
 * A method's annotation replaces its class's. The capture keeps the test thread's records
 * (see {@link LogCapture} for other threads), so it is safe with JUnit's parallel execution.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(LogCaptureExtension.class)
public @interface CaptureLogs {
    /** The logger whose subtree is captured; "" (the default) is the root. */
    String logger() default "";

    /**
     * The lowest level captured, by name ({@code "DEBUG"}, {@code "TRACE"} once registered) or
     * number; {@code "NOTSET"} (the default) captures what the loggers already let through.
     */
    String level() default "NOTSET";

    /** Keep records from every thread; only isolated when tests do not run in parallel. */
    boolean anyThread() default false;

    /**
     * Keep the captured records from the logger's other handlers and its ancestors, as Python's
     * {@code assertLogs}; false (the default) lets them go on as before, as pytest's {@code caplog}.
     */
    boolean exclusive() default false;

    /**
     * Fail the test, after it ran, if a record at this level or above was captured, with the
     * records listed (Python's {@code assertNoLogs} over the whole test); "" (the default) never
     * fails. Only captured records count, so it should not be below {@link #level()}.
     */
    String failOn() default "";
}
