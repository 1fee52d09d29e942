package dev.cairn.json;

import dev.cairn.json.Member.Source;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON log lines back: {@link #parseObject} reads any one-object line (Cairn's, or one
 * written by Python's {@code json} module, python-json-logger or another library), and
 * {@link #parse} reads a line written with this parser's {@link JsonLayout} into a
 * {@link Event} that knows which key holds which attribute, and gives back the record's own
 * fields under their original names (the clash prefix and renames undone). Thread-safe.
 */
public final class JsonLogParser {
    private final JsonLayout layout;

    /** A parser for the {@code cairn} preset. */
    public JsonLogParser() {
        this(JsonLayout.preset("cairn"));
    }

    public JsonLogParser(JsonLayout layout) {
        this.layout = layout;
    }

    /** A parser for what {@code formatter} writes. */
    public static JsonLogParser of(JsonFormatter formatter) {
        return new JsonLogParser(formatter.getLayout());
    }

    /**
     * The JSON object of one line (surrounding whitespace and a line ending allowed).
     *
     * @throws JsonParseException when the line is not exactly one JSON object
     */
    public static Map<String, Object> parseObject(String line) {
        Object value = JsonReader.parse(line);
        if (!(value instanceof Map)) throw new JsonParseException("not a JSON object", 0);
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) value;
        return map;
    }

    /** Any JSON value (see {@link JsonReader} for the Java types). */
    public static Object parseValue(String text) {
        return JsonReader.parse(text);
    }

    /** One line read with this parser's layout. */
    public Event parse(String line) {
        return new Event(layout, parseObject(line));
    }

    /** One parsed line: the raw object and the attributes and fields found in it through the layout. */
    public static final class Event {
        private final JsonLayout layout;
        private final Map<String, Object> raw;

        Event(JsonLayout layout, Map<String, Object> raw) {
            this.layout = layout;
            this.raw = raw;
        }

        /** The whole object as read. */
        public Map<String, Object> raw() {
            return raw;
        }

        /**
         * The value the layout wrote for a record attribute ({@code "levelname"}, {@code "name"},
         * {@code "message"}, {@code "timestamp"}, {@code "exception"}, ...), found under whatever
         * key the preset or a rename gave it; null when the line has none.
         */
        public Object get(String attribute) {
            return find(layout.members, raw, attribute);
        }

        private static Object find(Member[] members, Map<String, Object> object, String attribute) {
            for (Member m : members) {
                if (m.source == Source.GROUP) {
                    Object nested = object.get(m.key);
                    if (nested instanceof Map) {
                        @SuppressWarnings("unchecked")
                        Object v = find(m.children, (Map<String, Object>) nested, attribute);
                        if (v != null) return v;
                    }
                } else if (attribute.equals(m.attribute) && m.source != Source.USER) {
                    return object.get(m.key);
                }
            }
            return null;
        }

        public String message() {
            return text(get("message"));
        }

        /** The level name; for presets that write a mapped severity, that severity text. */
        public String levelname() {
            return text(get("levelname"));
        }

        /** The logger name. */
        public String name() {
            return text(get("name"));
        }

        /**
         * The time of the record, from whichever of ISO-8601 text, epoch seconds, milliseconds
         * or nanoseconds, or Python's asctime (taken as the system zone's local time) the line holds.
         */
        public Instant timestamp() {
            Object t = get("timestamp");
            if (t == null) t = get("created");
            if (t == null) t = get("asctime");
            return toInstant(t, layout);
        }

        /** The record's extra, context and fluent fields, under their original names. */
        public Map<String, Object> fields() {
            Map<String, Object> out = new LinkedHashMap<>();
            collectFields(layout.members, raw, out);
            return out;
        }

        private void collectFields(Member[] members, Map<String, Object> object, Map<String, Object> out) {
            for (Member m : members) {
                Object v = m.key == null ? null : object.get(m.key);
                switch (m.source) {
                    case GROUP:
                        if (v instanceof Map) collectFields(m.children, asMap(v), out);
                        break;
                    case USER:
                        if (object.containsKey(m.key)) out.put((String) m.argument, v);
                        break;
                    case GCP_TRACE:
                        if (v instanceof String) {
                            String s = (String) v;
                            out.put(Presets.TRACE_ID, s.substring(s.lastIndexOf('/') + 1));
                        }
                        break;
                    case TRACE_SAMPLED:
                        if (v instanceof Boolean) out.put(Presets.TRACE_FLAGS, (Boolean) v ? "01" : "00");
                        break;
                    case TRACE_FLAGS_NUMBER:
                        if (v instanceof Number) out.put(Presets.TRACE_FLAGS, String.format("%02x", ((Number) v).intValue()));
                        break;
                    case REST:
                        if (m.key == null) {
                            restOf(members, object, out);
                        } else if (v instanceof Map) {
                            restOf(new Member[0], asMap(v), out);
                        }
                        break;
                    default:
                        break;
                }
            }
        }

        /** The keys of {@code object} no sibling member wrote, with the clash prefix and renames undone. */
        private void restOf(Member[] siblings, Map<String, Object> object, Map<String, Object> out) {
            List<String> own = new java.util.ArrayList<>();
            for (Member m : siblings) if (m.key != null) own.add(m.key);
            for (Map.Entry<String, Object> e : object.entrySet()) {
                String key = e.getKey();
                if (own.contains(key)) continue;
                if (key.startsWith(layout.clashPrefix)) key = key.substring(layout.clashPrefix.length());
                out.put(originalName(key), e.getValue());
            }
        }

        private String originalName(String key) {
            for (Map.Entry<String, String> r : layout.rename.entrySet()) {
                if (r.getValue().equals(key) && Presets.attributeSource(r.getKey()) == null) return r.getKey();
            }
            return key;
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> asMap(Object v) {
            return (Map<String, Object>) v;
        }

        private static String text(Object v) {
            return v == null ? null : v.toString();
        }

        @Override
        public String toString() {
            return raw.toString();
        }
    }

    private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");

    static Instant toInstant(Object t, JsonLayout layout) {
        if (t == null) return null;
        if (t instanceof String) {
            String s = (String) t;
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e) {
                try {
                    return LocalDateTime.parse(s, ASCTIME).atZone(ZoneId.systemDefault()).toInstant();
                } catch (DateTimeParseException e2) {
                    return null;
                }
            }
        }
        if (t instanceof Number) {
            Source source = timestampSource(layout.members);
            double v = ((Number) t).doubleValue();
            if (source == Source.TIME_NANOS) {
                long n = ((Number) t).longValue();
                return Instant.ofEpochSecond(Math.floorDiv(n, 1_000_000_000L), Math.floorMod(n, 1_000_000_000L));
            }
            if (source == Source.TIME_MILLIS) return Instant.ofEpochMilli(((Number) t).longValue());
            long seconds = (long) Math.floor(v);
            return Instant.ofEpochSecond(seconds, Math.round((v - seconds) * 1e6) * 1000);
        }
        return null;
    }

    private static Source timestampSource(Member[] members) {
        for (Member m : members) {
            if ("timestamp".equals(m.attribute)) return m.source;
        }
        return Source.TIME_SECONDS;
    }
}
