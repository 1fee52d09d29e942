package dev.cairn;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One logging call with Python's keyword options, built fluently:
 * {@code log.at(Level.ERROR).excInfo(e).extra("user", id).log("failed %s", what)}. Obtained from
 * {@link Logger#at}, which returns a shared no-op instance when the level is disabled, so a
 * disabled call allocates nothing. Not thread-safe; use it within one statement.
 */
public class LogCall {
    static final LogCall DISABLED = new LogCall(null, 0) {
        @Override public LogCall excInfo(Throwable error) { return this; }
        @Override public LogCall stackInfo(boolean on) { return this; }
        @Override public LogCall stacklevel(int level) { return this; }
        @Override public LogCall extra(String key, Object value) { return this; }
        @Override public LogCall extra(Map<String, ?> fields) { return this; }
        @Override public void log(String msg, Object... args) { }
    };

    private final Logger logger;
    private final int level;
    private Throwable excInfo;
    private boolean stackInfo;
    private int stacklevel = 1;
    private Map<String, Object> extra;

    LogCall(Logger logger, int level) {
        this.logger = logger;
        this.level = level;
    }

    /** Attaches an exception, as Python's {@code exc_info=}. */
    public LogCall excInfo(Throwable error) {
        this.excInfo = error;
        return this;
    }

    /** Attaches the caller's stack, as Python's {@code stack_info=True}. */
    public LogCall stackInfo(boolean on) {
        this.stackInfo = on;
        return this;
    }

    /** Reports the caller {@code level - 1} frames further out, as Python's {@code stacklevel=}. */
    public LogCall stacklevel(int level) {
        this.stacklevel = level;
        return this;
    }

    /** Adds one {@code extra} field. */
    public LogCall extra(String key, Object value) {
        if (extra == null) extra = new LinkedHashMap<>();
        extra.put(key, value);
        return this;
    }

    /** Adds {@code extra} fields. */
    public LogCall extra(Map<String, ?> fields) {
        if (extra == null) extra = new LinkedHashMap<>();
        extra.putAll(fields);
        return this;
    }

    /** Makes and handles the record. */
    public void log(String msg, Object... args) {
        logger.log0(level, msg, args, excInfo, stackInfo, extra, stacklevel);
    }
}
