package dev.cairn.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * The result of running the {@code cairn} command line in-process, with its standard output and
 * its error stream (usage errors, malformed-line reports) captured.
 *
 * @param status the exit status
 * @param out    everything printed to standard output
 * @param err    everything printed to the command's error stream
 */
public record CliRun(int status, String out, String err) {

    /** Runs {@code cairn ARGS...} and captures what it prints. */
    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int status = cli.execute(args);
        return new CliRun(status, out.toString(), err.toString());
    }

    /** The output's lines. */
    public List<String> lines() {
        return out.lines().toList();
    }
}
