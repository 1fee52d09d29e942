package dev.cairn;

import dev.cairn.format.BraceTemplate;
import dev.cairn.format.DollarTemplate;
import dev.cairn.format.PercentTemplate;
import dev.cairn.format.PyFormatException;
import dev.cairn.format.RecordTemplate;
import dev.cairn.format.Strftime;
import dev.cairn.format.Utf8;
import dev.cairn.format.Utf8Output;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;

/**
 * Python's {@code logging.Formatter}: turns a record into text with a format in one of three
 * styles ({@code %}, <code>{</code>, {@code $}), a {@code datefmt} of strftime directives, and
 * the exception and stack text appended as Python appends them. The format is parsed and
 * validated once, at construction; a bad one fails there with a message that quotes it.
 * Thread-safe and immutable after construction, except for the time zone and the default time
 * formats, which are meant to be set before use.
 */
public class Formatter {
    private static final Set<String> LOCATION_FIELDS = Set.of("pathname", "filename", "module", "lineno", "funcName");

    private final String fmt;
    private final String datefmt;
    private final char style;
    private final Map<String, Object> defaults;
    private final RecordTemplate template;
    private final RuntimeException templateError;
    private final boolean usesTime;
    private final boolean usesLocation;
    private final Strftime dateFormat;
    private volatile ZoneId zone = ZoneId.systemDefault();
    private volatile Strftime defaultTimeFormat = Strftime.compile("%Y-%m-%d %H:%M:%S");
    private volatile String defaultMsecFormat = ",";
    private volatile SecondCache secondCache;
    /** Whether {@code fieldValue} is this class's, so the message and time can be written without Strings. */
    private final boolean plainFields;
    /** Whether {@code formatTime} is this class's, so {@code asctime} can be computed lazily. */
    private final boolean plainTime;
    /** The format compiled to UTF-8 writers, when this class renders records exactly as Formatter does; else null. */
    private final Utf8Layout utf8Layout;

    /** Python's {@code Formatter()}: the message alone. */
    public Formatter() {
        this(null, null, '%', true, null);
    }

    /** A {@code %}-style formatter such as {@code "%(asctime)s %(levelname)s %(message)s"}. */
    public Formatter(String fmt) {
        this(fmt, null, '%', true, null);
    }

    public Formatter(String fmt, String datefmt) {
        this(fmt, datefmt, '%', true, null);
    }

    public Formatter(String fmt, String datefmt, char style) {
        this(fmt, datefmt, style, true, null);
    }

    /**
     * The full form of Python's constructor. {@code fmt} null or empty means the style's default
     * ({@code %(message)s}, <code>{message}</code>, <code>${message}</code>); {@code defaults}
     * supplies values for fields a record lacks.
     *
     * @throws IllegalArgumentException if the style is unknown or, with {@code validate}, the
     *     format is malformed or names no field; the message quotes the format
     */
    public Formatter(String fmt, String datefmt, char style, boolean validate, Map<String, Object> defaults) {
        this.style = style;
        // PercentStyle.__init__: self._fmt = fmt or self.default_format, so "" means the default too.
        this.fmt = fmt != null && !fmt.isEmpty() ? fmt : defaultFormat(style);
        this.datefmt = datefmt;
        this.defaults = defaults != null ? Map.copyOf(defaults) : Map.of();
        RecordTemplate compiled = null;
        RuntimeException error = null;
        try {
            compiled = compile(this.fmt, style, validate);
        } catch (IllegalArgumentException e) {
            if (validate) throw e;
            // validate=False in Python defers the failure to format time, where handleError reports it.
            error = e;
        }
        this.template = compiled;
        this.templateError = error;
        this.usesTime = compiled != null && compiled.usesField("asctime");
        boolean location = false;
        if (compiled != null) {
            for (String field : compiled.fieldNames()) {
                if (LOCATION_FIELDS.contains(field)) location = true;
            }
        }
        this.usesLocation = location;
        this.dateFormat = datefmt != null ? Strftime.compile(datefmt) : null;
        // Subclasses that change how a field or the time is shown keep Python's String path.
        this.plainFields = declaring(getClass(), "fieldValue", LogRecord.class, String.class) == Formatter.class;
        this.plainTime = declaring(getClass(), "formatTime", LogRecord.class, String.class) == Formatter.class;
        boolean plainRendering = plainFields && plainTime
                && declaring(getClass(), "format", LogRecord.class) == Formatter.class
                && declaring(getClass(), "format", LogRecord.class, StringBuilder.class) == Formatter.class
                && declaring(getClass(), "formatMessage", LogRecord.class, StringBuilder.class) == Formatter.class;
        this.utf8Layout = plainRendering && compiled instanceof PercentTemplate
                ? Utf8Layout.compile(this, (PercentTemplate) compiled) : null;
    }

