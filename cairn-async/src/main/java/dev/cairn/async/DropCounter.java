package dev.cairn.async;

import dev.cairn.Level;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the records an {@link AsyncHandler} refused, by level band (DEBUG and below, INFO,
 * WARNING, ERROR, CRITICAL and above), without a shared write on the path where nothing is
 * dropped. Thread-safe.
 */
final class DropCounter {
    private static final int[] BANDS = {Level.DEBUG, Level.INFO, Level.WARNING, Level.ERROR, Level.CRITICAL};
    private final LongAdder[] counts = new LongAdder[BANDS.length];
    private final long[] reported = new long[BANDS.length];

    DropCounter() {
        for (int i = 0; i < counts.length; i++) counts[i] = new LongAdder();
    }

    void count(int levelno) {
        counts[band(levelno)].increment();
    }

    private static int band(int levelno) {
        for (int i = BANDS.length - 1; i > 0; i--) {
            if (levelno >= BANDS[i]) return i;
        }
        return 0;
    }

    /** All records dropped since the handler was made. */
    long total() {
        long t = 0;
        for (LongAdder c : counts) t += c.sum();
        return t;
    }

    /**
     * The drops since the last call, as {@code "12 records (DEBUG 10, INFO 2)"}, or null when
     * there were none. Called by one thread (the writer, or close).
     */
    synchronized String unreported() {
        StringBuilder detail = new StringBuilder();
        long total = 0;
        for (int i = 0; i < counts.length; i++) {
            long now = counts[i].sum();
            long n = now - reported[i];
            if (n <= 0) continue;
            reported[i] = now;
            total += n;
            if (detail.length() > 0) detail.append(", ");
            detail.append(Level.getLevelName(BANDS[i])).append(' ').append(n);
        }
        if (total == 0) return null;
        return total + (total == 1 ? " record (" : " records (") + detail + ")";
    }
}
