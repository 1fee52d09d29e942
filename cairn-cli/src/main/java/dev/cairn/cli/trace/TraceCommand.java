package dev.cairn.cli.trace;

import dev.cairn.cli.Durations;
import dev.cairn.cli.InputOptions;
import dev.cairn.cli.Json;
import dev.cairn.cli.Terminal;
import dev.cairn.cli.read.LogEntry;
import dev.cairn.cli.read.Timestamps;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cairn trace}: one trace or request across files and services, as a timeline with its likely root cause. */
@Command(name = "trace",
        mixinStandardHelpOptions = true,
        description = {"Show every record of one trace or request across files and services as a timeline: "
                + "offsets, gaps, how long each service took part, and the first error marked as the likely root cause.",
            "Records belong to the trace when an id field (trace_id, request_id, correlation_id, traceId, "
                + "trace.id, traceparent, ...) holds ID, when any field's value is ID, or when the message contains "
                + "ID as a whole word. Ids found next to ID (a request_id beside the trace_id) are followed too."},
        footer = {"", "Examples:",
                "  cairn trace 4bf92f3577b34da6a3ce929d0e0e4736 logs/",
                "  cairn trace 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01 logs/",
                "  cairn trace --gap 2s req-7f3a api.log*       mark pauses of 2 s or more",
                "  cairn trace --json req-7f3a logs/ | jq .root_cause",
                "  cairn trace --list logs/                     traces with errors, worst first",
                "  cairn trace --format '<Date> <Time> <Pid> <Level> <Component>: <Content>' \\",
                "      blk_-1608999687919862906 HDFS_2k.log     a Loghub HDFS block's life"})
public final class TraceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID",
            description = "Trace, request or correlation id, or a W3C traceparent. With --list, the first file.")
    String id;

    @Parameters(index = "1..*", paramLabel = "FILE",
            description = InputOptions.FILES_HELP)
    List<Path> files = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", description = InputOptions.FORMAT_HELP)
    String format;

    @Option(names = "--gap", paramLabel = "DURATION", defaultValue = "500ms",
            description = "Mark pauses of at least DURATION between records (default: ${DEFAULT-VALUE}; 500ms, 2s, 1m).")
    String gap;

    @Option(names = "--no-links", description = "Only records carrying ID itself; do not follow the other ids they carry.")
    boolean noLinks;

    @Option(names = "--list", description = "List the traces that contain errors (with --all, every trace) instead of showing one.")
    boolean list;

    @Option(names = "--all", description = "With --list, list traces without errors too.")
    boolean all;

    @Option(names = "--top", paramLabel = "N", defaultValue = "20",
            description = "With --list, show the N first traces (default: ${DEFAULT-VALUE}; 0 for all).")
    int top;

    @Option(names = "--json", description = "Print the timeline as one JSON object (with --list, one object per trace).")
    boolean json;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            List<Path> all = new ArrayList<>();
            all.add(Path.of(id));
            all.addAll(files);
            return list(InputOptions.of(all, format, spec), out);
        }
        if (files.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give an ID and at least one log file");
        }
        long gapMillis;
        try {
            gapMillis = Durations.parse(gap);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        String wanted = TraceIds.normalise(id);
        if (wanted.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "not an id: '" + id + "'");
        }
        List<LogEntry> records = TraceCollector.collect(InputOptions.of(files, format, spec), wanted, !noLinks);
        Timeline timeline = Timeline.of(wanted, records, gapMillis);
        if (json) {
            out.println(Json.write(timeline.toMap()));
        } else if (records.isEmpty()) {
            out.println("no records of " + wanted);
        } else {
            new TimelineText(out).print(timeline);
        }
        out.flush();
        return records.isEmpty() ? 1 : 0;
    }

    private int list(InputOptions input, PrintWriter out) throws IOException {
        TraceSummaries summaries = new TraceSummaries();
        input.read(summaries::add);
        List<TraceSummaries.Summary> rows = all ? summaries.all() : summaries.withErrors();
        if (top > 0 && rows.size() > top) {
            rows = rows.subList(0, top);
        }
        for (TraceSummaries.Summary s : rows) {
            if (json) {
                out.println(Json.write(s.toMap()));
                continue;
            }
            out.printf("%s  %d records  %s  %s  %s%n", Terminal.bold(s.id()), s.records(),
                    s.errors() == 0 ? "no errors" : Terminal.red(s.errors() + (s.errors() == 1 ? " error" : " errors")),
                    s.first() == LogEntry.NO_TIME ? "-" : Timestamps.format(s.first()) + " for " + Durations.format(s.duration()),
                    String.join(", ", s.services()));
            LogEntry root = s.firstError();
            if (root != null) {
                out.printf("    first error: %s %s %s%n", root.service(), Terminal.level(root.level(), root.levelNo()),
                        TimelineText.oneLine(root.message(), 120));
            }
        }
        if (!json && rows.isEmpty()) {
            out.println(summaries.size() == 0 ? "no records carry a trace or request id"
                    : "none of the " + summaries.size() + " traces has an error");
        }
        out.flush();
        return 0;
    }
}
