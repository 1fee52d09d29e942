package dev.cairn.handlers;

import dev.cairn.Handler;
import dev.cairn.LogRecord;
import java.util.concurrent.BlockingQueue;

/**
 * Python's {@code logging.handlers.QueueHandler}: puts a prepared copy of each record on a
 * queue, for a {@link QueueListener} to hand to slow handlers on another thread. A full
 * (bounded) queue does not block the application: the record is counted and reported through
 * {@link #handleError}, as Python's {@code put_nowait} raising {@code queue.Full}. A listener
 * attached with {@link #setListener} is stopped, after draining the queue, when this handler
 * closes (Python 3.12's {@code listener} attribute), so a clean {@code Logging.shutdown()} loses
 * nothing that was accepted.
 */
public class QueueHandler extends Handler {
    private final BlockingQueue<LogRecord> queue;
    private volatile QueueListener listener;

    /** A handler putting records on {@code queue}. */
    public QueueHandler(BlockingQueue<LogRecord> queue) {
        if (queue == null) throw new IllegalArgumentException("queue must not be null");
        this.queue = queue;
    }

    /** Python's {@code enqueue}: {@code put_nowait}, failing with IllegalStateException when the queue is full. */
    protected void enqueue(LogRecord record) {
        queue.add(record);
    }

    /**
     * Python's {@code prepare}: formats the record with this handler's formatter and returns a
     * copy whose message is that text, with arguments and exception cleared (bpo-35726: the
     * original is left intact for other handlers).
     */
    protected LogRecord prepare(LogRecord record) {
        return new QueuedRecord(record, format(record));
    }

    @Override
    protected void emit(LogRecord record) {
        enqueue(prepare(record));
    }

    public BlockingQueue<LogRecord> getQueue() {
        return queue;
    }

    public QueueListener getListener() {
        return listener;
    }

    /** Attaches the listener that drains this handler's queue; it is stopped when this handler closes. */
    public void setListener(QueueListener listener) {
        this.listener = listener;
    }

    /** Stops the attached listener (which first handles every record already queued), then closes. */
    @Override
    public void close() {
        try {
            QueueListener l = listener;
            if (l != null) l.stop();
        } finally {
            super.close();
        }
    }
}
