package dev.cairn.async;

import dev.cairn.FileHandler;
import dev.cairn.Formatter;
import dev.cairn.LogRecord;
import dev.cairn.StreamHandler;
import dev.cairn.format.Utf8Output;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The writer thread's way of writing to a plain {@link StreamHandler} or {@link FileHandler}:
 * each record's bytes are appended to one reused batch buffer (for UTF-8, written there by the
 * formatter directly, see {@link Formatter#formatUtf8}), and the batch goes to the stream in
 * large writes, with one flush when the queue runs dry, instead of the handler's
 * write-and-flush per record. The output bytes are the handler's own (its formatter,
 * terminator and encoding). Records this cannot encode cleanly (a character the charset lacks)
 * are handed to the handler's {@code handle}, which applies its errors policy. Used by one
 * thread only.
 */
final class BatchOutput {
    private static final Formatter DEFAULT_FORMATTER = new Formatter();
    /**
     * Bytes gathered before a write; large enough that a write costs little per record. Between
     * records fewer than this are pending, which bounds what a hard kill loses beyond the queue.
     */
    private static final int BATCH_BYTES = 64 * 1024;

    private final StreamHandler target;
    private final CharsetEncoder encoder;
    private final boolean utf8;
    private final Utf8Output batch = new Utf8Output(BATCH_BYTES + 4096);
    /** Text of records that take the general path (another charset, or text UTF-8 refuses). */
    private StringBuilder text = new StringBuilder(256);
    private char[] chars = new char[256];
    private CharBuffer charView = CharBuffer.wrap(chars);
    private ByteBuffer encoded = ByteBuffer.allocate(1024);
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
     * Formats and buffers one record that passed the target's level and filters, writing the
     * batch once it holds {@link #BATCH_BYTES}. Returns false, having buffered nothing, when the
     * record must go through the target's {@code handle} instead (its stream is not open yet, or
     * the text does not encode cleanly); the caller must {@link #write} first so that order is
     * kept.
     */
    boolean append(LogRecord record) throws IOException {
        if (target.getStream() == null) return false;
        Formatter f = target.getFormatter();
        Formatter formatter = f != null ? f : DEFAULT_FORMATTER;
        String end = target.getTerminator();
        int mark = batch.size();
        if (utf8 && formatter.formatUtf8(record, batch)) {
            if (!batch.append(end)) {
                batch.truncate(mark);
                return appendText(record, formatter, end);
            }
        } else if (!appendText(record, formatter, end)) {
            return false;
        }
        if (batch.size() >= BATCH_BYTES) write();
        return true;
    }

    /** The general path: the record formatted as text, then encoded into the batch. */
    private boolean appendText(LogRecord record, Formatter formatter, String end) throws IOException {
        StringBuilder sb = text;
        sb.setLength(0);
        if (formatter.formatsIntoBuilder()) formatter.format(record, sb);
        else sb.append(formatter.format(record));
        sb.append(end);
        boolean appended = utf8 ? batch.append(sb) : encode(sb);
        // One huge record must not keep its text buffer for the writer's life.
        if (sb.capacity() > BATCH_BYTES) text = new StringBuilder(256);
        return appended;
    }

    /**
     * Encodes text in the target's (non-UTF-8) charset onto the batch through reused buffers;
     * false when a character does not encode.
     */
    private boolean encode(StringBuilder sb) {
        int n = sb.length();
        if (chars.length < n) {
            chars = new char[Math.max(n, 2 * chars.length)];
            charView = CharBuffer.wrap(chars);
        }
        sb.getChars(0, n, chars, 0);
        CharBuffer in = charView;
        in.clear().limit(n);
        encoder.reset();
        encoded.clear();
        while (true) {
            CoderResult r = encoder.encode(in, encoded, true);
            if (r.isUnderflow()) r = encoder.flush(encoded);
            if (r.isUnderflow()) break;
            if (!r.isOverflow()) return false;
            ByteBuffer bigger = ByteBuffer.allocate(2 * encoded.capacity());
            encoded.flip();
            bigger.put(encoded);
            encoded = bigger;
        }
        batch.write(encoded.array(), 0, encoded.position());
        if (encoded.capacity() > BATCH_BYTES) encoded = ByteBuffer.allocate(1024);
        if (chars.length > BATCH_BYTES) {
            chars = new char[256];
            charView = CharBuffer.wrap(chars);
        }
        return true;
    }

    /** Writes the buffered bytes to the stream (without flushing it). */
    void write() throws IOException {
        if (batch.size() == 0) return;
        OutputStream out = target.getStream();
        try {
            if (out != null) out.write(batch.array(), 0, batch.size());
        } finally {
            batch.reset();
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
        batch.shrink();
    }

    /** Bytes formatted but not yet written: what a hard kill could lose beyond the queue. */
    int pendingBytes() {
        return batch.size();
    }
}
