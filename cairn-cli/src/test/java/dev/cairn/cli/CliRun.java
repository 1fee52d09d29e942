package dev.cairn.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * The result of running the {@code cairn} command line in-process, with its standard output captured.
 *
 * @param status the exit status
 * @param out    everything printed to standard output
 */
public record CliRun(int status, String out) {

    /** Runs {@code cairn ARGS...} and captures what it prints. */
    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out));
        int status = cli.execute(args);
        return new CliRun(status, out.toString());
    }

    /** The output's lines. */
    public List<String> lines() {
        return out.lines().toList();
    }
}
