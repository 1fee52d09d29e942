package dev.cairn.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict RFC 8259 reader for one JSON text: objects become insertion-ordered maps (a repeated
 * key keeps its last value, as Python's {@code json.loads}), arrays lists, integers Long (or
 * BigInteger when larger), other numbers Double (or BigDecimal beyond a double's range), and
 * strings Strings, where a {@code \}{@code u} escape of a lone surrogate yields that surrogate.
 * Python's non-standard {@code NaN}, {@code Infinity} and {@code -Infinity} are accepted, since
 * {@code json.dumps} writes them. The one JSON reader of cairn-core: log lines read back and
 * configuration files both go through it. Not thread-safe; one instance per text.
 */
public final class JsonReader {
    private static final int MAX_DEPTH = 512;

    private final String text;
    private final Map<String, Integer> keyLines;
    private int pos;
    private int linesCountedTo;
    private int linesCounted = 1;

    private JsonReader(String text, Map<String, Integer> keyLines) {
        this.text = text;
        this.keyLines = keyLines;
    }

    /**
     * The single value of {@code text}, which may be surrounded by whitespace.
     *
     * @throws JsonParseException with the offset of the first error
     */
    public static Object parse(String text) {
        return parse(text, null);
    }

    /**
     * Parses as {@link #parse(String)} and, when {@code keyLines} is not null, records the 1-based
     * line of every member and array item under its path, spelled {@code handlers.file.filters[0]},
     * so a configuration error found later can point into the file.
     */
    public static Object parse(String text, Map<String, Integer> keyLines) {
        JsonReader r = new JsonReader(text, keyLines);
        r.skipSpace();
        Object value = r.value(0, "");
        r.skipSpace();
        if (r.pos < text.length()) throw r.error("unexpected text after the value");
        return value;
    }

    private Object value(int depth, String path) {
        if (depth > MAX_DEPTH) throw error("nested deeper than " + MAX_DEPTH);
        if (pos >= text.length()) throw error("unexpected end of text");
        char c = text.charAt(pos);
        switch (c) {
            case '{': return object(depth, path);
            case '[': return array(depth, path);
            case '"': return string();
            case 't': return literal("true", Boolean.TRUE);
            case 'f': return literal("false", Boolean.FALSE);
            case 'n': return literal("null", null);
            case 'N': return literal("NaN", Double.NaN);
            case 'I': return literal("Infinity", Double.POSITIVE_INFINITY);
            default:
                if (c == '-' && text.startsWith("-Infinity", pos)) return literal("-Infinity", Double.NEGATIVE_INFINITY);
                if (c == '-' || (c >= '0' && c <= '9')) return number();
                throw error("unexpected character " + describe(c));
        }
    }

    private Map<String, Object> object(int depth, String path) {
        pos++;
        Map<String, Object> map = new LinkedHashMap<>();
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
            String keyPath = null;
            if (keyLines != null) {
                keyPath = path.isEmpty() ? key : path + "." + key;
                record(keyPath, keyStart);
            }
            skipSpace();
            expect(':');
            skipSpace();
            map.put(key, value(depth + 1, keyPath));
            skipSpace();
            char c = next();
            if (c == '}') return map;
            if (c != ',') throw error("expected ',' or '}' in an object", pos - 1);
        }
    }

    private List<Object> array(int depth, String path) {
        pos++;
        List<Object> list = new ArrayList<>();
        skipSpace();
        if (peek() == ']') {
            pos++;
            return list;
        }
        while (true) {
            skipSpace();
            String itemPath = null;
            if (keyLines != null) {
                itemPath = path + "[" + list.size() + "]";
                record(itemPath, pos);
            }
            list.add(value(depth + 1, itemPath));
            skipSpace();
            char c = next();
            if (c == ']') return list;
            if (c != ',') throw error("expected ',' or ']' in an array", pos - 1);
        }
    }

    private String string() {
        pos++;
        StringBuilder sb = null;
        int start = pos;
        while (true) {
            if (pos >= text.length()) throw error("unterminated string", start - 1);
            char c = text.charAt(pos);
            if (c == '"') {
                String s = sb == null ? text.substring(start, pos) : sb.append(text, start, pos).toString();
                pos++;
                return s;
            }
            if (c < 0x20) throw error("unescaped control character " + describe(c) + " in a string");
            if (c != '\\') {
                pos++;
                continue;
            }
            if (sb == null) sb = new StringBuilder();
            sb.append(text, start, pos);
            pos++;
            char e = next();
            switch (e) {
                case '"': sb.append('"'); break;
                case '\\': sb.append('\\'); break;
                case '/': sb.append('/'); break;
                case 'b': sb.append('\b'); break;
                case 'f': sb.append('\f'); break;
                case 'n': sb.append('\n'); break;
                case 'r': sb.append('\r'); break;
                case 't': sb.append('\t'); break;
                case 'u': sb.append(hex4()); break;
                default: throw error("bad escape \\" + e, pos - 2);
            }
            start = pos;
        }
    }

    private char hex4() {
        if (pos + 4 > text.length()) throw error("short \\u escape");
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(text.charAt(pos + i), 16);
            if (d < 0) throw error("bad \\u escape", pos - 2);
            v = v * 16 + d;
        }
        pos += 4;
        return (char) v;
    }

    private Object number() {
        int start = pos;
        if (peek() == '-') pos++;
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek())) {
            while (isDigit(peek())) pos++;
        } else {
            throw error("bad number", start);
        }
        boolean integral = true;
        if (peek() == '.') {
            integral = false;
            pos++;
            if (!isDigit(peek())) throw error("bad number: no digits after '.'", start);
            while (isDigit(peek())) pos++;
        }
        if (peek() == 'e' || peek() == 'E') {
            integral = false;
            pos++;
            if (peek() == '+' || peek() == '-') pos++;
            if (!isDigit(peek())) throw error("bad number: no exponent digits", start);
            while (isDigit(peek())) pos++;
        }
        String digits = text.substring(start, pos);
        if (integral) {
            if (digits.length() < 19) return Long.parseLong(digits);
            BigInteger big = new BigInteger(digits);
            return big.bitLength() < 64 ? (Object) big.longValue() : big;
        }
        double d = Double.parseDouble(digits);
        return Double.isInfinite(d) ? new BigDecimal(digits) : d;
    }

    private void record(String path, int offset) {
        // Offsets only grow while parsing, so lines are counted once, not from the start each time.
        while (linesCountedTo < offset) {
            if (text.charAt(linesCountedTo++) == '\n') linesCounted++;
        }
        keyLines.put(path, linesCounted);
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) throw error("unexpected characters");
        pos += word.length();
        return value;
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
            pos++;
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private char next() {
        if (pos >= text.length()) throw error("unexpected end of text");
        return text.charAt(pos++);
    }

    private void expect(char c) {
        if (pos >= text.length() || text.charAt(pos) != c) throw error("expected '" + c + "'");
        pos++;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String describe(char c) {
        return c < 0x20 || c == 0x7f ? String.format("U+%04X", (int) c) : "'" + c + "'";
    }

    private JsonParseException error(String message) {
        return error(message, pos);
    }

    private JsonParseException error(String message, int at) {
        return new JsonParseException(message, at);
    }
}
