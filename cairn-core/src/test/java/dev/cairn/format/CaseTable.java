package dev.cairn.format;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Reads the CPython conformance tables written by {@code src/test/python/gen_format_cases.py}:
 * one JSON array per line, with {@code {"$float": repr}}, {@code {"$decimal": str}} and
 * {@code {"$tuple": [...]}} standing for the Python types JSON lacks (tuples become Object[]).
 */
final class CaseTable {
    private final String text;
    private int pos;

    private CaseTable(String text) {
        this.text = text;
    }

    /** Each line of the resource as JUnit arguments, the line number first for readable names. */
    static Stream<Arguments> rows(String resource) {
        List<Arguments> rows = new ArrayList<>();
        try (InputStream in = CaseTable.class.getResourceAsStream("/format/" + resource)) {
            if (in == null) throw new IllegalStateException("missing test resource format/" + resource);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) continue;
                List<?> row = (List<?>) parse(line);
                Object[] args = new Object[row.size() + 1];
                args[0] = number;
                for (int i = 0; i < row.size(); i++) args[i + 1] = row.get(i);
                rows.add(Arguments.of(args));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows.stream();
    }

    static Object parse(String json) {
        CaseTable parser = new CaseTable(json);
        Object value = parser.value();
        parser.skipSpace();
        if (parser.pos != json.length()) throw parser.error("trailing text");
        return value;
    }

    private Object value() {
        skipSpace();
        char c = text.charAt(pos);
        switch (c) {
            case '"': return string();
            case '[': return array();
            case '{': return object();
            case 't': return literal("true", Boolean.TRUE);
            case 'f': return literal("false", Boolean.FALSE);
            case 'n': return literal("null", null);
            default: return number();
        }
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) throw error("expected " + word);
        pos += word.length();
        return value;
    }

    private Object number() {
        int start = pos;
        while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) pos++;
        String digits = text.substring(start, pos);
        BigInteger big = new BigInteger(digits);
        if (big.bitLength() < 32) return big.intValue();
        if (big.bitLength() < 64) return big.longValue();
        return big;
    }

    private String string() {
        StringBuilder sb = new StringBuilder();
        pos++;
        while (true) {
            char c = text.charAt(pos++);
            if (c == '"') return sb.toString();
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = text.charAt(pos++);
            switch (e) {
                case 'n': sb.append('\n'); break;
                case 't': sb.append('\t'); break;
                case 'r': sb.append('\r'); break;
                case 'b': sb.append('\b'); break;
                case 'f': sb.append('\f'); break;
                case 'u':
                    sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    pos += 4;
                    break;
                default: sb.append(e);
            }
        }
    }

    private List<Object> array() {
        List<Object> items = new ArrayList<>();
        pos++;
        skipSpace();
        if (text.charAt(pos) == ']') {
            pos++;
            return items;
        }
        while (true) {
            items.add(value());
            skipSpace();
            char c = text.charAt(pos++);
            if (c == ']') return items;
            if (c != ',') throw error("expected , or ]");
        }
    }

    private Object object() {
        Map<String, Object> map = new LinkedHashMap<>();
        pos++;
        skipSpace();
        if (text.charAt(pos) == '}') {
            pos++;
            return map;
        }
        while (true) {
            skipSpace();
            String key = string();
            skipSpace();
            if (text.charAt(pos++) != ':') throw error("expected :");
            map.put(key, value());
            skipSpace();
            char c = text.charAt(pos++);
            if (c == '}') break;
            if (c != ',') throw error("expected , or }");
        }
        if (map.size() == 1 && map.containsKey("$float")) return toDouble((String) map.get("$float"));
        if (map.size() == 1 && map.containsKey("$decimal")) return new BigDecimal((String) map.get("$decimal"));
        if (map.size() == 1 && map.containsKey("$tuple")) return ((List<?>) map.get("$tuple")).toArray();
        return map;
    }

    private static double toDouble(String repr) {
        switch (repr) {
            case "inf": return Double.POSITIVE_INFINITY;
            case "-inf": return Double.NEGATIVE_INFINITY;
            case "nan": return Double.NaN;
            default: return Double.parseDouble(repr);
        }
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
    }

    private IllegalStateException error(String what) {
        return new IllegalStateException(what + " at " + pos + " in " + text);
    }
}
