package dev.cairn.cli;

import dev.cairn.cli.demo.DemoCommand;
import dev.cairn.cli.errors.ErrorsCommand;
import dev.cairn.cli.explain.ExplainCommand;
import dev.cairn.cli.patterns.PatternsCommand;
import dev.cairn.cli.report.ReportCommand;
import dev.cairn.cli.search.SearchCommand;
import dev.cairn.cli.stats.StatsCommand;
import dev.cairn.cli.trace.TraceCommand;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The {@code cairn} command: subcommands that read log files and answer the questions asked
 * when something went wrong.
 */
@Command(name = "cairn",
        mixinStandardHelpOptions = true,
        version = "cairn 0.1.0",
        description = "Search, mine patterns, group errors and follow traces in log files.",
        subcommands = {SearchCommand.class, PatternsCommand.class, ErrorsCommand.class, TraceCommand.class, StatsCommand.class,
            ReportCommand.class, DemoCommand.class, ExplainCommand.class,
            CommandLine.HelpCommand.class},
        footer = {"", "Examples:",
                "  cairn demo                      runs three services with injected failures, then all of the below",
                "  cairn search --level ERROR -w user=alice app.log",
                "  cairn patterns app.log",
                "  cairn errors logs/",
                "  cairn trace 4bf92f3577b34da6a3ce929d0e0e4736 logs/",
                "  cairn stats --field duration_ms --html stats.html logs/",
                "  cairn report -o report.html logs/",
                "  cairn patterns --messages messages.txt --assignments groups.tsv",
                "  cairn explain --config logging.yaml --level DEBUG app.db"})
public final class Main implements Runnable {

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit status; for tests and embedding. */
    public static int run(String... args) {
        // A buffered, non-autoflushing stdout: search may print millions of lines.
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16));
        try {
            return commandLine(args).setOut(out).execute(args);
        } finally {
            out.flush();
        }
    }

    /**
     * The command line that runs {@code args}: when they start with a subcommand's name, a {@code cairn}
     * holding that subcommand only, else the whole tree ({@code new CommandLine(new Main())}). picocli
     * builds the model of every subcommand it is given (reflection over each one's options, the command
     * objects with their fields) before it parses a word; on one core that was about 0.1 s of each
     * {@code cairn search}. The subcommand parses, runs, fails and prints help as it would in the tree,
     * and is named {@code cairn NAME} in its messages.
     */
    static CommandLine commandLine(String... args) {
        Command top = Main.class.getAnnotation(Command.class);
        if (args.length > 0) {
            for (Class<?> subcommand : top.subcommands()) {
                Command annotation = subcommand.getAnnotation(Command.class);
                if (annotation != null && annotation.name().equals(args[0]) && subcommand != CommandLine.HelpCommand.class) {
                    CommandSpec spec = CommandSpec.wrapWithoutInspection(new Main()).name(top.name());
                    return new CommandLine(spec).addSubcommand(subcommand);
                }
            }
        }
        return new CommandLine(new Main());
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
