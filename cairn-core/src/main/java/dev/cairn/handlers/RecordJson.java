package dev.cairn.handlers;

import dev.cairn.LogRecord;
import dev.cairn.format.PyObjects;
import dev.cairn.json.JsonText;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;

/**
 * The wire format of {@link SocketHandler} and {@link DatagramHandler}: one record as one line of
 * JSON (UTF-8, ending in {@code "\n"}), holding what CPython's {@code SocketHandler.makePickle}
 * pickles: the record's {@code __dict__} with {@code msg} replaced by the merged message,
 * {@code args} and {@code exc_info} set to null, {@code message} removed, and the traceback in
 * {@code exc_text}. A Python receiver rebuilds the record with
 * {@code logging.makeLogRecord(json.loads(line))}. Values JSON cannot hold (arbitrary objects
 * in {@code extra}) are sent as Python's {@code str()} of them. Stateless.
 */
final class RecordJson {
    private RecordJson() {
    }

    /**
     * Encodes {@code record}. {@code excText} is the formatted traceback, or null when the
     * record has none.
     *
     * @throws IllegalArgumentException when the message and its arguments do not fit
     */
    static byte[] encode(LogRecord record, String excText) {
        Map<String, Object> d = RecordAttributes.of(record);
        // makePickle (issue #14436): the receiver may lack the classes of msg and args.
        d.put("msg", record.getMessage());
        d.put("args", null);
        d.put("exc_info", null);
        if (excText != null) d.put("exc_text", excText);
        // Issue #25685: 'message' is redundant with 'msg'.
        d.remove("message");
        StringBuilder out = new StringBuilder(512);
        appendValue(out, d, 0);
        out.append('\n');
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void appendValue(StringBuilder out, Object v, int depth) {
        if (depth > 32) {
            appendString(out, PyObjects.str(v));
        } else if (v == null) {
            out.append("null");
        } else if (v instanceof Boolean) {
            out.append(v);
        } else if (v instanceof Double || v instanceof Float) {
            double x = ((Number) v).doubleValue();
            // json.dumps writes these non-standard tokens, and json.loads reads them back.
            if (Double.isNaN(x)) out.append("NaN");
            else if (Double.isInfinite(x)) out.append(x > 0 ? "Infinity" : "-Infinity");
            else out.append(PyObjects.repr(x));
        } else if (v instanceof Number) {
            out.append(PyObjects.str(v));
        } else if (v instanceof Map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                if (!first) out.append(',');
                first = false;
                appendString(out, PyObjects.str(e.getKey()));
                out.append(':');
                appendValue(out, e.getValue(), depth + 1);
            }
            out.append('}');
        } else if (v instanceof Collection) {
            out.append('[');
            boolean first = true;
            for (Object item : (Collection<?>) v) {
                if (!first) out.append(',');
                first = false;
                appendValue(out, item, depth + 1);
            }
            out.append(']');
        } else if (v.getClass().isArray()) {
            out.append('[');
            for (int i = 0, n = Array.getLength(v); i < n; i++) {
                if (i > 0) out.append(',');
                appendValue(out, Array.get(v, i), depth + 1);
            }
            out.append(']');
        } else {
            appendString(out, PyObjects.str(v));
        }
    }

    private static void appendString(StringBuilder out, String s) {
        // The shared escaper also escapes U+2028/U+2029, so no JSON line can look like two to a
        // reader that splits on them; json.loads reads every escape it writes.
        JsonText.appendString(out, s);
    }
}