    private static String defaultFormat(char style) {
        switch (style) {
            case '%': return "%(message)s";
            case '{': return "{message}";
            case '$': return "${message}";
            default: throw new IllegalArgumentException("Style must be one of: %,{,$ (got '" + style + "')");
        }
    }

    private static RecordTemplate compile(String fmt, char style, boolean validate) {
        switch (style) {
            case '%': return PercentTemplate.compile(fmt, validate);
            case '{': return BraceTemplate.compile(fmt, validate);
            case '$': return DollarTemplate.compile(fmt, validate);
            default: throw new IllegalArgumentException("Style must be one of: %,{,$ (got '" + style + "')");
        }
    }

    /**
     * Python's {@code Formatter.format}: computes the message, the asctime if the format uses it,
     * renders the format, then appends the exception text (cached on the record) and the stack.
     *
     * @throws IllegalArgumentException when the message arguments or a format field do not fit;
     *     handlers turn this into a {@code handleError} report
     */
    public String format(LogRecord record) {
        StringBuilder out = new StringBuilder(128);
        format(record, out);
        return out.toString();
    }

    /** As {@link #format(LogRecord)}, appending to {@code out}. */
    public void format(LogRecord record, StringBuilder out) {
        record.computeMessage();
        if (usesTime) {
            // record.asctime as Python sets it, but made into a String only if someone reads it.
            if (plainTime) record.setAsctime(this);
            else record.setAsctime(formatTime(record, datefmt));
        }
        formatMessage(record, out);
        if (record.getExcInfo() != null && record.getExcText() == null) {
            record.setExcText(formatException(record.getExcInfo()));
        }
        String excText = record.getExcText();
        if (excText != null && !excText.isEmpty()) {
            if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') out.append('\n');
            out.append(excText);
        }
        String stack = record.getStackInfo();
        if (stack != null && !stack.isEmpty()) {
            if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') out.append('\n');
            out.append(formatStack(stack));
        }
    }

    /**
     * Appends the UTF-8 bytes of {@link #format(LogRecord)} to {@code out} and returns true, or
     * returns false having appended nothing when this record needs the general path (a format
     * style or subclass that the compiled writers do not cover, exception or stack text, text
     * that strict UTF-8 refuses). Handlers that write UTF-8 call this first: for a plain
     * {@code %}-format it writes each field straight from the record, allocating nothing.
     *
     * @throws IllegalArgumentException as {@link #format(LogRecord)}, having appended nothing
     */
    public boolean formatUtf8(LogRecord record, Utf8Output out) {
        Utf8Layout layout = utf8Layout;
        if (layout == null || record.getExcInfo() != null || !isEmpty(record.getExcText())
                || !isEmpty(record.getStackInfo())) {
            return false;
        }
        record.computeMessage();
        if (usesTime) record.setAsctime(this);
        try {
            return layout.write(record, out);
        } catch (PyFormatException e) {
            throw e.asRecordFormatError();
        }
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }

    /** Renders conversion {@code i} of {@code template} (this formatter's) for {@code record}, as {@link #formatMessage} does. */
    void appendField(PercentTemplate template, int i, LogRecord record, StringBuilder out) {
        RecordLookup lookup = RecordLookup.borrow();
        try {
            lookup.formatter = this;
            lookup.record = record;
            template.appendField(out, i, lookup);
        } finally {
            lookup.giveBack();
        }
    }

