package dev.cairn;

import dev.cairn.context.Fields;
import dev.cairn.context.LogContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code logging.Logger}: a named node of the dotted hierarchy with a level, filters
 * and handlers. The whole path of a call is in this class: the cached level check
 * ({@link #isEnabledFor}), record creation ({@link #log}), the logger's filters
 * ({@link #handle}), and handlers up the hierarchy while {@code propagate} holds
 * ({@link #callHandlers}). Get instances from {@link Logging#getLogger}; thread-safe.
 */
public class Logger extends Filterer {
    private static final Object[] NO_ARGS = new Object[0];

    private final String name;
    volatile Logger parent;
    private volatile int level;
    private volatile boolean propagate = true;
    private volatile boolean disabled;
    /**
     * The handlers, an array replaced (under {@link #handlersLock}) whenever they change:
     * {@link #callHandlers} loops over it with no iterator object (a CopyOnWriteArrayList
     * iterator per call escaped the JIT's escape analysis in AsyncFileBench: 32 B/op).
     */
    private volatile Handler[] handlers = new Handler[0];
    private final Object handlersLock = new Object();

    /**
     * The lowest level this logger lets through, folding in its effective level, the global
     * {@link Logging#disable} level and {@code disabled}; recomputed eagerly whenever any of
     * those change anywhere, so the check on the logging path is one read and one compare.
     */
    private volatile int threshold;

    /** Configuration epoch at which {@link #needsLocation} was computed. */
    private volatile int locationEpoch = -1;
    private volatile boolean needsLocation;
    private volatile boolean reuseRecords;

    Logger(String name, int level) {
        this.name = name;
        this.level = level;
    }

    // ---- the level check -------------------------------------------------------------------

    /** Whether a record at {@code level} would be processed: one field read, one compare. */
    public boolean isEnabledFor(int level) {
        return level >= threshold;
    }

    public boolean isDebugEnabled() { return Level.DEBUG >= threshold; }
    public boolean isInfoEnabled() { return Level.INFO >= threshold; }

    /** Recomputes the cached threshold; called by {@link Hierarchy} under its lock. */
    void updateThreshold(int globalDisable) {
        if (disabled) {
            threshold = Integer.MAX_VALUE;
            return;
        }
        // isEnabledFor in CPython: disabled by manager.disable when disable >= level.
        long limit = Math.max((long) getEffectiveLevel(), (long) globalDisable + 1);
        threshold = (int) Math.min(limit, Integer.MAX_VALUE);
    }

    /** The first non-zero level from this logger up to the root, as Python's {@code getEffectiveLevel}. */
    public int getEffectiveLevel() {
        for (Logger logger = this; logger != null; logger = logger.parent) {
            int l = logger.level;
            if (l != Level.NOTSET) return l;
        }
        return Level.NOTSET;
    }

    // ---- the logging methods -----------------------------------------------------------------

    public void debug(String msg) { if (Level.DEBUG >= threshold) logN(Level.DEBUG, msg, 0, null, null, null, null); }
    public void debug(String msg, Object a1) { if (Level.DEBUG >= threshold) logN(Level.DEBUG, msg, 1, a1, null, null, null); }
    public void debug(String msg, Object a1, Object a2) { if (Level.DEBUG >= threshold) logN(Level.DEBUG, msg, 2, a1, a2, null, null); }
    public void debug(String msg, Object a1, Object a2, Object a3) { if (Level.DEBUG >= threshold) logN(Level.DEBUG, msg, 3, a1, a2, a3, null); }
    public void debug(String msg, Object a1, Object a2, Object a3, Object a4) { if (Level.DEBUG >= threshold) logN(Level.DEBUG, msg, 4, a1, a2, a3, a4); }
    public void debug(String msg, Object... args) { if (Level.DEBUG >= threshold) log0(Level.DEBUG, msg, args, null, false, null, 1); }

    public void info(String msg) { if (Level.INFO >= threshold) logN(Level.INFO, msg, 0, null, null, null, null); }
    public void info(String msg, Object a1) { if (Level.INFO >= threshold) logN(Level.INFO, msg, 1, a1, null, null, null); }
    public void info(String msg, Object a1, Object a2) { if (Level.INFO >= threshold) logN(Level.INFO, msg, 2, a1, a2, null, null); }
    public void info(String msg, Object a1, Object a2, Object a3) { if (Level.INFO >= threshold) logN(Level.INFO, msg, 3, a1, a2, a3, null); }
    public void info(String msg, Object a1, Object a2, Object a3, Object a4) { if (Level.INFO >= threshold) logN(Level.INFO, msg, 4, a1, a2, a3, a4); }
    public void info(String msg, Object... args) { if (Level.INFO >= threshold) log0(Level.INFO, msg, args, null, false, null, 1); }

    public void warning(String msg) { if (Level.WARNING >= threshold) logN(Level.WARNING, msg, 0, null, null, null, null); }
    public void warning(String msg, Object a1) { if (Level.WARNING >= threshold) logN(Level.WARNING, msg, 1, a1, null, null, null); }
    public void warning(String msg, Object a1, Object a2) { if (Level.WARNING >= threshold) logN(Level.WARNING, msg, 2, a1, a2, null, null); }
    public void warning(String msg, Object a1, Object a2, Object a3) { if (Level.WARNING >= threshold) logN(Level.WARNING, msg, 3, a1, a2, a3, null); }
    public void warning(String msg, Object a1, Object a2, Object a3, Object a4) { if (Level.WARNING >= threshold) logN(Level.WARNING, msg, 4, a1, a2, a3, a4); }
    public void warning(String msg, Object... args) { if (Level.WARNING >= threshold) log0(Level.WARNING, msg, args, null, false, null, 1); }

    public void error(String msg) { if (Level.ERROR >= threshold) logN(Level.ERROR, msg, 0, null, null, null, null); }
    public void error(String msg, Object a1) { if (Level.ERROR >= threshold) logN(Level.ERROR, msg, 1, a1, null, null, null); }
    public void error(String msg, Object a1, Object a2) { if (Level.ERROR >= threshold) logN(Level.ERROR, msg, 2, a1, a2, null, null); }
    public void error(String msg, Object a1, Object a2, Object a3) { if (Level.ERROR >= threshold) logN(Level.ERROR, msg, 3, a1, a2, a3, null); }
    public void error(String msg, Object a1, Object a2, Object a3, Object a4) { if (Level.ERROR >= threshold) logN(Level.ERROR, msg, 4, a1, a2, a3, a4); }
    public void error(String msg, Object... args) { if (Level.ERROR >= threshold) log0(Level.ERROR, msg, args, null, false, null, 1); }

    public void critical(String msg) { if (Level.CRITICAL >= threshold) logN(Level.CRITICAL, msg, 0, null, null, null, null); }
    public void critical(String msg, Object a1) { if (Level.CRITICAL >= threshold) logN(Level.CRITICAL, msg, 1, a1, null, null, null); }
    public void critical(String msg, Object a1, Object a2) { if (Level.CRITICAL >= threshold) logN(Level.CRITICAL, msg, 2, a1, a2, null, null); }
    public void critical(String msg, Object a1, Object a2, Object a3) { if (Level.CRITICAL >= threshold) logN(Level.CRITICAL, msg, 3, a1, a2, a3, null); }
    public void critical(String msg, Object a1, Object a2, Object a3, Object a4) { if (Level.CRITICAL >= threshold) logN(Level.CRITICAL, msg, 4, a1, a2, a3, a4); }
    public void critical(String msg, Object... args) { if (Level.CRITICAL >= threshold) log0(Level.CRITICAL, msg, args, null, false, null, 1); }

    public void log(int level, String msg) { if (level >= threshold) logN(level, msg, 0, null, null, null, null); }
    public void log(int level, String msg, Object a1) { if (level >= threshold) logN(level, msg, 1, a1, null, null, null); }
    public void log(int level, String msg, Object a1, Object a2) { if (level >= threshold) logN(level, msg, 2, a1, a2, null, null); }
    public void log(int level, String msg, Object a1, Object a2, Object a3) { if (level >= threshold) logN(level, msg, 3, a1, a2, a3, null); }
    public void log(int level, String msg, Object a1, Object a2, Object a3, Object a4) { if (level >= threshold) logN(level, msg, 4, a1, a2, a3, a4); }
    public void log(int level, String msg, Object... args) { if (level >= threshold) log0(level, msg, args, null, false, null, 1); }

    /**
     * Python's {@code logger.exception(msg, *args)}: an ERROR record carrying {@code error} as its
     * {@code exc_info}, so formatters append its stack trace. Java has no "current exception",
     * hence the explicit argument.
     */
    public void exception(Throwable error, String msg, Object... args) {
        if (Level.ERROR >= threshold) log0(Level.ERROR, msg, args, error, false, null, 1);
    }

    /**
     * Python's {@code _log} with every keyword: {@code excInfo} (may be null), {@code stackInfo}
     * to attach the current stack, {@code extra} fields (may be null), and {@code stacklevel}
     * (1 reports the direct caller).
     *
     * @throws IllegalArgumentException if an {@code extra} key names a record attribute, as Python's
     *     {@code makeRecord} raises {@code KeyError}: a programming error, caught on first run
     */
    public void log(int level, String msg, Object[] args, Throwable excInfo, boolean stackInfo,
                    Map<String, ?> extra, int stacklevel) {
        if (level >= threshold) log0(level, msg, args, excInfo, stackInfo, extra, stacklevel);
    }

    /**
     * A call with options ({@code excInfo}, {@code stackInfo}, {@code extra}, fluent fields)
     * built fluently: {@code log.at(Level.INFO).field("ms", 12).log("done")}. When the level is
     * disabled this returns a shared no-op call, so the whole chain allocates nothing.
     */
    public LogCall at(int level) {
        return level >= threshold ? new LogCall(this, level) : LogCall.DISABLED;
    }

    public LogCall atDebug() { return at(Level.DEBUG); }
    public LogCall atInfo() { return at(Level.INFO); }
    public LogCall atWarning() { return at(Level.WARNING); }
    public LogCall atError() { return at(Level.ERROR); }
    public LogCall atCritical() { return at(Level.CRITICAL); }

    /**
     * The enabled path of the plain calls with up to four arguments. When every handler on the
     * path lets go of records ({@link Handler#retainsRecords()}), the call borrows the thread's
     * reusable record and allocates neither a record nor an argument array; else it makes a
     * record as Python does.
     */
    private void logN(int level, String msg, int argCount, Object a1, Object a2, Object a3, Object a4) {
        if (reusesRecords()) {
            LogRecord r = LogRecord.reusable();
            if (r != null) {
                try {
                    CallerLocation location = needsLocation ? CallerLocation.find(1) : null;
                    r.reuse(name, level, location, msg, argCount, a1, a2, a3, a4, null, null,
                            LogContext.current(), Logging.clock().time());
                    handle(r);
                } finally {
                    r.release();
                }
                return;
            }
        }
        Object[] args;
        switch (argCount) {
            case 0: args = NO_ARGS; break;
            case 1: args = new Object[] {a1}; break;
            case 2: args = new Object[] {a1, a2}; break;
            case 3: args = new Object[] {a1, a2, a3}; break;
            default: args = new Object[] {a1, a2, a3, a4};
        }
        log0(level, msg, args, null, false, null, 1);
    }

    void log0(int level, String msg, Object[] args, Throwable excInfo, boolean stackInfo,
              Map<String, ?> extra, int stacklevel) {
        log0(level, msg, args, excInfo, stackInfo, extra, null, stacklevel);
    }

    /** Python's {@code Logger._log}: capture location and stack if wanted, make the record, handle it. */
    void log0(int level, String msg, Object[] args, Throwable excInfo, boolean stackInfo,
              Map<String, ?> extra, Fields fields, int stacklevel) {
        CallerLocation location = needsLocation() ? CallerLocation.find(stacklevel) : null;
        String stack = stackInfo ? StackText.capture(stacklevel) : null;
        handle(makeRecord(level, msg, args, excInfo, stack, extra, fields, location));
    }

    /**
     * Python's {@code makeRecord}: a record from the {@link Logging#setLogRecordFactory record
     * factory} at the clock's current time, with {@code extra} checked.
     */
    protected LogRecord makeRecord(int level, String msg, Object[] args, Throwable excInfo, String stackInfo,
                                   Map<String, ?> extra, CallerLocation location) {
        return makeRecord(level, msg, args, excInfo, stackInfo, extra, null, location);
    }

    /**
     * As {@link #makeRecord(int, String, Object[], Throwable, String, Map, CallerLocation)} with
     * the call's fluent {@code fields} (may be null); the record takes the thread's current
     * {@link LogContext} by reference.
     */
    protected LogRecord makeRecord(int level, String msg, Object[] args, Throwable excInfo, String stackInfo,
                                   Map<String, ?> extra, Fields fields, CallerLocation location) {
        Map<String, Object> extraFields = null;
        if (extra != null && !extra.isEmpty()) {
            extraFields = new java.util.LinkedHashMap<>(extra.size() * 2);
            for (Map.Entry<String, ?> e : extra.entrySet()) {
                if (LogRecord.isStandardAttribute(e.getKey())) {
                    throw new IllegalArgumentException("Attempt to overwrite '" + e.getKey() + "' in LogRecord");
                }
                extraFields.put(e.getKey(), e.getValue());
            }
        }
        return Logging.getLogRecordFactory().create(name, level, location, msg, args, excInfo, stackInfo, extraFields,
                fields, LogContext.current(), Logging.clock().time());
    }

    /**
     * Passes a record through this logger's filters and on to the handlers, as Python's
     * {@code Logger.handle}; also the entry point for records made elsewhere (a socket server,
     * a bridge). Never throws.
     */
    public void handle(LogRecord record) {
        if (disabled) return;
        boolean passed;
        try {
            passed = !hasFilters() || filter(record);
        } catch (RuntimeException e) {
            Logging.reportError(record, e);
            return;
        }
        if (passed) callHandlers(record);
    }

    /**
     * Python's {@code callHandlers}: every handler from here up to the root, stopping after a
     * logger whose {@code propagate} is false; the last-resort handler when none was found.
     */
    public void callHandlers(LogRecord record) {
        int found = 0;
        int levelno = record.getLevelno();
        for (Logger c = this; c != null; c = c.propagate ? c.parent : null) {
            for (Handler h : c.handlers) {
                found++;
                if (levelno >= h.getLevel()) h.handle(record);
            }
        }
        if (found == 0) {
            Handler lastResort = Logging.getLastResort();
            if (lastResort != null && levelno >= lastResort.getLevel()) lastResort.handle(record);
        }
    }

    /**
     * Whether a formatter on this logger's propagation path reads the caller location; cached per
     * configuration. Public for bridges that make their own records (SLF4J, JUL): they call
     * {@link CallerLocation#find} only when this is true, then pass the record to {@link #handle}.
     */
    public boolean needsCallerLocation() {
        return needsLocation();
    }

    private boolean needsLocation() {
        refreshPath();
        return needsLocation;
    }

    /**
     * Whether a call may lend its record to the handlers and take it back: the default record
     * factory, no filter on the path (a filter may keep what it is given), and handlers that
     * all let go of records. Also brings {@link #needsLocation} up to date.
     */
    private boolean reusesRecords() {
        if (Logging.getLogRecordFactory() != LogRecordFactory.DEFAULT) return false;
        refreshPath();
        return reuseRecords;
    }

    /** Recomputes what this logger's handler path needs, once per configuration change. */
    private void refreshPath() {
        int epoch = Logging.configurationEpoch();
        if (locationEpoch != epoch) {
            boolean needed = false;
            boolean reuse = true;
            int found = 0;
            for (Logger c = this; c != null; c = c.propagate ? c.parent : null) {
                if (c.hasFilters()) reuse = false;
                for (Handler h : c.handlers) {
                    found++;
                    if (h.needsCallerLocation()) needed = true;
                    if (h.hasFilters() || h.retainsRecords()) reuse = false;
                }
            }
            needsLocation = needed;
            // No handler: the last resort, which may be anything, gets the record.
            reuseRecords = reuse && found > 0;
            locationEpoch = epoch;
        }
    }

    // ---- configuration ----------------------------------------------------------------------

    public String getName() {
        return name;
    }

    /** The nearest existing ancestor (the root for top-level names); null for the root itself. */
    public Logger getParent() {
        return parent;
    }

    public int getLevel() {
        return level;
    }

    /** Sets this logger's own level (NOTSET defers to the parent); takes effect on the next call on every thread. */
    public void setLevel(int level) {
        this.level = level;
        Logging.hierarchy().levelsChanged();
    }

    /** As {@link #setLevel(int)} with a level name such as {@code "DEBUG"}. */
    public void setLevel(String level) {
        setLevel(Level.parse(level));
    }

    public boolean getPropagate() {
        return propagate;
    }

    public void setPropagate(boolean propagate) {
        this.propagate = propagate;
        Logging.configurationChanged();
    }

    public boolean isDisabled() {
        return disabled;
    }

    /** Python's {@code logger.disabled}: a disabled logger drops every record (dictConfig sets it). */
    public void setDisabled(boolean disabled) {
        this.disabled = disabled;
        Logging.hierarchy().levelsChanged();
    }

    /** Adds {@code handler} unless already present, as Python's {@code addHandler}. */
    public void addHandler(Handler handler) {
        if (handler == null) throw new IllegalArgumentException("handler must not be null");
        synchronized (handlersLock) {
            Handler[] now = handlers;
            if (!Arrays.asList(now).contains(handler)) {
                Handler[] more = Arrays.copyOf(now, now.length + 1);
                more[now.length] = handler;
                handlers = more;
            }
        }
        Logging.configurationChanged();
    }

    public void removeHandler(Handler handler) {
        synchronized (handlersLock) {
            List<Handler> rest = new ArrayList<>(Arrays.asList(handlers));
            if (rest.remove(handler)) handlers = rest.toArray(new Handler[0]);
        }
        Logging.configurationChanged();
    }

    /** The handlers attached to this logger itself; a read-only snapshot. */
    public List<Handler> getHandlers() {
        return List.of(handlers);
    }

    /** Whether this logger or an ancestor reached through propagation has a handler. */
    public boolean hasHandlers() {
        for (Logger c = this; c != null; c = c.propagate ? c.parent : null) {
            if (c.handlers.length > 0) return true;
        }
        return false;
    }

    /** Python's {@code getChild}: the logger {@code name + "." + suffix} (or {@code suffix} for the root). */
    public Logger getChild(String suffix) {
        return Logging.getLogger(parent == null ? suffix : name + "." + suffix);
    }

    @Override
    public String toString() {
        return "<Logger " + name + " (" + Level.getLevelName(getEffectiveLevel()) + ")>";
    }
}
