package dev.cairn.cli.read;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small JSON reader for one log line: returns the object's members flattened to strings, nested
 * objects as dotted names ({@code {"log":{"level":"x"}}} gives {@code log.level}), arrays and other
 * non-string values as their JSON text. Written by hand because search must read hundreds of
 * megabytes a second and needs no tree. Returns null when the line is not one well-formed object.
 */
public final class JsonLine {

    private final String s;
    private int i;
    /** Index of the first backslash at or after the last string read, s.length() when none; -1 until sought. */
    private int nextBackslash = -1;

    private JsonLine(String s) {
        this.s = s;
    }

    /** The flattened members of the JSON object on {@code line}, or null if it is not one. */
    public static Map<String, String> parse(String line) {
        JsonLine reader = new JsonLine(line);
        Map<String, String> out = new LinkedHashMap<>();
        try {
            reader.skipSpace();
            if (!reader.object("", out)) {
                return null;
            }
            reader.skipSpace();
            return reader.i == line.length() ? out : null;
        } catch (IndexOutOfBoundsException | NumberFormatException e) {
            return null;  // truncated or broken line: the caller counts it as malformed
        }
    }

    /** The strings of a JSON array of strings such as {@code ["a","b"]}; other elements are skipped; empty when it is not an array. */
    public static java.util.List<String> strings(String array) {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (array == null) {
            return out;
        }
        JsonLine reader = new JsonLine(array);
        try {
            reader.skipSpace();
            if (array.isEmpty() || array.charAt(reader.i) != '[') {
                return out;
            }
            reader.i++;
            while (true) {
                reader.skipSpace();
                char c = array.charAt(reader.i);
                if (c == ']') {
                    return out;
                } else if (c == '"') {
                    out.add(reader.string());
                } else if (c == ',') {
                    reader.i++;
                } else if (!reader.skipValue()) {
                    return out;
                }
            }
        } catch (IndexOutOfBoundsException | NumberFormatException e) {
            return out;
        }
    }

    private boolean object(String prefix, Map<String, String> out) {
        if (s.charAt(i) != '{') {
            return false;
        }
        i++;
        skipSpace();
        if (s.charAt(i) == '}') {
            i++;
            return true;
        }
        while (true) {
            skipSpace();
            if (s.charAt(i) != '"') {
                return false;
            }
            String key = prefix.isEmpty() ? string() : prefix + "." + string();
            skipSpace();
            if (s.charAt(i++) != ':') {
                return false;
            }
            skipSpace();
            char c = s.charAt(i);
            if (c == '{') {
                if (!object(key, out)) {
                    return false;
                }
            } else if (c == '"') {
                out.put(key, string());
            } else {
                int from = i;
                if (!skipValue()) {
                    return false;
                }
                out.put(key, s.substring(from, i));
            }
            skipSpace();
            char next = s.charAt(i++);
            if (next == '}') {
                return true;
            }
            if (next != ',') {
                return false;
            }
        }
    }

    /** Reads a string starting at the opening quote, decoding escapes. */
    private String string() {
        int start = ++i;
        int end = s.indexOf('"', start);
        if (end < 0) {
            throw new IndexOutOfBoundsException();
        }
        // Sought once per line, not once per string: searching the rest of the line for a backslash at
        // every string read each line about 16 times over (a 10 us parse under C1, most of a search's
        // time on the lines its pre-filter lets through).
        if (nextBackslash < start) {
            int escape = s.indexOf('\\', start);
            nextBackslash = escape < 0 ? s.length() : escape;
        }
        if (nextBackslash > end) {
            i = end + 1;
            return s.substring(start, end);  // the common case: no escapes
        }
        StringBuilder out = new StringBuilder(end - start + 16);
        while (true) {
            char c = s.charAt(i++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = s.charAt(i++);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                    i += 4;
                }
                default -> out.append(e);
            }
        }
    }

    /** Skips a number, literal, array or nested value that is kept as raw text. */
    private boolean skipValue() {
        char c = s.charAt(i);
        if (c == '[' || c == '{') {
            int depth = 0;
            do {
                char d = s.charAt(i);
                if (d == '"') {
                    string();
                    continue;
                }
                if (d == '[' || d == '{') {
                    depth++;
                } else if (d == ']' || d == '}') {
                    depth--;
                }
                i++;
            } while (depth > 0);
            return true;
        }
        int from = i;
        while (i < s.length()) {
            char d = s.charAt(i);
            if (d == ',' || d == '}' || d == ']' || d == ' ' || d == '\t' || d == '\r' || d == '\n') {
                break;
            }
            i++;
        }
        return i > from;
    }

    private void skipSpace() {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return;
            }
            i++;
        }
    }
}
