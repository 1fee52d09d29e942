package dev.cairn;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Python's {@code logging.LoggerAdapter}: a logger plus contextual {@code extra} fields added to
 * every record. As in Python 3.11, the adapter's extra replaces the call's; with
 * {@code mergeExtra} (Python 3.13's {@code merge_extra=True}) the call's fields are merged over
 * the adapter's. Subclasses override {@link #process} to rewrite messages.
 */
public class LoggerAdapter {
    private final Logger logger;
    private final Map<String, Object> extra;
    private final boolean mergeExtra;

    public LoggerAdapter(Logger logger, Map<String, ?> extra) {
        this(logger, extra, false);
    }

    public LoggerAdapter(Logger logger, Map<String, ?> extra, boolean mergeExtra) {
        this.logger = logger;
        this.extra = extra == null ? Map.of() : new LinkedHashMap<>(extra);
        this.mergeExtra = mergeExtra;
    }

    /** The message and extra fields a call actually logs; Python's {@code process(msg, kwargs)}. */
    protected Map<String, Object> process(String msg, Map<String, ?> callExtra) {
        if (mergeExtra && callExtra != null) {
            Map<String, Object> merged = new LinkedHashMap<>(extra);
            merged.putAll(callExtra);
            return merged;
        }
        return extra;
    }

    /** Rewrites the message before logging; identity here, a hook for subclasses. */
    protected String processMessage(String msg) {
        return msg;
    }

    public void debug(String msg, Object... args) { log(Level.DEBUG, msg, args); }
    public void info(String msg, Object... args) { log(Level.INFO, msg, args); }
    public void warning(String msg, Object... args) { log(Level.WARNING, msg, args); }
    public void error(String msg, Object... args) { log(Level.ERROR, msg, args); }
    public void critical(String msg, Object... args) { log(Level.CRITICAL, msg, args); }

    /** Logs an ERROR with {@code error} as exc_info, as Python's {@code adapter.exception}. */
    public void exception(Throwable error, String msg, Object... args) {
        log(Level.ERROR, msg, args, error, null);
    }

    public void log(int level, String msg, Object... args) {
        log(level, msg, args, null, null);
    }

    /** The full form: an exception and call-specific extra fields, either may be null. */
    public void log(int level, String msg, Object[] args, Throwable excInfo, Map<String, ?> callExtra) {
        if (logger.isEnabledFor(level)) {
            logger.log0(level, processMessage(msg), args, excInfo, false, process(msg, callExtra), 1);
        }
    }

    public boolean isEnabledFor(int level) {
        return logger.isEnabledFor(level);
    }

    public Logger getLogger() {
        return logger;
    }

    public Map<String, Object> getExtra() {
        return extra;
    }
}
