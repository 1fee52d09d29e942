package dev.cairn.handlers;

import dev.cairn.LogRecord;
import dev.cairn.format.PyObjects;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Python's {@code record.__dict__}: a record's attributes in the order CPython 3.11's
 * {@code LogRecord.__init__} sets them, then the {@code extra} fields, then {@code message} and
 * {@code asctime} if a formatter already set them. The network handlers send this mapping
 * (SocketHandler as JSON, HTTPHandler urlencoded), as Python's send {@code __dict__}.
 */
final class RecordAttributes {
    private RecordAttributes() {
    }

    /**
     * The attributes as Java values: {@code args} is the mapping or the {@code Object[]} of
     * positional arguments, {@code exc_info} the Throwable or null.
     */
    static Map<String, Object> of(LogRecord record) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", record.getName());
        d.put("msg", record.getMsg());
        d.put("args", record.getMapArgs() != null ? record.getMapArgs() : record.getArgs());
        d.put("levelname", record.getLevelname());
        d.put("levelno", record.getLevelno());
        d.put("pathname", record.getPathname());
        d.put("filename", record.getFilename());
        d.put("module", record.getModule());
        d.put("exc_info", record.getExcInfo());
        d.put("exc_text", record.getExcText());
        d.put("stack_info", record.getStackInfo());
        d.put("lineno", record.getLineno());
        d.put("funcName", record.getFuncName());
        d.put("created", record.getCreated());
        d.put("msecs", record.getMsecs());
        d.put("relativeCreated", record.getRelativeCreated());
        d.put("thread", record.getThread());
        d.put("threadName", record.getThreadName());
        d.put("processName", record.getProcessName());
        d.put("process", record.getProcess());
        for (Map.Entry<String, Object> e : record.getExtra().entrySet()) {
            if (!d.containsKey(e.getKey())) d.put(e.getKey(), e.getValue());
        }
        if (record.getFormattedMessage() != null) d.put("message", record.getFormattedMessage());
        if (record.getAsctime() != null) d.put("asctime", record.getAsctime());
        return d;
    }

    /**
     * Python's {@code str(value)} of one attribute, with {@code args} shown as the tuple it is
     * in Python ({@code ('bob',)}) rather than as a list.
     */
    static String str(Object value) {
        if (!(value instanceof Object[])) return PyObjects.str(value);
        Object[] items = (Object[]) value;
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < items.length; i++) {
            if (i > 0) sb.append(", ");
            PyObjects.appendRepr(sb, items[i]);
        }
        if (items.length == 1) sb.append(',');
        return sb.append(')').toString();
    }
}