    /** Renders the format alone (Python's {@code formatMessage}); the message must be computed. */
    protected void formatMessage(LogRecord record, StringBuilder out) {
        if (template == null) throw templateError;
        RecordLookup lookup = plainFields ? RecordLookup.borrow() : null;
        try {
            if (lookup != null) {
                lookup.formatter = this;
                lookup.record = record;
                template.format(out, lookup);
            } else {
                template.format(out, name -> fieldValue(record, name));
            }
        } catch (PyFormatException e) {
            // PercentStyle.format: KeyError becomes "Formatting field not found in record: 'name'".
            throw e.asRecordFormatError();
        } finally {
            if (lookup != null) lookup.giveBack();
        }
    }

    /**
     * The field lookup of a formatter whose {@code fieldValue} is Cairn's: writes the message
     * and the default-format time straight into the output. One per thread, reused (a record
     * formatted while formatting another gets a fresh one).
     */
    private static final class RecordLookup implements dev.cairn.format.FieldLookup {
        private static final ThreadLocal<RecordLookup> PER_THREAD = ThreadLocal.withInitial(RecordLookup::new);
        Formatter formatter;
        LogRecord record;
        private boolean inUse;

        static RecordLookup borrow() {
            RecordLookup l = PER_THREAD.get();
            if (l.inUse) l = new RecordLookup();
            l.inUse = true;
            return l;
        }

        void giveBack() {
            formatter = null;
            record = null;
            inUse = false;
        }

        @Override
        public Object lookup(String name) {
            return formatter.fieldValue(record, name);
        }

        @Override
        public boolean appendStr(StringBuilder out, int index, String name) {
            switch (name) {
                case "message":
                    // Only once computed, as Python's record.message: else the lookup's KeyError.
                    if (!record.hasMessage()) return false;
                    record.appendMessage(out);
                    return true;
                case "asctime":
                    if (formatter.datefmt == null && record.asctimeDeferredTo(formatter)) {
                        formatter.appendDefaultTime(record, out);
                        return true;
                    }
                    return false;
                default:
                    return false;
            }
        }
    }

    /** Python's default time text ({@code 2023-11-14 22:13:20,042}) appended without a String. */
    private void appendDefaultTime(LogRecord record, StringBuilder out) {
        long second = (long) Math.floor(record.getCreated());
        SecondCache cache = secondCache(second);
        out.append(cache.text);
        String msecFormat = defaultMsecFormat;
        if (msecFormat == null) return;
        int ms = (int) record.getMsecs();
        out.append(msecFormat);
        if (ms < 100) out.append('0');
        if (ms < 10) out.append('0');
        out.append(ms);
    }

    /**
     * {@link #appendDefaultTime} as UTF-8 bytes: the second's text encoded once per second.
     * False, having written nothing, when the time text does not encode.
     */
    boolean writeDefaultTime(LogRecord record, Utf8Output out) {
        SecondCache cache = secondCache((long) Math.floor(record.getCreated()));
        if (cache.utf8 == null) return false;
        int mark = out.size();
        out.write(cache.utf8);
        String msecFormat = defaultMsecFormat;
        if (msecFormat == null) return true;
        if (!out.append(msecFormat)) {
            out.truncate(mark);
            return false;
        }
        out.appendThreeDigits((int) record.getMsecs());
        return true;
    }

    private SecondCache secondCache(long second) {
        SecondCache cache = secondCache;
        if (cache == null || cache.second != second) {
            StringBuilder sb = new StringBuilder(24);
            defaultTimeFormat.format(sb, toDateTime(second));
            cache = new SecondCache(second, sb.toString());
            secondCache = cache;
        }
        return cache;
    }

    /**
     * Whether {@link #format(LogRecord, StringBuilder)} writes exactly what
     * {@link #format(LogRecord)} returns, so a handler may format into its own reused buffer:
     * true unless a subclass overrides the String form alone (as Python subclasses override
     * {@code format}).
     */
    public boolean formatsIntoBuilder() {
        return INTO_BUILDER.get(getClass());
    }

