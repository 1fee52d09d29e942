package dev.cairn.async;

import dev.cairn.Formatter;
import dev.cairn.Handler;
import dev.cairn.Level;
import dev.cairn.LogRecord;
import dev.cairn.Logging;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.jctools.queues.MpscArrayQueue;
import org.jctools.queues.MpmcArrayQueue;

/**
 * Makes any handler asynchronous: the logging thread only prepares the record (its message is
 * computed, so later changes to the arguments do not show) and puts it on a bounded lock-free
 * multi-producer queue; one writer thread per handler takes records off, applies the target's
 * level and filters, and writes them. For a plain {@link dev.cairn.StreamHandler} or
 * {@link dev.cairn.FileHandler} target the writer formats into reused buffers and writes in
 * large batches, flushing when the queue runs dry; other targets get {@code handle} per record
 * and a {@code flush} when the queue runs dry.
 *
 * <p>When the queue is full the {@link OverflowPolicy} decides: wait, drop (lowest levels
 * first, each drop counted and reported as a WARNING summary record on the target), or write on
 * the caller's thread. {@link #close()} (and so {@link Logging#shutdown()} and the JVM's
 * shutdown hook) writes every queued record before returning; a hard kill loses at most the
 * queue's {@link #getCapacity() capacity} in records plus 64 KiB of formatted bytes not yet
 * written. Thread-safe; the target must not be closed before this handler.
 */
public class AsyncHandler extends Handler {
    /** Records held when no capacity is given: small enough to bound the loss on a hard kill. */
    public static final int DEFAULT_CAPACITY = 8192;
    /** Fraction of the queue past which {@link OverflowPolicy#DROP} starts refusing DEBUG records. */
    public static final double DEFAULT_DROP_THRESHOLD = 0.8;

    /** Records written under one hold of the target's lock, so a SYNC-policy caller is not shut out for long. */
    private static final int CHUNK = 256;
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long CLOSE_WAIT_MILLIS = 30_000;

    private final Handler target;
    private final MpscArrayQueue<LogRecord> queue;
    /**
     * Pooled records not in the queue, handed back by the writer: with them the hand-over
     * allocates nothing. {@link #capacity} of them are made with the handler, as Log4j 2 fills
     * its ring buffer at start: made lazily, the first full queue's worth were garbage collected
     * young while they were all alive (pauses of 200-380 ms in AsyncFileBench's first iterations).
     */
    private final MpmcArrayQueue<LogRecord> pool;
    /** The line callers wait in when the queue is full under {@link OverflowPolicy#BLOCK}; fair. */
    private final ReentrantLock full = new ReentrantLock(true);
    /** Whether records are copied into pooled ones: only when the target keeps none (see {@link #retainsRecords()}). */
    private final boolean pooling;
    private final int capacity;
    private final OverflowPolicy policy;
    private final int dropDebugAt;
    private final int dropInfoAt;
    private final int dropWarningAt;
    private final DropCounter drops = new DropCounter();
    private final BatchOutput batch;
    private final Thread writer;
    private volatile long reportIntervalNanos = TimeUnit.SECONDS.toNanos(10);

    /** Set by the writer before it parks; a producer that sees it wakes the writer. */
    private volatile boolean sleeping;
    /** Set by the writer while it holds records taken off the queue but not yet written. */
    private volatile boolean busy;
    private volatile boolean closed;

    /** An asynchronous {@code target} with {@link #DEFAULT_CAPACITY} and the {@link OverflowPolicy#BLOCK} policy. */
    public AsyncHandler(Handler target) {
        this(target, DEFAULT_CAPACITY, OverflowPolicy.BLOCK, DEFAULT_DROP_THRESHOLD);
    }

