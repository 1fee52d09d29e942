package dev.cairn.config;

import dev.cairn.Logging;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs each test on a reset hierarchy with no remembered configuration source and an empty
 * environment (so the machine's CAIRN_* variables cannot leak in), and puts the real
 * environment back afterwards.
 */
final class FreshConfiguration implements BeforeEachCallback, AfterEachCallback {
    @Override
    public void beforeEach(ExtensionContext context) {
        Logging.reset();
        RunningConfiguration.forget(Map.of());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        RunningConfiguration.forget(System.getenv());
        Logging.reset();
    }
}
