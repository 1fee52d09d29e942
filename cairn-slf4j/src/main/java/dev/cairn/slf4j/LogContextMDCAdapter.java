package dev.cairn.slf4j;

import dev.cairn.context.LogContext;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.helpers.ThreadLocalMapOfStacks;
import org.slf4j.spi.MDCAdapter;

/**
 * SLF4J's MDC stored in Cairn's {@link LogContext}: {@code MDC.put("user", "ana")} and
 * {@code LogContext.put("user", "ana")} are the same thing, so every Cairn record carries MDC
 * values (as {@code %(user)s} in formats, as fields in JSON) and LogContext's wrappers carry
 * them into executors. Values put through Cairn that are not strings read back through MDC as
 * their {@code toString()}. A null value removes the key. The per-key stacks of SLF4J 2
 * ({@code pushByKey}) are kept apart, as SLF4J's own adapters keep them, and are not on records.
 */
final class LogContextMDCAdapter implements MDCAdapter {
    private final ThreadLocalMapOfStacks stacks = new ThreadLocalMapOfStacks();

    @Override
    public void put(String key, String value) {
        if (key == null) throw new IllegalArgumentException("key cannot be null");
        LogContext.put(key, value);
    }

    @Override
    public String get(String key) {
        Object value = LogContext.get(key);
        return value == null ? null : value.toString();
    }

    @Override
    public void remove(String key) {
        LogContext.remove(key);
    }

    @Override
    public void clear() {
        LogContext.clear();
    }

    /** A copy of this thread's context, values as strings; empty (never null) when there is none. */
    @Override
    public Map<String, String> getCopyOfContextMap() {
        Map<String, Object> current = LogContext.snapshot();
        Map<String, String> copy = new LinkedHashMap<>(current.size() * 2);
        current.forEach((k, v) -> copy.put(k, v == null ? null : v.toString()));
        return copy;
    }

    @Override
    public void setContextMap(Map<String, String> contextMap) {
        LogContext.restore(contextMap);
    }

    @Override
    public void pushByKey(String key, String value) {
        stacks.pushByKey(key, value);
    }

    @Override
    public String popByKey(String key) {
        // SLF4J's helper throws on an emptied stack; an empty stack pops nothing, as an absent one.
        try {
            return stacks.popByKey(key);
        } catch (java.util.NoSuchElementException empty) {
            return null;
        }
    }

    @Override
    public Deque<String> getCopyOfDequeByKey(String key) {
        return stacks.getCopyOfDequeByKey(key);
    }

    @Override
    public void clearDequeByKey(String key) {
        stacks.clearDequeByKey(key);
    }
}
