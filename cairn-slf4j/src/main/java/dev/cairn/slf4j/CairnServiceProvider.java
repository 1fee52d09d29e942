package dev.cairn.slf4j;

import dev.cairn.CallerLocation;
import dev.cairn.Level;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J 2 provider that routes every SLF4J call into Cairn. SLF4J finds it through
 * {@code META-INF/services/org.slf4j.spi.SLF4JServiceProvider} as soon as this jar is on the
 * class path; nothing needs to be called. SLF4J's own bridges ({@code jcl-over-slf4j},
 * {@code log4j-to-slf4j}, {@code jul-to-slf4j}) then reach Cairn too.
 *
 * <p>Initialisation registers the level name {@code TRACE} for {@link #TRACE} and declares the
 * SLF4J adapter classes as {@linkplain CallerLocation#addBoundary caller boundaries}, so
 * {@code %(funcName)s} and {@code %(lineno)d} name the code that called SLF4J.
 */
public final class CairnServiceProvider implements SLF4JServiceProvider {
    /** The Cairn level of SLF4J's TRACE, below DEBUG (10), named {@code "TRACE"}. */
    public static final int TRACE = 5;

    /** The SLF4J API version this provider is written against. */
    static final String REQUESTED_API_VERSION = "2.0.99";

    private volatile CairnLoggerFactory loggerFactory;
    private volatile IMarkerFactory markerFactory;
    private volatile MDCAdapter mdcAdapter;

    /** Called by SLF4J's {@code ServiceLoader}; {@link #initialize()} does the work. */
    public CairnServiceProvider() {}

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggerFactory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markerFactory;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdcAdapter;
    }

    @Override
    public String getRequestedApiVersion() {
        return REQUESTED_API_VERSION;
    }

    @Override
    public void initialize() {
        registerLevelName();
        // Every frame between the caller and Cairn's Logger, whichever SLF4J path the call took.
        for (String facade : new String[] {
                Slf4jLogger.class.getName(),
                "org.slf4j.helpers.AbstractLogger",
                "org.slf4j.helpers.SubstituteLogger",
                "org.slf4j.spi.DefaultLoggingEventBuilder",
                "org.apache.commons.logging.impl.SLF4JLog",
                "org.apache.commons.logging.impl.SLF4JLocationAwareLog"}) {
            CallerLocation.addBoundary(facade);
        }
        markerFactory = new BasicMarkerFactory();
        mdcAdapter = new LogContextMDCAdapter();
        loggerFactory = new CairnLoggerFactory();
    }

    /** Names level 5 {@code TRACE} unless something already named it, as Python's addLevelName would. */
    static void registerLevelName() {
        if (Level.forName("TRACE") == null) Level.addLevelName(TRACE, "TRACE");
    }
}
