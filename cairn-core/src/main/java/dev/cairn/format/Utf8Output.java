package dev.cairn.format;

import java.util.Arrays;

/**
 * A reusable, growable byte buffer that text is appended to as strict UTF-8: what a handler
 * writes a record's bytes into without making a String or a char buffer first. Appending text
 * that holds a lone surrogate (strict UTF-8 refuses it) appends nothing and returns false, so
 * the caller can take the path that applies its errors policy. Also carries a scratch
 * StringBuilder for pieces that are easier to render as text first. Used by one thread at a time.
 */
public final class Utf8Output {
    /** A buffer grown past this is given up by {@link #shrink()}, so one huge record does not keep it. */
    private static final int KEEP_BYTES = 64 * 1024;

    private final int initialCapacity;
    private byte[] bytes;
    private int size;
    private StringBuilder scratch = new StringBuilder(64);

    public Utf8Output(int initialCapacity) {
        if (initialCapacity < 16) throw new IllegalArgumentException("initial capacity must be at least 16, got " + initialCapacity);
        this.initialCapacity = initialCapacity;
        this.bytes = new byte[initialCapacity];
    }

    /** The buffer; bytes {@code 0..size()-1} are the content. Valid until the next append. */
    public byte[] array() {
        return bytes;
    }

    public int size() {
        return size;
    }

    /** Empties the buffer, keeping its storage. */
    public void reset() {
        size = 0;
    }

    /** Drops every byte from {@code newSize} on: undoes appends made since {@code size()} was {@code newSize}. */
    public void truncate(int newSize) {
        if (newSize < 0 || newSize > size) throw new IndexOutOfBoundsException("size " + newSize + " outside 0.." + size);
        size = newSize;
    }

    /** Empties the buffer and gives up storage grown beyond its initial capacity and 64 KiB. */
    public void shrink() {
        size = 0;
        if (bytes.length > Math.max(KEEP_BYTES, initialCapacity)) bytes = new byte[initialCapacity];
        if (scratch.capacity() > KEEP_BYTES) scratch = new StringBuilder(64);
    }

    /** A StringBuilder for this buffer's user to render text in before appending it; not cleared here. */
    public StringBuilder scratch() {
        return scratch;
    }

    /** Appends bytes as they are (already encoded text). */
    public void write(byte[] b) {
        write(b, 0, b.length);
    }

    /** Appends {@code length} bytes of {@code b} from {@code offset}, as they are. */
    public void write(byte[] b, int offset, int length) {
        ensure(length);
        System.arraycopy(b, offset, bytes, size, length);
        size += length;
    }

    /** Appends one byte. */
    public void write(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    /** Appends {@code count} copies of {@code b}. */
    public void repeat(int b, int count) {
        if (count <= 0) return;
        ensure(count);
        Arrays.fill(bytes, size, size + count, (byte) b);
        size += count;
    }

    /**
     * Appends {@code text} as UTF-8 and returns true, or returns false having appended nothing
     * when it holds a lone surrogate.
     */
    public boolean append(CharSequence text) {
        ensure(3 * text.length());
        int end = Utf8.encode(text, bytes, size);
        if (end < 0) return false;
        size = end;
        return true;
    }

    /**
     * Appends chars {@code 0..count-1} of {@code text} when they are all ASCII (one byte each) and
     * returns true; else returns false having appended nothing.
     */
    public boolean appendAscii(CharSequence text, int count) {
        ensure(count);
        byte[] b = bytes;
        int j = size;
        for (int i = 0; i < count; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) return false;
            b[j++] = (byte) c;
        }
        size = j;
        return true;
    }

    /** Appends the decimal digits of {@code value}, as {@code StringBuilder.append(long)} would. */
    public void appendDecimal(long value) {
        if (value == Long.MIN_VALUE) {
            appendAscii("-9223372036854775808", 20);
            return;
        }
        ensure(20);
        if (value < 0) {
            bytes[size++] = '-';
            value = -value;
        }
        int end = size + digits(value);
        int i = end;
        // int division is much cheaper than long division; levels, ports and line numbers fit.
        for (; value > Integer.MAX_VALUE; value /= 10) bytes[--i] = (byte) ('0' + value % 10);
        int v = (int) value;
        do {
            bytes[--i] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v != 0);
        size = end;
    }

    private static int digits(long value) {
        int n = 1;
        for (long limit = 10; n < 19 && value >= limit; limit *= 10) n++;
        return n;
    }

    /**
     * Appends {@code value} zero-padded to three digits (milliseconds), as
     * {@code Formatter.formatTime} writes them: values outside 0..999 get the same zeros
     * prepended for values below 100 and 10 as there.
     */
    public void appendThreeDigits(int value) {
        if (value < 0 || value > 999) {
            if (value < 100) write('0');
            if (value < 10) write('0');
            appendDecimal(value);
            return;
        }
        ensure(3);
        bytes[size] = (byte) ('0' + value / 100);
        bytes[size + 1] = (byte) ('0' + value / 10 % 10);
        bytes[size + 2] = (byte) ('0' + value % 10);
        size += 3;
    }

    private void ensure(int more) {
        int needed = size + more;
        if (needed > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(needed, 2 * bytes.length));
    }
}
