package dev.cairn.json;

import dev.cairn.CallerLocation;
import dev.cairn.Formatter;
import dev.cairn.Level;
import dev.cairn.LogRecord;
import dev.cairn.context.Fields;
import dev.cairn.json.Member.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Formats each record as one JSON object on one line, laid out by a {@link JsonLayout}
 * (presets for Cairn, python-json-logger, ECS, Logstash, Google Cloud Logging and
 * OpenTelemetry). Besides the attributes the layout names, the record's {@code extra}, its
 * {@code LogContext} and its fluent fields are written with their JSON types; where two of them
 * use one name, the first of extra, context, fields wins (the order {@code LogRecord.get}
 * uses), and a name clashing with a layout key gets the layout's clash prefix.
 *
 * <p>Strings are escaped by {@link JsonText}: the output is always a single line, with control
 * characters escaped and lone surrogates replaced by U+FFFD. The object is written by hand into
 * a per-thread reusable builder; a record costs no maps or iterators beyond those of a non-empty
 * {@code extra}. {@link JsonLogParser} reads the output back. Thread-safe and immutable.
 *
 * <p>From dictConfig: {@code '()': dev.cairn.json.JsonFormatter} (or {@code class:}) with the
 * layout options as keys, e.g. {@code preset: ecs}, {@code rename: {levelname: severity}}.
 */
public class JsonFormatter extends Formatter {
    private static final int KEEP_BUFFER = 1 << 16;
    private static final ThreadLocal<Buffer> BUFFER = ThreadLocal.withInitial(Buffer::new);
    /** The content of a REST member that nests the fields under its key. */
    private static final Member[] NESTED_REST = {new Member(null, null, Source.REST, null, null)};

    private final JsonLayout layout;
    /** Context keys some member reads by name; the rest-of-fields member skips them. */
    private final String[] claimed;
    private final boolean usesLocation;

    /** The {@code cairn} preset. */
    public JsonFormatter() {
        this(JsonLayout.preset("cairn"));
    }

    public JsonFormatter(JsonLayout layout) {
        this(layout, null);
    }

    private JsonFormatter(JsonLayout layout, String datefmt) {
        super(null, datefmt);
        this.layout = layout;
        List<String> keys = new ArrayList<>();
        collectClaimed(layout.members, keys);
        this.claimed = keys.toArray(new String[0]);
        this.usesLocation = layout.usesLocation();
    }

    /**
     * A formatter from configuration options (see {@link JsonLayout}); {@code datefmt} applies
     * to {@code asctime}, and {@code format}, as in python-json-logger, names the attributes
     * to write when {@code fields} is absent.
     *
     * @throws IllegalArgumentException for an unknown option or a bad value
     */
    public JsonFormatter(Map<String, Object> options) {
        this(JsonLayout.of(withoutFormat(options)), JsonLayout.string(options, "datefmt", null));
    }

    /** The class names of python-json-logger's formatter, accepted in dictConfig as this class with the {@code python} preset. */
    public static final java.util.Set<String> PYTHON_JSON_LOGGER = java.util.Set.of(
            "pythonjsonlogger.jsonlogger.JsonFormatter", "pythonjsonlogger.json.JsonFormatter");

    /**
     * A formatter from python-json-logger's keyword arguments: {@code fmt}/{@code format},
     * {@code datefmt}, {@code rename_fields}, {@code static_fields}, {@code timestamp} (true
     * adds an ISO {@code timestamp} key, a string names the key) and {@code json_ensure_ascii}
     * (accepted; non-ASCII is written as UTF-8 either way). Control characters are escaped, as
     * Python's {@code json} module also escapes them.
     *
     * @throws IllegalArgumentException for a keyword it does not know
     */
    public static JsonFormatter pythonJsonLogger(Map<String, Object> kwargs) {
        Map<String, Object> options = new java.util.LinkedHashMap<>();
        options.put("preset", "python");
        List<String> fields = null;
        for (Map.Entry<String, Object> e : kwargs.entrySet()) {
            Object v = e.getValue();
            switch (e.getKey()) {
                case "fmt": case "format": options.put("format", v); break;
                case "datefmt": options.put("datefmt", v); break;
                case "rename_fields": options.put("rename", v); break;
                case "static_fields": options.put("static", v); break;
                case "json_ensure_ascii": break;
                case "timestamp":
                    if (Boolean.TRUE.equals(v) || v instanceof String) {
                        fields = new ArrayList<>(List.of("timestamp"));
                        if (v instanceof String) options.put("rename", Map.of("timestamp", v));
                    }
                    break;
                default:
                    throw new IllegalArgumentException("unknown python-json-logger option '" + e.getKey() + "'");
            }
        }
        Map<String, Object> resolved = withoutFormat(options);
        if (fields != null) {
            @SuppressWarnings("unchecked")
            List<String> named = (List<String>) resolved.get("fields");
            List<String> all = new ArrayList<>(named != null ? named : List.of("message"));
            all.addAll(fields);
            resolved.put("fields", all);
        }
        return new JsonFormatter(resolved);
    }