    /**
     * An asynchronous {@code target} holding up to {@code capacity} records (rounded up to a
     * power of two); {@code dropThreshold} (0 to 1) is the fill fraction where
     * {@link OverflowPolicy#DROP} starts refusing DEBUG records, INFO and WARNING following in
     * equal steps up to a full queue. Starts the writer thread, a daemon named after the target.
     *
     * @throws IllegalArgumentException for a capacity below 2 or a threshold outside 0..1
     */
    public AsyncHandler(Handler target, int capacity, OverflowPolicy policy, double dropThreshold) {
        if (target == null) throw new IllegalArgumentException("target handler must not be null");
        if (target == this) throw new IllegalArgumentException("an AsyncHandler cannot be its own target");
        if (capacity < 2) throw new IllegalArgumentException("capacity must be at least 2, got " + capacity);
        if (!(dropThreshold >= 0 && dropThreshold <= 1)) {
            throw new IllegalArgumentException("dropThreshold must be between 0 and 1, got " + dropThreshold);
        }
        this.target = target;
        this.queue = new MpscArrayQueue<>(capacity);
        this.capacity = queue.capacity();
        // Multi-producer too: a caller gives a record back when the policy refuses or writes it.
        this.pool = new MpmcArrayQueue<>(this.capacity);
        this.pooling = !target.retainsRecords();
        if (pooling) {
            for (int i = 0; i < this.capacity; i++) pool.offer(LogRecord.pooled());
        }
        this.policy = policy == null ? OverflowPolicy.BLOCK : policy;
        int start = (int) Math.min(this.capacity, Math.round(this.capacity * dropThreshold));
        int step = (this.capacity - start) / 3;
        this.dropDebugAt = start;
        this.dropInfoAt = start + step;
        this.dropWarningAt = start + 2 * step;
        this.batch = BatchOutput.forTarget(target);
        this.writer = new Thread(this::writeLoop, "cairn-async-" + target.getClass().getSimpleName());
        writer.setDaemon(true);
        writer.start();
    }

    // ---- the logging thread -------------------------------------------------------------------

    /**
     * Filters the record with this handler's own filters, copies it into a pooled record (or, for
     * a record subclass, prepares the record itself) and queues it, or applies the overflow
     * policy. Never throws; returns whether the filters passed.
     */
    @Override
    public boolean handle(LogRecord record) {
        if (hasFilters()) {
            try {
                if (!filter(record)) return false;
            } catch (RuntimeException | LinkageError e) {
                handleError(record, e);
                return false;
            }
        }
        if (closed || Thread.currentThread() == writer) {
            // After close, or a record logged by the target itself: no queue to wait on.
            writeDirect(record);
            return true;
        }
        if (policy == OverflowPolicy.DROP && shouldDrop(record.getLevelno())) {
            drops.count(record.getLevelno());
            return true;
        }
        LogRecord item = entry(record);
        if (item == HANDLED) return true;
        if (item != null && queue.offer(item)) {
            if (sleeping) LockSupport.unpark(writer);
        } else {
            overflow(record, item);
        }
        if (closed) drainHere();
        return true;
    }

    /** Queues the record as {@link #handle} does, for callers that bypass it. */
    @Override
    protected void emit(LogRecord record) {
        handle(record);
    }

    /**
     * False when the target lets go of records: {@link #handle} then copies the caller's record
     * into a pooled one before returning, so loggers lend it their reusable record and the call
     * allocates nothing. A target that keeps records (a MemoryHandler, a capture) gets records
     * of its own instead, made by the logger and queued as they are.
     */
    @Override
    public boolean retainsRecords() {
        return !pooling;
    }

    /**
     * What goes on the queue for {@code record}: a pooled record that copies it (message
     * included); the record itself, prepared, when
     * it is a subclass (a bridge's record, whose overridden methods a copy would lose); null when
     * every pooled record is in the queue, which is the queue being full.
     */
    private LogRecord entry(LogRecord record) {
        if (!pooling || record.getClass() != LogRecord.class) {
            prepare(record);
            return record;
        }
        // poll, not relaxedPoll, which may miss a record under contention: DROP would then
        // count a record refused while there was room.
        LogRecord slot = pool.poll();
        if (slot == null) return null;
        try {
            slot.copyFrom(record);
        } catch (RuntimeException e) {
            // msg and args do not fit: the target reports the record now, as Python would (the
            // record may be a logger's reusable one, which must not be kept).
            recycle(slot);
            writeDirect(record);
            return HANDLED;
        }
        return slot;
    }

    /** What {@link #entry} returns for a record it wrote itself. */
    private static final LogRecord HANDLED = LogRecord.pooled();

    /** Gives a pooled record back once written (or not queued after all). */
    private void recycle(LogRecord item) {
        // When pooling, only pooled records are queued with this exact class; subclass records
        // are the caller's.
        if (pooling && item.getClass() == LogRecord.class) {
            item.clear();
            pool.offer(item);
        }
    }

