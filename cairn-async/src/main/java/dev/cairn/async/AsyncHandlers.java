package dev.cairn.async;

import dev.cairn.config.ConfigException;
import dev.cairn.config.HandlerOptions;
import dev.cairn.config.HandlerProvider;
import dev.cairn.config.HandlerRegistry;

/**
 * Registers {@link AsyncHandler} for dictConfig under its class name, as
 * {@code cairn.AsyncHandler}, with the options {@code target} (the name of another handler of
 * the configuration, required), {@code capacity} (records, default 8192), {@code overflow}
 * ({@code block}, {@code drop} or {@code sync}; default {@code block}) and
 * {@code dropThreshold} (default 0.8). Found through {@link java.util.ServiceLoader}.
 */
public final class AsyncHandlers implements HandlerProvider {
    @Override
    public void registerHandlers(HandlerRegistry registry) {
        registry.register(AsyncHandler.class.getName(), "cairn.AsyncHandler", AsyncHandlers::create);
    }

    private static AsyncHandler create(HandlerOptions options) {
        String path = options.node().pathOf("target");
        if (!options.has("target")) throw new ConfigException(path, "an AsyncHandler needs a target: the name of another handler");
        dev.cairn.Handler target = options.handler("target");
        int capacity = options.integer("capacity", AsyncHandler.DEFAULT_CAPACITY);
        if (capacity < 2 || capacity > (1 << 30)) {
            throw new ConfigException(options.node().pathOf("capacity"), "expected a number of records from 2 to 2**30, got " + capacity);
        }
        OverflowPolicy policy;
        try {
            policy = OverflowPolicy.parse(options.string("overflow", "block"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(options.node().pathOf("overflow"), e.getMessage());
        }
        double threshold = options.number("dropThreshold", AsyncHandler.DEFAULT_DROP_THRESHOLD);
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new ConfigException(options.node().pathOf("dropThreshold"), "expected a fraction from 0 to 1, got " + threshold);
        }
        return new AsyncHandler(target, capacity, policy, threshold);
    }
}
