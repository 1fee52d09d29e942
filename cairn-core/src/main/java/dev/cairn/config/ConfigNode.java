package dev.cairn.config;

import dev.cairn.Level;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One mapping of a configuration with its key path, giving typed access to its entries and
 * errors that say where they are ({@code handlers.file.maxBytes: expected an integer, got
 * "ten"}). String values of the form {@code ext://...} and {@code cfg://...} are resolved on
 * access, as Python's ConvertingDict does. It remembers which keys were read, so callers can
 * reject the ones nobody understood.
 */
public final class ConfigNode {
    private final String path;
    private final Map<String, Object> entries;
    private final References references;
    private final Set<String> used = new LinkedHashSet<>();

    ConfigNode(String path, Map<?, ?> entries, References references) {
        this.path = path;
        this.references = references;
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : entries.entrySet()) {
            if (!(e.getKey() instanceof String)) {
                throw new ConfigException(path, "keys must be strings, got " + describe(e.getKey()));
            }
            copy.put((String) e.getKey(), e.getValue());
        }
        this.entries = copy;
    }

    /** The path of this mapping ({@code handlers.file}); empty for the top level. */
    public String path() {
        return path;
    }

    /** The path of one of this mapping's keys. */
    public String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    /** The keys in their original order. */
    public Set<String> keys() {
        return entries.keySet();
    }

    /** The raw value with references resolved, or null when absent; marks the key as used. */
    public Object get(String key) {
        used.add(key);
        Object value = entries.get(key);
        return value == null ? null : references.resolve(value, pathOf(key));
    }

    /** A required string. */
    public String string(String key) {
        Object v = get(key);
        if (v == null) throw new ConfigException(pathOf(key), has(key) ? "must not be null" : "is required");
        if (!(v instanceof String)) throw error(key, "a string", v);
        return (String) v;
    }

    /** An optional string, {@code fallback} when absent or null. */
    public String string(String key, String fallback) {
        Object v = get(key);
        if (v == null) return fallback;
        if (!(v instanceof String)) throw error(key, "a string", v);
        return (String) v;
    }

    /** An optional int; accepts JSON/YAML integers, never strings or fractions. */
    public int integer(String key, int fallback) {
        long value = longValue(key, fallback);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) throw error(key, "an integer that fits in 32 bits", get(key));
        return (int) value;
    }

    /** An optional long; accepts JSON/YAML integers, never strings or fractions. */
    public long longValue(String key, long fallback) {
        Object v = get(key);
        if (v == null) return fallback;
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) return ((Number) v).longValue();
        if (v instanceof BigInteger && ((BigInteger) v).bitLength() < 64) return ((BigInteger) v).longValue();
        throw error(key, "an integer", v);
    }

    /** An optional number (int or float). */
    public double number(String key, double fallback) {
        Object v = get(key);
        if (v == null) return fallback;
        if (v instanceof Number) return ((Number) v).doubleValue();
        throw error(key, "a number", v);
    }

    /** An optional boolean; only true/false, as a typo like "flase" should not pass. */
    public boolean bool(String key, boolean fallback) {
        Object v = get(key);
        if (v == null) return fallback;
        if (v instanceof Boolean) return (Boolean) v;
        throw error(key, "true or false", v);
    }

    /** An optional level: an int or a registered level name; null when absent. */
    public Integer level(String key) {
        Object v = get(key);
        if (v == null) return null;
        try {
            return Level.parse(v);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(pathOf(key), e.getMessage() + " (expected a level name such as "
                    + "DEBUG, INFO, WARNING, ERROR, CRITICAL, or an integer)");
        }
    }

    /** An optional nested mapping; null when absent. */
    public ConfigNode node(String key) {
        Object v = get(key);
        if (v == null) return null;
        if (!(v instanceof Map)) throw error(key, "a mapping", v);
        return new ConfigNode(pathOf(key), (Map<?, ?>) v, references);
    }

    /** An optional list of strings (a single string is not accepted); empty when absent. */
    public List<String> strings(String key) {
        Object v = get(key);
        if (v == null) return List.of();
        if (!(v instanceof Collection)) throw error(key, "a list of names", v);
        List<String> result = new ArrayList<>();
        int i = 0;
        for (Object item : (Collection<?>) v) {
            if (!(item instanceof String)) throw new ConfigException(pathOf(key) + "[" + i + "]", "expected a name, got " + describe(item));
            result.add((String) item);
            i++;
        }
        return result;
    }

    /** Rejects every key that was never read and is not in {@code alsoAllowed}. */
    public void rejectUnknown(String what, Collection<String> alsoAllowed) {
        for (String key : entries.keySet()) {
            if (!used.contains(key) && !alsoAllowed.contains(key)) {
                List<String> known = new ArrayList<>(used);
                for (String k : alsoAllowed) if (!known.contains(k)) known.add(k);
                throw new ConfigException(pathOf(key), "unknown option for " + what
                        + (known.isEmpty() ? "" : " (expected one of: " + String.join(", ", known) + ")"));
            }
        }
    }

    /** The unread entries, references resolved: the options a handler class consumes itself. */
    public Map<String, Object> remaining(Collection<String> exclude) {
        Map<String, Object> rest = new LinkedHashMap<>();
        for (String key : entries.keySet()) {
            if (!exclude.contains(key)) rest.put(key, get(key));
        }
        return rest;
    }

    ConfigException error(String key, String expected, Object got) {
        return new ConfigException(pathOf(key), "expected " + expected + ", got " + describe(got));
    }

    /** A value as the user wrote it: strings quoted, other types named. */
    static String describe(Object value) {
        if (value == null) return "null";
        if (value instanceof String) return "\"" + value + "\"";
        if (value instanceof Map) return "a mapping";
        if (value instanceof Collection) return "a list";
        if (value instanceof Boolean || value instanceof Number && !(value instanceof BigDecimal)) return value.toString();
        return value.getClass().getSimpleName() + " " + value;
    }
}
