package dev.cairn.cli;

import dev.cairn.cli.read.LineFormat;
import dev.cairn.cli.read.LogEntry;
import dev.cairn.cli.read.Malformed;
import dev.cairn.cli.read.PatternFormat;
import dev.cairn.cli.read.Records;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The options every reading subcommand shares: the files, an optional format string, and the
 * reading loop that shows progress and reports malformed lines on stderr.
 */
public final class InputOptions {

    @Parameters(paramLabel = "FILE", arity = "0..*",
            description = "Log files or folders; rotated sets (app.log, app.log.1.gz, ...) are read in time order.")
    public List<Path> files = new ArrayList<>();

    /** Help text of {@code --format}, for commands that declare their own positional parameters. */
    public static final String FORMAT_HELP = "Format that wrote the files: a Python format string such as "
            + "'%%(asctime)s %%(levelname)s %%(name)s: %%(message)s', or Loghub notation "
            + "'<Date> <Time> <Level> <Component>: <Content>'. Default: detected per file.";

    @Option(names = "--format", paramLabel = "FORMAT", description = FORMAT_HELP)
    public String format;

    /** Options for {@code files} read with {@code format} (null to detect), for commands that parse their own arguments. */
    public static InputOptions of(List<Path> files, String format) {
        InputOptions options = new InputOptions();
        options.files = new ArrayList<>(files);
        options.format = format;
        return options;
    }

    /** The format given with {@code --format}, or null to detect it. */
    public LineFormat lineFormat() {
        return format == null ? null : PatternFormat.of(format);
    }

    /** Reads every record in time order, with a progress bar on a terminal; returns the malformed lines. */
    public Malformed read(Consumer<LogEntry> action) throws IOException {
        return read(null, action);
    }

    /** As {@link #read(Consumer)}, letting JSON lines that fail {@code prefilter} be skipped unparsed. */
    public Malformed read(java.util.function.Predicate<String> prefilter, Consumer<LogEntry> action) throws IOException {
        Malformed malformed = readQuietly(prefilter, action);
        if (malformed.count() > 0) {
            System.err.println(Terminal.dim(malformed.summary()));
        }
        return malformed;
    }

    /** As {@link #read(java.util.function.Predicate, Consumer)} without reporting malformed lines, for a second pass over the same files. */
    public Malformed readQuietly(java.util.function.Predicate<String> prefilter, Consumer<LogEntry> action) throws IOException {
        Malformed malformed = new Malformed();
        try (Records records = Records.open(files, lineFormat(), malformed, prefilter);
             Progress progress = Progress.start(records.totalBytes())) {
            long n = 0;
            for (LogEntry e = records.next(); e != null; e = records.next()) {
                action.accept(e);
                if ((++n & 0xFFF) == 0) {
                    progress.update(records.bytesRead());
                }
            }
        }
        return malformed;
    }
}