    /** A formatter for one of the {@link JsonLayout#PRESETS}. */
    public static JsonFormatter preset(String name) {
        return new JsonFormatter(JsonLayout.preset(name));
    }

    /** python-json-logger's {@code format}: the {@code %(name)s} fields, in order, become {@code fields}. */
    private static Map<String, Object> withoutFormat(Map<String, Object> options) {
        if (!options.containsKey("format")) return options;
        // python-json-logger names fields by a %-format; so do we, when fields is not given.
        Map<String, Object> copy = new java.util.LinkedHashMap<>(options);
        Object fmt = copy.remove("format");
        if (fmt != null && !copy.containsKey("fields")) {
            List<String> names = new ArrayList<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("%\\(([^)]+)\\)").matcher(fmt.toString());
            while (m.find()) names.add(m.group(1));
            if (!names.isEmpty()) copy.put("fields", names);
        }
        return copy;
    }

    private static void collectClaimed(Member[] members, List<String> into) {
        for (Member m : members) {
            switch (m.source) {
                case USER: into.add((String) m.argument); break;
                case GCP_TRACE: into.add(Presets.TRACE_ID); break;
                case TRACE_SAMPLED: case TRACE_FLAGS_NUMBER: into.add(Presets.TRACE_FLAGS); break;
                case GROUP: collectClaimed(m.children, into); break;
                default: break;
            }
        }
    }

    public JsonLayout getLayout() {
        return layout;
    }

    @Override
    public boolean usesCallerLocation() {
        return usesLocation;
    }

    @Override
    public boolean usesTime() {
        return false;
    }

    /** The record as one line of JSON, without a line ending. */
    @Override
    public String format(LogRecord record) {
        Buffer buffer = BUFFER.get();
        if (buffer.busy) {
            // A field's toString() logged through this formatter on the same thread.
            return super.format(record);
        }
        buffer.busy = true;
        try {
            StringBuilder out = buffer.text;
            out.setLength(0);
            format(record, out);
            String s = out.toString();
            // One huge record must not pin its buffer to the thread for ever.
            if (out.capacity() > KEEP_BUFFER) buffer.text = new StringBuilder(512);
            return s;
        } finally {
            buffer.busy = false;
        }
    }

    /** The per-thread text buffer, with a flag for re-entrant use. */
    private static final class Buffer {
        StringBuilder text = new StringBuilder(512);
        boolean busy;
    }

    /**
     * Appends the record's JSON object to {@code out}.
     *
     * @throws IllegalArgumentException when the message and its arguments do not fit (handlers
     *     report it through {@code handleError}), as for every formatter
     */
    @Override
    public void format(LogRecord record, StringBuilder out) {
        record.computeMessage();
        out.append('{');
        writeMembers(layout.members, record, out);
        out.append('}');
    }

    private void writeMembers(Member[] members, LogRecord record, StringBuilder out) {
        for (Member m : members) {
            if (m.source == Source.REST && m.key == null) {
                writeRest(members, record, out);
            } else {
                writeMember(m, record, out);
            }
        }
    }

    private void writeMember(Member m, LogRecord record, StringBuilder out) {
        int mark = out.length();
        if (out.charAt(mark - 1) != '{') out.append(',');
        out.append(m.keyJson);
        if (!writeValue(m, record, out)) out.setLength(mark);
    }

