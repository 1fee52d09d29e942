package dev.cairn.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cairn's {@code ${NAME}} and {@code ${NAME:-default}} in the string values of a configuration
 * file, as a shell expands them: {@code ${NAME:-default}} takes the default when NAME is unset
 * or empty, {@code ${NAME}} requires NAME to be set, and {@code $${} writes a literal
 * {@code ${}. Keys are never substituted. Python's dictConfig has no such thing; a file that
 * uses it is for Cairn (or a Python loader that expands it the same way).
 */
final class Substitution {
    private Substitution() {}

    /** {@code document} with every string value expanded from {@code environment}. */
    static ConfigDocument apply(ConfigDocument document, Map<String, String> environment) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> expanded = (Map<String, Object>) expand(document.config(), "", environment);
            return new ConfigDocument(document.source(), expanded, document.lines(), document.originalNames());
        } catch (ConfigException e) {
            throw document.locate(e);
        }
    }

    private static Object expand(Object value, String path, Map<String, String> environment) {
        if (value instanceof String) return expandString((String) value, path, environment);
        if (value instanceof Map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                String key = String.valueOf(e.getKey());
                copy.put(e.getKey(), expand(e.getValue(), path.isEmpty() ? key : path + "." + key, environment));
            }
            return copy;
        }
        if (value instanceof List) {
            List<Object> copy = new ArrayList<>();
            List<?> list = (List<?>) value;
            for (int i = 0; i < list.size(); i++) copy.add(expand(list.get(i), path + "[" + i + "]", environment));
            return copy;
        }
        return value;
    }

    /** Expands the {@code ${...}} in one string found at {@code path}. */
    static String expandString(String text, String path, Map<String, String> environment) {
        if (text.indexOf('$') < 0) return text;
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '$' && text.startsWith("$${", i)) {
                out.append("${");
                i += 3;
            } else if (c == '$' && text.startsWith("${", i)) {
                int end = text.indexOf('}', i + 2);
                if (end < 0) throw new ConfigException(path, "unterminated ${ in \"" + text + "\"");
                out.append(lookup(text.substring(i + 2, end), text, path, environment));
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static String lookup(String expression, String text, String path, Map<String, String> environment) {
        int colon = expression.indexOf(":-");
        String name = colon < 0 ? expression : expression.substring(0, colon);
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new ConfigException(path, "bad variable name '" + name + "' in \"" + text + "\" (expected ${NAME} or ${NAME:-default})");
        }
        String value = environment.get(name);
        if (colon >= 0) return value == null || value.isEmpty() ? expression.substring(colon + 2) : value;
        if (value == null) {
            throw new ConfigException(path, "environment variable " + name + " is not set (write ${" + name
                    + ":-default} to give a default)");
        }
        return value;
    }
}
