package dev.cairn.text;

import dev.cairn.Formatter;
import dev.cairn.Level;
import dev.cairn.LogRecord;
import dev.cairn.context.Fields;
import dev.cairn.text.SafeText.Multiline;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Cairn's own text formatter: Python's format templates, with the safer defaults Cairn picks
 * where the user did not ask for Python's exact bytes. Every value a template shows (the
 * message above all) is escaped by {@link SafeText}, so CR, LF, ANSI escapes and other control
 * characters from a message, an argument or a field cannot forge a record or drive the
 * terminal (CWE-117); the traceback is rebuilt with escaped exception messages. A line feed in
 * a value is escaped ({@code multiline: escape}, the default: one record, one line) or kept
 * with an indent after it ({@code multiline: indent}: every continuation line starts with
 * whitespace). Nothing in a message or field is ever interpreted.
 *
 * <p>Options (constructor Map, or dictConfig keys): {@code format}, {@code datefmt},
 * {@code style}, {@code validate}, {@code defaults} as Python's; {@code multiline}
 * ({@code escape}, {@code indent}, {@code keep}), {@code indent} (default four spaces),
 * {@code colour} ({@code auto}: only when there is a console and {@code NO_COLOR} is unset;
 * {@code always}; {@code never}), {@code colours} (level name to ANSI SGR parameters such as
 * {@code "1;31"}), {@code max_length} (values longer than this are cut, with a note of how
 * much), {@code show_fields} (append the context and fluent fields as {@code key=value}).
 * With colour on, the whole record is coloured by level unless the format places
 * {@code %(log_color)s} and {@code %(reset)s} itself, as Python's colorlog does.
 *
 * <p>{@code logging.Formatter} (the Python class name, basicConfig, conformance) stays Python's
 * and escapes nothing. Thread-safe and immutable.
 */
public class TextFormatter extends Formatter {
    static final String RESET = "\u001b[0m";
    private static final Map<String, String> DEFAULT_COLOURS = orderedColours();
    private static final Set<String> OPTIONS = Set.of("format", "fmt", "datefmt", "style", "validate", "defaults",
            "multiline", "indent", "colour", "color", "colours", "colors", "max_length", "show_fields");

    private final Multiline multiline;
    private final String indent;
    private final boolean colour;
    private final int[] colourLevels;
    private final String[] colourCodes;
    private final boolean formatPlacesColour;
    private final int maxLength;
    private final boolean showFields;
    /** The field names the format shows, which {@code show_fields} does not repeat. */
    private final Set<String> named;

    /** Python's default format ({@code %(message)s}), escaped, one record per line. */
    public TextFormatter() {
        this(Map.of());
    }

    /** A {@code %}-style format, escaped, one record per line. */
    public TextFormatter(String fmt) {
        this(fmt == null ? Map.of() : Map.of("format", fmt));
    }

    /**
     * A formatter from options (see the class comment).
     *
     * @throws IllegalArgumentException for an unknown option, a bad value or a bad format
     */
    public TextFormatter(Map<String, ?> options) {
        this(options, Map.of());
    }

    /** {@code options} laid over a subclass's {@code defaults}. */
    protected TextFormatter(Map<String, ?> options, Map<String, ?> defaults) {
        this(merge(defaults, options), true);
    }

