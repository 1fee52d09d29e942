package dev.cairn.config;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON reader (RFC 8259) for configuration files, producing what Python's
 * {@code json.load} would: ordered Maps, Lists, Strings, Integer/Long/BigInteger, Double,
 * Boolean and null. Errors say the line and column. Not for the logging hot path.
 */
public final class Json {
    private final String text;
    private final String source;
    private final Map<String, Integer> keyLines;
    private int pos;
    private int linesCountedTo;
    private int linesCounted = 1;

    private Json(String text, String source, Map<String, Integer> keyLines) {
        this.text = text;
        this.source = source;
        this.keyLines = keyLines;
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
        Json p = new Json(text, source, keyLines);
        p.skipSpace();
        Object value = p.value("");
        p.skipSpace();
        if (p.pos < text.length()) throw p.error("unexpected text after the JSON value");
        return value;
    }

    /** The 1-based line of a character offset, for callers that report positions of their own. */
    public static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) if (text.charAt(i) == '\n') line++;
        return line;
    }

    private Object value(String path) {
        if (pos >= text.length()) throw error("unexpected end of input");
        char c = text.charAt(pos);
        switch (c) {
            case '{': return object(path);
            case '[': return array(path);
            case '"': return string();
            case 't': return literal("true", Boolean.TRUE);
            case 'f': return literal("false", Boolean.FALSE);
            case 'n': return literal("null", null);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) return number();
                throw error("unexpected character '" + c + "'");
        }
    }

    private Map<String, Object> object(String path) {
        Map<String, Object> map = new LinkedHashMap<>();
        pos++;
        skipSpace();
        if (peek() == '}') {
            pos++;
            return map;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') throw error("expected a string key");
            int keyStart = pos;
            String key = string();
            String keyPath = path.isEmpty() ? key : path + "." + key;
            record(keyPath, keyStart);
            skipSpace();
            expect(':');
            skipSpace();
            map.put(key, value(keyPath));
            skipSpace();
            char c = peek();
            pos++;
            if (c == '}') return map;
            if (c != ',') {
                pos--;
                throw error("expected ',' or '}'");
            }
        }
    }

    private List<Object> array(String path) {
        List<Object> list = new ArrayList<>();
        pos++;
        skipSpace();
        if (peek() == ']') {
            pos++;
            return list;
        }
        while (true) {
            skipSpace();
            String itemPath = path + "[" + list.size() + "]";
            record(itemPath, pos);
            list.add(value(itemPath));
            skipSpace();
            char c = peek();
            pos++;
            if (c == ']') return list;
            if (c != ',') {
                pos--;
                throw error("expected ',' or ']'");
            }
        }
    }

    private String string() {
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) throw error("unterminated string");
            char c = text.charAt(pos++);
            if (c == '"') return sb.toString();
            if (c < 0x20) {
                pos--;
                throw error("control character in string");
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (pos >= text.length()) throw error("unterminated string");
            char e = text.charAt(pos++);
            switch (e) {
                case '"': sb.append('"'); break;
                case '\\': sb.append('\\'); break;
                case '/': sb.append('/'); break;
                case 'b': sb.append('\b'); break;
                case 'f': sb.append('\f'); break;
                case 'n': sb.append('\n'); break;
                case 'r': sb.append('\r'); break;
                case 't': sb.append('\t'); break;
                case 'u':
                    if (pos + 4 > text.length()) throw error("bad \\u escape");
                    try {
                        sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw error("bad \\u escape");
                    }
                    pos += 4;
                    break;
                default:
                    pos--;
                    throw error("bad escape '\\" + e + "'");
            }
        }
    }

    private Object number() {
        int start = pos;
        if (peek() == '-') pos++;
        if (peek() == '0') {
            pos++;
        } else if (Character.isDigit(peek())) {
            while (Character.isDigit(peek())) pos++;
        } else {
            throw error("bad number");
        }
        boolean fraction = false;
        if (peek() == '.') {
            fraction = true;
            pos++;
            if (!Character.isDigit(peek())) throw error("bad number");
            while (Character.isDigit(peek())) pos++;
        }
        if (peek() == 'e' || peek() == 'E') {
            fraction = true;
            pos++;
            if (peek() == '+' || peek() == '-') pos++;
            if (!Character.isDigit(peek())) throw error("bad number");
            while (Character.isDigit(peek())) pos++;
        }
        String n = text.substring(start, pos);
        if (fraction) return Double.parseDouble(n);
        BigInteger big = new BigInteger(n);
        if (big.bitLength() < 32) return big.intValue();
        if (big.bitLength() < 64) return big.longValue();
        return big;
    }

    private void record(String path, int offset) {
        if (keyLines == null) return;
        // Offsets only grow while parsing, so lines are counted once, not from the start each time.
        while (linesCountedTo < offset) {
            if (text.charAt(linesCountedTo++) == '\n') linesCounted++;
        }
        keyLines.put(path, linesCounted);
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) throw error("unexpected character '" + text.charAt(pos) + "'");
        pos += word.length();
        return value;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void expect(char c) {
        if (peek() != c) throw error("expected '" + c + "'");
        pos++;
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
            pos++;
        }
    }

    private ConfigException error(String problem) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < pos && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new ConfigException("", "invalid JSON at line " + line + ", column " + column + ": " + problem,
                source, line, null);
    }
}
