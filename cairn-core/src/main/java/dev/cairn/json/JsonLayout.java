package dev.cairn.json;

import dev.cairn.json.Member.Source;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a {@link JsonFormatter} writes: which record attributes under which keys, in which
 * order, plus constants and where the record's own fields go. Built from a preset and options
 * (the same names in code and in dictConfig), validated once, immutable afterwards.
 *
 * <p>Presets: {@code cairn} (the default), {@code python} (python-json-logger's keys),
 * {@code ecs} (Elastic Common Schema, as ecs-logging writes it), {@code logstash}
 * (logstash-logback-encoder's LogstashEncoder), {@code gcp} (Google Cloud Logging's structured
 * JSON) and {@code otel} (the OpenTelemetry log data model).
 *
 * <p>Options: {@code fields} (the attributes to write, in order, replacing the preset's
 * choice; a name that is not an attribute names a context or record field), {@code rename}
 * (attribute or field name to output key), {@code static} (constant members),
 * {@code timestamp} ({@code iso}, {@code epoch}, {@code epoch_millis}, {@code epoch_nanos}),
 * {@code exception} ({@code structured} or {@code text}), {@code user_fields} (false leaves out
 * extra, context and fluent fields not named in {@code fields}), {@code fields_key} (nest those
 * under one key instead of spreading them), {@code clash_prefix} (see below), {@code project}
 * (gcp trace names), {@code resource} (otel Resource), {@code max_frames}.
 *
 * <p>A field whose name equals a key the layout already writes in the same object (a fluent
 * field called {@code message}, say) is written as {@code clash_prefix + name}, by default
 * {@code "field.message"}; a name that itself starts with the prefix gets one more prefix, so
 * {@link JsonLogParser} can always undo it. No object ever has a key twice.
 */
public final class JsonLayout {
    /** The preset names, in the order of the documentation. */
    public static final List<String> PRESETS = List.of("cairn", "python", "ecs", "logstash", "gcp", "otel");

    private static final Set<String> OPTIONS = Set.of("preset", "fields", "rename", "static", "timestamp",
            "exception", "user_fields", "fields_key", "clash_prefix", "project", "resource", "max_frames", "datefmt");

    final String preset;
    final Member[] members;
    final Map<String, String> rename;
    final String clashPrefix;
    final int maxFrames;
    final boolean structuredExceptions;

    private JsonLayout(String preset, List<Member> members, Map<String, String> rename, String clashPrefix,
                       int maxFrames, boolean structuredExceptions) {
        this.preset = preset;
        this.members = members.toArray(new Member[0]);
        this.rename = rename;
        this.clashPrefix = clashPrefix;
        this.maxFrames = maxFrames;
        this.structuredExceptions = structuredExceptions;
    }

    /** A preset with its default options. */
    public static JsonLayout preset(String name) {
        return of(Map.of("preset", name));
    }

    /**
     * The layout described by {@code options} (see the class comment); unknown keys and bad
     * values fail here, naming the option.
     *
     * @throws IllegalArgumentException for an unknown preset, option or value
     */
    public static JsonLayout of(Map<String, ?> options) {
        for (String key : options.keySet()) {
            if (!OPTIONS.contains(key)) {
                throw new IllegalArgumentException("unknown JsonFormatter option '" + key + "' (expected one of "
                        + new java.util.TreeSet<>(OPTIONS) + ")");
            }
        }
        String preset = string(options, "preset", "cairn").toLowerCase(Locale.ROOT);
        String timestamp = string(options, "timestamp", null);
        String exception = string(options, "exception", null);
        if (exception != null && !exception.equals("structured") && !exception.equals("text")) {
            throw new IllegalArgumentException("exception must be 'structured' or 'text', got '" + exception + "'");
        }
        Presets.Spec spec = Presets.spec(preset, options);
        boolean structured = exception == null ? spec.structuredExceptions : exception.equals("structured");
        Map<String, String> rename = stringMap(options, "rename");
        List<String> fields = stringList(options, "fields");
        List<Member> chosen = choose(spec, fields, timestamp, structured);
        Map<String, Object> statics = map(options, "static");
        int restAt = chosen.size();
        for (int i = 0; i < chosen.size(); i++) {
            if (chosen.get(i).source == Source.REST) restAt = i;
        }
        for (Map.Entry<String, Object> e : statics.entrySet()) {
            chosen.add(restAt++, new Member(null, e.getKey(), Source.CONSTANT, e.getValue(), null));
        }
        Object userFields = options.containsKey("user_fields") ? options.get("user_fields") : Boolean.TRUE;
        if (!(userFields instanceof Boolean)) throw new IllegalArgumentException("user_fields must be true or false");
        String fieldsKey = string(options, "fields_key", null);
        chosen = placeRest(chosen, (Boolean) userFields, fieldsKey);
        List<Member> renamed = new ArrayList<>();
        for (Member m : chosen) renamed.add(applyRename(m, rename));
        checkUnique(renamed, "the top level");
        String prefix = string(options, "clash_prefix", "field.");
        if (prefix.isEmpty()) throw new IllegalArgumentException("clash_prefix must not be empty");
        Object frames = options.containsKey("max_frames") ? options.get("max_frames") : 64;
        if (!(frames instanceof Integer) || (Integer) frames < 0) {
            throw new IllegalArgumentException("max_frames must be a non-negative integer, got " + frames);
        }
        return new JsonLayout(preset, renamed, Collections.unmodifiableMap(rename), prefix, (Integer) frames, structured);
    }

    /** The preset's members, or those named by {@code fields} in that order (preset keys kept where it has them). */
    private static List<Member> choose(Presets.Spec spec, List<String> fields, String timestamp, boolean structured) {
        List<Member> out = new ArrayList<>();
        if (fields == null) {
            for (Member m : spec.members) {
                Member kept = keepDefault(m, spec.defaults);
                if (kept != null) out.add(kept);
            }
        } else {
            Set<String> wanted = new LinkedHashSet<>(fields);
            Set<String> placed = new LinkedHashSet<>();
            for (Member m : spec.members) {
                if (m.source == Source.CONSTANT || m.source == Source.REST) {
                    out.add(m);
                    continue;
                }
                Member kept = keepWanted(m, wanted);
                if (kept != null) {
                    out.add(kept);
                    collectAttributes(kept, placed);
                }
            }
            int restAt = out.size();
            for (int i = 0; i < out.size(); i++) if (out.get(i).source == Source.REST) restAt = i;
            for (String name : wanted) {
                if (!placed.contains(name)) out.add(restAt++, Presets.plain(name));
            }
        }
        List<Member> adjusted = new ArrayList<>();
        for (Member m : out) adjusted.add(adjust(m, timestamp, structured));
        return adjusted;
    }

    private static Member keepDefault(Member m, Set<String> defaults) {
        if (m.source == Source.GROUP) {
            List<Member> kids = new ArrayList<>();
            for (Member c : m.children) {
                Member k = keepDefault(c, defaults);
                if (k != null) kids.add(k);
            }
            return kids.isEmpty() ? null : new Member(m.attribute, m.key, m.source, m.argument, kids);
        }
        return m.attribute == null || defaults == null || defaults.contains(m.attribute) ? m : null;
    }

    private static Member keepWanted(Member m, Set<String> wanted) {
        if (m.source == Source.GROUP) {
            List<Member> kids = new ArrayList<>();
            for (Member c : m.children) {
                Member k = c.source == Source.CONSTANT || c.source == Source.REST ? c : keepWanted(c, wanted);
                if (k != null) kids.add(k);
            }
            boolean any = false;
            for (Member k : kids) any |= k.source != Source.CONSTANT;
            return any ? new Member(m.attribute, m.key, m.source, m.argument, kids) : null;
        }
        return m.attribute != null && wanted.contains(m.attribute) ? m : null;
    }

    private static void collectAttributes(Member m, Set<String> into) {
        if (m.attribute != null) into.add(m.attribute);
        for (Member c : m.children) collectAttributes(c, into);
    }

    /** The timestamp and exception options change the source of the members that show them. */
    private static Member adjust(Member m, String timestamp, boolean structured) {
        if (m.source == Source.GROUP) {
            List<Member> kids = new ArrayList<>();
            for (Member c : m.children) kids.add(adjust(c, timestamp, structured));
            return new Member(m.attribute, m.key, m.source, m.argument, kids);
        }
        if (timestamp != null && "timestamp".equals(m.attribute)) {
            return new Member(m.attribute, m.key, timestampSource(timestamp), null, null);
        }
        if ("exception".equals(m.attribute) && !structured) {
            return new Member(m.attribute, m.key, Source.EXC_TEXT, null, null);
        }
        return m;
    }

    private static Source timestampSource(String style) {
        switch (style) {
            case "iso": return Source.TIME_ISO;
            case "epoch": return Source.TIME_SECONDS;
            case "epoch_millis": return Source.TIME_MILLIS;
            case "epoch_nanos": return Source.TIME_NANOS;
            default: throw new IllegalArgumentException("timestamp must be one of iso, epoch, epoch_millis, epoch_nanos; got '" + style + "'");
        }
    }

    /** Removes the REST member when user fields are off, or gives it a key to nest under. */
    private static List<Member> placeRest(List<Member> members, boolean userFields, String fieldsKey) {
        List<Member> out = new ArrayList<>();
        for (Member m : members) {
            if (m.source == Source.GROUP) {
                List<Member> kids = placeRest(List.of(m.children), userFields, fieldsKey);
                out.add(new Member(m.attribute, m.key, m.source, m.argument, kids));
            } else if (m.source == Source.REST) {
                if (userFields) out.add(fieldsKey != null ? new Member(null, fieldsKey, Source.REST, null, null) : m);
            } else {
                out.add(m);
            }
        }
        return out;
    }

    private static Member applyRename(Member m, Map<String, String> rename) {
        if (m.source == Source.GROUP) {
            List<Member> kids = new ArrayList<>();
            for (Member c : m.children) kids.add(applyRename(c, rename));
            checkUnique(kids, "'" + m.key + "'");
            return new Member(m.attribute, m.key, m.source, m.argument, kids);
        }
        String to = m.attribute != null ? rename.get(m.attribute) : null;
        return to != null ? m.renamed(to) : m;
    }

    private static void checkUnique(List<Member> members, String where) {
        Set<String> keys = new java.util.HashSet<>();
        for (Member m : members) {
            if (m.key != null && !keys.add(m.key)) {
                throw new IllegalArgumentException("two members of " + where + " would both be written as '" + m.key + "'");
            }
        }
    }

    /** The preset this layout started from. */
    public String getPreset() {
        return preset;
    }

    /** Whether a member shows a caller-location attribute, which makes loggers capture the caller. */
    boolean usesLocation() {
        return usesLocation(members);
    }

    private static boolean usesLocation(Member[] members) {
        for (Member m : members) {
            switch (m.source) {
                case PATHNAME: case FILENAME: case MODULE: case LINENO: case LINENO_TEXT: case FUNCNAME: case CLASSNAME:
                    return true;
                case GROUP:
                    if (usesLocation(m.children)) return true;
                    break;
                default:
                    break;
            }
        }
        return false;
    }

    /** The output keys of the top level, in order (for documentation and tests). */
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (Member m : members) if (m.key != null) keys.add(m.key);
        return keys;
    }

    @Override
    public String toString() {
        return "JsonLayout(" + preset + ": " + List.of(members) + ")";
    }

    // ---- option values -----------------------------------------------------------------------

    static String string(Map<String, ?> options, String key, String fallback) {
        Object v = options.get(key);
        if (v == null) return fallback;
        if (!(v instanceof String)) throw new IllegalArgumentException(key + " must be a string, got " + v);
        return (String) v;
    }

    private static List<String> stringList(Map<String, ?> options, String key) {
        Object v = options.get(key);
        if (v == null) return null;
        if (v instanceof String) return List.of(((String) v).trim().split("\\s*,\\s*|\\s+"));
        if (!(v instanceof List)) throw new IllegalArgumentException(key + " must be a list of names, got " + v);
        List<String> out = new ArrayList<>();
        for (Object o : (List<?>) v) {
            if (!(o instanceof String)) throw new IllegalArgumentException(key + " must be a list of names, got " + o);
            out.add((String) o);
        }
        return out;
    }

    static Map<String, Object> map(Map<String, ?> options, String key) {
        Object v = options.get(key);
        if (v == null) return new LinkedHashMap<>();
        if (!(v instanceof Map)) throw new IllegalArgumentException(key + " must be a mapping, got " + v);
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) out.put(String.valueOf(e.getKey()), e.getValue());
        return out;
    }

    private static Map<String, String> stringMap(Map<String, ?> options, String key) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : map(options, key).entrySet()) {
            if (!(e.getValue() instanceof String)) {
                throw new IllegalArgumentException(key + "." + e.getKey() + " must be a string, got " + e.getValue());
            }
            out.put(e.getKey(), (String) e.getValue());
        }
        return out;
    }
}