    @SuppressWarnings("unchecked")
    private TextFormatter(Map<String, Object> o, boolean checked) {
        super(fmt(o), (String) o.get("datefmt"), style(o), !Boolean.FALSE.equals(o.get("validate")),
                (Map<String, Object>) o.get("defaults"));
        this.multiline = multiline(o.getOrDefault("multiline", "escape"));
        this.indent = string(o, "indent", "    ");
        if (indent.isEmpty() || !indent.isBlank()) throw new IllegalArgumentException("indent must be non-empty whitespace");
        Object c = o.containsKey("colour") ? o.get("colour") : o.getOrDefault("color", "auto");
        this.colour = colourWanted(String.valueOf(c), System.getenv(), System.console() != null);
        Map<String, String> codes = colours(o.containsKey("colours") ? o.get("colours") : o.get("colors"));
        this.colourLevels = new int[codes.size()];
        this.colourCodes = new String[codes.size()];
        int i = 0;
        for (Map.Entry<String, String> e : codes.entrySet()) {
            colourLevels[i] = Level.parse(e.getKey());
            colourCodes[i++] = "\u001b[" + e.getValue() + "m";
        }
        sortByLevel(colourLevels, colourCodes);
        String f = getFormat();
        this.formatPlacesColour = f.contains("log_color");
        Object max = o.getOrDefault("max_length", 0);
        if (!(max instanceof Integer) || (Integer) max < 0) throw new IllegalArgumentException("max_length must be a non-negative integer");
        this.maxLength = (Integer) max;
        Object show = o.getOrDefault("show_fields", false);
        if (!(show instanceof Boolean)) throw new IllegalArgumentException("show_fields must be true or false");
        this.showFields = (Boolean) show;
        Set<String> names = new java.util.HashSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("%\\(([^)]+)\\)|\\{([A-Za-z_][A-Za-z0-9_]*)|\\$([A-Za-z_][A-Za-z0-9_]*)").matcher(f);
        while (m.find()) names.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
        this.named = Set.copyOf(names);
    }

    private static Map<String, Object> merge(Map<String, ?> defaults, Map<String, ?> options) {
        Map<String, Object> all = new LinkedHashMap<>(defaults);
        for (Map.Entry<String, ?> e : options.entrySet()) {
            if (!OPTIONS.contains(e.getKey())) {
                throw new IllegalArgumentException("unknown text formatter option '" + e.getKey() + "' (expected one of "
                        + new java.util.TreeSet<>(OPTIONS) + ")");
            }
            all.put(e.getKey(), e.getValue());
        }
        return all;
    }

    private static String fmt(Map<String, Object> o) {
        Object f = o.containsKey("format") ? o.get("format") : o.get("fmt");
        return f == null ? null : f.toString();
    }

    private static char style(Map<String, Object> o) {
        String s = string(o, "style", "%");
        if (s.length() != 1) throw new IllegalArgumentException("Style must be one of: %,{,$ (got '" + s + "')");
        return s.charAt(0);
    }

    private static String string(Map<String, Object> o, String key, String fallback) {
        Object v = o.get(key);
        if (v == null) return fallback;
        if (!(v instanceof String)) throw new IllegalArgumentException(key + " must be a string, got " + v);
        return (String) v;
    }

    private static Multiline multiline(Object v) {
        try {
            return Multiline.valueOf(String.valueOf(v).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("multiline must be escape, indent or keep, got '" + v + "'");
        }
    }

    /**
     * Whether to colour: {@code always}, {@code never}, or {@code auto}: not when
     * {@code NO_COLOR} is set to anything (https://no-color.org), not when there is no console
     * (output redirected, a service), not on a {@code dumb} terminal.
     */
    static boolean colourWanted(String mode, Map<String, String> env, boolean console) {
        switch (mode.toLowerCase(Locale.ROOT)) {
            case "always": case "true": return true;
            case "never": case "false": return false;
            case "auto":
                String noColor = env.get("NO_COLOR");
                if (noColor != null && !noColor.isEmpty()) return false;
                return console && !"dumb".equals(env.get("TERM"));
            default: throw new IllegalArgumentException("colour must be auto, always or never, got '" + mode + "'");
        }
    }

    private static Map<String, String> orderedColours() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("DEBUG", "36");
        m.put("INFO", "32");
        m.put("WARNING", "33");
        m.put("ERROR", "31");
        m.put("CRITICAL", "1;31");
        return m;
    }

