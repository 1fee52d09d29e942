package dev.cairn.config;

import dev.cairn.Formatter;
import dev.cairn.json.JsonFormatter;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Builds the formatter of one {@code formatters} entry as Python's {@code configure_formatter}:
 * {@code format}, {@code datefmt}, {@code style}, {@code validate}, {@code defaults} and an
 * optional {@code class} (Python's {@code logging.Formatter} or a Java subclass of Formatter),
 * or a {@code ()} factory given the remaining keys. A {@code class} whose constructor takes a
 * Map (such as {@link JsonFormatter}) receives every other key as an option, and
 * python-json-logger's class names build a {@link JsonFormatter} with its keyword arguments.
 */
final class Formatters {
    private static final Set<String> PYTHON_NAMES = Set.of("logging.Formatter", Formatter.class.getName());

    private Formatters() {}

    static Formatter build(ConfigNode node) {
        if (node.has("()") && JsonFormatter.PYTHON_JSON_LOGGER.contains(node.string("()"))
                || node.has("class") && JsonFormatter.PYTHON_JSON_LOGGER.contains(node.string("class"))) {
            return withOptions(node, options -> JsonFormatter.pythonJsonLogger(options));
        }
        if (node.has("class") && hasOptionsConstructor(ObjectFactory.loadClass(node.string("class")))) {
            // A Formatter that takes its options as a Map (JsonFormatter): every key but class is one.
            Class<?> type = ObjectFactory.loadClass(node.string("class"));
            return withOptions(node, options -> (Formatter) ObjectFactory.create(type.getName(), options, Formatter.class, node.path()));
        }
        if (node.has("()")) {
            String spec = node.string("()");
            Formatter f = ObjectFactory.create(spec, node.remaining(Set.of("()", ".")), Formatter.class, node.path());
            DictConfig.setProperties(f, node.node("."));
            return f;
        }
        String fmt = node.string("format", null);
        String datefmt = node.string("datefmt", null);
        String styleText = node.string("style", "%");
        if (styleText.length() != 1 || "%{$".indexOf(styleText.charAt(0)) < 0) {
            throw new ConfigException(node.pathOf("style"), "Style must be one of: %,{,$ (got \"" + styleText + "\")");
        }
        char style = styleText.charAt(0);
        boolean validate = node.bool("validate", true);
        ConfigNode defaultsNode = node.node("defaults");
        Map<String, Object> defaults = null;
        if (defaultsNode != null) {
            defaults = new LinkedHashMap<>();
            for (String key : defaultsNode.keys()) defaults.put(key, defaultsNode.get(key));
        }
        String className = node.string("class", null);
        node.rejectUnknown("a formatter", Set.of());
        try {
            if (className == null || PYTHON_NAMES.contains(className)) {
                return new Formatter(fmt, datefmt, style, validate, defaults);
            }
            return custom(className, fmt, datefmt, style, validate, defaults, node);
        } catch (ConfigException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(node.pathOf(fmt != null ? "format" : "style"), e.getMessage(), e);
        }
    }

    private static boolean hasOptionsConstructor(Class<?> type) {
        if (type == null || !Formatter.class.isAssignableFrom(type)) return false;
        for (Constructor<?> c : type.getConstructors()) {
            if (c.getParameterCount() == 1 && c.getParameterTypes()[0] == Map.class) return true;
        }
        return false;
    }

    private static Formatter withOptions(ConfigNode node, java.util.function.Function<Map<String, Object>, Formatter> make) {
        Map<String, Object> options = node.remaining(Set.of("()", "class", "."));
        Formatter f;
        try {
            f = make.apply(options);
        } catch (ConfigException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(node.path(), e.getMessage(), e);
        }
        DictConfig.setProperties(f, node.node("."));
        return f;
    }

    /** A Formatter subclass, built through the widest of Python's constructor shapes it offers. */
    private static Formatter custom(String className, String fmt, String datefmt, char style, boolean validate,
                                    Map<String, Object> defaults, ConfigNode node) {
        Class<?> type = ObjectFactory.loadClass(className);
        if (type == null || !Formatter.class.isAssignableFrom(type)) {
            throw new ConfigException(node.pathOf("class"), "'" + className + "' is not a Formatter class on the class path");
        }
        try {
            for (Constructor<?> c : type.getConstructors()) {
                Class<?>[] p = c.getParameterTypes();
                if (p.length == 5 && p[0] == String.class && p[1] == String.class && p[2] == char.class && p[3] == boolean.class && p[4] == Map.class) {
                    return (Formatter) c.newInstance(fmt, datefmt, style, validate, defaults);
                }
            }
            for (Constructor<?> c : type.getConstructors()) {
                Class<?>[] p = c.getParameterTypes();
                if (p.length == 3 && p[0] == String.class && p[1] == String.class && p[2] == char.class) return (Formatter) c.newInstance(fmt, datefmt, style);
                if (p.length == 2 && p[0] == String.class && p[1] == String.class && style == '%') return (Formatter) c.newInstance(fmt, datefmt);
                if (p.length == 1 && p[0] == String.class && datefmt == null && style == '%') return (Formatter) c.newInstance(fmt);
                if (p.length == 0 && fmt == null && datefmt == null) return (Formatter) c.newInstance();
            }
        } catch (InvocationTargetException e) {
            throw new ConfigException(node.path(), "cannot create " + className + ": " + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new ConfigException(node.path(), "cannot create " + className + ": " + e, e);
        }
        throw new ConfigException(node.pathOf("class"), className + " has no public constructor for these options "
                + "(expected (String fmt, String datefmt, char style, boolean validate, Map defaults) or a shorter form)");
    }
}
