package dev.cairn.config;

import dev.cairn.Formatter;
import dev.cairn.LogRecord;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The record as one JSON object per line, for {@code --log-format json} and
 * {@code CAIRN_FORMAT=json}: {@code time} (ISO-8601 UTC with milliseconds), {@code level},
 * {@code logger}, {@code message}, the {@code extra} fields, and {@code exc_info} /
 * {@code stack_info} when present. A deliberately small built-in; structured logging proper
 * belongs to a formatter of its own.
 */
final class JsonLinesFormatter extends Formatter {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT;

    @Override
    public void format(LogRecord record, StringBuilder out) {
        long millis = Math.round(record.getCreated() * 1000);
        out.append("{\"time\": ");
        quote(ISO.format(Instant.ofEpochMilli(millis)), out);
        out.append(", \"level\": ");
        quote(record.getLevelname(), out);
        out.append(", \"logger\": ");
        quote(record.getName(), out);
        out.append(", \"message\": ");
        quote(record.getMessage(), out);
        Map<String, Object> extra = record.getExtra();
        if (extra != null) {
            for (Map.Entry<String, Object> e : extra.entrySet()) {
                out.append(", ");
                quote(e.getKey(), out);
                out.append(": ");
                value(e.getValue(), out);
            }
        }
        if (record.getExcInfo() != null) {
            out.append(", \"exc_info\": ");
            quote(formatException(record.getExcInfo()), out);
        }
        if (record.getStackInfo() != null) {
            out.append(", \"stack_info\": ");
            quote(formatStack(record.getStackInfo()), out);
        }
        out.append('}');
    }

    private static void value(Object v, StringBuilder out) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long
                || (v instanceof Double && Double.isFinite((Double) v))) {
            out.append(v);
        } else {
            quote(String.valueOf(v), out);
        }
    }

    static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }
}
