package dev.cairn.test;

import dev.cairn.Level;
import dev.cairn.Logger;
import dev.cairn.Logging;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The temporary logger settings that open captures asked for, shared by every capture in the
 * JVM so that tests running in parallel cannot undo each other: a logger gets the lowest level
 * any open capture needs (never higher than its own), stays enabled while any capture needs it,
 * and {@link Logging#disable} is lifted to the lowest level any capture needs; each gets its
 * own setting back when the last request is withdrawn. Python's assertLogs and pytest's
 * {@code set_level} simply save and restore, which is only right when captures never overlap.
 * Each method returns the action that withdraws its request.
 */
final class LoggerOverrides {
    private static final class Entry {
        final int level;
        final boolean disabled;
        final List<Integer> levelRequests = new ArrayList<>();
        int enableRequests;

        Entry(Logger logger) {
            this.level = logger.getLevel();
            this.disabled = logger.isDisabled();
        }

        boolean unused() {
            return levelRequests.isEmpty() && enableRequests == 0;
        }
    }

    private static final Map<Logger, Entry> ENTRIES = new HashMap<>();
    private static final List<Integer> DISABLE_REQUESTS = new ArrayList<>();
    private static int originalDisable;

    private LoggerOverrides() {}

    /**
     * Makes {@code logger} let through records at {@code level}, by lowering its own level when
     * its effective level is higher. A request at NOTSET or at a level the logger already passes
     * still counts, so that overlapping captures restore in any order.
     */
    static synchronized Runnable lowerLevel(Logger logger, int level) {
        Entry entry = ENTRIES.computeIfAbsent(logger, Entry::new);
        entry.levelRequests.add(level);
        applyLevel(logger, entry);
        return () -> release(logger, e -> e.levelRequests.remove(Integer.valueOf(level)));
    }

    /** Enables {@code logger} if a configuration disabled it (dictConfig's disable_existing_loggers). */
    static synchronized Runnable enable(Logger logger) {
        Entry entry = ENTRIES.computeIfAbsent(logger, Entry::new);
        entry.enableRequests++;
        if (logger.isDisabled()) logger.setDisabled(false);
        return () -> release(logger, e -> {
            e.enableRequests--;
            return true;
        });
    }

    /**
     * Lifts {@link Logging#disable} so that {@code level} passes, as pytest 8's {@code set_level}
     * does; nothing when it already passes.
     */
    static synchronized Runnable liftDisable(int level) {
        if (DISABLE_REQUESTS.isEmpty()) originalDisable = Logging.getDisableLevel();
        DISABLE_REQUESTS.add(level);
        applyDisable();
        return () -> {
            synchronized (LoggerOverrides.class) {
                if (DISABLE_REQUESTS.remove(Integer.valueOf(level))) applyDisable();
            }
        };
    }

    private static synchronized void release(Logger logger, java.util.function.Predicate<Entry> withdraw) {
        Entry entry = ENTRIES.get(logger);
        if (entry == null || !withdraw.test(entry)) return;
        if (entry.unused()) {
            ENTRIES.remove(logger);
            if (logger.getLevel() != entry.level) logger.setLevel(entry.level);
            if (logger.isDisabled() != entry.disabled) logger.setDisabled(entry.disabled);
        } else {
            applyLevel(logger, entry);
            if (entry.enableRequests == 0 && logger.isDisabled() != entry.disabled) logger.setDisabled(entry.disabled);
        }
    }

    private static void applyLevel(Logger logger, Entry entry) {
        int wanted = entry.level;
        for (int request : entry.levelRequests) {
            if (request == Level.NOTSET) continue;
            int effective = wanted != Level.NOTSET ? wanted : parentEffectiveLevel(logger);
            if (effective > request) wanted = request;
        }
        if (logger.getLevel() != wanted) logger.setLevel(wanted);
    }

    private static int parentEffectiveLevel(Logger logger) {
        Logger parent = logger.getParent();
        return parent != null ? parent.getEffectiveLevel() : Level.NOTSET;
    }

    private static void applyDisable() {
        int wanted = originalDisable;
        for (int request : DISABLE_REQUESTS) {
            // Python's disable(n) drops n and below, so letting `request` through needs less than it.
            if (request != Level.NOTSET && wanted >= request) wanted = request - 1;
        }
        if (Logging.getDisableLevel() != wanted) Logging.disable(Math.max(wanted, Level.NOTSET));
    }
}
