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
 * of mixed encodings reads without replacement characters. Not thread safe.
 */
public final class LineSource implements Closeable {

    private final InputStream in;
    private byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private long lineNumber;
    private long bytesRead;
    private boolean eof;
    private String chunk;
    private int chunkPosition;

    /** Wraps a stream that is already open; the source closes it. */
    public LineSource(InputStream in) {
        this.in = in;
    }

    /** Opens a plain, gzip or zstd file, told apart by their first bytes, not by the name. */
    public static LineSource open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(4);
        int b1 = raw.read();
        int b2 = raw.read();
        int b3 = raw.read();
        int b4 = raw.read();
        raw.reset();
        if (b1 == 0x1f && b2 == 0x8b) {
            return new LineSource(new GZIPInputStream(raw, 1 << 16));
        }
        if (b1 == 0x28 && b2 == 0xb5 && b3 == 0x2f && b4 == 0xfd) {
            return new LineSource(new BufferedInputStream(new ZstdInputStream(raw), 1 << 16));
        }
        return new LineSource(raw);
    }

    /** The next line without its line end, or null at the end of the input. */
    public String readLine() throws IOException {
        while (true) {
            if (chunk != null) {
                int newline = chunk.indexOf('\n', chunkPosition);
                if (newline >= 0 || chunkPosition < chunk.length()) {
                    int end = newline >= 0 ? newline : chunk.length();
                    String line = chunk.substring(chunkPosition, end > chunkPosition && chunk.charAt(end - 1) == '\r' ? end - 1 : end);
                    chunkPosition = end + 1;
                    lineNumber++;
                    return line;
                }
                chunk = null;
            }
            if (!nextChunk()) {
                return null;
            }
        }
    }

    /**
     * Decodes the buffered bytes up to the last complete line as one string, so that lines are then
     * found with {@link String#indexOf(int, int)}, which the JIT vectorises; byte-at-a-time scanning
     * was the bottleneck of search. A chunk that is not all valid UTF-8 is decoded line by line.
     */
    private boolean nextChunk() throws IOException {
        while (true) {
            int lastNewline = -1;
            for (int i = limit - 1; i >= position; i--) {
                if (buffer[i] == '\n') {
                    lastNewline = i;
                    break;
                }
            }
            int end = lastNewline >= 0 ? lastNewline + 1 : (eof ? limit : -1);
            if (end > position) {
                chunk = decodeChunk(position, end);
                chunkPosition = 0;
                bytesRead += end - position;
                position = end;
                return true;
            }
            if (eof) {
                return false;
            }
            fill();
        }
    }

    private String decodeChunk(int from, int to) {
        String text = new String(buffer, from, to - from, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0) {
            return text;
        }
        StringBuilder lines = new StringBuilder(to - from);
        int lineStart = from;
        for (int i = from; i < to; i++) {
            if (buffer[i] == '\n') {
                lines.append(decode(lineStart, i)).append('\n');
                lineStart = i + 1;
            }
        }
        if (lineStart < to) {
            lines.append(decode(lineStart, to));
        }
        return lines.toString();
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
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
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

    private String decode(int from, int to) {
        if (to > from && buffer[to - 1] == '\r') {
            to--;
        }
        int length = to - from;
        // The JDK's UTF-8 decoder has a vectorised all-ASCII fast path, and indexOf of a non-Latin-1
        // char in a compact (Latin-1) string returns at once, so valid lines cost one decode.
        String line = new String(buffer, from, length, StandardCharsets.UTF_8);
        if (line.indexOf('\uFFFD') < 0) {
            return line;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(buffer, from, length)).toString();
        } catch (CharacterCodingException e) {
            return new String(buffer, from, length, StandardCharsets.ISO_8859_1);  // not UTF-8: Latin-1 reads any byte
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
