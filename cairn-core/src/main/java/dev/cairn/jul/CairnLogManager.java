package dev.cairn.jul;

import java.io.IOException;
import java.io.InputStream;

/**
 * A JUL {@code LogManager} that sends every JUL record to Cairn from the JVM's start, chosen
 * with {@code -Djava.util.logging.manager=dev.cairn.jul.CairnLogManager} (the property must be
 * set before anything touches java.util.logging). It behaves as the standard manager except
 * that JUL's root logger always holds a {@link JulHandler} and JUL's levels follow Cairn's
 * ({@link JulBridge}): at start-up, and again after {@code reset()} or
 * {@code readConfiguration()}, which would otherwise remove the handler and restore the
 * file's levels (application servers and some libraries call them).
 */
public class CairnLogManager extends java.util.logging.LogManager {
    /** Called by {@code LogManager}'s static initialiser, through the system property. */
    public CairnLogManager() {
        super();
    }

    @Override
    public boolean addLogger(java.util.logging.Logger logger) {
        boolean added = super.addLogger(logger);
        // The root is added while the manager initialises, after the configuration was read.
        if (added && logger.getName().isEmpty()) JulBridge.install();
        return added;
    }

    @Override
    public void reset() {
        super.reset();
        reinstall();
    }

    @Override
    public void readConfiguration(InputStream ins) throws IOException {
        super.readConfiguration(ins);
        reinstall();
    }

    private void reinstall() {
        // reset() also runs inside the constructor chain and at JVM exit; before the root
        // exists there is nothing to attach to, and addLogger will do it.
        if (getLogger("") != null) JulBridge.install();
    }
}
