package dev.cairn.test;

import dev.cairn.Level;
import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link CaptureLogs}: one {@link LogCapture} per test, opened
 * in {@code beforeEach} on the test's thread, injected into {@code LogCapture} parameters of
 * the test and its {@code @BeforeEach}/{@code @AfterEach} methods, closed in
 * {@code afterEach}. Registered with {@code @ExtendWith(LogCaptureExtension.class)} alone it
 * captures the root logger at the current levels, as pytest's {@code caplog} fixture does.
 */
public class LogCaptureExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LogCaptureExtension.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        capture(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        LogCapture capture = context.getStore(NAMESPACE).remove(LogCapture.class, LogCapture.class);
        if (capture == null) return;
        capture.close();
        Optional<CaptureLogs> options = options(context);
        String failOn = options.map(CaptureLogs::failOn).orElse("");
        // A test that already failed keeps its own failure; this one would only hide it.
        if (!failOn.isEmpty() && context.getExecutionException().isEmpty()) {
            capture.find().atLeast(parseLevel(failOn)).assertNone();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LogCapture.class && context.getTestMethod().isPresent();
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (context.getTestMethod().isEmpty()) {
            throw new ParameterResolutionException("a LogCapture is per test; it cannot be injected here");
        }
        return capture(context);
    }

    private static LogCapture capture(ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(LogCapture.class, k -> open(context), LogCapture.class);
    }

    private static LogCapture open(ExtensionContext context) {
        Optional<CaptureLogs> options = options(context);
        LogCapture.Builder builder = LogCapture.on(options.map(CaptureLogs::logger).orElse(""));
        options.ifPresent(o -> builder.level(parseLevel(o.level())).fromAnyThread(o.anyThread()).exclusive(o.exclusive()));
        return builder.start();
    }

    /** The method's annotation, else the nearest on its class or an enclosing (nested) class. */
    private static Optional<CaptureLogs> options(ExtensionContext context) {
        Optional<CaptureLogs> found = find(context.getTestMethod().orElse(null));
        for (Optional<Class<?>> c = context.getTestClass(); found.isEmpty() && c.isPresent();
             c = Optional.ofNullable(c.get().getEnclosingClass())) {
            found = find(c.get());
        }
        return found;
    }

    private static Optional<CaptureLogs> find(AnnotatedElement element) {
        return element == null ? Optional.empty() : AnnotationSupport.findAnnotation(element, CaptureLogs.class);
    }

    private static int parseLevel(String level) {
        String text = level.trim();
        if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) return Integer.parseInt(text);
        return Level.parse(text.toUpperCase(java.util.Locale.ROOT));
    }
}
