package dev.cairn.async;

import dev.cairn.Handler;
import dev.cairn.LogRecord;
import dev.cairn.Logger;
import java.util.List;

/**
 * What a logger did with a record before {@link AsyncLoggers#makeAsync} moved that work to a
 * writer thread: its own handlers (each with its level), then, if the logger propagated, its
 * ancestors' handlers as Python's {@code callHandlers} would reach them. Used as the target of
 * the subtree's {@link AsyncHandler}.
 */
final class SubtreeHandler extends Handler {
    private final Logger logger;
    private final List<Handler> handlers;
    private final boolean propagate;

    SubtreeHandler(Logger logger, List<Handler> handlers, boolean propagate) {
        this.logger = logger;
        this.handlers = List.copyOf(handlers);
        this.propagate = propagate;
    }

    /** Runs on the writer thread without this handler's lock: each target handler takes its own. */
    @Override
    public boolean handle(LogRecord record) {
        int levelno = record.getLevelno();
        for (Handler h : handlers) {
            if (levelno >= h.getLevel()) h.handle(record);
        }
        Logger parent = logger.getParent();
        if (propagate && parent != null) parent.callHandlers(record);
        return true;
    }

    @Override
    protected void emit(LogRecord record) {
        handle(record);
    }

    @Override
    public void flush() {
        for (Handler h : handlers) h.flush();
    }

    @Override
    protected boolean needsCallerLocation() {
        for (Handler h : handlers) {
            if (AsyncHandler.needsCallerLocation(h)) return true;
        }
        Logger parent = logger.getParent();
        return propagate && parent != null && parent.needsCallerLocation();
    }

    /** The logger's own handlers before it was made asynchronous. */
    List<Handler> handlers() {
        return handlers;
    }

    boolean propagate() {
        return propagate;
    }
}
