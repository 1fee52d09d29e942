package dev.cairn.config;

import dev.cairn.FileHandler;
import dev.cairn.NullHandler;
import dev.cairn.StreamHandler;
import dev.cairn.TextEncoding;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The handler classes a configuration can name in {@code class}, under Python's names
 * ({@code logging.StreamHandler}, {@code logging.handlers.RotatingFileHandler}) and Cairn's Java
 * class names. Modules add theirs through {@link HandlerProvider}; a Java class that is not
 * registered is still usable, built by its no-argument constructor and setters.
 */
public final class HandlerRegistry {
    private static final HandlerRegistry INSTANCE = new HandlerRegistry();

    private final Map<String, HandlerFactory> factories = new ConcurrentHashMap<>();
    private volatile boolean providersLoaded;

    private HandlerRegistry() {
        register(StreamHandler.class.getName(), "logging.StreamHandler", options -> {
            StreamHandler h = new StreamHandler(options.stream("stream", System.err));
            h.setEncoding(TextEncoding.of(options.string("encoding", null), options.string("errors", null)));
            return h;
        });
        register(FileHandler.class.getName(), "logging.FileHandler", options -> new FileHandler(
                options.string("filename"), options.string("mode", "a"), options.string("encoding", null),
                options.bool("delay", false), options.string("errors", null)));
        register(NullHandler.class.getName(), "logging.NullHandler", options -> new NullHandler());
    }

    /** The registry every configuration uses. */
    public static HandlerRegistry get() {
        return INSTANCE;
    }

    /** Registers {@code factory} under a Java class name and a Python name (either may be null). */
    public void register(String javaName, String pythonName, HandlerFactory factory) {
        if (javaName != null) factories.put(javaName, factory);
        if (pythonName != null) factories.put(pythonName, factory);
    }

    /** The factory for {@code className}, or null if none is registered. */
    public HandlerFactory find(String className) {
        loadProviders();
        return factories.get(className);
    }

    /** The registered names, sorted, for error messages. */
    public String knownNames() {
        loadProviders();
        return String.join(", ", new TreeSet<>(factories.keySet()));
    }

    private void loadProviders() {
        if (providersLoaded) return;
        synchronized (this) {
            if (providersLoaded) return;
            for (HandlerProvider provider : ServiceLoader.load(HandlerProvider.class, HandlerRegistry.class.getClassLoader())) {
                provider.registerHandlers(this);
            }
            providersLoaded = true;
        }
    }
}
