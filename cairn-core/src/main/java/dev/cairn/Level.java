package dev.cairn;

import java.util.HashMap;
import java.util.Map;

/**
 * Python's numeric levels and the table of level names. Any int is a level; the names are a
 * two-way map that {@link #addLevelName} extends, exactly as {@code logging.addLevelName} does.
 * Thread-safe: lookups read an immutable snapshot, updates replace it.
 */
public final class Level {
    public static final int NOTSET = 0;
    public static final int DEBUG = 10;
    public static final int INFO = 20;
    public static final int WARNING = 30;
    public static final int ERROR = 40;
    public static final int CRITICAL = 50;

    /** Copy-on-write snapshots: names are read on every formatted record, written almost never. */
    private static volatile Map<Integer, String> levelToName = Map.of(
            CRITICAL, "CRITICAL", ERROR, "ERROR", WARNING, "WARNING",
            INFO, "INFO", DEBUG, "DEBUG", NOTSET, "NOTSET");
    private static volatile Map<String, Integer> nameToLevel = Map.of(
            "CRITICAL", CRITICAL, "FATAL", CRITICAL, "ERROR", ERROR, "WARN", WARNING,
            "WARNING", WARNING, "INFO", INFO, "DEBUG", DEBUG, "NOTSET", NOTSET);

    private Level() {}

    /** Associates {@code name} with {@code level} in both directions, as Python's {@code addLevelName}. */
    public static synchronized void addLevelName(int level, String name) {
        if (name == null) throw new IllegalArgumentException("level name must not be null");
        Map<Integer, String> byLevel = new HashMap<>(levelToName);
        byLevel.put(level, name);
        Map<String, Integer> byName = new HashMap<>(nameToLevel);
        byName.put(name, level);
        levelToName = Map.copyOf(byLevel);
        nameToLevel = Map.copyOf(byName);
    }

    /** The name of a level, or {@code "Level 33"} for an unnamed one, as Python's {@code getLevelName(int)}. */
    public static String getLevelName(int level) {
        String name = levelToName.get(level);
        return name != null ? name : "Level " + level;
    }

    /** The level registered under {@code name}, or null; Python's {@code getLevelName(str)} lookup. */
    public static Integer forName(String name) {
        return nameToLevel.get(name);
    }

    /** A copy of the name-to-level table, as Python's {@code getLevelNamesMapping()}. */
    public static Map<String, Integer> getLevelNamesMapping() {
        return nameToLevel;
    }

    /**
     * Python's {@code _checkLevel}: an Integer (or other integral Number) is a level as it is, a
     * String must be a registered name (a decimal string is accepted too, for configuration files).
     *
     * @throws IllegalArgumentException naming the bad value, with Python's wording
     */
    public static int parse(Object level) {
        if (level instanceof Integer || level instanceof Long || level instanceof Short || level instanceof Byte) {
            long value = ((Number) level).longValue();
            if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("Level out of range: " + level);
            }
            return (int) value;
        }
        if (level instanceof String) {
            String text = (String) level;
            Integer found = nameToLevel.get(text);
            if (found != null) return found;
            throw new IllegalArgumentException("Unknown level: '" + text + "'");
        }
        throw new IllegalArgumentException("Level not an integer or a valid string: " + level);
    }
}
