package dev.cairn.async;

import dev.cairn.FileHandler;
import dev.cairn.Formatter;
import dev.cairn.LogRecord;
import dev.cairn.StreamHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import dev.cairn.format.Utf8;

/**
 * The writer thread's way of writing to a plain {@link StreamHandler} or {@link FileHandler}:
 * each record is formatted into one reused text buffer, encoded into one reused byte buffer, and
 * the bytes go to the stream in large writes, with one flush when the queue runs dry, instead of
 * the handler's write-and-flush per record. The output bytes are the handler's own (its
 * formatter, terminator and encoding). Records this cannot encode cleanly (a character the
 * charset lacks) are handed to the handler's {@code handle}, which applies its errors policy.
 * Used by one thread only.
 */
final class BatchOutput {
    private static final Formatter DEFAULT_FORMATTER = new Formatter();
    /** Bytes gathered before a write; large enough that a write costs little per record. */
    private static final int BATCH_BYTES = 64 * 1024;
    /** A record longer than this keeps its text buffer only until the next record. */
    private static final int KEEP_TEXT = 16 * 1024;

    private final StreamHandler target;
    private final CharsetEncoder encoder;
    private final boolean utf8;
    private StringBuilder text = new StringBuilder(256);
    private char[] chars = new char[256];
    private CharBuffer charView = CharBuffer.wrap(chars);
    private final ByteBuffer bytes = ByteBuffer.allocate(BATCH_BYTES);
    /** Whether bytes were written since the last flush of the stream. */
    private boolean unflushed;

    private BatchOutput(StreamHandler target) {
        this.target = target;
        this.utf8 = target.getEncoding().charset() == StandardCharsets.UTF_8;
        this.encoder = target.getEncoding().charset().newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /**
     * A batch output for {@code target} when it is exactly a {@link StreamHandler} or
     * {@link FileHandler} (subclasses may rotate or reopen in {@code emit}, so they are written
     * record by record through {@code handle}); else null.
     */
    static BatchOutput forTarget(dev.cairn.Handler target) {
        Class<?> c = target.getClass();
        if (c == StreamHandler.class || c == FileHandler.class) return new BatchOutput((StreamHandler) target);
        return null;
    }

    /**
     * Formats and buffers one record that passed the target's level and filters; writes the
     * buffer first when the record does not fit. Returns false, having buffered nothing, when
     * the record must go through the target's {@code handle} instead (its stream is not open
     * yet, or the text does not encode cleanly); the caller must {@link #write} first so that
     * order is kept.
     */
    boolean append(LogRecord record) throws IOException {
        if (target.getStream() == null) return false;
        Formatter f = target.getFormatter();
        StringBuilder sb = text;
        sb.setLength(0);
        (f != null ? f : DEFAULT_FORMATTER).format(record, sb);
        sb.append(target.getTerminator());
        int n = sb.length();
        if (utf8 && 3 * n <= BATCH_BYTES) {
            // UTF-8 straight from the text buffer into the batch: no copy, no CharsetEncoder.
            if (bytes.remaining() < 3 * n) write();
            int end = Utf8.encode(sb, bytes.array(), bytes.position());
            if (end >= 0) {
                bytes.position(end);
                if (sb.capacity() > KEEP_TEXT) text = new StringBuilder(256);
                return true;
            }
        }
        if (chars.length < n) {
            chars = new char[Math.max(n, chars.length * 2)];
            charView = CharBuffer.wrap(chars);
        }
        sb.getChars(0, n, chars, 0);
        if (sb.capacity() > KEEP_TEXT) text = new StringBuilder(256);
        CharBuffer in = charView;
        in.clear().limit(n);
        int mark = bytes.position();
        encoder.reset();
        while (true) {
            CoderResult r = encoder.encode(in, bytes, true);
            if (r.isUnderflow()) r = encoder.flush(bytes);
            if (r.isUnderflow()) return true;
            if (r.isOverflow()) {
                // Write what came before this record, then encode it again from the start.
                bytes.position(mark);
                if (mark == 0) return encodeLarge(in);
                write();
                mark = 0;
                in.rewind();
                encoder.reset();
                continue;
            }
            bytes.position(mark);
            return false;
        }
    }

    /** A record bigger than the whole buffer: encoded on its own and written at once. */
    private boolean encodeLarge(CharBuffer in) throws IOException {
        in.rewind();
        ByteBuffer big;
        try {
            big = encoder.reset().encode(in);
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
        OutputStream out = target.getStream();
        out.write(big.array(), big.arrayOffset() + big.position(), big.remaining());
        unflushed = true;
        return true;
    }

    /** Writes the buffered bytes to the stream (without flushing it). */
    void write() throws IOException {
        if (bytes.position() == 0) return;
        OutputStream out = target.getStream();
        try {
            if (out != null) out.write(bytes.array(), 0, bytes.position());
        } finally {
            bytes.clear();
        }
        unflushed = true;
    }

    /** Writes the buffered bytes and flushes the stream: the queue has run dry. */
    void flush() throws IOException {
        write();
        if (unflushed) {
            unflushed = false;
            OutputStream out = target.getStream();
            if (out != null) out.flush();
        }
    }

    /** Bytes formatted but not yet written: what a hard kill could lose beyond the queue. */
    int pendingBytes() {
        return bytes.position();
    }
}
