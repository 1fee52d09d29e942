package dev.cairn.config;

import dev.cairn.Handler;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which configuration source last set each logger setting, handler and the global disable, for
 * {@link Explanation}. A source is a short description: {@code cairn.yaml:12},
 * {@code environment CAIRN_LEVEL=INFO}, {@code command line --log-level}. The value set is
 * remembered too, so a setting changed later by code (which records nothing) is reported as
 * such rather than credited to the file. Written only while configuring; thread-safe.
 */
public final class Provenance {
    /** A setting's source and the value that source gave it. */
    record Entry(String source, Object value) {}

    private static final Map<String, Entry> SETTINGS = new ConcurrentHashMap<>();
    private static final Map<Handler, String> HANDLERS = new WeakHashMap<>();

    private Provenance() {}

    /** Records that {@code source} set {@code setting} ({@code level}, {@code propagate}, {@code disabled}) of logger {@code name}. */
    public static void loggerSetting(String name, String setting, Object value, String source) {
        SETTINGS.put(setting + ":" + name, new Entry(source, value));
    }

    /** Records that {@code source} created (or configured) {@code handler}. */
    public static void handler(Handler handler, String source) {
        synchronized (HANDLERS) {
            HANDLERS.put(handler, source);
        }
    }

    /** Forgets every source, as {@code Logging.reset()} returns logging to Python's initial state. */
    public static void clear() {
        SETTINGS.clear();
        synchronized (HANDLERS) {
            HANDLERS.clear();
        }
    }

    /** Records that {@code source} set the global disable level. */
    public static void disable(int level, String source) {
        SETTINGS.put("disable:", new Entry(source, level));
    }

    /**
     * Where the current {@code value} of a logger setting came from: the recorded source if the
     * value is still the one it set, otherwise null (set by code, or Python's default).
     */
    static String loggerSetting(String name, String setting, Object currentValue) {
        Entry e = SETTINGS.get(setting + ":" + name);
        return e != null && Objects.equals(e.value(), currentValue) ? e.source() : null;
    }

    static String disable(int currentLevel) {
        Entry e = SETTINGS.get("disable:");
        return e != null && Objects.equals(e.value(), currentLevel) ? e.source() : null;
    }

    static String handler(Handler handler) {
        synchronized (HANDLERS) {
            return HANDLERS.get(handler);
        }
    }
}
