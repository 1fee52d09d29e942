package dev.cairn.handlers;

import dev.cairn.Handler;
import dev.cairn.Level;
import dev.cairn.LogRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Python's {@code logging.handlers.MemoryHandler}: buffers records and passes them all to a
 * {@code target} handler when the buffer is full or a record at {@code flushLevel} or above
 * arrives, and (unless {@code flushOnClose} is false) when closed. Without a target, flushing
 * keeps the buffer. A target that throws is reported through this handler's
 * {@link #handleError} and the remaining records are still delivered; unlike Python, the
 * records already delivered are not sent a second time by the next flush.
 */
public class MemoryHandler extends BufferingHandler {
    private volatile int flushLevel;
    private volatile Handler target;
    private final boolean flushOnClose;

    /** A handler with Python's defaults: flushLevel ERROR, no target yet, flushOnClose true. */
    public MemoryHandler(int capacity) {
        this(capacity, Level.ERROR, null, true);
    }

    /** Python's constructor, {@code MemoryHandler(capacity, flushLevel, target, flushOnClose)}. */
    public MemoryHandler(int capacity, int flushLevel, Handler target, boolean flushOnClose) {
        super(capacity);
        this.flushLevel = flushLevel;
        this.target = target;
        this.flushOnClose = flushOnClose;
    }

    /** Full buffer, or a record at flushLevel or above. */
    @Override
    protected boolean shouldFlush(LogRecord record) {
        return buffer.size() >= getCapacity() || record.getLevelno() >= flushLevel;
    }

    /** Sends every buffered record to the target's {@code handle}, oldest first; keeps them if there is no target. */
    @Override
    public void flush() {
        lock.lock();
        try {
            Handler t = target;
            if (t == null) return;
            // Taken out first: a target that logs back into this handler appends to a fresh buffer.
            List<LogRecord> records = new ArrayList<>(buffer);
            buffer.clear();
            for (LogRecord record : records) {
                try {
                    t.handle(record);
                } catch (RuntimeException | LinkageError e) {
                    handleError(record, e);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Flushes if {@code flushOnClose}, then drops the target and the buffer, as Python's {@code close}. */
    @Override
    public void close() {
        try {
            if (flushOnClose) flush();
        } finally {
            lock.lock();
            try {
                target = null;
                buffer.clear();
                super.close();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Python's {@code setTarget}. */
    public void setTarget(Handler target) {
        lock.lock();
        try {
            this.target = target;
        } finally {
            lock.unlock();
        }
    }

    public Handler getTarget() {
        return target;
    }

    public int getFlushLevel() {
        return flushLevel;
    }

    public void setFlushLevel(int flushLevel) {
        this.flushLevel = flushLevel;
    }

    public boolean isFlushOnClose() {
        return flushOnClose;
    }
}