    /** Writes the member's value; false when the record has none (the member is then left out). */
    private boolean writeValue(Member m, LogRecord record, StringBuilder out) {
        switch (m.source) {
            case TIME_ISO:
                out.append('"');
                IsoTime.appendMillis(out, IsoTime.millis(record.getCreated()));
                out.append('"');
                return true;
            case TIME_SECONDS: JsonText.appendDouble(out, record.getCreated()); return true;
            case TIME_MILLIS: out.append(IsoTime.millis(record.getCreated())); return true;
            case TIME_NANOS: out.append(IsoTime.nanos(record.getCreated())); return true;
            case ASCTIME: return string(out, formatTime(record, getDatefmt()));
            case LEVELNAME: return string(out, record.getLevelname());
            case LEVELNO: out.append(record.getLevelno()); return true;
            case LEVEL_VALUE: out.append(record.getLevelno() * 1000L); return true;
            case GCP_SEVERITY: return string(out, gcpSeverity(record.getLevelno()));
            case OTEL_SEVERITY_NUMBER: out.append(otelSeverity(record.getLevelno())); return true;
            case NAME: return string(out, record.getName());
            case MESSAGE: JsonText.appendString(out, record.getMessageText()); return true;
            case MSG: return string(out, String.valueOf(record.getMsg()));
            case PATHNAME: return string(out, record.getPathname());
            case FILENAME: return string(out, record.getFilename());
            case MODULE: return string(out, record.getModule());
            case LINENO: out.append(record.getLineno()); return true;
            case LINENO_TEXT: out.append('"').append(record.getLineno()).append('"'); return true;
            case FUNCNAME: return string(out, record.getFuncName());
            case CLASSNAME: return string(out, location(record).className);
            case CREATED: JsonText.appendDouble(out, record.getCreated()); return true;
            case MSECS: JsonText.appendDouble(out, record.getMsecs()); return true;
            case RELATIVE_CREATED: JsonText.appendDouble(out, record.getRelativeCreated()); return true;
            case THREAD: out.append(record.getThread()); return true;
            case THREADNAME: return string(out, record.getThreadName());
            case PROCESS: out.append(record.getProcess()); return true;
            case PROCESSNAME: return string(out, record.getProcessName());
            case EXC_TEXT: return string(out, excText(record));
            case EXC_TYPE: return record.getExcInfo() != null && string(out, dev.cairn.redact.MaskedException.typeName(record.getExcInfo()));
            case EXC_MESSAGE: return record.getExcInfo() != null && string(out, ExceptionJson.safeMessage(record.getExcInfo()));
            case EXCEPTION:
                if (record.getExcInfo() == null) return string(out, record.getExcText());
                ExceptionJson.append(out, record.getExcInfo(), layout.maxFrames);
                return true;
            case STACK_INFO: return string(out, record.getStackInfo() != null ? formatStack(record.getStackInfo()) : null);
            case FINGERPRINT: return string(out, record.getErrorFingerprint());
            case CONSTANT: JsonText.appendValue(out, m.argument); return true;
            case USER: return userValue(record, (String) m.argument, out);
            case GCP_TRACE: return gcpTrace(record, (String) m.argument, out);
            case TRACE_SAMPLED: return traceFlags(record, out, true);
            case TRACE_FLAGS_NUMBER: return traceFlags(record, out, false);
            case GROUP: return writeObject(m.children, record, out);
            case REST: return writeObject(NESTED_REST, record, out);
            default: throw new IllegalStateException("unhandled member source " + m.source);
        }
    }

    private boolean writeObject(Member[] children, LogRecord record, StringBuilder out) {
        out.append('{');
        int start = out.length();
        writeMembers(children, record, out);
        if (out.length() == start) return false;
        out.append('}');
        return true;
    }

    private static boolean string(StringBuilder out, String s) {
        if (s == null) return false;
        JsonText.appendString(out, s);
        return true;
    }

    private static CallerLocation location(LogRecord record) {
        return record.getLocation();
    }

    /** The traceback text, cached on the record as Python's {@code exc_text}. */
    private String excText(LogRecord record) {
        if (record.getExcInfo() != null && record.getExcText() == null) {
            record.setExcText(formatException(record.getExcInfo()));
        }
        return record.getExcText();
    }

    // ---- fields of the record's own -----------------------------------------------------------

    /** Extra, then context, then fluent fields, each name once, skipping names a member claimed. */
    private void writeRest(Member[] siblings, LogRecord record, StringBuilder out) {
        Map<String, Object> extra = record.getExtra();
        if (!extra.isEmpty()) {
            for (Map.Entry<String, Object> e : extra.entrySet()) {
                if (!isClaimed(e.getKey())) writeUser(e.getKey(), e.getValue(), siblings, out);
            }
        }
        Fields context = record.getContext();
        for (int i = 0; i < context.size(); i++) {
            String k = context.keyAt(i);
            if (!isClaimed(k) && !extra.containsKey(k)) writeUser(k, context.valueAt(i), siblings, out);
        }
        Fields fields = record.getFields();
        for (int i = 0; i < fields.size(); i++) {
            String k = fields.keyAt(i);
            if (!isClaimed(k) && !extra.containsKey(k) && context.indexOf(k) < 0) {
                writeUser(k, fields.valueAt(i), siblings, out);
            }
        }
    }

