package dev.cairn.cli;

import dev.cairn.cli.patterns.PatternsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code cairn} command: subcommands that read log files and answer the questions asked
 * when something went wrong.
 */
@Command(name = "cairn",
        mixinStandardHelpOptions = true,
        version = "cairn 0.1.0",
        description = "Search, mine patterns, group errors and follow traces in log files.",
        subcommands = {PatternsCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Examples:",
                "  cairn patterns app.log",
                "  cairn patterns --messages messages.txt --assignments groups.tsv"})
public final class Main implements Runnable {

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit status; for tests and embedding. */
    public static int run(String... args) {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
