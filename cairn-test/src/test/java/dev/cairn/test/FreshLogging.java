package dev.cairn.test;

import dev.cairn.Logging;
import dev.cairn.NullHandler;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Python's initial logging state around each test ({@link Logging#reset()}), with a
 * {@link NullHandler} on the root so that records nobody captures do not reach the last-resort
 * handler and stderr. Runs before the test class's own {@code @BeforeEach} methods.
 */
final class FreshLogging implements BeforeEachCallback, AfterEachCallback {
    @Override
    public void beforeEach(ExtensionContext context) {
        Logging.reset();
        Logging.getLogger().addHandler(new NullHandler());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Logging.reset();
    }
}
