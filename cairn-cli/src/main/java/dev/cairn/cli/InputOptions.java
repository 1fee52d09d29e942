package dev.cairn.cli;

import dev.cairn.cli.read.LineFormat;
import dev.cairn.cli.read.LinePrefilter;
import dev.cairn.cli.read.LogEntry;
import dev.cairn.cli.read.Malformed;
import dev.cairn.cli.read.PatternFormat;
import dev.cairn.cli.read.Records;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The options every reading subcommand shares: the files, an optional format string, and the
 * reading loop that shows progress and reports malformed lines on stderr.
 */
public final class InputOptions {

    /** Help text of the files, for commands that declare their own positional parameters. */
    public static final String FILES_HELP = "Log files or folders. A rotated set (app.log with app.log.1.gz, ... or "
            + "app.log.2024-05-01, ...), named with app.log* or by its folder, is read oldest file first, and records of "
            + "different files are merged in time order. Plain, gzip or zstd; UTF-8 (Latin-1 lines tolerated) or UTF-16. Lines that cannot be read, "
            + "and lines over 8 MiB, are skipped, counted and shown on stderr.";

    @Parameters(paramLabel = "FILE", arity = "0..*", description = FILES_HELP)
    public List<Path> files = new ArrayList<>();

    /** Help text of {@code --format}, for commands that declare their own positional parameters. */
    public static final String FORMAT_HELP = "Format that wrote the files: a Python format string such as "
            + "'%%(asctime)s %%(levelname)s %%(name)s: %%(message)s', or Loghub notation "
            + "'<Date> <Time> <Level> <Component>: <Content>'. Default: detected per file.";

    @Option(names = "--format", paramLabel = "FORMAT", description = FORMAT_HELP)
    public String format;

    /** The command these options are mixed into, whose error stream reports malformed lines; null when built with {@link #of}. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** Options for {@code files} read with {@code format} (null to detect), for commands that parse their own arguments. */
    public static InputOptions of(List<Path> files, String format) {
        return of(files, format, null);
    }

    /** As {@link #of(List, String)}, reporting malformed lines on {@code command}'s error stream (System.err when null). */
    public static InputOptions of(List<Path> files, String format, CommandSpec command) {
        InputOptions options = new InputOptions();
        options.files = new ArrayList<>(files);
        options.format = format;
        options.command = command;
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
        return readSkipping(prefilter == null ? null : LinePrefilter.ofText(prefilter), action);
    }

    /** As {@link #read(Consumer)}, letting JSON records whose line fails {@code prefilter} be skipped unparsed. */
    public Malformed readSkipping(LinePrefilter prefilter, Consumer<LogEntry> action) throws IOException {
        Malformed malformed = readQuietlySkipping(prefilter, action);
        if (malformed.count() > 0) {
            if (command != null) {
                command.commandLine().getErr().println(Terminal.dimOnErr(malformed.summary()));
                command.commandLine().getErr().flush();
            } else {
                System.err.println(Terminal.dimOnErr(malformed.summary()));
            }
        }
        return malformed;
    }

    /** As {@link #read(java.util.function.Predicate, Consumer)} without reporting malformed lines, for a second pass over the same files. */
    public Malformed readQuietly(java.util.function.Predicate<String> prefilter, Consumer<LogEntry> action) throws IOException {
        return readQuietlySkipping(prefilter == null ? null : LinePrefilter.ofText(prefilter), action);
    }

    private Malformed readQuietlySkipping(LinePrefilter prefilter, Consumer<LogEntry> action) throws IOException {
        Malformed malformed = new Malformed();
        try (Records records = Records.open(files, lineFormat(), malformed, prefilter);
             Progress progress = Progress.start(records.totalBytes(), records::bytesRead)) {
            for (LogEntry e = records.next(); e != null; e = records.next()) {
                action.accept(e);
            }
        }
        return malformed;
    }
}
