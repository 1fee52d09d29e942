package dev.cairn.jul;

import dev.cairn.CallerLocation;
import dev.cairn.LogRecord;
import dev.cairn.context.LogContext;
import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * A Cairn record made from a java.util.logging record: {@code msg} is JUL's raw message and
 * {@code args} its parameters, and the message is built by JUL's rules (resource bundle
 * lookup, then {@link MessageFormat} when the text holds {@code {0}}-style placeholders) only
 * when a handler asks for it.
 */
final class JulRecord extends LogRecord {
    private final ResourceBundle bundle;

    JulRecord(String name, int level, CallerLocation location, java.util.logging.LogRecord jul, double created) {
        super(name, level, location, jul.getMessage(), jul.getParameters(), jul.getThrown(), null, null, null,
                LogContext.current(), created);
        this.bundle = jul.getResourceBundle();
    }

    @Override
    protected String formatMessage() {
        return format(getMsg(), bundle, getArgs());
    }

    /**
     * What {@code java.util.logging.Formatter.formatMessage} returns, without its lock: the
     * bundle's text for {@code msg} if there is one, formatted by MessageFormat when
     * {@code params} is non-empty and the text has a {@code {digit} } placeholder; the text as
     * it is when formatting fails.
     */
    static String format(String msg, ResourceBundle bundle, Object[] params) {
        String format = msg;
        if (bundle != null && msg != null) {
            try {
                format = bundle.getString(msg);
            } catch (MissingResourceException | ClassCastException ex) {
                format = msg;
            }
        }
        if (format == null) return null;
        try {
            if (params == null || params.length == 0) return format;
            // Formatter.formatMessage: only a "{" followed by a digit makes it a MessageFormat.
            int index = -1;
            int fence = format.length() - 1;
            while ((index = format.indexOf('{', index + 1)) > -1) {
                if (index >= fence) break;
                char digit = format.charAt(index + 1);
                if (digit >= '0' && digit <= '9') return MessageFormat.format(format, params);
            }
            return format;
        } catch (RuntimeException ex) {
            return format;
        }
    }
}
