package dev.cairn.config;

import dev.cairn.Level;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds user-supplied objects named in a configuration, the Java reading of Python's
 * {@code ()} key and of class names: a static factory method {@code com.example.Factories.make}
 * taking the options as a {@code Map}, a class with a public constructor taking that Map, or a
 * class with a public no-argument constructor whose JavaBean setters receive the options one by
 * one ({@code maxBytes} calls {@code setMaxBytes}). The {@code .} key sets properties the same way.
 */
final class ObjectFactory {
    private ObjectFactory() {}

    /** Resolves {@code spec} and builds an instance of {@code expected} from {@code options}. */
    static <T> T create(String spec, Map<String, Object> options, Class<T> expected, String path) {
        Object made;
        Class<?> type = loadClass(spec);
        if (type != null) {
            made = construct(type, options, path);
        } else {
            made = invokeFactory(spec, options, path);
        }
        if (!expected.isInstance(made)) {
            throw new ConfigException(path, "'" + spec + "' made a " + (made == null ? "null" : made.getClass().getName())
                    + ", not a " + expected.getSimpleName());
        }
        return expected.cast(made);
    }

    static Class<?> loadClass(String name) {
        try {
            return Class.forName(name, true, contextLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private static ClassLoader contextLoader() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader != null ? loader : ObjectFactory.class.getClassLoader();
    }

    private static Object construct(Class<?> type, Map<String, Object> options, String path) {
        try {
            for (Constructor<?> c : type.getConstructors()) {
                if (c.getParameterCount() == 1 && c.getParameterTypes()[0] == Map.class) {
                    return c.newInstance(options);
                }
            }
            Constructor<?> noArgs;
            try {
                noArgs = type.getConstructor();
            } catch (NoSuchMethodException e) {
                throw new ConfigException(path, type.getName()
                        + " needs a public constructor taking no arguments or a Map of options");
            }
            Object instance = noArgs.newInstance();
            for (Map.Entry<String, Object> e : options.entrySet()) {
                setProperty(instance, e.getKey(), e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey());
            }
            return instance;
        } catch (InvocationTargetException e) {
            throw new ConfigException(path, "cannot create " + type.getName() + ": " + e.getCause(), e.getCause());
        } catch (InstantiationException | IllegalAccessException e) {
            throw new ConfigException(path, "cannot create " + type.getName() + ": " + e, e);
        }
    }

    private static Object invokeFactory(String spec, Map<String, Object> options, String path) {
        int dot = spec.lastIndexOf('.');
        Class<?> owner = dot > 0 ? loadClass(spec.substring(0, dot)) : null;
        if (owner == null) {
            throw new ConfigException(path, "cannot find class or static factory '" + spec + "'");
        }
        String methodName = spec.substring(dot + 1);
        for (Method m : owner.getMethods()) {
            if (!m.getName().equals(methodName) || !Modifier.isStatic(m.getModifiers())) continue;
            try {
                if (m.getParameterCount() == 1 && m.getParameterTypes()[0] == Map.class) return m.invoke(null, options);
                if (m.getParameterCount() == 0) {
                    if (!options.isEmpty()) {
                        throw new ConfigException(path, spec + " takes no options, got " + String.join(", ", options.keySet()));
                    }
                    return m.invoke(null);
                }
            } catch (InvocationTargetException e) {
                throw new ConfigException(path, spec + " failed: " + e.getCause(), e.getCause());
            } catch (IllegalAccessException e) {
                throw new ConfigException(path, "cannot call " + spec + ": " + e, e);
            }
        }
        throw new ConfigException(path, "'" + spec + "' is neither a class nor a public static method taking no arguments or a Map");
    }

    /** Sets {@code name} on {@code target} through its setter, converting the value to the setter's type. */
    static void setProperty(Object target, String name, Object value, String path) {
        // Python's attribute names are snake_case (append_nul); Java setters are camelCase.
        String camel = java.util.regex.Pattern.compile("_([a-z])").matcher(name).replaceAll(m -> m.group(1).toUpperCase(Locale.ROOT));
        String setter = "set" + camel.substring(0, 1).toUpperCase(Locale.ROOT) + camel.substring(1);
        ConfigException conversionError = null;
        for (Method m : target.getClass().getMethods()) {
            if (!m.getName().equals(setter) || m.getParameterCount() != 1) continue;
            Object converted;
            try {
                converted = convert(value, m.getParameterTypes()[0], path);
            } catch (ConfigException e) {
                conversionError = e;
                continue;
            }
            try {
                m.invoke(target, converted);
                return;
            } catch (InvocationTargetException e) {
                throw new ConfigException(path, "rejected by " + target.getClass().getSimpleName() + ": "
                        + e.getCause().getMessage(), e.getCause());
            } catch (IllegalAccessException e) {
                throw new ConfigException(path, "cannot set: " + e, e);
            }
        }
        if (conversionError != null) throw conversionError;
        throw new ConfigException(path, target.getClass().getName() + " has no property '" + name + "'");
    }

    private static Object convert(Object value, Class<?> type, String path) {
        if (value == null) {
            if (type.isPrimitive()) throw new ConfigException(path, "must not be null");
            return null;
        }
        if (type == int.class || type == Integer.class) {
            if (value instanceof String) {
                try {
                    return Level.parse(value);
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(path, "expected an integer, got " + ConfigNode.describe(value));
                }
            }
            if (value instanceof Integer || value instanceof Long && (Long) value == ((Long) value).intValue()) {
                return ((Number) value).intValue();
            }
            throw new ConfigException(path, "expected an integer, got " + ConfigNode.describe(value));
        }
        if (type == long.class || type == Long.class) {
            if (value instanceof Integer || value instanceof Long) return ((Number) value).longValue();
            throw new ConfigException(path, "expected an integer, got " + ConfigNode.describe(value));
        }
        if (type == double.class || type == Double.class) {
            if (value instanceof Number) return ((Number) value).doubleValue();
            throw new ConfigException(path, "expected a number, got " + ConfigNode.describe(value));
        }
        if (type == boolean.class || type == Boolean.class) {
            if (value instanceof Boolean) return value;
            throw new ConfigException(path, "expected true or false, got " + ConfigNode.describe(value));
        }
        if (type == char.class || type == Character.class) {
            if (value instanceof String && ((String) value).length() == 1) return ((String) value).charAt(0);
            throw new ConfigException(path, "expected one character, got " + ConfigNode.describe(value));
        }
        if (type == String.class) {
            if (value instanceof String) return value;
            throw new ConfigException(path, "expected a string, got " + ConfigNode.describe(value));
        }
        if (type.isEnum() && value instanceof String) {
            for (Object constant : type.getEnumConstants()) {
                if (((Enum<?>) constant).name().equalsIgnoreCase((String) value)) return constant;
            }
            throw new ConfigException(path, "expected one of " + List.of(type.getEnumConstants()) + ", got " + ConfigNode.describe(value));
        }
        if (type.isInstance(value)) return value;
        throw new ConfigException(path, "expected a " + type.getSimpleName() + ", got " + ConfigNode.describe(value));
    }
}
