package dev.cairn.cli.errors;

import dev.cairn.cli.InputOptions;
import dev.cairn.cli.Json;
import dev.cairn.cli.Terminal;
import dev.cairn.cli.read.Timestamps;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cairn errors}: ERROR and CRITICAL records and exceptions, grouped by fingerprint. */
@Command(name = "errors",
        mixinStandardHelpOptions = true,
        description = "Group errors and exceptions by fingerprint (exception type + in-app frames, "
                + "ignoring line numbers and messages), with counts, first/last seen, services and a sample.",
        footer = {"", "Examples:",
                "  cairn errors logs/",
                "  cairn errors --top 5 --json api.log worker.log"})
public final class ErrorsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input = new InputOptions();

    @Option(names = "--top", paramLabel = "N", defaultValue = "20", description = "Show the N largest groups (default: ${DEFAULT-VALUE}; 0 for all).")
    int top;

    @Option(names = "--json", description = "Print one JSON object per group.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (input.files.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give at least one log file");
        }
        ErrorGroups groups = new ErrorGroups();
        input.read(groups::add);
        List<ErrorGroups.Group> list = groups.groups();
        if (top > 0 && list.size() > top) {
            list = list.subList(0, top);
        }
        PrintWriter out = spec.commandLine().getOut();
        for (ErrorGroups.Group g : list) {
            if (json) {
                out.println(Json.write(g.toMap()));
                continue;
            }
            out.printf("%6d  %s  %s%n", g.count(), Terminal.red(g.fingerprint().type()), g.sample().message());
            out.printf("        first %s  last %s  services %s%n", Timestamps.format(g.first()),
                    Timestamps.format(g.last()), String.join(", ", g.services()));
            for (String frame : g.fingerprint().frames()) {
                out.println("        at " + frame);
            }
        }
        out.flush();
        return 0;
    }
}
