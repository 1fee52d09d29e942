package dev.cairn.test;

import dev.cairn.Formatter;
import dev.cairn.Handler;
import dev.cairn.LogRecord;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The handler behind a {@link LogCapture}: keeps the records at or above its level made on the
 * capture's threads (or on any thread), with their message computed at once, as Python's
 * assertLogs handler formats in {@code emit}, so later changes to the arguments do not show.
 * It also remembers, for failure messages only, a few records below its level and how many
 * records at its level came from threads it does not follow. A {@link Diversion} feeds it.
 */
final class CapturingHandler extends Handler {
    /** How many records below the level, and thread names, are kept for failure messages. */
    static final int HINTS = 10;

    private volatile int captureLevel;
    private final boolean exclusive;
    /** Thread ids whose records are kept; null keeps every thread's. */
    private final Set<Long> threads;
    private final List<LogRecord> records = new ArrayList<>();
    private final List<LogRecord> below = new ArrayList<>();
    private final Set<String> otherThreadNames = new LinkedHashSet<>();
    private int otherThreadRecords;

    CapturingHandler(int level, boolean anyThread, boolean exclusive) {
        // The handler's own level stays NOTSET so that records below the capture level still
        // arrive, for the failure message; the capture level is applied in emit.
        this.captureLevel = level;
        this.exclusive = exclusive;
        this.threads = anyThread ? null : ConcurrentHashMap.newKeySet();
        // pytest's format reads the caller location, so records keep it for LogCapture.text().
        setFormatter(new Formatter(LogCapture.PYTEST_FORMAT));
    }

    int captureLevel() {
        return captureLevel;
    }

    /** Captures {@code level} and above from now on (pytest's {@code caplog.set_level}). */
    void setCaptureLevel(int level) {
        captureLevel = level;
    }

    /** Whether records this capture takes go nowhere else (Python's assertLogs) or on as before. */
    boolean exclusive() {
        return exclusive;
    }

    /** Whether a record from {@code record}'s thread belongs to this capture. */
    boolean accepts(LogRecord record) {
        return capturesThread(record.getThread());
    }

    boolean capturesThread(long id) {
        return threads == null || threads.contains(id);
    }

    void addThread(long id) {
        if (threads != null) threads.add(id);
    }

    void removeThread(long id) {
        if (threads != null) threads.remove(id);
    }

    /** Notes a record at the capture level that reached the logger from a thread not followed. */
    void noteOtherThread(LogRecord record) {
        if (record.getLevelno() < captureLevel) return;
        synchronized (records) {
            otherThreadRecords++;
            if (otherThreadNames.size() < HINTS) otherThreadNames.add(record.getThreadName());
        }
    }

    @Override
    protected void emit(LogRecord record) {
        record.getMessage();
        synchronized (records) {
            if (record.getLevelno() >= captureLevel) {
                records.add(record);
            } else if (below.size() < HINTS) {
                below.add(record);
            }
        }
    }

    /** Nothing to release, and the records stay readable: a reconfiguration closes every handler. */
    @Override
    public void close() {
    }

    List<LogRecord> snapshot() {
        synchronized (records) {
            return List.copyOf(records);
        }
    }

    List<LogRecord> below() {
        synchronized (records) {
            return List.copyOf(below);
        }
    }

    int otherThreadRecords() {
        synchronized (records) {
            return otherThreadRecords;
        }
    }

    List<String> otherThreadNames() {
        synchronized (records) {
            return List.copyOf(otherThreadNames);
        }
    }

    void clear() {
        synchronized (records) {
            records.clear();
            below.clear();
            otherThreadNames.clear();
            otherThreadRecords = 0;
        }
    }
}
