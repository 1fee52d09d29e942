package dev.cairn.cli.read;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Reads the records of one file in order: detects the format from the first lines unless one is
 * given, joins continuation lines (stack traces, tracebacks, indented text) to the record they
 * follow, and counts lines that are neither as malformed. Not thread safe.
 */
public final class LogReader implements Closeable {

    /** Continuation lines kept per record; past this they are counted as malformed. */
    static final int MAX_CONTINUATION_LINES = 10_000;

    /** Characters of continuation text kept per record, as for one line ({@link LineSource#MAX_LINE_BYTES}); past this, lines are counted as malformed. */
    static final int MAX_CONTINUATION_CHARS = LineSource.MAX_LINE_BYTES;

    /** Lines and characters read ahead to detect the format; a sample of huge lines is cut short. */
    private static final int SAMPLE_LINES = 200;
    private static final int SAMPLE_CHARS = 4 << 20;

    /** A line read ahead for detection, with its number. */
    private record Sampled(String text, long number) {
    }

    private final LineSource lines;
    private final String source;
    private final LineFormat format;
    private final Malformed malformed;
    private final Deque<Sampled> lookahead = new ArrayDeque<>();
    private LinePrefilter prefilter;
    // The number of the last record skipped by the prefilter, until the next line shows whether it
    // has continuation lines (then it is read after all, as if never skipped). Its bytes are the line
    // source's previous line; they are copied only when a blank line comes between (rare): copying
    // every skipped line cost a copy of the whole file.
    private long skippedNumber = -1;
    private byte[] skippedCopy;
    private boolean skippedAny;
    /** True when the line source's current line is still to be read. */
    private boolean held;
    private LogEntry pending;
    private int pendingContinuations;
    // Continuation text is gathered here and joined to the pending record once, when it is
    // returned: joining line by line copied a 10,000-line stack trace 10,000 times.
    private StringBuilder pendingMessage = new StringBuilder();
    private StringBuilder pendingException = new StringBuilder();
    private boolean done;

    private LogReader(LineSource lines, String source, LineFormat format, Malformed malformed) throws IOException {
        this.lines = lines;
        this.source = source;
        this.malformed = malformed;
        lines.onOverlongLine((number, bytes, start) -> malformed.addOverlong(source, number, bytes, start));
        if (format == null) {
            List<String> sample = new ArrayList<>();
            long chars = 0;
            while (sample.size() < SAMPLE_LINES && chars < SAMPLE_CHARS) {
                String line = lines.readLine();
                if (line == null) {
                    break;
                }
                sample.add(line);
                lookahead.add(new Sampled(line, lines.lineNumber()));
                chars += line.length();
            }
            format = new FormatDetector().detect(sample);
        }
        this.format = format;
    }

    /** Opens {@code file}; {@code format} null means detect it. Malformed lines are added to {@code malformed}. */
    public static LogReader open(Path file, LineFormat format, Malformed malformed) throws IOException {
        return new LogReader(LineSource.open(file), file.toString(), format, malformed);
    }

    /** Reads from an open line source named {@code source}. */
    public static LogReader of(LineSource lines, String source, LineFormat format, Malformed malformed) throws IOException {
        return new LogReader(lines, source, format, malformed);
    }

    /**
     * Skips, without decoding or parsing them, the records of a JSON file whose line fails
     * {@code prefilter}; other lines are read as usual, and a skipped record that turns out to have
     * continuation lines is read after all, so records come out as they would without it.
     */
    public void skipRecordsUnless(LinePrefilter prefilter) {
        this.prefilter = format instanceof JsonFormat ? prefilter : null;
    }

    /** The format in use. */
    public LineFormat format() {
        return format;
    }

    /** Bytes read from the file so far. */
    public long bytesRead() {
        return lines.bytesRead();
    }

