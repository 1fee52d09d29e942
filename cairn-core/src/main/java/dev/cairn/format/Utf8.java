package dev.cairn.format;

/**
 * Strict UTF-8 encoding of text held in a {@link CharSequence} (a reused StringBuilder) into a
 * reused byte array, allocating nothing. The JDK's CharsetEncoder needs a CharBuffer view of
 * the text, which costs an object (and a copy) per record; this loop is the garbage-free path
 * of the stream handlers, measured by cairn-bench's SyncFileBench. Stateless and thread-safe.
 */
public final class Utf8 {
    private Utf8() {
    }

    /**
     * Encodes {@code text} into {@code out} from index 0 and returns the number of bytes, or -1
     * when the text holds a lone surrogate (strict UTF-8 refuses it; the caller then applies its
     * errors policy). {@code out} must hold at least {@code 3 * text.length()} bytes.
     */
    public static int encode(CharSequence text, byte[] out) {
        return encode(text, out, 0);
    }

    /**
     * As {@link #encode(CharSequence, byte[])}, writing from {@code offset}; returns the offset
     * after the last byte, or -1. {@code out} must hold {@code 3 * text.length()} bytes from there.
     */
    public static int encode(CharSequence text, byte[] out, int offset) {
        int n = text.length();
        int j = offset;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out[j++] = (byte) c;
            } else if (c < 0x800) {
                out[j++] = (byte) (0xC0 | (c >> 6));
                out[j++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 >= n || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return -1;
                }
                int cp = Character.toCodePoint(c, text.charAt(++i));
                out[j++] = (byte) (0xF0 | (cp >> 18));
                out[j++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                out[j++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                out[j++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                out[j++] = (byte) (0xE0 | (c >> 12));
                out[j++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[j++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return j;
    }
}
