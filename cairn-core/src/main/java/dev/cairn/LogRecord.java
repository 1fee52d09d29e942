package dev.cairn;

import dev.cairn.context.ErrorFingerprint;
import dev.cairn.context.Fields;
import dev.cairn.context.LogContext;
import dev.cairn.format.PercentFormat;
import java.util.Collections;
import java.util.Map;

/**
 * One logging event, with Python's {@code LogRecord} attributes under Python's names. A record
 * is created once per enabled call and passed to filters, handlers and formatters on the
 * caller's thread; the formatter fills in {@code message}, {@code asctime} and
 * {@code exc_text}, as Python's does. The message itself is built lazily by {@link #getMessage()}.
 *
 * <p>Beside Python's attributes a record carries two namespaces of its own: the
 * {@link LogContext} current when it was made ({@link #getContext()}) and the fluent fields of
 * its call ({@link #getFields()}). Neither can clash with an attribute; {@link #get} looks there
 * only for names that are neither attributes nor {@code extra} keys.
 */
public class LogRecord {
    private static final Object[] NO_ARGS = new Object[0];
    private static final long PID = ProcessHandle.current().pid();

    private final String name;
    private final String msg;
    private final Object[] args;
    private final Map<?, ?> mapArgs;
    private final int levelno;
    private final String levelname;
    private final CallerLocation location;
    private final double created;
    private final double msecs;
    private final double relativeCreated;
    private final long thread;
    private final String threadName;
    private final Throwable excInfo;
    private final String stackInfo;
    private final Map<String, Object> extra;
    private final Fields fields;
    private final Fields context;

    private String message;
    private String asctime;
    private String excText;
    private String fingerprint;

    /**
     * A record made at {@code created} seconds since the epoch. {@code args} follows Python: a
     * single non-empty Map argument becomes the mapping for {@code %(key)s} conversions.
     * {@code location}, {@code excInfo}, {@code stackInfo} and {@code extra} may be null. The
     * record carries the calling thread's current {@link LogContext} and no fluent fields.
     */
    public LogRecord(String name, int level, CallerLocation location, String msg, Object[] args,
                     Throwable excInfo, String stackInfo, Map<String, Object> extra, double created) {
        this(name, level, location, msg, args, excInfo, stackInfo, extra, Fields.EMPTY, LogContext.current(), created);
    }

    /**
     * The full form: as above, with the call's fluent {@code fields} and the {@code context} to
     * carry (normally {@link LogContext#current()}, taken by reference, not copied); either may
     * be null for none.
     */
    public LogRecord(String name, int level, CallerLocation location, String msg, Object[] args,
                     Throwable excInfo, String stackInfo, Map<String, Object> extra, Fields fields,
                     Fields context, double created) {
        this.name = name;
        this.levelno = level;
        this.levelname = Level.getLevelName(level);
        this.location = location != null ? location : CallerLocation.UNKNOWN;
        this.msg = msg;
        Object[] a = args != null ? args : NO_ARGS;
        // LogRecord.__init__: "allows passing of a dictionary as a sole argument".
        if (a.length == 1 && a[0] instanceof Map && !((Map<?, ?>) a[0]).isEmpty()) {
            this.mapArgs = (Map<?, ?>) a[0];
        } else {
            this.mapArgs = null;
        }
        this.args = a;
        this.excInfo = excInfo;
        this.stackInfo = stackInfo;
        this.extra = extra != null ? extra : Collections.emptyMap();
        this.fields = fields != null ? fields : Fields.EMPTY;
        this.context = context != null ? context : Fields.EMPTY;
        this.created = created;
        // LogRecord.__init__ computes msecs from the float, truncating (gh-89047).
        this.msecs = (long) ((created - (long) created) * 1000) + 0.0;
        this.relativeCreated = (created - Logging.startTime()) * 1000;
        Thread current = Thread.currentThread();
        this.thread = current.getId();
        this.threadName = current.getName();
    }

    /**
     * The message with its arguments merged in: {@code msg % args} when there are arguments,
     * else {@code msg} as it is (so {@code "100%% sure"} without arguments keeps both percent
     * signs, as in Python). Computed once and cached.
     *
     * @throws IllegalArgumentException (a {@code PyFormatException}) when msg and args do not fit;
     *     handlers report it through {@link Handler#handleError}
     */
    public String getMessage() {
        String m = message;
        if (m == null) {
            m = formatMessage();
            message = m;
        }
        return m;
    }

    /**
     * Merges {@code msg} and {@code args} by Python's {@code %} rules; {@link #getMessage()} calls
     * it once and caches the result. Bridges from APIs with other placeholder rules (SLF4J's
     * {@code {}}, JUL's {@code {0}}) override it, so their records are formatted only when a
     * handler actually asks for the message. Python's cookbook does the same with a custom
     * record class or a message object whose {@code __str__} formats.
     */
    protected String formatMessage() {
        String text = String.valueOf(msg);
        if (mapArgs != null) return PercentFormat.format(text, mapArgs);
        if (args.length > 0) return PercentFormat.format(text, args);
        return text;
    }