    private static final ClassValue<Boolean> INTO_BUILDER = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            Class<?> text = declaring(type, "format", LogRecord.class);
            Class<?> builder = declaring(type, "format", LogRecord.class, StringBuilder.class);
            return text != null && builder != null && text.isAssignableFrom(builder);
        }
    };

    private static Class<?> declaring(Class<?> type, String name, Class<?>... parameters) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                c.getDeclaredMethod(name, parameters);
                return c;
            } catch (NoSuchMethodException e) {
                // look in the superclass
            }
        }
        return null;
    }

    /**
     * The value a format field {@code name} shows: the record's ({@link LogRecord#get}), else
     * the formatter's {@code defaults}, else {@link LogRecord#MISSING}. A hook for subclasses
     * that transform values (Cairn's text formatters escape control characters here).
     */
    protected Object fieldValue(LogRecord record, String name) {
        Object value = record.get(name);
        return value != LogRecord.MISSING ? value : defaults.getOrDefault(name, LogRecord.MISSING);
    }

    /**
     * Python's {@code formatTime}: {@code datefmt} through strftime, or the default
     * {@code 2023-11-14 22:13:20,042}. The seconds part is cached, since consecutive records
     * usually fall in the same second.
     */
    public String formatTime(LogRecord record, String datefmt) {
        double created = record.getCreated();
        long second = (long) Math.floor(created);
        if (datefmt != null) {
            Strftime f = datefmt.equals(this.datefmt) ? dateFormat : Strftime.compile(datefmt);
            return f.format(toDateTime(second));
        }
        SecondCache cache = secondCache(second);
        String msecFormat = defaultMsecFormat;
        if (msecFormat == null) return cache.text;
        // default_msec_format '%s,%03d' % (t, record.msecs)
        int ms = (int) record.getMsecs();
        StringBuilder sb = new StringBuilder(cache.text.length() + 4).append(cache.text).append(msecFormat);
        if (ms < 100) sb.append('0');
        if (ms < 10) sb.append('0');
        return sb.append(ms).toString();
    }

    private ZonedDateTime toDateTime(long second) {
        return ZonedDateTime.ofInstant(Instant.ofEpochSecond(second), zone);
    }

    /** The exception's stack trace without its final newline, as Python's {@code formatException}. */
    public String formatException(Throwable error) {
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        String s = text.toString().replace(System.lineSeparator(), "\n");
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }

    /** The stack text as captured; a hook for subclasses, as in Python. */
    public String formatStack(String stackInfo) {
        return stackInfo;
    }

    /** Whether the format names {@code asctime}, so records need a formatted time. */
    public boolean usesTime() {
        return usesTime;
    }

    /** Whether the format names a caller-location field (pathname, filename, module, lineno, funcName). */
    public boolean usesCallerLocation() {
        return usesLocation;
    }

    /** The zone times are shown in; the system default unless set (Python's {@code converter}). */
    public void setTimeZone(ZoneId zone) {
        this.zone = zone;
        this.secondCache = null;
    }

    public ZoneId getTimeZone() {
        return zone;
    }

    /** Python's {@code default_time_format}: the strftime pattern used when there is no datefmt. */
    public void setDefaultTimeFormat(String pattern) {
        this.defaultTimeFormat = Strftime.compile(pattern);
        this.secondCache = null;
    }

    /**
     * The text between the time and the three-digit milliseconds, {@code ","} by default
     * (Python's {@code default_msec_format = '%s,%03d'}); null leaves the milliseconds out.
     */
    public void setDefaultMsecSeparator(String separator) {
        this.defaultMsecFormat = separator;
    }

    public String getFormat() {
        return fmt;
    }

    public String getDatefmt() {
        return datefmt;
    }

    public char getStyle() {
        return style;
    }

    private static final class SecondCache {
        final long second;
        final String text;
        /** The text as UTF-8, or null when it holds a lone surrogate. */
        final byte[] utf8;

        SecondCache(long second, String text) {
            this.second = second;
            this.text = text;
            byte[] encoded = new byte[3 * text.length()];
            int n = Utf8.encode(text, encoded);
            this.utf8 = n < 0 ? null : java.util.Arrays.copyOf(encoded, n);
        }
    }
}
