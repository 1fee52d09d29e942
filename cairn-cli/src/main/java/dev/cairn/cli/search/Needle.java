package dev.cairn.cli.search;

import dev.cairn.cli.read.Bytes;

/**
 * A run of bytes sought in log lines, eight start positions at a time: a position is a candidate
 * only when two chosen bytes of the needle are both in their places, and only candidates are
 * compared in full. The two bytes are chosen from the lines searched first, as the pair rarest in
 * the log at hand: the letters of a value such as {@code alice} are those of every key of a JSON
 * line ({@code level}, {@code service}, {@code trace_id}), so any one of them is on every line
 * several times; measured on the bench's JSON lines, 'c' stopped the search five times a line and
 * "l?c" once in three lines (the lines holding alice). Not thread safe.
 */
final class Needle {

    /** Lines whose bytes are counted before the two bytes are chosen. */
    static final int SAMPLE_LINES = 64;

    private static final long LOWS = 0x7F7F7F7F7F7F7F7FL;
    private static final long BACKSLASHES = Bytes.lanes((byte) '\\');

    private final byte[] needle;
    private final int[] counts = new int[256];
    private int sampled;
    /** Offsets in the needle of the two bytes compared first, {@code first <= second}. */
    private int first;
    private int second;
    private long firstLanes;
    private long secondLanes;

    /** A needle of one or more bytes. */
    Needle(byte[] needle) {
        if (needle.length == 0) {
            throw new IllegalArgumentException("empty needle");
        }
        this.needle = needle.clone();
        probe(0, needle.length - 1);  // first and last until the log has been sampled
    }

    /** The bytes sought. */
    byte[] bytes() {
        return needle.clone();
    }

    private void probe(int a, int b) {
        first = Math.min(a, b);
        second = Math.max(a, b);
        firstLanes = Bytes.lanes(needle[first]);
        secondLanes = Bytes.lanes(needle[second]);
    }

    /** The index of the first occurrence in {@code bytes[from, to)}, or -1. */
    int indexIn(byte[] bytes, int from, int to) {
        return find(bytes, from, to, false);
    }

    /**
     * True when the needle is not in {@code bytes[from, to)} and no backslash is either: in a JSON
     * line, text that is not there unescaped could still be there escaped ({@code \u0061lice}).
     */
    boolean absentUnescaped(byte[] bytes, int from, int to) {
        return find(bytes, from, to, true) < 0;
    }

    /** The index of the needle or, with {@code orBackslash}, of it or of a backslash (whichever is found first); -1 if neither is there. */
    private int find(byte[] bytes, int from, int to, boolean orBackslash) {
        if (sampled < SAMPLE_LINES) {
            sample(bytes, from, to);
        }
        int length = needle.length;
        int last = to - length;  // the last start the needle fits at
        int p = from;
        // Words are read at p + first and p + second, so p + second + 8 <= to keeps both within the line.
        for (; p + second + 8 <= to; p += 8) {
            long candidates = equalLanes(Bytes.word(bytes, p + first), firstLanes)
                    & equalLanes(Bytes.word(bytes, p + second), secondLanes);
            if (orBackslash) {
                long backslashes = equalLanes(Bytes.word(bytes, p), BACKSLASHES);
                if (backslashes != 0) {
                    return p + Bytes.firstLane(backslashes);
                }
            }
            for (; candidates != 0; candidates &= candidates - 1) {
                int at = p + Bytes.firstLane(candidates);
                if (at <= last && Bytes.startsWith(bytes, at, needle)) {
                    return at;
                }
            }
        }
        for (; p < to; p++) {
            if (orBackslash && bytes[p] == '\\') {
                return p;
            }
            if (p <= last && Bytes.startsWith(bytes, p, needle)) {
                return p;
            }
        }
        return -1;
    }

    /**
     * A mask with the high bit of each lane of {@code word} equal to that of {@code lanes}, exactly
     * (unlike {@link Bytes#lanesEqual}, no lane is marked by a borrow from the lane below): the
     * candidates of a word are visited one by one.
     */
    private static long equalLanes(long word, long lanes) {
        long x = word ^ lanes;
        return ~(((x & LOWS) + LOWS) | x | LOWS);
    }

    /** Counts the bytes of a line searched; after {@link #SAMPLE_LINES} lines, picks the two rarest bytes of the needle. */
    private void sample(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            counts[bytes[i] & 0xff]++;
        }
        if (++sampled == SAMPLE_LINES && needle.length > 1) {
            int a = 0;
            int b = needle.length - 1;
            long best = Long.MAX_VALUE;
            for (int i = 0; i < needle.length; i++) {
                for (int j = i + 1; j < needle.length; j++) {
                    // How often both bytes are on a line, guessed as if they were independent.
                    long score = (long) counts[needle[i] & 0xff] * counts[needle[j] & 0xff];
                    if (score < best) {
                        best = score;
                        a = i;
                        b = j;
                    }
                }
            }
            probe(a, b);
        }
    }
}