    private void writeUser(String name, Object value, Member[] siblings, StringBuilder out) {
        String key = name;
        if (!layout.rename.isEmpty()) {
            String renamed = layout.rename.get(name);
            if (renamed != null) key = renamed;
        }
        if (out.charAt(out.length() - 1) != '{') out.append(',');
        out.append('"');
        if (clashes(key, siblings)) JsonText.appendEscaped(out, layout.clashPrefix);
        JsonText.appendEscaped(out, key);
        out.append("\":");
        JsonText.appendValue(out, value);
    }

    private boolean clashes(String key, Member[] siblings) {
        if (key.startsWith(layout.clashPrefix)) return true;
        for (Member m : siblings) {
            if (m.key != null && m.key.equals(key)) return true;
        }
        return false;
    }

    private boolean isClaimed(String key) {
        for (String c : claimed) {
            if (c.equals(key)) return true;
        }
        return false;
    }

    /** A name as {@code LogRecord.get} finds it past the attributes: extra, then context, then fields. */
    private static Object lookup(LogRecord record, String name) {
        Map<String, Object> extra = record.getExtra();
        if (!extra.isEmpty()) {
            Object v = extra.get(name);
            if (v != null || extra.containsKey(name)) return v;
        }
        int i = record.getContext().indexOf(name);
        if (i >= 0) return record.getContext().valueAt(i);
        i = record.getFields().indexOf(name);
        if (i >= 0) return record.getFields().valueAt(i);
        return LogRecord.MISSING;
    }

    private static boolean userValue(LogRecord record, String name, StringBuilder out) {
        Object v = lookup(record, name);
        if (v == LogRecord.MISSING) return false;
        JsonText.appendValue(out, v);
        return true;
    }

    /** {@code projects/PROJECT/traces/TRACE_ID} when a project is configured, else the bare trace id. */
    private static boolean gcpTrace(LogRecord record, String project, StringBuilder out) {
        Object id = lookup(record, Presets.TRACE_ID);
        if (id == LogRecord.MISSING || id == null) return false;
        out.append('"');
        if (project != null) {
            out.append("projects/");
            JsonText.appendEscaped(out, project);
            out.append("/traces/");
        }
        JsonText.appendEscaped(out, String.valueOf(id));
        out.append('"');
        return true;
    }

    /** W3C trace flags, two hex digits in the context, as the sampled bit or as a number. */
    private static boolean traceFlags(LogRecord record, StringBuilder out, boolean sampledOnly) {
        Object v = lookup(record, Presets.TRACE_FLAGS);
        int flags;
        if (v instanceof Number) {
            flags = ((Number) v).intValue();
        } else if (v instanceof String && ((String) v).length() == 2
                && Character.digit(((String) v).charAt(0), 16) >= 0 && Character.digit(((String) v).charAt(1), 16) >= 0) {
            flags = Character.digit(((String) v).charAt(0), 16) * 16 + Character.digit(((String) v).charAt(1), 16);
        } else {
            return false;
        }
        if (sampledOnly) {
            out.append((flags & 1) != 0);
        } else {
            out.append(flags);
        }
        return true;
    }

    // ---- level mappings -----------------------------------------------------------------------

    /** Google's LogSeverity names for Python's level ranges. */
    static String gcpSeverity(int levelno) {
        if (levelno >= Level.CRITICAL) return "CRITICAL";
        if (levelno >= Level.ERROR) return "ERROR";
        if (levelno >= Level.WARNING) return "WARNING";
        if (levelno >= Level.INFO) return "INFO";
        if (levelno >= Level.DEBUG) return "DEBUG";
        return "DEFAULT";
    }

    /**
     * OpenTelemetry's SeverityNumber: DEBUG 5, INFO 9, WARN 13, ERROR 17, FATAL 21, with levels
     * between Python's steps spread over the four numbers of each range (TRACE 1-4 below DEBUG).
     */
    static int otelSeverity(int levelno) {
        if (levelno <= 0) return 1;
        if (levelno >= Level.CRITICAL) return Math.min(24, 21 + (levelno - Level.CRITICAL) * 4 / 10);
        if (levelno < Level.DEBUG) return 1 + levelno * 4 / 10;
        int range = levelno / 10;
        return 5 + (range - 1) * 4 + (levelno % 10) * 4 / 10;
    }

    @Override
    public String toString() {
        return "JsonFormatter(" + layout.getPreset() + ")";
    }
}
