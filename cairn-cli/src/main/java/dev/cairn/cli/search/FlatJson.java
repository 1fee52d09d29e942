package dev.cairn.cli.search;

import dev.cairn.cli.read.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON-object line straight from its bytes, without building it, noting where the values
 * of a few wanted keys are. It reads only the lines whose meaning is plain from the bytes: all
 * ASCII, with no backslash escape in a string, so each value is exactly its bytes. Such a line it
 * accepts or rejects as {@link dev.cairn.cli.read.JsonLine} does, naming nested keys with dots
 * ({@code log.level}) and keeping the last of duplicate keys as it does; on any other line
 * {@link #read} returns false and the caller parses it. Not thread safe; the spans are valid
 * until the next {@link #read}.
 */
final class FlatJson {

    private static final long QUOTES = Bytes.lanes((byte) '"');
    private static final long BACKSLASHES = Bytes.lanes((byte) '\\');

    private final byte[][] keys;
    /** The first eight bytes of each key as {@link Bytes#word} reads them, and the mask of those a shorter key has. */
    private final long[] heads;
    private final long[] headMasks;
    /** Key ids by key length, for the lookup of each key read. */
    private final int[][] idsByLength;
    private final int[] starts;
    private final int[] ends;
    private final byte[] avoidPrefix;
    /** The flattened name of the key being read; a longer one makes the line not plain. */
    private final byte[] name = new byte[256];
    private byte[] line;

    /** Objects nested deeper than this make a line not plain (and keep the recursion shallow). */
    private static final int MAX_DEPTH = 16;

    /**
     * A reader that notes the values of {@code keys} (ids are their indexes); a line with a key
     * that starts with {@code avoidPrefix} (null for none) is not read.
     */
    FlatJson(List<String> keys, String avoidPrefix) {
        this.keys = new byte[keys.size()][];
        int longest = 0;
        for (int id = 0; id < keys.size(); id++) {
            this.keys[id] = keys.get(id).getBytes(StandardCharsets.UTF_8);
            longest = Math.max(longest, this.keys[id].length);
        }
        idsByLength = new int[longest + 1][];
        for (int length = 0; length <= longest; length++) {
            int n = 0;
            int[] ids = new int[keys.size()];
            for (int id = 0; id < keys.size(); id++) {
                if (this.keys[id].length == length) {
                    ids[n++] = id;
                }
            }
            idsByLength[length] = Arrays.copyOf(ids, n);
        }
        heads = new long[keys.size()];
        headMasks = new long[keys.size()];
        for (int id = 0; id < keys.size(); id++) {
            byte[] key = Arrays.copyOf(this.keys[id], 8);
            int length = Math.min(8, this.keys[id].length);
            headMasks[id] = length == 8 ? -1L : (1L << (8 * length)) - 1;
            heads[id] = Bytes.word(key, 0) & headMasks[id];
        }
        starts = new int[keys.size()];
        ends = new int[keys.size()];
        this.avoidPrefix = avoidPrefix == null ? null : avoidPrefix.getBytes(StandardCharsets.UTF_8);
    }

    /** True when key {@code id} was on the line read last. */
    boolean has(int id) {
        return starts[id] >= 0;
    }

    /** Where key {@code id}'s value starts in the line's bytes (inside the quotes of a string). */
    int start(int id) {
        return starts[id];
    }

    /** Where key {@code id}'s value ends, exclusive. */
    int end(int id) {
        return ends[id];
    }

    /** The bytes of the line read last. */
    byte[] bytes() {
        return line;
    }

    /** The value of key {@code id} as text, or null when absent. */
    String value(int id) {
        return starts[id] < 0 ? null : new String(line, starts[id], ends[id] - starts[id], StandardCharsets.ISO_8859_1);
    }

    /** The wanted keys present on the line read last, with their values, as the line's parse would have them. */
    Map<String, String> values() {
        Map<String, String> out = new HashMap<>();
        for (int id = 0; id < keys.length; id++) {
            if (starts[id] >= 0) {
                out.put(new String(keys[id], StandardCharsets.UTF_8), value(id));
            }
        }
        return out;
    }

    /**
     * Reads the object on {@code bytes[from, to)}; true when it is a well-formed object of the plain
     * kind described above, false when it is not (malformed, escaped or not ASCII).
     */
    boolean read(byte[] bytes, int from, int to) {
        line = bytes;
        Arrays.fill(starts, -1);
        if (from >= to || bytes[from] != '{') {
            return false;
        }
        int end = object(bytes, from, to, 0, 0);
        return end >= 0 && space(bytes, end, to) == to;
    }

    /**
     * Reads the object at {@code bytes[i]} (a '{') whose keys are named under the first
     * {@code prefix} bytes of {@link #name} (JsonLine's flattening: {@code log.level}); returns the
     * index after it, or -1 when the line is not of the plain kind.
     */
    private int object(byte[] bytes, int i, int to, int prefix, int depth) {
        if (depth > MAX_DEPTH) {
            return -1;
        }
        i = space(bytes, i + 1, to);
        if (i < to && bytes[i] == '}') {
            return i + 1;
        }
        while (true) {
            i = space(bytes, i, to);
            if (i >= to || bytes[i] != '"') {
                return -1;
            }
            int keyEnd = stringEnd(bytes, i + 1, to);
            if (keyEnd < 0) {
                return -1;
            }
            int nameLength;
            int id;
            if (prefix == 0) {
                nameLength = keyEnd - i - 1;
                id = id(bytes, i + 1, nameLength);
            } else {
                nameLength = name(bytes, i + 1, keyEnd, prefix);
                id = nameLength < 0 ? -2 : id(name, 0, nameLength);
            }
            if (id == -2) {
                return -1;
            }
            i = space(bytes, keyEnd + 1, to);
            if (i >= to || bytes[i] != ':') {
                return -1;
            }
            i = space(bytes, i + 1, to);
            if (i >= to) {
                return -1;
            }
            byte c = bytes[i];
            int next;
            if (c == '{') {
                if (prefix == 0) {
                    name(bytes, keyEnd - nameLength, keyEnd, 0);  // the first part of the nested names
                }
                next = object(bytes, i, to, nameLength, depth + 1);
                if (next < 0) {
                    return -1;
                }
            } else {
                int start;
                int end;
                if (c == '"') {
                    start = i + 1;
                    end = stringEnd(bytes, start, to);
                    next = end + 1;
                } else if (c == '[') {
                    start = i;
                    end = arrayEnd(bytes, i, to);
                    next = end;
                } else {
                    start = i;
                    end = wordEnd(bytes, i, to);
                    next = end;
                }
                if (end < 0 || end == start && c != '"') {
                    return -1;
                }
                if (id >= 0) {
                    starts[id] = start;
                    ends[id] = end;
                }
            }
            i = space(bytes, next, to);
            if (i >= to) {
                return -1;
            }
            byte after = bytes[i++];
            if (after == '}') {
                return i;
            }
            if (after != ',') {
                return -1;
            }
        }
    }

    /** Puts the flattened name of the key {@code bytes[from, to)} after {@code prefix} bytes of {@link #name}; its length, or -1 if too long. */
    private int name(byte[] bytes, int from, int to, int prefix) {
        int length = prefix == 0 ? to - from : prefix + 1 + to - from;
        if (length > name.length) {
            return -1;
        }
        if (prefix > 0) {
            name[prefix] = '.';
            prefix++;
        }
        System.arraycopy(bytes, from, name, prefix, to - from);
        return length;
    }

    /** The id of the key in {@code bytes[from, from + length)}: -1 when not wanted, -2 when it starts with the avoided prefix. */
    private int id(byte[] bytes, int from, int length) {
        if (avoidPrefix != null && length >= avoidPrefix.length && Bytes.startsWith(bytes, from, avoidPrefix)) {
            return -2;
        }
        if (length >= idsByLength.length || idsByLength[length].length == 0) {
            return -1;
        }
        if (from + 8 > bytes.length) {
            for (int id : idsByLength[length]) {
                if (Bytes.startsWith(bytes, from, keys[id])) {
                    return id;
                }
            }
            return -1;
        }
        // Compare eight bytes at once first: a line's keys are mostly not wanted ones of the same length.
        long head = Bytes.word(bytes, from);
        for (int id : idsByLength[length]) {
            if ((head & headMasks[id]) == heads[id] && (length <= 8 || Bytes.startsWith(bytes, from, keys[id]))) {
                return id;
            }
        }
        return -1;
    }

    /**
     * The index of the quote that closes the string whose text starts at {@code from}, or -1 when
     * there is none or a backslash or non-ASCII byte comes first. Eight bytes at a time: strings
     * (messages, trace ids, times) are most of a line.
     */
    private static int stringEnd(byte[] bytes, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long word = Bytes.word(bytes, i);
            long quote = Bytes.lanesEqual(word, QUOTES);
            long stop = Bytes.lanesEqual(word, BACKSLASHES) | Bytes.nonAscii(word);
            if ((quote | stop) != 0) {
                // The string ends here when no stop comes before the first quote (none below its lowest
                // bit; with no quote, below bit 64). Masks, not numberOfTrailingZeros: C1 calls it.
                return (stop & ((quote & -quote) - 1)) == 0 ? i + Bytes.firstLane(quote) : -1;
            }
        }
        for (; i < to; i++) {
            byte b = bytes[i];
            if (b == '"') {
                return i;
            }
            if (b == '\\' || b < 0) {
                return -1;
            }
        }
        return -1;
    }

    /** The end of a bare value (number, literal), as JsonLine's skipValue finds it; -1 at a non-ASCII byte. */
    private static int wordEnd(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to) {
            byte b = bytes[i];
            if (b == ',' || b == '}' || b == ']' || b == ' ' || b == '\t' || b == '\r' || b == '\n') {
                break;
            }
            if (b < 0) {
                return -1;
            }
            i++;
        }
        return i;
    }

    /** The end of an array (after its bracket), as JsonLine's skipValue finds it, or -1. */
    private static int arrayEnd(byte[] bytes, int from, int to) {
        int depth = 0;
        int i = from;
        do {
            if (i >= to) {
                return -1;
            }
            byte b = bytes[i];
            if (b == '"') {
                int end = stringEnd(bytes, i + 1, to);
                if (end < 0) {
                    return -1;
                }
                i = end + 1;
                continue;
            }
            if (b < 0) {
                return -1;
            }
            if (b == '[' || b == '{') {
                depth++;
            } else if (b == ']' || b == '}') {
                depth--;
            }
            i++;
        } while (depth > 0);
        return i;
    }

    /** The first index at or after {@code i} that is not JSON white space (as JsonLine's skipSpace). */
    private static int space(byte[] bytes, int i, int to) {
        while (i < to) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return i;
            }
            i++;
        }
        return i;
    }
}
