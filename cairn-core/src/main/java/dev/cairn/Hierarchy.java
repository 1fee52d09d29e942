package dev.cairn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dotted tree of loggers, Python's {@code logging.Manager}. A name asked for before its
 * ancestors exist leaves placeholders behind, so that a parent created later is slotted in
 * between the child and its old parent ({@code _fixupParents}, {@code _fixupChildren}). Lookups
 * of existing loggers take no lock; creation and level changes serialise on this object.
 */
final class Hierarchy {
    /** Python's PlaceHolder: stands for a name that has descendants but no logger yet. */
    private static final class PlaceHolder {
        final List<Logger> children = new ArrayList<>();
    }

    final Logger root;
    private final Map<String, Object> loggers = new ConcurrentHashMap<>();
    private volatile int disableLevel = Level.NOTSET;

    Hierarchy() {
        root = new Logger("root", Level.WARNING);
        root.updateThreshold(disableLevel);
    }

    Logger getLogger(String name) {
        if (name == null || name.isEmpty() || name.equals(root.getName())) return root;
        Object existing = loggers.get(name);
        if (existing instanceof Logger) return (Logger) existing;
        synchronized (this) {
            existing = loggers.get(name);
            if (existing instanceof Logger) return (Logger) existing;
            Logger logger = new Logger(name, Level.NOTSET);
            loggers.put(name, logger);
            if (existing instanceof PlaceHolder) fixupChildren((PlaceHolder) existing, logger);
            fixupParents(logger);
            logger.updateThreshold(disableLevel);
            Logging.configurationChanged();
            return logger;
        }
    }

    /** Python's {@code _fixupParents}: link to the nearest existing ancestor, leaving placeholders above. */
    private void fixupParents(Logger logger) {
        String name = logger.getName();
        Logger parent = null;
        int i = name.lastIndexOf('.');
        while (i > 0 && parent == null) {
            String prefix = name.substring(0, i);
            Object node = loggers.get(prefix);
            if (node == null) {
                PlaceHolder ph = new PlaceHolder();
                ph.children.add(logger);
                loggers.put(prefix, ph);
            } else if (node instanceof Logger) {
                parent = (Logger) node;
            } else {
                ((PlaceHolder) node).children.add(logger);
            }
            i = name.lastIndexOf('.', i - 1);
        }
        logger.parent = parent != null ? parent : root;
    }

    /** Python's {@code _fixupChildren}: loggers that waited on a placeholder get the new logger as parent. */
    private static void fixupChildren(PlaceHolder ph, Logger logger) {
        String name = logger.getName();
        for (Logger child : ph.children) {
            if (!child.parent.getName().startsWith(name)) {
                logger.parent = child.parent;
                child.parent = logger;
            }
        }
    }

    /** Every logger that exists (not placeholders), the root excluded. */
    synchronized List<Logger> existingLoggers() {
        List<Logger> result = new ArrayList<>();
        for (Object node : loggers.values()) {
            if (node instanceof Logger) result.add((Logger) node);
        }
        return result;
    }

    int getDisableLevel() {
        return disableLevel;
    }

    void setDisableLevel(int level) {
        synchronized (this) {
            disableLevel = level;
        }
        levelsChanged();
    }

    /**
     * Recomputes every logger's cached threshold (Python clears its isEnabledFor caches here),
     * then tells the level listeners, outside the lock so a listener may read loggers freely.
     */
    void levelsChanged() {
        synchronized (this) {
            int disable = disableLevel;
            root.updateThreshold(disable);
            for (Object node : loggers.values()) {
                if (node instanceof Logger) ((Logger) node).updateThreshold(disable);
            }
            Logging.configurationChanged();
        }
        Logging.fireLevelsChanged();
    }
}
