package dev.cairn.cli.read;

import com.github.luben.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Reads a log file line by line from bytes: gzip and zstd are recognised by their magic numbers, line ends may be
 * LF or CRLF, and each line is decoded as UTF-8 or, when it is not valid UTF-8, as Latin-1, so a file
 * of mixed encodings reads without replacement characters; UTF-16 files are recognised too (see
 * {@link #open}). A line longer than {@link #MAX_LINE_BYTES} is skipped, never held whole, and
 * reported to the {@linkplain #onOverlongLine listener}. Not thread safe, except
 * {@link #bytesRead}.
 */
public final class LineSource implements Closeable {

    private final InputStream in;
    private byte[] buffer = new byte[1 << 18];
    private int position;
    private int limit;
    private long lineNumber;
    private volatile long bytesRead;  // read by the progress bar's thread
    private boolean eof;
    private int lineStart;
    private int lineEnd;
    /** The line before the current one, kept in the buffer for readers that skip a line and may go back to it; -1 when gone. */
    private int previousStart = -1;
    private int previousEnd = -1;

    /** Wraps a stream that is already open; the source closes it. */
    public LineSource(InputStream in) {
        this.in = in;
    }

    /**
     * Longest line read, in bytes: a longer line is skipped without being held in memory, and
     * reported to the {@linkplain #onOverlongLine listener}. 8 MiB holds any stack trace or JSON
     * record seen in practice, while a 50 MB line (a payload dumped by mistake) neither fills the
     * heap nor slows the scan.
     */
    public static final int MAX_LINE_BYTES = 8 << 20;

    /** Told of each line skipped for being longer than {@link #MAX_LINE_BYTES}. */
    @FunctionalInterface
    public interface OverlongLines {

        /** Line {@code lineNumber} had {@code bytes} bytes and was skipped; {@code start} is its first 200 bytes, decoded. */
        void skipped(long lineNumber, long bytes, String start);
    }

    private OverlongLines overlong;

    /**
     * Opens a plain, gzip or zstd file, told apart by their first bytes, not by the name. The text
     * inside may be UTF-8 (with or without a byte order mark, Latin-1 lines tolerated) or UTF-16
     * with a byte order mark or whose first characters are ASCII; UTF-16 is turned into UTF-8.
     */
    public static LineSource open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        int[] magic = peek(raw);
        if (magic[0] == 0x1f && magic[1] == 0x8b) {
            return new LineSource(text(new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16)));
        }
        if (magic[0] == 0x28 && magic[1] == 0xb5 && magic[2] == 0x2f && magic[3] == 0xfd) {
            return new LineSource(text(new BufferedInputStream(new ZstdInputStream(raw), 1 << 16)));
        }
        return new LineSource(text(raw));
    }

    /** Sets who is told of lines skipped for being too long (by default nobody). */
    public void onOverlongLine(OverlongLines listener) {
        this.overlong = listener;
    }

    private static int[] peek(InputStream in) throws IOException {
        in.mark(4);
        int[] first = {in.read(), in.read(), in.read(), in.read()};
        in.reset();
        return first;
    }

    /** {@code in} past a UTF-8 byte order mark, or UTF-16 text re-encoded as UTF-8. */
    private static InputStream text(InputStream in) throws IOException {
        int[] b = peek(in);
        if (b[0] == 0xef && b[1] == 0xbb && b[2] == 0xbf) {
            in.skipNBytes(3);
            return in;
        }
        if (b[0] == 0xff && b[1] == 0xfe || b[0] == 0xfe && b[1] == 0xff) {
            in.skipNBytes(2);
            return new Utf16Input(in, b[0] == 0xff ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE);
        }
        // No mark: log text starts with ASCII, which UTF-16 writes with a zero byte beside each character.
        if (b[0] > 0 && b[1] == 0 && b[2] > 0 && b[3] == 0) {
            return new Utf16Input(in, StandardCharsets.UTF_16LE);
        }
        if (b[0] == 0 && b[1] > 0 && b[2] == 0 && b[3] > 0) {
            return new Utf16Input(in, StandardCharsets.UTF_16BE);
        }
        return in;
    }

    /** The next line without its line end, or null at the end of the input. */
    public String readLine() throws IOException {
        return advance() ? line() : null;
    }

    /**
     * Moves to the next line without decoding it, for readers that look at the bytes first; false at
     * the end of the input. The line is then {@code bytes()[start(), end())}, without its line end,
     * until the next call; {@link #line()} decodes it.
     */
    public boolean advance() throws IOException {
        int scanned = position;  // no newline in [position, scanned): only new bytes are searched
        while (true) {
            int newline = Bytes.indexOf(buffer, scanned, limit, (byte) '\n');
            if (newline >= 0) {
                take(newline, newline + 1);
                return true;
            }
            if (eof) {
                if (position < limit) {
                    take(limit, limit);
                    return true;
                }
                return false;
            }
            if (limit - position >= MAX_LINE_BYTES) {
                skipOverlongLine();
                scanned = position;
                continue;
            }
            int unscanned = limit - position;
            fill();
            scanned = position + unscanned;
        }
    }

    /** Makes [position, end) the current line, less a CR before the LF, and moves past it to {@code next}. */
    private void take(int end, int next) {
        previousStart = lineStart;
        previousEnd = lineEnd;
        lineStart = position;
        lineEnd = end > position && buffer[end - 1] == '\r' ? end - 1 : end;
        bytesRead += next - position;
        position = next;
        lineNumber++;
    }

    /** The buffer holding the current line's bytes; lent until the next call to {@link #advance}. */
    public byte[] bytes() {
        return buffer;
    }

    /** Where the current line starts in {@link #bytes()}. */
    public int start() {
        return lineStart;
    }

    /** Where the current line ends in {@link #bytes()}, exclusive, before any line end. */
    public int end() {
        return lineEnd;
    }

    /**
     * Where the line before the current one starts in {@link #bytes()}, or -1 when there was none:
     * it stays in the buffer until the next call to {@link #advance}, so that a reader may skip a
     * line unread and still read it when the line after shows it was needed (its stack trace).
     */
    public int previousStart() {
        return previousStart;
    }

    /** Where the line before the current one ends in {@link #bytes()}, exclusive, before any line end. */
    public int previousEnd() {
        return previousEnd;
    }

    /** The current line, decoded (see {@link #decode(byte[], int, int)}). */
    public String line() {
        return decode(buffer, lineStart, lineEnd);
    }

    /** Drops the line that starts at {@code position} and has no end within {@link #MAX_LINE_BYTES}, reading on to its end. */
    private void skipOverlongLine() throws IOException {
        String start = decode(buffer, position, position + 200);
        long bytes = limit - position;
        // The current line stays, at the start of the buffer: it is the previous line once this one is skipped.
        int kept = lineEnd - lineStart;
        System.arraycopy(buffer, lineStart, buffer, 0, kept);
        lineStart = 0;
        lineEnd = kept;
        position = kept;
        limit = kept;
        while (true) {
            int n = in.read(buffer, kept, buffer.length - kept);
            if (n < 0) {
                eof = true;
                break;
            }
            int newline = Bytes.indexOf(buffer, kept, kept + n, (byte) '\n');
            if (newline >= 0) {
                bytes += newline - kept;
                position = newline + 1;
                limit = kept + n;
                bytesRead += 1;
                break;
            }
            bytes += n;
        }
        bytesRead += bytes;
        lineNumber++;
        if (overlong != null) {
            overlong.skipped(lineNumber, bytes, start);
        }
    }

    /** Number of the line last returned, from 1. */
    public long lineNumber() {
        return lineNumber;
    }

    /** Bytes consumed so far (uncompressed), for progress and throughput. */
    public long bytesRead() {
        return bytesRead;
    }

    private void fill() throws IOException {
        // The bytes from the current line on are kept: the current line is the previous one after the next advance.
        int keep = Math.min(lineStart, position);
        if (buffer.length > 1 << 20 && limit - keep < 1 << 15) {
            // Back to the usual size after a long line: a command keeps one source open per rotated set.
            buffer = Arrays.copyOfRange(buffer, keep, keep + (1 << 16));
            shift(keep);
        } else if (keep > 0) {
            System.arraycopy(buffer, keep, buffer, 0, limit - keep);
            shift(keep);
        }
        if (limit == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);  // a line longer than the buffer
        }
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
    }

    /** Moves the marks into the buffer back by {@code n}, the bytes before them having been dropped. */
    private void shift(int n) {
        limit -= n;
        position -= n;
        lineStart -= n;
        lineEnd -= n;
        previousStart = -1;  // before the current line: dropped
        previousEnd = -1;
    }

    /**
     * A line's bytes as text: UTF-8 when they are valid UTF-8, else Latin-1, which reads any byte, so a
     * file of mixed encodings reads without replacement characters. A final CR is dropped.
     */
    public static String decode(byte[] bytes, int from, int to) {
        if (to > from && bytes[to - 1] == '\r') {
            to--;
        }
        int length = to - from;
        // The JDK's UTF-8 decoder has a vectorised all-ASCII fast path, and indexOf of a non-Latin-1
        // char in a compact (Latin-1) string returns at once, so valid lines cost one decode.
        String line = new String(bytes, from, length, StandardCharsets.UTF_8);
        if (line.indexOf('\uFFFD') < 0) {
            return line;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, length)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, from, length, StandardCharsets.ISO_8859_1);  // not UTF-8: Latin-1 reads any byte
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
