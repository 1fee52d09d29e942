package dev.cairn.cli.report;

import dev.cairn.cli.InputOptions;
import dev.cairn.cli.RecordTally;
import dev.cairn.cli.errors.ErrorGroups;
import dev.cairn.cli.patterns.PatternSummary;
import dev.cairn.cli.read.Levels;
import dev.cairn.cli.read.LineFormat;
import dev.cairn.cli.read.LogEntry;
import dev.cairn.cli.read.LogFiles;
import dev.cairn.cli.read.LogReader;
import dev.cairn.cli.read.Malformed;
import dev.cairn.cli.read.PatternFormat;
import dev.cairn.cli.stats.LogStats;
import dev.cairn.cli.trace.Timeline;
import dev.cairn.cli.trace.TraceCollector;
import dev.cairn.cli.trace.TraceSummaries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything {@code cairn report} shows, gathered from log files: what each file held, the most
 * recent errors, statistics, error groups, message templates and the traces with errors. One pass
 * feeds every analysis together; a second pass, only when some traces have errors, reads the
 * timelines of the worst of them.
 *
 * <p>Programs call {@link #write(List, Path, Options)}; the command line is {@link ReportCommand}.
 */
public final class Report {

    /**
     * What to put in a report.
     *
     * @param format  the format that wrote the files ({@code --format}), or null to detect it per file
     * @param title   the page's title
     * @param bucket  width of a time bucket in the charts over time
     * @param fields  numeric fields to give percentiles of; empty to pick a duration field if any
     * @param traces  how many traces with errors get a timeline, worst first
     * @param top     how many error groups and message templates are listed
     * @param gap     pauses in a trace at least this long are marked
     */
    public record Options(String format, String title, Duration bucket, List<String> fields, int traces, int top,
                          Duration gap) {

        /** Checks the values; the list of fields is copied. */
        public Options {
            if (title == null || bucket == null || gap == null || fields == null) {
                throw new IllegalArgumentException("title, bucket, fields and gap are required");
            }
            if (bucket.toMillis() <= 0 || traces < 0 || top < 1 || gap.isNegative()) {
                throw new IllegalArgumentException("bucket and top must be positive, traces and gap not negative");
            }
            fields = List.copyOf(fields);
        }

        /** The command line's defaults: detected formats, one-minute buckets, 5 timelines, 30 groups and templates. */
        public static Options defaults() {
            return new Options(null, "Cairn log report", Duration.ofMinutes(1), List.of(), 5, 30, Duration.ofMillis(500));
        }

        /** These options with the files read in {@code format} ({@code --format}). */
        public Options withFormat(String format) {
            return new Options(format, title, bucket, fields, traces, top, gap);
        }

        /** These options with another title. */
        public Options withTitle(String title) {
            return new Options(format, title, bucket, fields, traces, top, gap);
        }

        /** These options with time buckets of {@code bucket}. */
        public Options withBucket(Duration bucket) {
            return new Options(format, title, bucket, fields, traces, top, gap);
        }

        /** These options with percentiles of {@code fields}. */
        public Options withFields(List<String> fields) {
            return new Options(format, title, bucket, fields, traces, top, gap);
        }

        /** These options with timelines of the {@code traces} traces with most errors. */
        public Options withTraces(int traces) {
            return new Options(format, title, bucket, fields, traces, top, gap);
        }

        /** These options listing the {@code top} largest error groups and templates. */
        public Options withTop(int top) {
            return new Options(format, title, bucket, fields, traces, top, gap);
        }

        /** These options marking pauses of at least {@code gap} in timelines. */
        public Options withGap(Duration gap) {
            return new Options(format, title, bucket, fields, traces, top, gap);
        }
    }

    /** What one input file held: its detected format, its records, errors and time span, and its unreadable lines. */
    public static final class FileSummary extends RecordTally {
        private final String file;
        private final String format;
        private final long bytes;
        private long malformed;

        FileSummary(String file, String format, long bytes) {
            this.file = file;
            this.format = format;
            this.bytes = bytes;
        }

        /** The file's path as given. */
        public String file() {
            return file;
        }

        /** The name of the format the file was read in. */
        public String format() {
            return format;
        }

        /** The file's size on disk (compressed size for gzip and zstd). */
        public long bytes() {
            return bytes;
        }

        /** Lines of this file that could not be read as records. */
        public long malformed() {
            return malformed;
        }
    }

    /** Most recent ERROR and CRITICAL records kept for the report, as {@code cairn search --level ERROR} would end. */
    static final int RECENT_ERRORS = 20;

    private final Options options;
    private List<Path> inputs = List.of();
    private final Map<String, FileSummary> files = new LinkedHashMap<>();
    private final Deque<LogEntry> recentErrors = new ArrayDeque<>();
    private final PatternSummary patterns = new PatternSummary();
    private final ErrorGroups errors = new ErrorGroups();
    private final TraceSummaries traces = new TraceSummaries();
    private final LogStats stats;
    private final List<Timeline> timelines = new ArrayList<>();
    private Malformed malformed = new Malformed();

    private Report(Options options) {
        this.options = options;
        this.stats = new LogStats(options.bucket().toMillis(), options.fields());
    }

    /**
     * Reads {@code inputs} (files or folders; rotated sets are merged in time order) and writes the
     * report to {@code html} as one self-contained page. Unreadable lines never fail it: they are
     * counted and shown in the page (see {@link #malformed()}; nothing is printed). Returns what was
     * gathered, for a summary line.
     *
     * @throws IOException when an input cannot be opened or the page cannot be written
     */
    public static Report write(List<Path> inputs, Path html, Options options) throws IOException {
        Report report = gather(inputs, options);
        report.writeHtml(html);
        return report;
    }

    /** Reads {@code inputs} and gathers a report without writing it. */
    public static Report gather(List<Path> inputs, Options options) throws IOException {
        Report report = new Report(options);
        report.inputs = List.copyOf(inputs);
        report.describeFiles(inputs);
        InputOptions input = InputOptions.of(inputs, options.format());
        report.malformed = input.readQuietly(null, report::add);
        report.malformed.countsBySource().forEach((file, count) -> {
            FileSummary f = report.files.get(file);
            if (f != null) {
                f.malformed = count;
            }
        });
        List<String> worst = new ArrayList<>();
        for (TraceSummaries.Summary s : report.traces.withErrors()) {
            if (worst.size() == options.traces()) {
                break;
            }
            worst.add(s.id());
        }
        if (!worst.isEmpty()) {
            for (Map.Entry<String, List<LogEntry>> e : TraceCollector.collectEach(input, worst).entrySet()) {
                report.timelines.add(Timeline.of(e.getKey(), e.getValue(), options.gap().toMillis()));
            }
        }
        return report;
    }

    /** Writes the report as one self-contained HTML page (inline CSS and SVG, no scripts, nothing fetched). */
    public void writeHtml(Path html) throws IOException {
        String subtitle = String.join(", ", inputs.stream().map(Path::toString).toList())
                + (files.size() == inputs.size() ? "" : String.format(" (%,d files)", files.size()));
        ReportHtml.render(this, options.title(), subtitle, options.top(), options.top()).write(html);
    }

    private void describeFiles(List<Path> inputs) throws IOException {
        LineFormat given = options.format() == null ? null : PatternFormat.of(options.format());
        for (List<Path> set : LogFiles.rotatedSets(inputs)) {
            for (Path file : set) {
                String format;
                try (LogReader reader = LogReader.open(file, given, new Malformed())) {
                    format = reader.format().name();
                }
                files.put(file.toString(), new FileSummary(file.toString(), format, Files.size(file)));
            }
        }
    }

    private void add(LogEntry e) {
        FileSummary file = files.get(e.source());
        if (file != null) {
            file.add(e);
        }
        if (e.levelNo() >= Levels.ERROR) {
            if (recentErrors.size() == RECENT_ERRORS) {
                recentErrors.poll();
            }
            recentErrors.add(e);
        }
        patterns.add(e);
        errors.add(e);
        traces.add(e);
        stats.add(e);
    }

    /** The options the report was made with. */
    public Options options() {
        return options;
    }

    /** Each input file with its format, records and unreadable lines, in reading order. */
    public List<FileSummary> files() {
        return List.copyOf(files.values());
    }

    /** The last ERROR and CRITICAL records in time order, at most {@value #RECENT_ERRORS}. */
    public List<LogEntry> recentErrors() {
        return List.copyOf(recentErrors);
    }

    /** The message templates. */
    public PatternSummary patterns() {
        return patterns;
    }

    /** The error groups. */
    public ErrorGroups errors() {
        return errors;
    }

    /** The traces seen. */
    public TraceSummaries traces() {
        return traces;
    }

    /** The statistics. */
    public LogStats stats() {
        return stats;
    }

    /** Timelines of the traces with most errors, worst first. */
    public List<Timeline> timelines() {
        return timelines;
    }

    /** The lines that could not be read. */
    public Malformed malformed() {
        return malformed;
    }
}
