package dev.cairn.jul;

import dev.cairn.Level;
import dev.cairn.Logger;
import dev.cairn.Logging;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogManager;

/**
 * Routes java.util.logging into Cairn: {@link #install()} replaces the handlers of JUL's root
 * logger with a {@link JulHandler}, and from then on keeps JUL's logger levels a copy of
 * Cairn's, so a JUL call Cairn would drop is dropped by JUL's own cheap level check, before
 * JUL builds a record. The same happens with the standard configuration, without code:
 * {@code handlers = dev.cairn.jul.JulHandler} in a {@code logging.properties}, or
 * {@code -Djava.util.logging.manager=dev.cairn.jul.CairnLogManager} (which also survives
 * {@code LogManager.reset()} and {@code readConfiguration()}).
 *
 * <p>How levels are copied: JUL's root gets Cairn's root level, and every Cairn logger with a
 * level of its own gets the JUL logger of the same name set to the matching JUL level
 * ({@link JulLevels#toJul}); every other JUL logger inherits, as in Cairn, so the two effective
 * levels agree. {@link Logging#disable} is folded in. A Cairn logger's {@code disabled} flag is
 * not copied (it does not apply to children in Cairn, but would in JUL); Cairn still drops
 * those records. Levels set on JUL loggers by other code or by {@code logging.properties} are
 * cleared at install: Cairn's configuration is the one place levels are set. The JUL loggers
 * given levels are held here, because JUL forgets the level of a logger nobody references.
 * All methods are thread-safe.
 */
public final class JulBridge {
    /** JUL loggers this bridge gave a level, by JUL name; strong references on purpose. */
    private static final Map<String, java.util.logging.Logger> LEVELLED = new HashMap<>();
    private static final Runnable LEVEL_LISTENER = JulBridge::syncLevels;
    private static JulHandler installed;

    private JulBridge() {}

    /**
     * Sends every JUL record to Cairn: removes (and closes) the handlers of JUL's root logger,
     * adds a {@link JulHandler}, clears levels set on other JUL loggers and starts copying
     * Cairn's levels. Calling it again re-installs (after a {@code LogManager.reset()}).
     */
    public static synchronized void install() {
        java.util.logging.Logger root = LogManager.getLogManager().getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
            if (!(h instanceof JulHandler)) h.close();
        }
        if (installed == null) installed = new JulHandler(false);
        root.addHandler(installed);
        for (String name : Collections.list(LogManager.getLogManager().getLoggerNames())) {
            java.util.logging.Logger jul = LogManager.getLogManager().getLogger(name);
            if (jul != null && !name.isEmpty() && jul.getLevel() != null) jul.setLevel(null);
        }
        LEVELLED.clear();
        propagateLevels();
    }

    /**
     * Undoes {@link #install()}: removes the handler, stops copying levels, clears the levels it
     * set and puts back JUL's default (a {@code ConsoleHandler} at INFO on the root).
     */
    public static synchronized void uninstall() {
        Logging.removeLevelListener(LEVEL_LISTENER);
        java.util.logging.Logger root = LogManager.getLogManager().getLogger("");
        if (installed != null) root.removeHandler(installed);
        installed = null;
        for (java.util.logging.Logger jul : LEVELLED.values()) jul.setLevel(null);
        LEVELLED.clear();
        root.setLevel(java.util.logging.Level.INFO);
        if (root.getHandlers().length == 0) root.addHandler(new java.util.logging.ConsoleHandler());
    }

    /** Whether {@link #install()} ran and was not undone. */
    public static synchronized boolean isInstalled() {
        return installed != null;
    }

    /** Starts copying Cairn's levels to JUL (idempotent); used by install and by a configured {@link JulHandler}. */
    static void propagateLevels() {
        Logging.addLevelListener(LEVEL_LISTENER);
        syncLevels();
    }

    /** Sets the JUL level of JUL's root and of each Cairn logger that has a level, clears the ones that no longer do. */
    static synchronized void syncLevels() {
        int floor = Logging.getDisableLevel() + 1;
        Map<String, java.util.logging.Level> wanted = new HashMap<>();
        wanted.put("", JulLevels.toJul(Math.max(Logging.getLogger().getLevel(), floor)));
        for (Logger logger : Logging.getLoggers()) {
            int level = logger.getLevel();
            if (level != Level.NOTSET) wanted.put(logger.getName(), JulLevels.toJul(Math.max(level, floor)));
        }
        LEVELLED.entrySet().removeIf(e -> {
            if (wanted.containsKey(e.getKey())) return false;
            e.getValue().setLevel(null);
            return true;
        });
        for (Map.Entry<String, java.util.logging.Level> e : wanted.entrySet()) {
            java.util.logging.Logger jul = LEVELLED.computeIfAbsent(e.getKey(), java.util.logging.Logger::getLogger);
            if (jul.getLevel() != e.getValue()) jul.setLevel(e.getValue());
        }
    }
}
