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

    // Not final: a logger may reuse one record per thread (see reusable()), never a record that
    // anything could still hold.
    private String name;
    private String msg;
    private Object[] args;
    private Map<?, ?> mapArgs;
    private int levelno;
    private String levelname;
    private CallerLocation location;
    private double created;
    private double msecs;
    private double relativeCreated;
    private long thread;
    private String threadName;
    private Throwable excInfo;
    private String stackInfo;
    private Map<String, Object> extra;
    private Fields fields;
    private Fields context;

    private String message;
    private String asctime;
    /** The formatter whose time format {@code asctime} is, computed only when someone asks for it. */
    private Formatter asctimeFormatter;
    private String excText;
    private String fingerprint;

    // ---- reuse (garbage-free logging) ----
    /** The message text of a reusable record, formatted into here instead of into a new String. */
    private final StringBuilder messageText;
    /** Whether {@link #messageText} holds this record's message. */
    private boolean messageBuffered;
    /** Argument arrays of a reusable record, by length 1 to 4, so the call allocates none. */
    private final Object[][] argArrays;
    /** Whether the reusable record is lent to a call now (a record logged while formatting one). */
    private boolean inUse;
    private static final ThreadLocal<LogRecord> REUSABLE = ThreadLocal.withInitial(LogRecord::new);
    /** A message longer than this does not stay attached to the thread. */
    private static final int KEEP_MESSAGE = 4096;

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
        this.messageText = null;
        this.argArrays = null;
        init(name, level, location, msg, args, excInfo, stackInfo, extra, fields, context, created);
    }

    /** A reusable record: only {@link #reusable()} and {@link #pooled()} make them. */
    private LogRecord() {
        this.messageText = new StringBuilder(64);
        this.argArrays = new Object[5][];
        this.args = NO_ARGS;
    }

    /**
     * An empty record for a pool that carries records to another thread (cairn-async's queue):
     * fill it with {@link #copyFrom}, hand it over, {@link #clear} it and use it again, so the
     * hand-over allocates nothing. Not thread-safe; one thread at a time owns it.
     */
    public static LogRecord pooled() {
        return new LogRecord();
    }

    /**
     * Makes this pooled record a snapshot of {@code source} (a record of this exact class): every
     * attribute, with the message computed now into this record's own buffer, so the source may
     * be reused and later changes to the arguments do not show.
     *
     * @throws IllegalStateException if this record was not made by {@link #pooled()}
     * @throws IllegalArgumentException (a {@code PyFormatException}) when msg and args do not fit;
     *     this record then holds no message and the caller reports the source as usual
     */
    public void copyFrom(LogRecord source) {
        if (messageText == null || inUse) throw new IllegalStateException("not a pooled record");
        Object[] a = source.args;
        if (a.length >= 1 && a.length <= 4) {
            Object[] own = argArray(a.length);
            System.arraycopy(a, 0, own, 0, a.length);
            a = own;
        }
        name = source.name;
        msg = source.msg;
        args = a;
        mapArgs = source.mapArgs;
        levelno = source.levelno;
        levelname = source.levelname;
        location = source.location;
        created = source.created;
        msecs = source.msecs;
        relativeCreated = source.relativeCreated;
        thread = source.thread;
        threadName = source.threadName;
        excInfo = source.excInfo;
        stackInfo = source.stackInfo;
        extra = source.extra;
        fields = source.fields;
        context = source.context;
        asctime = source.asctime;
        asctimeFormatter = source.asctimeFormatter;
        excText = source.excText;
        fingerprint = source.fingerprint;
        message = null;
        messageBuffered = false;
        messageText.setLength(0);
        messageText.append(source.getMessageText());
        messageBuffered = true;
    }

    /**
     * Drops what this pooled record references, so that a record waiting in a pool keeps no
     * application object alive.
     *
     * @throws IllegalStateException if this record was not made by {@link #pooled()}
     */
    public void clear() {
        if (messageText == null || inUse) throw new IllegalStateException("not a pooled record");
        releaseReferences();
    }

    private Object[] argArray(int length) {
        Object[] a = argArrays[length];
        if (a == null) {
            a = new Object[length];
            argArrays[length] = a;
        }
        return a;
    }

    private void init(String name, int level, CallerLocation location, String msg, Object[] args,
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
            m = messageBuffered ? messageText.toString() : formatMessage();
            message = m;
        }
        return m;
    }

    /**
     * Computes the message as {@link #getMessage()} does, but a reusable record (one a logger
     * lends to a call and takes back, see {@link Handler#retainsRecords()}) formats it into a
     * buffer of its own instead of a new String; read it with {@link #getMessageText()}.
     *
     * @throws IllegalArgumentException as {@link #getMessage()}
     */
    public void computeMessage() {
        if (messageText == null) {
            // Not a reusable record (subclasses never are): Python's way, a String.
            getMessage();
            return;
        }
        if (message != null || messageBuffered) return;
        StringBuilder sb = messageText;
        sb.setLength(0);
        String text = String.valueOf(msg);
        try {
            if (mapArgs != null) PercentFormat.formatTo(sb, text, mapArgs);
            else if (args.length > 0) PercentFormat.formatTo(sb, text, args);
            else {
                // No arguments: the message is msg itself, no copy needed.
                message = text;
                return;
            }
        } catch (RuntimeException e) {
            sb.setLength(0);
            throw e;
        }
        messageBuffered = true;
    }

    /**
     * The message as {@link #computeMessage()} left it: a String, or the reusable record's own
     * buffer, valid only until the call that made the record returns (copy it to keep it).
     */
    public CharSequence getMessageText() {
        if (messageText == null) return getMessage();
        computeMessage();
        return message != null ? message : messageText;
    }

    /** Whether the message was computed ({@code record.message} exists, in Python's terms). */
    boolean hasMessage() {
        return message != null || messageBuffered;
    }

    /** Appends the message to {@code out}, without making a String for it when the record is reusable. */
    public void appendMessage(StringBuilder out) {
        out.append(getMessageText());
    }

    // ---- reuse ------------------------------------------------------------------------------

    /**
     * The calling thread's reusable record, marked in use, or null when it is in use already (a
     * record logged while one is being handled on this thread). Loggers lend it to a call whose
     * handlers do not {@link Handler#retainsRecords() retain records} and {@link #release} it
     * when the call returns, so an enabled call allocates no record.
     */
    static LogRecord reusable() {
        LogRecord r = REUSABLE.get();
        if (r.inUse) return null;
        r.inUse = true;
        return r;
    }

    /** Fills a reusable record for one call, as the public constructor does; the arguments are copied. */
    void reuse(String name, int level, CallerLocation location, String msg, int argCount,
               Object a1, Object a2, Object a3, Object a4, Object[] argArray, Throwable excInfo, Fields context,
               double created) {
        Object[] a;
        if (argArray != null) {
            a = argArray;
        } else if (argCount == 0) {
            a = NO_ARGS;
        } else {
            a = argArray(argCount);
            switch (argCount) {
                case 4: a[3] = a4; // fall through
                case 3: a[2] = a3; // fall through
                case 2: a[1] = a2; // fall through
                default: a[0] = a1;
            }
        }
        message = null;
        messageBuffered = false;
        asctime = null;
        asctimeFormatter = null;
        excText = null;
        fingerprint = null;
        init(name, level, location, msg, a, excInfo, null, null, null, context, created);
    }

    /** Gives the reusable record back, dropping what it references so nothing is kept alive by it. */
    void release() {
        releaseReferences();
        inUse = false;
    }

    private void releaseReferences() {
        Object[] a = args;
        if (a.length >= 1 && a.length <= 4 && a == argArrays[a.length]) java.util.Arrays.fill(a, null);
        args = NO_ARGS;
        mapArgs = null;
        excInfo = null;
        context = null;
        message = null;
        messageBuffered = false;
        excText = null;
        asctime = null;
        asctimeFormatter = null;
        extra = null;
        fields = null;
        location = null;
        if (messageText.capacity() > KEEP_MESSAGE) {
            messageText.setLength(0);
            messageText.trimToSize();
        }
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
            case "message": return message != null || messageBuffered ? getMessage() : MISSING;
            case "asctime": return getAsctime() != null ? asctime : MISSING;
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
    public String getFormattedMessage() { return message != null || messageBuffered ? getMessage() : null; }

    /** The time text a formatter set ({@code %(asctime)s}), or null before any did. */
    public String getAsctime() {
        String a = asctime;
        if (a == null && asctimeFormatter != null) {
            a = asctimeFormatter.formatTime(this, asctimeFormatter.getDatefmt());
            asctime = a;
        }
        return a;
    }

    public void setAsctime(String asctime) {
        this.asctime = asctime;
        this.asctimeFormatter = null;
    }

    /**
     * Sets {@code asctime} to what {@code formatter.formatTime(this, formatter.getDatefmt())}
     * returns, computed only when read: a formatter that writes the time straight into its
     * output makes no String for it.
     */
    public void setAsctime(Formatter formatter) {
        this.asctime = null;
        this.asctimeFormatter = formatter;
    }

    /** Whether {@code asctime} is {@code formatter}'s time, not made into a String yet. */
    boolean asctimeDeferredTo(Formatter formatter) {
        return asctime == null && asctimeFormatter == formatter;
    }
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
