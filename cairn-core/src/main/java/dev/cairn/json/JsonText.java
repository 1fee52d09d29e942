package dev.cairn.json;

import dev.cairn.format.PyObjects;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes Java values as JSON text into a caller's {@code StringBuilder}, by hand and without a
 * general JSON library, for the JSON formatter's hot path.
 *
 * <p>Strings: {@code "} and {@code \} are escaped, control characters (U+0000–U+001F, U+007F
 * and the C1 range U+0080–U+009F) and U+2028/U+2029 become {@code \n}, {@code \t} ... or
 * {@code \}{@code u00XX}, so a record is always exactly one line and no terminal control code
 * survives. A lone UTF-16 surrogate (which no UTF-8 encoder can write) becomes U+FFFD, written
 * as {@code \}{@code ufffd}; valid surrogate pairs and all other characters are written as they
 * are. Numbers and booleans keep their JSON type; Python's float repr is used for doubles, and
 * NaN and the infinities, which JSON cannot hold, are written as the strings {@code "NaN"},
 * {@code "Infinity"}, {@code "-Infinity"}. Maps become objects (keys through
 * {@code String.valueOf}), collections and arrays become arrays, anything else its
 * {@code toString()} as a string; nothing is ever looked up or interpreted. Stateless.
 */
public final class JsonText {
    /** Deeper values (and cycles) are written as their {@code toString()} text. */
    public static final int MAX_DEPTH = 16;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonText() {}

    /** Appends {@code s} as a quoted JSON string; null as {@code null}. */
    public static void appendString(StringBuilder out, CharSequence s) {
        if (s == null) {
            out.append("null");
            return;
        }
        out.append('"');
        appendEscaped(out, s);
        out.append('"');
    }

    /** Appends the escaped characters of {@code s}, without the quotes. */
    public static void appendEscaped(StringBuilder out, CharSequence s) {
        int n = s.length();
        int start = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && c < 0x7f) continue;
            if (c >= 0xa0 && c != 0x2028 && c != 0x2029 && !Character.isSurrogate(c)) continue;
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
                continue;
            }
            out.append(s, start, i);
            start = i + 1;
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                case '\b': out.append("\\b"); break;
                case '\f': out.append("\\f"); break;
                default:
                    // A lone surrogate cannot be encoded in UTF-8; say so with the replacement character.
                    char shown = Character.isSurrogate(c) ? '\ufffd' : c;
                    out.append("\\u").append(HEX[shown >> 12]).append(HEX[(shown >> 8) & 0xf])
                            .append(HEX[(shown >> 4) & 0xf]).append(HEX[shown & 0xf]);
            }
        }
        out.append(s, start, n);
    }

    /** Appends {@code value} as JSON (see the class comment for the mapping). */
    public static void appendValue(StringBuilder out, Object value) {
        appendValue(out, value, 0, false);
    }

    /**
     * Appends {@code value} as Python's {@code json.dumps} would, for a Python reader: as
     * {@link #appendValue} except that NaN and the infinities are the bare tokens {@code NaN},
     * {@code Infinity} and {@code -Infinity}, which {@code json.loads} reads back as floats.
     */
    public static void appendPythonValue(StringBuilder out, Object value) {
        appendValue(out, value, 0, true);
    }

    private static void appendValue(StringBuilder out, Object v, int depth, boolean bareNonFinite) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof CharSequence) {
            appendString(out, (CharSequence) v);
        } else if (v instanceof Boolean) {
            out.append(((Boolean) v).booleanValue());
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
                || v instanceof AtomicInteger || v instanceof AtomicLong) {
            out.append(((Number) v).longValue());
        } else if (v instanceof Double || v instanceof Float) {
            double x = ((Number) v).doubleValue();
            if (bareNonFinite && !Double.isFinite(x)) {
                out.append(Double.isNaN(x) ? "NaN" : x > 0 ? "Infinity" : "-Infinity");
            } else {
                appendDouble(out, x);
            }
        } else if (v instanceof BigInteger || v instanceof BigDecimal) {
            out.append(v);
        } else if (depth >= MAX_DEPTH) {
            appendString(out, safeToString(v));
        } else if (v instanceof Map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                if (!first) out.append(',');
                first = false;
                appendString(out, String.valueOf(e.getKey()));
                out.append(':');
                appendValue(out, e.getValue(), depth + 1, bareNonFinite);
            }
            out.append('}');
        } else if (v instanceof Iterable) {
            out.append('[');
            boolean first = true;
            for (Object item : (Iterable<?>) v) {
                if (!first) out.append(',');
                first = false;
                appendValue(out, item, depth + 1, bareNonFinite);
            }
            out.append(']');
        } else if (v.getClass().isArray()) {
            out.append('[');
            int n = Array.getLength(v);
            for (int i = 0; i < n; i++) {
                if (i > 0) out.append(',');
                appendValue(out, Array.get(v, i), depth + 1, bareNonFinite);
            }
            out.append(']');
        } else if (v instanceof Character) {
            appendString(out, String.valueOf(v));
        } else {
            appendString(out, safeToString(v));
        }
    }

    /** A double as Python's {@code json.dumps} writes it, except that non-finite values become strings. */
    public static void appendDouble(StringBuilder out, double x) {
        if (Double.isNaN(x)) {
            out.append("\"NaN\"");
        } else if (Double.isInfinite(x)) {
            out.append(x > 0 ? "\"Infinity\"" : "\"-Infinity\"");
        } else {
            PyObjects.appendRepr(out, x);
        }
    }

    /** {@code toString()}, or a placeholder naming the class when it throws: a log line must not fail for it. */
    static String safeToString(Object v) {
        try {
            return String.valueOf(v);
        } catch (RuntimeException | StackOverflowError e) {
            return "<" + v.getClass().getName() + ".toString() failed: " + e.getClass().getName() + ">";
        }
    }
}
