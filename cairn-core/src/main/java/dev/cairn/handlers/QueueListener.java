package dev.cairn.handlers;

import dev.cairn.Handler;
import dev.cairn.LogRecord;
import java.util.List;
import java.util.concurrent.BlockingQueue;

/**
 * Python's {@code logging.handlers.QueueListener}: a daemon thread that takes records from a
 * queue and passes each to its handlers, ignoring their levels unless
 * {@code respectHandlerLevel} (Python's {@code respect_handler_level}). {@link #stop} puts a
 * sentinel on the queue and waits until every record queued before it has been handled.
 */
public class QueueListener {
    /** Python's {@code _sentinel}: ends the listener's loop. */
    static final LogRecord SENTINEL = new LogRecord("", 0, null, "QueueListener sentinel", null, null, null, null, 0);

    private final BlockingQueue<LogRecord> queue;
    private final List<Handler> handlers;
    private final boolean respectHandlerLevel;
    private Thread thread;

    /** A listener passing every record from {@code queue} to all {@code handlers}. */
    public QueueListener(BlockingQueue<LogRecord> queue, Handler... handlers) {
        this(queue, false, handlers);
    }

    /** Python's {@code QueueListener(queue, *handlers, respect_handler_level=...)}. */
    public QueueListener(BlockingQueue<LogRecord> queue, boolean respectHandlerLevel, Handler... handlers) {
        if (queue == null) throw new IllegalArgumentException("queue must not be null");
        this.queue = queue;
        this.handlers = List.of(handlers);
        this.respectHandlerLevel = respectHandlerLevel;
    }

    /** Starts the daemon thread that monitors the queue. */
    public synchronized void start() {
        if (thread != null) throw new IllegalStateException("QueueListener already started");
        Thread t = new Thread(this::monitor, "cairn-queue-listener");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** Python's {@code dequeue(block)}: the next record, waiting for one if {@code block}; null if none. */
    protected LogRecord dequeue(boolean block) throws InterruptedException {
        return block ? queue.take() : queue.poll();
    }

    /** Python's {@code prepare}: a hook to change the record before handling; returns it unchanged. */
    protected LogRecord prepare(LogRecord record) {
        return record;
    }

    /** Offers the record to each handler (whose level must pass if {@code respectHandlerLevel}). Never throws. */
    public void handle(LogRecord record) {
        LogRecord prepared = prepare(record);
        for (Handler handler : handlers) {
            if (respectHandlerLevel && prepared.getLevelno() < handler.getLevel()) continue;
            try {
                handler.handle(prepared);
            } catch (RuntimeException | LinkageError e) {
                handler.handleError(prepared, e);
            }
        }
    }

    private void monitor() {
        while (true) {
            LogRecord record;
            try {
                record = dequeue(true);
            } catch (InterruptedException e) {
                // Only stop() ends the loop, so nothing queued is dropped.
                continue;
            }
            if (record == SENTINEL) return;
            if (record != null) handle(record);
        }
    }

    /** Python's {@code enqueue_sentinel}; waits for room if the queue is bounded and full. */
    protected void enqueueSentinel() throws InterruptedException {
        queue.put(SENTINEL);
    }

    /**
     * Asks the thread to finish the records already queued and stop, and waits for it. Does
     * nothing if the listener is not running.
     */
    public void stop() {
        Thread t;
        synchronized (this) {
            t = thread;
            thread = null;
        }
        if (t == null) return;
        boolean interrupted = false;
        while (true) {
            try {
                enqueueSentinel();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        while (t.isAlive()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    public List<Handler> getHandlers() {
        return handlers;
    }

    public boolean isRespectHandlerLevel() {
        return respectHandlerLevel;
    }
}
