package dev.cairn.handlers;

import dev.cairn.LogRecord;
import dev.cairn.json.JsonText;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The wire format of {@link SocketHandler} and {@link DatagramHandler}: one record as one line of
 * JSON (UTF-8, ending in {@code "\n"}), holding what CPython's {@code SocketHandler.makePickle}
 * pickles: the record's {@code __dict__} with {@code msg} replaced by the merged message,
 * {@code args} and {@code exc_info} set to null, {@code message} removed, and the traceback in
 * {@code exc_text}. A Python receiver rebuilds the record with
 * {@code logging.makeLogRecord(json.loads(line))}. Values JSON cannot hold (arbitrary objects
 * in {@code extra}) are sent as their {@code toString()}; NaN and the infinities as the tokens
 * {@code json.loads} reads back as floats. Stateless.
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
        JsonText.appendPythonValue(out, d);
        out.append('\n');
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