    /**
     * Captures on the caller's thread what a record subclass would otherwise compute later: the
     * message (so a mutable argument changed after the call does not show). Caller location,
     * thread name and {@code LogContext} are already taken when the record is made. A message
     * that does not format is left for the target to report.
     */
    protected void prepare(LogRecord record) {
        try {
            record.getMessage();
        } catch (RuntimeException e) {
            // The target's formatter fails the same way and reports it through handleError.
        }
    }

    /** DROP policy: lowest levels first as the queue fills past the threshold. */
    private boolean shouldDrop(int levelno) {
        if (levelno >= Level.ERROR) return false;
        int size = queue.size();
        if (size < dropDebugAt) return false;
        if (levelno < Level.INFO) return true;
        if (size < dropInfoAt) return false;
        if (levelno < Level.WARNING) return true;
        return size >= dropWarningAt;
    }

    /** The queue is full ({@code item} is null or was refused): the policy decides. */
    private void overflow(LogRecord record, LogRecord item) {
        switch (policy) {
            case DROP:
                if (item != null && item != record) recycle(item);
                drops.count(record.getLevelno());
                return;
            case SYNC:
                if (item != null && item != record) recycle(item);
                writeDirect(record);
                return;
            default:
                // Callers that find the queue full wait in line, first come first served, and
                // only the first polls for room: with every waiter spinning, a 2-core machine
                // had no CPU left for the writer and the unlucky waiter waited milliseconds
                // (AsyncFileBench p99.9). Log4j 2 serialises a full ring buffer the same way.
                full.lock();
                try {
                    waitForRoom(record, item);
                } finally {
                    full.unlock();
                }
        }
    }

    /** BLOCK policy, holding {@link #full}: queues {@code record} once there is room. */
    private void waitForRoom(LogRecord record, LogRecord item) {
        for (int spins = 0; ; spins++) {
            if (item == null) item = entry(record);
            if (item == HANDLED) return;
            if (item != null && queue.offer(item)) break;
            if (closed || !writer.isAlive()) {
                if (item != null && item != record) recycle(item);
                writeDirect(record);
                return;
            }
            if (sleeping) LockSupport.unpark(writer);
            // Spin briefly (the writer usually frees a slot within microseconds), then give
            // the core away: on a small machine the writer may need this very CPU. Yield only
            // while others wait in line: a lone caller that yields on a busy machine can lose
            // its core for a whole time slice (AsyncFileBench t1 p99.9 ~2 ms in 2 of 3 runs,
            // 130-230 us without), while with 4 callers parking at once cost p99.9 (1.1-2.3 ms).
            if (spins < 32) Thread.onSpinWait();
            else if (spins < 64 && full.hasQueuedThreads()) Thread.yield();
            else LockSupport.parkNanos(20_000);
        }
        if (sleeping) LockSupport.unpark(writer);
    }

    /** Writes a record on the calling thread, through the target's level, filters and lock. */
    private void writeDirect(LogRecord record) {
        if (record.getLevelno() >= target.getLevel()) target.handle(record);
    }

    /** Records that raced with {@link #close}: written by whoever finds them. */
    private void drainHere() {
        synchronized (queue) {
            LogRecord r;
            while ((r = queue.poll()) != null) {
                writeDirect(r);
                recycle(r);
            }
        }
        target.flush();
    }

    // ---- the writer thread --------------------------------------------------------------------

    private void writeLoop() {
        long lastReport = System.nanoTime();
        while (true) {
            busy = true;
            try {
                while (drainChunk() > 0) {
                    // keep going until the queue runs dry
                }
                endOfBatch();
            } catch (Throwable t) {
                // The writer must outlive any failure of a target; the record is already reported.
                handleError(null, t);
            }
            long now = System.nanoTime();
            if (now - lastReport >= reportIntervalNanos) {
                lastReport = now;
                reportDrops();
            }
            busy = false;
            if (closed) {
                if (queue.isEmpty()) return;
                continue;
            }
            idle();
        }
    }

    /** Takes up to {@link #CHUNK} records off the queue and writes them; returns how many. */
    private int drainChunk() {
        if (batch == null) {
            int n = 0;
            LogRecord r;
            while (n < CHUNK && (r = queue.poll()) != null) {
                n++;
                writeDirect(r);
                recycle(r);
            }
            return n;
        }
        int n = 0;
        target.acquire();
        try {
            LogRecord r;
            while (n < CHUNK && (r = queue.poll()) != null) {
                n++;
                writeBatched(r);
                recycle(r);
            }
        } finally {
            target.release();
        }
        return n;
    }

