package dev.cairn.config;

import dev.cairn.Handler;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;

/**
 * Builds the handler of one {@code handlers} entry: through the {@link HandlerRegistry} for
 * registered classes (Python's names and Cairn's), through {@link ObjectFactory} for a
 * {@code ()} factory or any other Java Handler class.
 */
final class Handlers {
    private static final Set<String> COMMON = Set.of("class", "()", "level", "formatter", "filters", ".");

    private Handlers() {}

    static Handler create(ConfigNode node, Map<String, Handler> built, Map<String, ?> declared) {
        if (node.has("()")) {
            String spec = node.string("()");
            return ObjectFactory.create(spec, node.remaining(COMMON), Handler.class, node.path());
        }
        if (!node.has("class")) {
            throw new ConfigException(node.path(), "a handler needs 'class' (such as logging.StreamHandler) or '()'");
        }
        String className = node.string("class");
        HandlerFactory factory = HandlerRegistry.get().find(className);
        if (factory == null) {
            Class<?> type = ObjectFactory.loadClass(className);
            if (type == null) {
                throw new ConfigException(node.pathOf("class"), "unknown handler class '" + className
                        + "' (known: " + HandlerRegistry.get().knownNames() + ", or a Java Handler class on the class path)");
            }
            if (!Handler.class.isAssignableFrom(type)) {
                throw new ConfigException(node.pathOf("class"), "'" + className + "' is not a Handler");
            }
            return ObjectFactory.create(className, node.remaining(COMMON), Handler.class, node.path());
        }
        Handler handler;
        try {
            handler = factory.create(new HandlerOptions(node, built, declared));
        } catch (ConfigException | HandlerOptions.NotYetConfigured e) {
            throw e;
        } catch (UncheckedIOException e) {
            throw new ConfigException(node.path(), "Unable to configure handler: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new ConfigException(node.path(), "Unable to configure handler: " + e.getMessage(), e);
        }
        try {
            node.rejectUnknown(className, COMMON);
        } catch (ConfigException e) {
            handler.close();
            throw e;
        }
        return handler;
    }
}
