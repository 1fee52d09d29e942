package dev.cairn;

import dev.cairn.context.Fields;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * One logging call with Python's keyword options and structured fields, built fluently:
 * {@code log.atInfo().field("user", id).field("ms", 12).cause(e).log("login %s", name)}.
 * Obtained from {@link Logger#at} (or {@code atInfo()} and friends), which returns a shared
 * no-op instance when the level is disabled, so a disabled call allocates nothing.
 *
 * <p>Fluent {@link #field fields} live in their own namespace on the record
 * ({@link LogRecord#getFields()}), so any name is allowed, {@code "name"} or {@code "msg"}
 * included; {@link #extra} keys are Python's and may not reuse a record attribute. Not
 * thread-safe; use it within one statement.
 */
public class LogCall {
    static final LogCall DISABLED = new LogCall(null, 0) {
        @Override public LogCall excInfo(Throwable error) { return this; }
        @Override public LogCall stackInfo(boolean on) { return this; }
        @Override public LogCall stacklevel(int level) { return this; }
        @Override public LogCall extra(String key, Object value) { return this; }
        @Override public LogCall extra(Map<String, ?> fields) { return this; }
        @Override public LogCall field(String key, Object value) { return this; }
        @Override public LogCall field(String key, int value) { return this; }
        @Override public LogCall field(String key, long value) { return this; }
        @Override public LogCall field(String key, double value) { return this; }
        @Override public LogCall field(String key, boolean value) { return this; }
        @Override public LogCall field(String key, char value) { return this; }
        @Override public LogCall fields(Map<String, ?> fields) { return this; }
        @Override public void log(String msg, Object... args) { }
        @Override public void logKey(ResourceBundle bundle, String key, Object... args) { }
    };

    private final Logger logger;
    private final int level;
    private Throwable excInfo;
    private boolean stackInfo;
    private int stacklevel = 1;
    private Map<String, Object> extra;
    private Fields.Builder fields;

    LogCall(Logger logger, int level) {
        this.logger = logger;
        this.level = level;
    }

    /** Attaches an exception, as Python's {@code exc_info=}. */
    public LogCall excInfo(Throwable error) {
        this.excInfo = error;
        return this;
    }

    /** Attaches the exception that caused this record; the same as {@link #excInfo}. */
    public LogCall cause(Throwable error) {
        return excInfo(error);
    }

    /**
     * Adds a structured field: JSON formatters write it with its JSON type (numbers, booleans,
     * maps and lists stay typed), text formats can name it as {@code %(key)s}. A later value
     * for the same key replaces an earlier one.
     */
    public LogCall field(String key, Object value) {
        if (fields == null) fields = new Fields.Builder();
        fields.put(key, value);
        return this;
    }

    /** A numeric field; the primitive overloads spare the caller's boxing when the call is disabled. */
    public LogCall field(String key, int value) {
        return field(key, (Object) value);
    }

    public LogCall field(String key, long value) {
        return field(key, (Object) value);
    }

    public LogCall field(String key, double value) {
        return field(key, (Object) value);
    }

    public LogCall field(String key, boolean value) {
        return field(key, (Object) value);
    }

    /** A one-character text field (without this overload a char would widen to an int). */
    public LogCall field(String key, char value) {
        return field(key, (Object) String.valueOf(value));
    }

    /** Adds every entry of {@code fields} as a structured field. */
    public LogCall fields(Map<String, ?> fields) {
        if (this.fields == null) this.fields = new Fields.Builder(fields.size());
        this.fields.putAll(fields);
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

    /**
     * Logs a localised message: the {@code %}-style pattern {@code bundle} holds for
     * {@code key} (the bundle's locale is the caller's choice, e.g.
     * {@code ResourceBundle.getBundle("com.shop.LogMessages", Locale.FRENCH)}), merged with
     * {@code args} as any message. The record also carries the field {@code message_key}, so
     * records group by key whatever the language. A missing key logs the key itself, as
     * gettext does, with {@code message_key_missing: true}.
     */
    public void logKey(ResourceBundle bundle, String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            pattern = key;
            field("message_key_missing", true);
        }
        field("message_key", key);
        log(pattern, args);
    }

    /** Makes and handles the record. */
    public void log(String msg, Object... args) {
        logger.log0(level, msg, args, excInfo, stackInfo, extra, fields != null ? fields.build() : null, stacklevel);
    }
}
