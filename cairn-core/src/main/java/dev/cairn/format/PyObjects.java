package dev.cairn.format;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Python's {@code str()}, {@code repr()} and {@code ascii()} of Java values, each Java type read
 * as the Python type it stands for: null is {@code None}, Boolean {@code bool}, integral numbers
 * {@code int}, Float and Double {@code float}, BigDecimal {@code Decimal}, CharSequence and
 * Character {@code str}, Map {@code dict}, collections and arrays {@code list}, a Throwable an
 * exception; anything else prints its {@code toString()}. Stateless and thread-safe.
 */
public final class PyObjects {
    private PyObjects() {
    }

    /** Python's {@code str(value)}. */
    public static String str(Object value) {
        if (value instanceof String) return (String) value;
        StringBuilder out = new StringBuilder();
        appendStr(out, value);
        return out.toString();
    }

    /** Python's {@code repr(value)}: strings quoted, containers with their items' reprs. */
    public static String repr(Object value) {
        StringBuilder out = new StringBuilder();
        appendRepr(out, value);
        return out.toString();
    }

    /** Python's {@code ascii(value)}: the repr with every non-ASCII character escaped. */
    public static String ascii(Object value) {
        StringBuilder out = new StringBuilder();
        appendAscii(out, value);
        return out.toString();
    }

    /** Appends {@code str(value)} to {@code out}; the hot-path form, allocating nothing for strings and ints. */
    public static void appendStr(StringBuilder out, Object value) {
        if (value instanceof String) {
            out.append((String) value);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            out.append(((Number) value).longValue());
        } else if (value instanceof CharSequence) {
            out.append((CharSequence) value);
        } else if (value instanceof Throwable) {
            // BaseException.__str__: the single argument, or '' for none.
            String message = ((Throwable) value).getMessage();
            if (message != null) out.append(message);
        } else if (value instanceof BigDecimal) {
            // BigDecimal.toString follows the same decimal-arithmetic spec as Python's Decimal.__str__.
            out.append(value);
        } else if (isScalar(value)) {
            appendRepr(out, value);
        } else if (value instanceof Character) {
            out.append((char) (Character) value);
        } else if (isContainer(value)) {
            appendRepr(out, value);
        } else {
            out.append(value);
        }
    }

    /** Appends {@code repr(value)} to {@code out}. */
    public static void appendRepr(StringBuilder out, Object value) {
        if (value instanceof CharSequence || value instanceof Character) {
            appendQuoted(out, value.toString());
        } else if (isScalar(value)) {
            appendScalar(out, value);
        } else if (isContainer(value)) {
            appendContainer(out, value, new IdentityHashMap<>());
        } else if (value instanceof Throwable) {
            Throwable error = (Throwable) value;
            out.append(error.getClass().getSimpleName()).append('(');
            if (error.getMessage() != null) appendQuoted(out, error.getMessage());
            out.append(')');
        } else {
            out.append(value);
        }
    }

    /** Appends {@code ascii(value)} to {@code out}. */
    public static void appendAscii(StringBuilder out, Object value) {
        int start = out.length();
        appendRepr(out, value);
        escapeNonAscii(out, start);
    }

    /** Python's type name for a Java value, as it appears in error messages ({@code str}, {@code int}, ...). */
    public static String typeName(Object value) {
        if (value == null) return "NoneType";
        if (value instanceof CharSequence || value instanceof Character) return "str";
        if (value instanceof Boolean) return "bool";
        if (isInteger(value)) return "int";
        if (value instanceof Double || value instanceof Float) return "float";
        if (value instanceof BigDecimal) return "decimal.Decimal";
        if (value instanceof Map) return "dict";
        if (value instanceof Collection || value.getClass().isArray()) return "list";
        return value.getClass().getSimpleName();
    }

    /** Whether the value is a Python {@code int} (bool excluded): Byte, Short, Integer, Long, BigInteger. */
    static boolean isInteger(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger;
    }

    private static boolean isScalar(Object value) {
        return value == null || value instanceof Boolean || value instanceof Number;
    }

    private static boolean isContainer(Object value) {
        return value instanceof Map || value instanceof Collection || (value != null && value.getClass().isArray());
    }

