package dev.cairn.cli.read;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
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

    private final LineSource lines;
    private final String source;
    private final LineFormat format;
    private final Malformed malformed;
    private final Deque<String> lookahead = new ArrayDeque<>();
    private long lookaheadFirstLine;
    private java.util.function.Predicate<String> prefilter;
    private boolean skipping;
    private LogEntry pending;
    private int pendingContinuations;
    private boolean done;

    private LogReader(LineSource lines, String source, LineFormat format, Malformed malformed) throws IOException {
        this.lines = lines;
        this.source = source;
        this.malformed = malformed;
        if (format == null) {
            List<String> sample = new ArrayList<>();
            for (String line = lines.readLine(); line != null && sample.size() < 200; ) {
                sample.add(line);
                if (sample.size() < 200) {
                    line = lines.readLine();
                }
            }
            lookahead.addAll(sample);
            format = new FormatDetector().detect(sample);
        }
        lookaheadFirstLine = 1;
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
     * Skips complete JSON-object lines that fail {@code prefilter} without parsing them (with any
     * continuation lines after them); other lines are read as usual. Used by search for speed.
     */
    public void skipJsonLinesUnless(java.util.function.Predicate<String> prefilter) {
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
                line = lookahead.poll();
                number = lookaheadFirstLine++;
            } else {
                line = lines.readLine();
                number = lines.lineNumber();
            }
            if (line == null) {
                done = true;
                break;
            }
            if (line.isBlank()) {
                continue;
            }
            if (prefilter != null && line.charAt(0) == '{' && line.charAt(line.length() - 1) == '}'
                    && !prefilter.test(line)) {
                skipping = true;
                if (pending != null) {
                    LogEntry previous = pending;
                    pending = null;
                    return previous;
                }
                continue;
            }
            LogEntry entry = format.parse(line, source, number);
            if (entry != null) {
                skipping = false;
                LogEntry previous = pending;
                pending = entry;
                pendingContinuations = 0;
                if (previous != null) {
                    return previous;
                }
            } else if (pending != null && pendingContinuations < MAX_CONTINUATION_LINES
                    && (PlainFormat.looksLikeContinuation(line) || pending.exception() != null)) {
                pendingContinuations++;
                boolean asException = pending.exception() != null || !line.startsWith("    ") || line.contains("at ")
                        || line.startsWith("  File ") || PlainFormat.looksLikeContinuation(line);
                pending = pending.withContinuation(line, asException);
            } else if (!skipping) {
                malformed.add(source, number, line);
            }
        }
        LogEntry last = pending;
        pending = null;
        return last;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