    private static Map<String, String> colours(Object v) {
        Map<String, String> codes = new LinkedHashMap<>(DEFAULT_COLOURS);
        if (v == null) return codes;
        if (!(v instanceof Map)) throw new IllegalArgumentException("colours must map level names to ANSI codes");
        for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
            String code = String.valueOf(e.getValue());
            // Only SGR parameters: a configuration cannot slip other escape sequences into the output.
            if (!code.matches("[0-9;]{0,32}")) throw new IllegalArgumentException("colour for " + e.getKey() + " must be SGR digits like 1;31, got '" + code + "'");
            Level.parse(String.valueOf(e.getKey()));
            codes.put(String.valueOf(e.getKey()), code);
        }
        return codes;
    }

    private static void sortByLevel(int[] levels, String[] codes) {
        Integer[] order = new Integer[levels.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Integer.compare(levels[a], levels[b]));
        int[] l = levels.clone();
        String[] c = codes.clone();
        for (int i = 0; i < order.length; i++) {
            levels[i] = l[order[i]];
            codes[i] = c[order[i]];
        }
    }

    /** The escape sequence for {@code levelno}: that of the highest configured level at or below it. */
    String colourOf(int levelno) {
        String code = "";
        for (int i = 0; i < colourLevels.length && colourLevels[i] <= levelno; i++) code = colourCodes[i];
        return code;
    }

    public boolean isColour() {
        return colour;
    }

    public Multiline getMultiline() {
        return multiline;
    }

    // ---- formatting ---------------------------------------------------------------------------

    @Override
    public void format(LogRecord record, StringBuilder out) {
        record.getMessage();
        if (usesTime()) record.setAsctime(formatTime(record, getDatefmt()));
        int start = out.length();
        formatMessage(record, out);
        if (showFields) appendFields(record, out);
        // Not record.getExcText(): that cache is shared with Python's formatters, which must see the raw text.
        if (record.getExcInfo() != null) {
            SafeText.lineBreak(out, multiline, indent);
            TraceText.append(out, record.getExcInfo(), multiline, indent);
        } else if (record.getExcText() != null && !record.getExcText().isEmpty()) {
            SafeText.lineBreak(out, multiline, indent);
            SafeText.append(out, record.getExcText(), multiline, indent);
        }
        String stack = record.getStackInfo();
        if (stack != null && !stack.isEmpty()) {
            SafeText.lineBreak(out, multiline, indent);
            SafeText.append(out, formatStack(stack), multiline, indent);
        }
        if (colour && !formatPlacesColour) {
            String code = colourOf(record.getLevelno());
            if (!code.isEmpty()) {
                out.insert(start, code);
                out.append(RESET);
            }
        }
    }

    /** Every value a template shows, escaped; {@code log_color} and {@code reset} for colorlog-style formats. */
    @Override
    protected Object fieldValue(LogRecord record, String name) {
        Object v = super.fieldValue(record, name);
        if (v == LogRecord.MISSING) {
            if (name.equals("log_color")) return colour ? colourOf(record.getLevelno()) : "";
            if (name.equals("reset")) return colour ? RESET : "";
            return v;
        }
        return safe(v);
    }

    private Object safe(Object v) {
        if (v == null || v instanceof Number || v instanceof Boolean) return v;
        String s = v instanceof String ? (String) v : text(v);
        if (maxLength > 0 && s.length() > maxLength) s = cut(s, maxLength);
        return SafeText.escape(s, multiline, indent);
    }

    /** The first {@code max} characters (not splitting a surrogate pair) and how many were left out. */
    static String cut(String s, int max) {
        int end = max;
        if (Character.isHighSurrogate(s.charAt(end - 1))) end--;
        return s.substring(0, end) + "...[" + (s.length() - end) + " more characters]";
    }

    private static String text(Object v) {
        try {
            return String.valueOf(v);
        } catch (RuntimeException e) {
            return "<" + v.getClass().getName() + ".toString() failed: " + e.getClass().getName() + ">";
        }
    }

    /** The context and fluent fields the format does not name, as {@code  key=value} pairs. */
    private void appendFields(LogRecord record, StringBuilder out) {
        appendPairs(record.getContext(), out);
        appendPairs(record.getFields(), out);
    }

    private void appendPairs(Fields fields, StringBuilder out) {
        for (int i = 0; i < fields.size(); i++) {
            String key = fields.keyAt(i);
            if (named.contains(key)) continue;
            out.append(' ');
            SafeText.append(out, key, Multiline.ESCAPE, indent);
            out.append('=');
            // A pair is always one line, whatever the multiline mode.
            Object v = fields.valueAt(i);
            String raw = v instanceof String ? (String) v : text(v);
            if (maxLength > 0 && raw.length() > maxLength) raw = cut(raw, maxLength);
            String value = SafeText.escape(raw, Multiline.ESCAPE, indent);
            if (value.isEmpty() || value.indexOf(' ') >= 0 || value.indexOf('"') >= 0 || value.indexOf('=') >= 0) {
                out.append('"').append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            } else {
                out.append(value);
            }
        }
    }
}