    /**
     * Python's {@code record.__dict__[name]}: a standard attribute, {@code message}/{@code asctime}
     * once a formatter set them, or an {@code extra} field; then, for names Python would not
     * know, a {@link #getContext() context} value, a {@link #getFields() fluent field}, or
     * {@code error_fingerprint}; {@link #MISSING} when there is none.
     */
    public Object get(String attribute) {
        switch (attribute) {
            case "name": return name;
            case "msg": return msg;
            case "args": return mapArgs != null ? mapArgs : java.util.Arrays.asList(args);
            case "levelname": return levelname;
            case "levelno": return levelno;
            case "pathname": return location.pathname;
            case "filename": return location.filename;
            case "module": return location.module;
            case "lineno": return location.lineno;
            case "funcName": return location.funcName;
            case "created": return created;
            case "msecs": return msecs;
            case "relativeCreated": return relativeCreated;
            case "thread": return thread;
            case "threadName": return threadName;
            case "process": return PID;
            case "processName": return "MainProcess";
            case "exc_info": return excInfo;
            case "exc_text": return excText;
            case "stack_info": return stackInfo;
            case "message": return message != null ? message : MISSING;
            case "asctime": return asctime != null ? asctime : MISSING;
            default:
                Object value = extra.get(attribute);
                if (value != null || extra.containsKey(attribute)) return value;
                int i = context.indexOf(attribute);
                if (i >= 0) return context.valueAt(i);
                i = fields.indexOf(attribute);
                if (i >= 0) return fields.valueAt(i);
                if (attribute.equals(ErrorFingerprint.ATTRIBUTE)) {
                    String f = getErrorFingerprint();
                    if (f != null) return f;
                }
                return MISSING;
        }
    }

    /** Marks an attribute the record does not have (Python's KeyError in a format). */
    public static final Object MISSING = dev.cairn.format.FieldLookup.MISSING;

    /** Whether {@code attribute} is one of the attributes every record has (extra may not reuse it). */
    public static boolean isStandardAttribute(String attribute) {
        switch (attribute) {
            case "name": case "msg": case "args": case "levelname": case "levelno": case "pathname":
            case "filename": case "module": case "lineno": case "funcName": case "created": case "msecs":
            case "relativeCreated": case "thread": case "threadName": case "process": case "processName":
            case "exc_info": case "exc_text": case "stack_info": case "message": case "asctime":
                return true;
            default:
                return false;
        }
    }

    public String getName() { return name; }
    public String getMsg() { return msg; }
    /** The positional arguments as given (never null); see {@link #getMapArgs()} for the mapping form. */
    public Object[] getArgs() { return args; }
    /** The mapping argument when the call passed a single non-empty Map, else null. */
    public Map<?, ?> getMapArgs() { return mapArgs; }
    public int getLevelno() { return levelno; }
    public String getLevelname() { return levelname; }
    public CallerLocation getLocation() { return location; }
    public String getPathname() { return location.pathname; }
    public String getFilename() { return location.filename; }
    public String getModule() { return location.module; }
    public int getLineno() { return location.lineno; }
    public String getFuncName() { return location.funcName; }
    /** Seconds since the epoch, as Python's {@code record.created}. */
    public double getCreated() { return created; }
    public double getMsecs() { return msecs; }
    /** Milliseconds since logging started (or since the clock was last replaced). */
    public double getRelativeCreated() { return relativeCreated; }
    public long getThread() { return thread; }
    public String getThreadName() { return threadName; }
    public long getProcess() { return PID; }
    public String getProcessName() { return "MainProcess"; }
    /** The exception attached with {@code exc_info}, or null. */
    public Throwable getExcInfo() { return excInfo; }
    public String getStackInfo() { return stackInfo; }
    /** The {@code extra} fields, read-only by convention; empty when none were given. */
    public Map<String, Object> getExtra() { return extra; }
    /** The fluent fields of the call ({@code LogCall.field}); empty when none were given. */
    public Fields getFields() { return fields; }
    /** The {@link LogContext} that was current on the calling thread when the record was made. */
    public Fields getContext() { return context; }

    /**
     * The {@link ErrorFingerprint} of the exception on an ERROR or higher record, computed on
     * first use and cached; null for lower levels and records without an exception.
     */
    public String getErrorFingerprint() {
        String f = fingerprint;
        if (f == null && excInfo != null && levelno >= Level.ERROR) {
            f = ErrorFingerprint.of(excInfo);
            fingerprint = f;
        }
        return f;
    }

    /** The formatted message once {@link #getMessage()} or a formatter ran, else null. */
    public String getFormattedMessage() { return message; }
    public String getAsctime() { return asctime; }
    public void setAsctime(String asctime) { this.asctime = asctime; }
    /** The cached exception text, filled by the first formatter that rendered it. */
    public String getExcText() { return excText; }
    public void setExcText(String excText) { this.excText = excText; }

    @Override
    public String toString() {
        // LogRecord.__repr__
        return "<LogRecord: " + name + ", " + levelno + ", " + location.pathname + ", "
                + location.lineno + ", \"" + msg + "\">";
    }
}
