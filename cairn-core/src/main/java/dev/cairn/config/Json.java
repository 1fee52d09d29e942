package dev.cairn.config;

import dev.cairn.json.JsonParseException;
import dev.cairn.json.JsonReader;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;

/**
 * JSON configuration files, read by {@link JsonReader} into what Python's {@code json.load}
 * gives: ordered Maps, Lists, Strings, integers (Integer when they fit, as a Python int a
 * handler option may be compared with, else Long or BigInteger), Double, Boolean and null.
 * Errors become {@link ConfigException}s naming the file, line and column.
 */
public final class Json {
    private Json() {
    }

    /** Parses one JSON document. {@code source} names the file in errors (may be null). */
    public static Object parse(String text, String source) {
        return parse(text, source, null);
    }

    /**
     * Parses one JSON document and, when {@code keyLines} is not null, records the 1-based line
     * of every key and list item under its key path as {@link ConfigNode} spells it
     * ({@code handlers.file.filters[0]}), so later errors can point into the file.
     */
    public static Object parse(String text, String source, Map<String, Integer> keyLines) {
        try {
            return narrow(JsonReader.parse(text, keyLines));
        } catch (JsonParseException e) {
            int line = lineOf(text, e.getOffset());
            int column = e.getOffset() - text.lastIndexOf('\n', e.getOffset() - 1);
            throw new ConfigException("", "invalid JSON at line " + line + ", column " + column + ": " + e.getProblem(),
                    source, line, null);
        }
    }

    /** The 1-based line of a character offset, for callers that report positions of their own. */
    public static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) if (text.charAt(i) == '\n') line++;
        return line;
    }

    @SuppressWarnings("unchecked")
    private static Object narrow(Object value) {
        if (value instanceof Long) {
            long n = (Long) value;
            return n == (int) n ? (Object) (int) n : value;
        }
        if (value instanceof Map) {
            for (Map.Entry<String, Object> e : ((Map<String, Object>) value).entrySet()) e.setValue(narrow(e.getValue()));
        } else if (value instanceof List) {
            for (ListIterator<Object> it = ((List<Object>) value).listIterator(); it.hasNext(); ) it.set(narrow(it.next()));
        }
        return value;
    }
}
