package dev.cairn.cli.stats;

import dev.cairn.cli.Durations;
import dev.cairn.cli.InputOptions;
import dev.cairn.cli.Json;
import dev.cairn.cli.Terminal;
import dev.cairn.cli.html.Html;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cairn stats}: counts over time by level, logger and service, top talkers, error rate and field percentiles. */
@Command(name = "stats",
        mixinStandardHelpOptions = true,
        description = {"Count records per minute by level, logger and service; show the top talkers, the error "
                + "rate over time and the percentiles of a numeric field such as a latency.",
            "Without --field, the first field whose name says it is a duration or latency (duration_ms, "
                + "latency, elapsed, ...) is used."},
        footer = {"", "Examples:",
                "  cairn stats app.log",
                "  cairn stats --field duration_ms --bucket 5m logs/",
                "  cairn stats --html stats.html logs/     one page with charts, nothing external",
                "  cairn stats --json app.log | jq .fields",
                "  cairn stats --format '<Date> <Time> <Level> <Component>: <Content>' Spark_2k.log"})
public final class StatsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input = new InputOptions();

    @Option(names = "--field", paramLabel = "NAME", description = "A numeric field to give percentiles of (repeatable).")
    List<String> fields = new ArrayList<>();

    @Option(names = "--bucket", paramLabel = "DURATION", defaultValue = "1m",
            description = "Width of a time bucket (default: ${DEFAULT-VALUE}; 10s, 5m, 1h). Long spans are shown in wider bins.")
    String bucket;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "30",
            description = "At most N rows in the terminal histogram over time (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10",
            description = "Show the N top loggers and services (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write a self-contained HTML page with charts to FILE.")
    Path htmlFile;

    @Option(names = "--json", description = "Print the statistics as one JSON object.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (input.files.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give at least one log file");
        }
        long bucketMillis;
        try {
            bucketMillis = Durations.parse(bucket);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (bucketMillis <= 0 || rows < 1 || top < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--bucket, --rows and --top must be positive");
        }
        LogStats stats = new LogStats(bucketMillis, fields);
        input.read(stats::add);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(stats.toMap(StatsHtml.MAX_BINS)));
        } else {
            new StatsText(out, Terminal.colours()).print(stats, rows, top);
        }
        if (htmlFile != null) {
            Html html = new Html("Log statistics", String.join(", ", input.files.stream().map(Path::toString).toList()));
            StatsHtml.append(html, stats);
            html.write(htmlFile);
            if (!json) {
                out.println();
                out.println("wrote " + htmlFile);
            }
        }
        out.flush();
        return 0;
    }
}
