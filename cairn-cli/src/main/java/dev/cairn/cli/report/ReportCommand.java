package dev.cairn.cli.report;

import dev.cairn.cli.Durations;
import dev.cairn.cli.InputOptions;
import dev.cairn.cli.Json;
import dev.cairn.cli.Terminal;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cairn report}: statistics, errors, patterns and failing traces in one self-contained HTML file. */
@Command(name = "report",
        mixinStandardHelpOptions = true,
        description = {"Write one self-contained HTML report of the logs: statistics with charts, errors grouped by "
                + "fingerprint, the most recent errors, message patterns, the traces that contain errors with their "
                + "timelines and likely root causes, and what each file held. The file needs nothing else to open: "
                + "charts are inline SVG, there are no scripts."},
        footer = {"", "Examples:",
                "  cairn report logs/                          writes cairn-report.html",
                "  cairn report -o incident.html --field duration_ms api.log worker.log",
                "  cairn report --format '<Date> <Time> <Level> <Component>: <Content>' Spark_2k.log",
                "  cairn report --json -o report.html logs/ | jq .errors"})
public final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input = new InputOptions();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "cairn-report.html",
            description = "Where to write the report (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--title", paramLabel = "TEXT", defaultValue = "Cairn log report", description = "The report's title.")
    String title;

    @Option(names = "--field", paramLabel = "NAME", description = "A numeric field to give percentiles of (repeatable).")
    List<String> fields = new ArrayList<>();

    @Option(names = "--bucket", paramLabel = "DURATION", defaultValue = "1m",
            description = "Width of a time bucket for the charts (default: ${DEFAULT-VALUE}).")
    String bucket;

    @Option(names = "--traces", paramLabel = "N", defaultValue = "5",
            description = "Show the timelines of the N traces with most errors (default: ${DEFAULT-VALUE}).")
    int traces;

    @Option(names = "--top", paramLabel = "N", defaultValue = "30",
            description = "Show the N largest error groups and message templates (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--gap", paramLabel = "DURATION", defaultValue = "500ms",
            description = "Mark pauses of at least DURATION in trace timelines (default: ${DEFAULT-VALUE}).")
    String gap;

    @Option(names = "--json", description = "Print what was written as one JSON object instead of a sentence.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (input.files.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give at least one log file");
        }
        Report.Options options;
        try {
            options = new Report.Options(input.format, title, Duration.ofMillis(Durations.parse(bucket)), fields, traces, top,
                    Duration.ofMillis(Durations.parse(gap)));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Report report = Report.write(input.files, output, options);
        if (report.malformed().count() > 0) {
            spec.commandLine().getErr().println(Terminal.dimOnErr(report.malformed().summary()));
            spec.commandLine().getErr().flush();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("output", output.toString());
            m.put("records", report.stats().records());
            m.put("errors", report.stats().errors());
            m.put("error_groups", report.errors().groups().size());
            m.put("templates", report.patterns().rows().size());
            m.put("traces_with_errors", report.traces().withErrors().size());
            m.put("unreadable_lines", report.malformed().count());
            out.println(Json.write(m));
            out.flush();
            return 0;
        }
        out.printf("wrote %s: %,d records, %,d errors in %d groups, %d templates, %d traces with errors%s%n", output,
                report.stats().records(), report.stats().errors(), report.errors().groups().size(),
                report.patterns().rows().size(), report.traces().withErrors().size(),
                report.malformed().count() == 0 ? "" : String.format(", %,d unreadable lines", report.malformed().count()));
        out.flush();
        return 0;
    }
}
