package dev.cairn.cli.read;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Searching byte arrays eight bytes at a time ("SWAR": a {@code long} read as eight lanes), for the
 * reading loops that look at every byte of a log. Java 17 has no vectorised search over a
 * {@code byte[]}; a byte-at-a-time loop found lines at about 1 GB/s, this at about 3 GB/s.
 */
public final class Bytes {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private Bytes() {
    }

    /** The eight bytes at {@code i}, the byte at {@code i} in the lowest lane. */
    public static long word(byte[] bytes, int i) {
        return (long) LONGS.get(bytes, i);
    }

    /** {@code value} in each of the eight lanes, for {@link #lanesEqual}. */
    public static long lanes(byte value) {
        return ONES * (value & 0xff);
    }

    /**
     * A mask whose lowest set bit is the high bit of the first lane of {@code word} equal to the lane
     * of {@code lanes}, or 0 when none is. Lanes above the first equal one may be marked wrongly.
     */
    public static long lanesEqual(long word, long lanes) {
        long x = word ^ lanes;
        return (x - ONES) & ~x & HIGHS;
    }

    /** A mask of the lanes of {@code word} holding a byte of 0x80 or more (not ASCII). */
    public static long nonAscii(long word) {
        return word & HIGHS;
    }

    /** Lane numbers 7 to 0 in bytes 0 to 7: shifted left by 8 * lane, the top byte is the lane. */
    private static final long LANE_NUMBERS = 0x0001020304050607L;

    /**
     * The lane (0 to 7) of a mask's lowest marked lane; a mask marks lanes by their high bit only. A
     * multiply instead of {@link Long#numberOfTrailingZeros}, which C1 (the JIT cairn search runs on)
     * does not turn into one instruction: 7 ns a call under C1, this 2 to 3 (0.5 and 0.4 under C2).
     */
    public static int firstLane(long mask) {
        return (int) ((((mask & -mask) >>> 7) * LANE_NUMBERS) >>> 56);
    }

    /** The index of the first {@code value} in {@code bytes[from, to)}, or -1. */
    public static int indexOf(byte[] bytes, int from, int to, byte value) {
        int i = from;
        long lanes = lanes(value);
        for (; i + 8 <= to; i += 8) {
            long found = lanesEqual(word(bytes, i), lanes);
            if (found != 0) {
                return i + firstLane(found);
            }
        }
        for (; i < to; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the first occurrence of {@code needle} (not empty) in {@code bytes[from, to)}, or -1. */
    public static int indexOf(byte[] bytes, int from, int to, byte[] needle) {
        return indexOf(bytes, from, to, needle, 0);
    }

    /**
     * As {@link #indexOf(byte[], int, int, byte[])}, searching first for the needle's byte at
     * {@code probe} (see {@link #rarestByte}): {@code app.db} sought by its 'a' stops at every
     * "handled" and "trace" of a log line, by its 'b' seldom.
     */
    public static int indexOf(byte[] bytes, int from, int to, byte[] needle, int probe) {
        byte sought = needle[probe];
        int last = to - needle.length;
        for (int i = from; i <= last; i++) {
            int at = indexOf(bytes, i + probe, last + 1 + probe, sought);
            if (at < 0) {
                return -1;
            }
            i = at - probe;
            if (startsWith(bytes, i, needle)) {
                return i;
            }
        }
        return -1;
    }

    /** Lower-case letters from the most to the least frequent in English text. */
    private static final String LETTERS = "etaoinsrhldcumfpgwybvkxjqz";

    /**
     * The index of the byte of {@code needle} likely to be rarest in log text, by a fixed guess:
     * digits, spaces and JSON punctuation are everywhere, lower-case letters as often as in English,
     * other bytes seldom.
     */
    public static int rarestByte(byte[] needle) {
        int best = 0;
        int bestRank = -1;
        for (int k = 0; k < needle.length; k++) {
            int b = needle[k] & 0xff;
            int letter = LETTERS.indexOf(b);
            int rank = letter >= 0 ? 1 + letter
                    : b >= '0' && b <= '9' || " \":,.-_/{}[]".indexOf(b) >= 0 ? 0 : LETTERS.length() + 1;
            if (rank > bestRank) {
                best = k;
                bestRank = rank;
            }
        }
        return best;
    }

    /** True when {@code bytes} holds {@code prefix} at {@code at} (the caller checks it fits). */
    public static boolean startsWith(byte[] bytes, int at, byte[] prefix) {
        for (int k = 1; k < prefix.length; k++) {
            if (bytes[at + k] != prefix[k]) {
                return false;
            }
        }
        return prefix.length == 0 || bytes[at] == prefix[0];
    }
}
