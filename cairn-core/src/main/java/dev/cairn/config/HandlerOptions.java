package dev.cairn.config;

import dev.cairn.Handler;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The options of one handler entry, read by a {@link HandlerFactory}: the typed getters of
 * {@link ConfigNode} plus references to other handlers of the same configuration (a
 * MemoryHandler's {@code target}).
 */
public final class HandlerOptions {
    /** Thrown when a referenced handler is not built yet; the configurator retries later, as Python defers it. */
    static final class NotYetConfigured extends RuntimeException {
        NotYetConfigured(String name) {
            super(name, null, false, false);
        }
    }

    private final ConfigNode node;
    private final Map<String, Handler> built;
    private final Map<String, ?> declared;

    HandlerOptions(ConfigNode node, Map<String, Handler> built, Map<String, ?> declared) {
        this.node = node;
        this.built = built;
        this.declared = declared;
    }

    /** The options as a node, for typed access with key paths. */
    public ConfigNode node() {
        return node;
    }

    public boolean has(String key) {
        return node.has(key);
    }

    public String string(String key) {
        return node.string(key);
    }

    public String string(String key, String fallback) {
        return node.string(key, fallback);
    }

    public int integer(String key, int fallback) {
        return node.integer(key, fallback);
    }

    public long longValue(String key, long fallback) {
        return node.longValue(key, fallback);
    }

    public double number(String key, double fallback) {
        return node.number(key, fallback);
    }

    public boolean bool(String key, boolean fallback) {
        return node.bool(key, fallback);
    }

    public Integer level(String key) {
        return node.level(key);
    }

    public Object get(String key) {
        return node.get(key);
    }

    /** An output stream option ({@code stream: ext://sys.stdout}); {@code fallback} when absent. */
    public OutputStream stream(String key, OutputStream fallback) {
        Object v = node.get(key);
        if (v == null) return fallback;
        if (v instanceof OutputStream) return (OutputStream) v;
        throw node.error(key, "a stream such as ext://sys.stdout or ext://sys.stderr", v);
    }

    /** Another handler of this configuration, named by the option {@code key}; null when absent. */
    public Handler handler(String key) {
        String name = node.string(key, null);
        if (name == null) return null;
        return named(name, node.pathOf(key));
    }

    /** Other handlers of this configuration, named by the list option {@code key} (a QueueHandler's {@code handlers}); empty when absent. */
    public List<Handler> handlers(String key) {
        List<String> names = node.strings(key);
        List<Handler> result = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) result.add(named(names.get(i), node.pathOf(key) + "[" + i + "]"));
        return result;
    }

    private Handler named(String name, String path) {
        Handler h = built.get(name);
        if (h != null) return h;
        if (declared.containsKey(name)) throw new NotYetConfigured(name);
        throw new ConfigException(path, "no handler named '" + name + "' in handlers");
    }
}
