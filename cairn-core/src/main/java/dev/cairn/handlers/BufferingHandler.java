package dev.cairn.handlers;

import dev.cairn.Handler;
import dev.cairn.LogRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Python's {@code logging.handlers.BufferingHandler}: keeps records in memory and calls
 * {@link #flush} when {@link #shouldFlush} says so (by default, when {@code capacity} records are
 * held). This base class's flush just empties the buffer; {@link MemoryHandler} sends it on.
 * The buffer is guarded by the handler's lock.
 */
public class BufferingHandler extends Handler {
    /** The records held, oldest first; read and changed only under {@link #lock}. */
    protected final List<LogRecord> buffer = new ArrayList<>();
    private final int capacity;

    /** A handler holding up to {@code capacity} records before flushing. */
    public BufferingHandler(int capacity) {
        this.capacity = capacity;
    }

    /** Python's {@code shouldFlush(record)}: true once the buffer holds {@code capacity} records. */
    protected boolean shouldFlush(LogRecord record) {
        return buffer.size() >= capacity;
    }

    @Override
    protected void emit(LogRecord record) throws Exception {
        buffer.add(record);
        if (shouldFlush(record)) flush();
    }

    /** Empties the buffer; subclasses send the records somewhere first. */
    @Override
    public void flush() {
        lock.lock();
        try {
            buffer.clear();
        } finally {
            lock.unlock();
        }
    }

    /** Flushes, then closes, as Python's {@code BufferingHandler.close}. */
    @Override
    public void close() {
        try {
            flush();
        } finally {
            super.close();
        }
    }

    public int getCapacity() {
        return capacity;
    }

    /** The records held now, oldest first, as a copy. */
    public List<LogRecord> getBuffer() {
        lock.lock();
        try {
            return new ArrayList<>(buffer);
        } finally {
            lock.unlock();
        }
    }
}