    /** The next record, or null at the end of the file. */
    public LogEntry next() throws IOException {
        while (!done) {
            long number;
            String line;
            if (!lookahead.isEmpty()) {
                Sampled sampled = lookahead.poll();
                line = sampled.text();
                number = sampled.number();
            } else if (held || (prefilter == null ? lines.advance() : advancePastSkipped())) {
                if (skippedAny && pending != null) {
                    // Records skipped after the pending one: it has no continuation lines, return it.
                    skippedAny = false;
                    held = true;
                    return takePending();
                }
                held = false;
                number = lines.lineNumber();
                line = lines.line();
            } else {
                number = lines.lineNumber();
                line = null;
            }
            if (line == null) {
                done = true;
                break;
            }
            if (line.isBlank()) {
                if (skippedNumber >= 0 && skippedCopy == null) {
                    copySkipped();  // the source forgets it at the next line
                }
                continue;
            }
            LogEntry entry = format.parse(line, source, number);
            if (entry == null && skippedNumber >= 0) {
                readSkipped();  // this line continues the record skipped before it
            }
            skippedNumber = -1;
            if (entry != null) {
                LogEntry previous = pending == null ? null : takePending();
                pending = entry;
                if (previous != null) {
                    return previous;
                }
            } else if (pending != null && pendingContinuations < MAX_CONTINUATION_LINES
                    && pendingMessage.length() + pendingException.length() + line.length() <= MAX_CONTINUATION_CHARS
                    && (PlainFormat.looksLikeContinuation(line) || hasException())) {
                pendingContinuations++;
                boolean asException = hasException() || !line.startsWith("    ") || line.contains("at ")
                        || line.startsWith("  File ") || PlainFormat.looksLikeContinuation(line);
                (asException ? pendingException : pendingMessage).append('\n').append(line);
            } else {
                malformed.add(source, number, line);
            }
        }
        return pending == null ? null : takePending();
    }

    /**
     * Moves to the next line the prefilter lets through, skipping the records it rules out (the
     * last one is kept); false at the end. Kept small: it is the loop a selective search spends
     * its time in, and the JIT compiles it soon on its own.
     */
    private boolean advancePastSkipped() throws IOException {
        skippedAny = false;
        while (lines.advance()) {
            byte[] bytes = lines.bytes();
            int start = lines.start();
            int end = lines.end();
            if (end == start || bytes[start] != '{' || prefilter.mayMatch(bytes, start, end, source, lines.lineNumber())) {
                return true;
            }
            skippedNumber = lines.lineNumber();
            skippedCopy = null;
            skippedAny = true;
        }
        return false;
    }

    /** Copies the skipped record, the line source's previous line, before the source moves on. */
    private void copySkipped() {
        skippedCopy = Arrays.copyOfRange(lines.bytes(), lines.previousStart(), lines.previousEnd());
    }

    /** Makes the last skipped record pending, as if it had not been skipped. */
    private void readSkipped() {
        String text = skippedCopy != null ? LineSource.decode(skippedCopy, 0, skippedCopy.length)
                : LineSource.decode(lines.bytes(), lines.previousStart(), lines.previousEnd());
        skippedCopy = null;
        LogEntry entry = format.parse(text, source, skippedNumber);
        if (entry != null) {
            pending = entry;
        } else {
            malformed.add(source, skippedNumber, text);
        }
    }

    private boolean hasException() {
        return pending.exception() != null || pendingException.length() > 0;
    }

    /** The pending record with its continuation lines, as {@link LogEntry#withContinuation} would join them; clears it. */
    private LogEntry takePending() {
        LogEntry e = pending;
        if (pendingMessage.length() > 0) {
            e = e.withContinuation(pendingMessage.substring(1), false);
        }
        if (pendingException.length() > 0) {
            e = e.withContinuation(pendingException.substring(1), true);
        }
        pending = null;
        pendingContinuations = 0;
        // One set of files stays open per rotated set: do not keep a huge trace's buffer for each.
        pendingMessage = pendingMessage.capacity() > 1 << 16 ? new StringBuilder() : pendingMessage.delete(0, pendingMessage.length());
        pendingException = pendingException.capacity() > 1 << 16 ? new StringBuilder()
                : pendingException.delete(0, pendingException.length());
        return e;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
