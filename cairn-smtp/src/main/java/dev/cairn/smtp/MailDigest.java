package dev.cairn.smtp;

import dev.cairn.LogRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * The rate limit of {@link SMTPHandler}: at most one mail per interval. The first record after a
 * quiet interval is mailed at once; the records that follow within the interval are held, up to
 * a capacity, and mailed together as one digest when the interval ends. Thread safe: the
 * logging threads add, the handler's timer takes.
 */
final class MailDigest {
    /** A held record and its text, formatted when it was logged. */
    static final class Entry {
        final LogRecord record;
        final String subject;
        final String body;

        Entry(LogRecord record, String subject, String body) {
            this.record = record;
            this.subject = subject;
            this.body = body;
        }
    }

    /** What to do with a record just logged. */
    enum Decision { SEND_NOW, HELD_FIRST, HELD, DROPPED }

    private final List<Entry> held = new ArrayList<>();
    private int dropped;
    private long nextAllowed = System.nanoTime();

    /**
     * Decides for one record at {@code now} (System.nanoTime): sent now (and the interval
     * starts), held ({@code HELD_FIRST} when the caller must schedule the digest), or dropped
     * because {@code capacity} records are already held.
     */
    synchronized Decision offer(Entry entry, long now, long intervalNanos, int capacity) {
        if (held.isEmpty() && now - nextAllowed >= 0) {
            nextAllowed = now + intervalNanos;
            return Decision.SEND_NOW;
        }
        if (held.size() >= capacity) {
            dropped++;
            return Decision.DROPPED;
        }
        held.add(entry);
        return held.size() == 1 ? Decision.HELD_FIRST : Decision.HELD;
    }

    /** Nanoseconds until the held records may be mailed. */
    synchronized long delayNanos(long now) {
        return Math.max(0, nextAllowed - now);
    }

    /** Takes the held records (and the count of dropped ones) and starts a new interval. */
    synchronized Batch take(long now, long intervalNanos) {
        Batch b = new Batch(new ArrayList<>(held), dropped);
        held.clear();
        dropped = 0;
        if (!b.entries.isEmpty()) nextAllowed = now + intervalNanos;
        return b;
    }

    /** Records taken together for one mail. */
    static final class Batch {
        final List<Entry> entries;
        final int dropped;

        Batch(List<Entry> entries, int dropped) {
            this.entries = entries;
            this.dropped = dropped;
        }

        boolean isEmpty() {
            return entries.isEmpty();
        }

        /** The first record's subject, with the count when there is more than one record. */
        String subject() {
            String first = entries.get(0).subject;
            int total = entries.size() + dropped;
            return total == 1 ? first : first + " (" + total + " records)";
        }

        /** The records' texts, oldest first, under a line that counts them and any dropped. */
        String body() {
            if (entries.size() == 1 && dropped == 0) return entries.get(0).body;
            StringBuilder sb = new StringBuilder();
            sb.append(entries.size()).append(" records logged since the last mail");
            if (dropped > 0) sb.append("; ").append(dropped).append(" more were dropped (the digest was full)");
            sb.append(":\n");
            for (Entry e : entries) sb.append('\n').append(e.body).append('\n');
            return sb.toString();
        }
    }
}
