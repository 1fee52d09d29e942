package dev.cairn.handlers;

import dev.cairn.LogRecord;

/**
 * The copy of a record that Python's {@code QueueHandler.prepare} puts on the queue: the
 * formatted text becomes both {@code msg} and {@code message}; {@code args}, {@code exc_info},
 * {@code exc_text} and {@code stack_info} are cleared (the traceback is already in the text).
 * Every other attribute, the thread's included, is the original's, whichever thread reads it,
 * and so are its fluent fields and its {@code LogContext}.
 */
final class QueuedRecord extends LogRecord {
    private final LogRecord original;

    QueuedRecord(LogRecord original, String formatted) {
        super(original.getName(), original.getLevelno(), original.getLocation(), formatted, null, null, null,
                original.getExtra(), original.getFields(), original.getContext(), original.getCreated());
        this.original = original;
        setAsctime(original.getAsctime());
    }

    @Override
    public Object get(String attribute) {
        switch (attribute) {
            case "message": return getMsg();
            case "args": return null;
            case "thread": case "threadName": case "relativeCreated":
                return original.get(attribute);
            default: return super.get(attribute);
        }
    }

    @Override
    public String getMessage() {
        return getMsg();
    }

    @Override
    public String getFormattedMessage() {
        return getMsg();
    }

    @Override
    public long getThread() {
        return original.getThread();
    }

    @Override
    public String getThreadName() {
        return original.getThreadName();
    }

    @Override
    public double getRelativeCreated() {
        return original.getRelativeCreated();
    }
}