    private static void appendScalar(StringBuilder out, Object value) {
        if (value == null) {
            out.append("None");
        } else if (value instanceof Boolean) {
            out.append((Boolean) value ? "True" : "False");
        } else if (value instanceof Double) {
            FloatText.appendRepr(out, (Double) value);
        } else if (value instanceof Float) {
            FloatText.appendRepr(out, FloatText.widen((Float) value));
        } else if (value instanceof BigDecimal) {
            out.append("Decimal('").append(value).append("')");
        } else {
            out.append(value);
        }
    }

    private static void appendItem(StringBuilder out, Object item, IdentityHashMap<Object, Boolean> open) {
        if (isContainer(item)) appendContainer(out, item, open);
        else appendRepr(out, item);
    }

    private static void appendContainer(StringBuilder out, Object container, IdentityHashMap<Object, Boolean> open) {
        boolean isMap = container instanceof Map;
        if (open.containsKey(container)) {
            // Py_ReprEnter: a container inside itself prints as [...] or {...}.
            out.append(isMap ? "{...}" : "[...]");
            return;
        }
        open.put(container, Boolean.TRUE);
        if (isMap) {
            out.append('{');
            String separator = "";
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) container).entrySet()) {
                out.append(separator);
                appendItem(out, entry.getKey(), open);
                out.append(": ");
                appendItem(out, entry.getValue(), open);
                separator = ", ";
            }
            out.append('}');
        } else if (container instanceof Collection) {
            out.append('[');
            String separator = "";
            for (Object item : (Collection<?>) container) {
                out.append(separator);
                appendItem(out, item, open);
                separator = ", ";
            }
            out.append(']');
        } else {
            out.append('[');
            int length = Array.getLength(container);
            for (int i = 0; i < length; i++) {
                if (i > 0) out.append(", ");
                appendItem(out, Array.get(container, i), open);
            }
            out.append(']');
        }
        open.remove(container);
    }

    /** Appends Python's quoted repr of a string (unicode_repr): ' unless the text has ' and no ". */
    static void appendQuoted(StringBuilder out, String text) {
        char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
        out.append(quote);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == quote || cp == '\\') {
                out.append('\\').appendCodePoint(cp);
            } else if (cp == '\t') {
                out.append("\\t");
            } else if (cp == '\n') {
                out.append("\\n");
            } else if (cp == '\r') {
                out.append("\\r");
            } else if (cp >= ' ' && cp < 0x7f) {
                out.append((char) cp);
            } else if (cp < 0x7f || !isPrintable(cp)) {
                appendEscape(out, cp);
            } else {
                out.appendCodePoint(cp);
            }
        }
        out.append(quote);
    }

    /** Python's str.isprintable for one code point: not a control, format, surrogate, private, unassigned or separator (but space). */
    private static boolean isPrintable(int cp) {
        switch (Character.getType(cp)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.SURROGATE:
            case Character.PRIVATE_USE:
            case Character.UNASSIGNED:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
            case Character.SPACE_SEPARATOR:
                return cp == ' ';
            default:
                return true;
        }
    }

    private static void appendEscape(StringBuilder out, int cp) {
        if (cp < 0x100) appendHex(out, "\\x", cp, 2);
        else if (cp < 0x10000) appendHex(out, "\\u", cp, 4);
        else appendHex(out, "\\U", cp, 8);
    }

    private static void appendHex(StringBuilder out, String prefix, int value, int digits) {
        out.append(prefix);
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            out.append(Character.forDigit((value >>> shift) & 0xf, 16));
        }
    }

    private static void escapeNonAscii(StringBuilder out, int start) {
        for (int i = start; i < out.length(); i++) {
            if (out.charAt(i) < 0x80) continue;
            int cp = out.codePointAt(i);
            String escaped = escapeOf(cp);
            out.replace(i, i + Character.charCount(cp), escaped);
            i += escaped.length() - 1;
        }
    }

    private static String escapeOf(int cp) {
        StringBuilder sb = new StringBuilder(10);
        appendEscape(sb, cp);
        return sb.toString();
    }
}
