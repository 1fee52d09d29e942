package dev.cairn.config;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python's {@code ext://} and {@code cfg://} value converters. {@code ext://sys.stdout} and
 * {@code ext://sys.stderr} are the JVM's current {@code System.out}/{@code System.err}; any
 * other {@code ext://a.b.Class.FIELD} is a public static field. {@code cfg://handlers.email[level]}
 * reads another value of the same configuration, with Python's dot and bracket syntax.
 */
final class References {
    private static final Pattern WORD = Pattern.compile("^\\s*(\\w+)\\s*");
    private static final Pattern DOT = Pattern.compile("^\\.\\s*(\\w+)\\s*");
    private static final Pattern INDEX = Pattern.compile("^\\[\\s*(\\w+)\\s*\\]\\s*");

    private final Map<?, ?> config;

    References(Map<?, ?> config) {
        this.config = config;
    }

    Object resolve(Object value, String path) {
        return resolve(value, path, 0);
    }

    private Object resolve(Object value, String path, int depth) {
        if (!(value instanceof String)) return value;
        String s = (String) value;
        if (s.startsWith("ext://")) return external(s.substring(6), path);
        if (s.startsWith("cfg://")) {
            if (depth > 16) throw new ConfigException(path, "cfg:// references loop: " + s);
            return resolve(internal(s.substring(6), path), path, depth + 1);
        }
        return value;
    }

    private static Object external(String name, String path) {
        switch (name) {
            case "sys.stdout": return System.out;
            case "sys.stderr": return System.err;
            // Python's socket module constants (Linux values), as SysLogHandler's socktype uses them.
            case "socket.SOCK_STREAM": return 1;
            case "socket.SOCK_DGRAM": return 2;
            default: break;
        }
        int dot = name.lastIndexOf('.');
        if (dot <= 0) throw new ConfigException(path, "cannot resolve ext://" + name + " (expected sys.stdout, sys.stderr or a Java Class.FIELD)");
        try {
            Class<?> type = Class.forName(name.substring(0, dot));
            Field field = type.getField(name.substring(dot + 1));
            if (!Modifier.isStatic(field.getModifiers())) throw new NoSuchFieldException(name);
            return field.get(null);
        } catch (ClassNotFoundException | NoSuchFieldException | IllegalAccessException | LinkageError e) {
            throw new ConfigException(path, "cannot resolve ext://" + name + ": no public static field " + name);
        }
    }

    /** Python's {@code BaseConfigurator.cfg_convert}. */
    private Object internal(String reference, String path) {
        Matcher m = WORD.matcher(reference);
        if (!m.find()) throw new ConfigException(path, "cannot resolve cfg://" + reference);
        Object current = step(config, m.group(1), reference, path);
        String rest = reference.substring(m.end());
        while (!rest.isEmpty()) {
            Matcher dot = DOT.matcher(rest);
            Matcher index = INDEX.matcher(rest);
            if (dot.find()) {
                current = step(current, dot.group(1), reference, path);
                rest = rest.substring(dot.end());
            } else if (index.find()) {
                current = step(current, index.group(1), reference, path);
                rest = rest.substring(index.end());
            } else {
                throw new ConfigException(path, "cannot resolve cfg://" + reference + ": unexpected '" + rest + "'");
            }
        }
        return current;
    }

    private static Object step(Object current, String key, String reference, String path) {
        if (current instanceof Map && ((Map<?, ?>) current).containsKey(key)) return ((Map<?, ?>) current).get(key);
        if (current instanceof List && key.chars().allMatch(Character::isDigit)) {
            List<?> list = (List<?>) current;
            int i = Integer.parseInt(key);
            if (i < list.size()) return list.get(i);
        }
        throw new ConfigException(path, "cannot resolve cfg://" + reference + ": no '" + key + "'");
    }
}