    /** The target's {@code handle} for one record, with its output gathered in the batch. Holds the target's lock. */
    private void writeBatched(LogRecord record) {
        if (record.getLevelno() < target.getLevel()) return;
        try {
            if (!target.filter(record)) return;
            if (!batch.append(record)) {
                batch.write();
                target.handle(record);
            }
        } catch (IOException e) {
            target.handleError(record, e);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            target.handleError(record, e);
        }
    }

    /** The queue ran dry: push out what was gathered. */
    private void endOfBatch() {
        if (batch == null) {
            target.flush();
            return;
        }
        target.acquire();
        try {
            batch.flush();
        } catch (IOException e) {
            target.handleError(null, e);
        } finally {
            target.release();
        }
    }

    /** Spins a moment for the next record, then parks until a producer wakes it (or a timeout, for drop reports). */
    private void idle() {
        for (int i = 0; i < 64; i++) {
            if (!queue.isEmpty() || closed) return;
            Thread.onSpinWait();
        }
        sleeping = true;
        try {
            if (queue.isEmpty() && !closed) LockSupport.parkNanos(this, IDLE_PARK_NANOS);
        } finally {
            sleeping = false;
        }
    }

    /** Python-style summary of refused records, written as a WARNING record through the target. */
    private void reportDrops() {
        String summary = drops.unreported();
        if (summary == null) return;
        LogRecord r = new LogRecord("cairn.async", Level.WARNING, null,
                "AsyncHandler dropped %s: the queue of %s records was full", new Object[] {summary, capacity},
                null, null, null, Logging.clock().time());
        try {
            target.handle(r);
            target.flush();
        } catch (RuntimeException e) {
            handleError(r, e);
        }
    }

    // ---- lifecycle ------------------------------------------------------------------------------

    /**
     * Waits until every record queued so far is written and the target flushed. Safe from any
     * thread except the writer itself.
     */
    @Override
    public void flush() {
        if (Thread.currentThread() == writer || !writer.isAlive()) {
            target.flush();
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_WAIT_MILLIS);
        // The writer sets busy before taking records off, so an empty queue and an idle writer
        // together mean every record queued before this call has been written and flushed.
        while ((!queue.isEmpty() || busy) && System.nanoTime() < deadline) {
            LockSupport.unpark(writer);
            LockSupport.parkNanos(50_000);
        }
        target.flush();
    }

    /**
     * Stops accepting records into the queue, lets the writer write everything queued, reports
     * drops, and stops the writer; later records are written on the caller's thread. Waits up to
     * 30 seconds for the writer (a target stuck on I/O), then writes what is left itself. Does
     * not close the target, which {@link Logging#shutdown()} closes after this handler (it is
     * older). Safe to call twice.
     */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            LockSupport.unpark(writer);
            if (Thread.currentThread() != writer) {
                try {
                    writer.join(CLOSE_WAIT_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            drainHere();
            reportDrops();
        }
        super.close();
    }

    /** Whether the target's formatter reads the caller location, so loggers capture it before the handoff. */
    @Override
    protected boolean needsCallerLocation() {
        return needsCallerLocation(target);
    }

    static boolean needsCallerLocation(Handler h) {
        if (h instanceof AsyncHandler) return ((AsyncHandler) h).needsCallerLocation();
        if (h instanceof SubtreeHandler) return ((SubtreeHandler) h).needsCallerLocation();
        Formatter f = h.getFormatter();
        return f != null && f.usesCallerLocation();
    }

    /** The handler records are written to. */
    public Handler getTarget() {
        return target;
    }

    /** How many records the queue holds at most (the requested capacity rounded up to a power of two). */
    public int getCapacity() {
        return capacity;
    }

    public OverflowPolicy getOverflowPolicy() {
        return policy;
    }

    /** Records waiting in the queue now; an estimate while producers are active. */
    public int getQueueSize() {
        return queue.size();
    }

    /** Every record refused under {@link OverflowPolicy#DROP} since this handler was made. */
    public long getDroppedCount() {
        return drops.total();
    }

    /** How often (at most) the writer writes a summary of dropped records; 10 seconds by default. */
    public void setReportInterval(long interval, TimeUnit unit) {
        this.reportIntervalNanos = unit.toNanos(interval);
    }

    @Override
    public String toString() {
        return "<AsyncHandler " + policy.name().toLowerCase(java.util.Locale.ROOT) + " " + capacity + " -> " + target + ">";
    }
}
