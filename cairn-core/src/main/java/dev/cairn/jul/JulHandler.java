package dev.cairn.jul;

import dev.cairn.CallerLocation;
import dev.cairn.LogRecordFactory;
import dev.cairn.Logger;
import dev.cairn.Logging;
import dev.cairn.context.LogContext;
import java.time.Instant;

/**
 * A java.util.logging handler that passes every record to the Cairn logger of the same name
 * (JUL's root {@code ""} and anonymous loggers to Cairn's root), at the level {@link JulLevels}
 * gives. {@link JulBridge#install()} puts one on JUL's root logger; a {@code logging.properties}
 * can name it instead ({@code handlers = dev.cairn.jul.JulHandler}), which also starts the
 * level propagation. The record keeps JUL's time, exception and parameters; its message is
 * formatted by JUL's rules only when a Cairn handler needs it. Thread-safe.
 */
public class JulHandler extends java.util.logging.Handler {
    private static final Object[] NO_ARGS = new Object[0];

    static {
        // Frames between the application's JUL call and this handler, skipped when Cairn
        // reports the caller (System.Logger reaches JUL through the jdk.internal.logger ones).
        for (String name : new String[] {
                JulHandler.class.getName(), JulRecord.class.getName(), "java.util.logging.Logger",
                "sun.util.logging.internal.LoggingProviderImpl$JULWrapper",
                "jdk.internal.logger.AbstractLoggerWrapper", "jdk.internal.logger.LazyLoggers$JdkLazyLogger",
                "jdk.internal.logger.LazyLoggers$LazyLoggerWrapper", "sun.util.logging.PlatformLogger",
                "sun.util.logging.PlatformLogger$JavaLoggerProxy"}) {
            CallerLocation.addBoundary(name);
        }
    }

    /**
     * The handler as JUL's configuration creates it ({@code handlers = dev.cairn.jul.JulHandler});
     * from then on JUL's logger levels follow Cairn's, as with {@link JulBridge#install()}.
     */
    public JulHandler() {
        this(true);
    }

    JulHandler(boolean startLevelPropagation) {
        JulLevels.registerNames();
        if (startLevelPropagation) JulBridge.propagateLevels();
    }

    @Override
    public void publish(java.util.logging.LogRecord record) {
        if (record == null) return;
        int level = JulLevels.toCairn(record.getLevel());
        String name = record.getLoggerName();
        Logger logger = name == null || name.isEmpty() ? Logging.getLogger() : Logging.getLogger(name);
        // Cairn's check is the authority (JUL's levels are only a copy of it); isLoggable adds
        // this handler's own JUL level and filter, ALL and none unless configured.
        if (!logger.isEnabledFor(level) || !isLoggable(record)) return;
        CallerLocation location = logger.needsCallerLocation() ? CallerLocation.find(1) : null;
        Instant instant = record.getInstant();
        double created = instant.getEpochSecond() + instant.getNano() / 1e9;
        LogRecordFactory factory = Logging.getLogRecordFactory();
        if (factory == LogRecordFactory.DEFAULT) {
            logger.handle(new JulRecord(logger.getName(), level, location, record, created));
        } else {
            // A replaced factory (a redactor) sees the finished text, which it may rewrite.
            String message = JulRecord.format(record.getMessage(), record.getResourceBundle(), record.getParameters());
            logger.handle(factory.create(logger.getName(), level, location, message, NO_ARGS, record.getThrown(),
                    null, null, null, LogContext.current(), created));
        }
    }

    /** Nothing is buffered here: Cairn's handlers flush themselves. */
    @Override
    public void flush() {
    }

    /** Nothing to release; records published afterwards are still passed on. */
    @Override
    public void close() {
    }
}
