package dev.cairn.cli.search;

import dev.cairn.cli.InputOptions;
import dev.cairn.cli.RecordPrinter;
import dev.cairn.cli.read.Levels;
import dev.cairn.cli.read.LogEntry;
import dev.cairn.cli.read.Timestamps;
import dev.cairn.cli.read.Follower;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cairn search}: the records that match a time range, level, logger, field conditions and a regex. */
@Command(name = "search",
        mixinStandardHelpOptions = true,
        description = "Find records by time range, level, logger, field values and regular expression.",
        footer = {"", "Examples:",
                "  cairn search --level ERROR app.log",
                "  cairn search --since 2024-05-01T10:00 --until 2024-05-01T11:00 logs/",
                "  cairn search -w user=alice -w 'duration_ms>500' app.log*",
                "  cairn search --logger app.db -g 'timeout|refused' -C 2 app.log",
                "  cairn search -f --level WARNING app.log          follow the file like tail -f",
                "  cairn search --json -w status=500 app.log | jq ."})
public final class SearchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input = new InputOptions();

    @Option(names = "--since", paramLabel = "TIME", description = "Only records at or after TIME (ISO-8601, UTC unless an offset is given).")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "Only records before TIME.")
    String until;

    @Option(names = {"-l", "--level"}, paramLabel = "LEVEL", description = "Only records at LEVEL or worse (DEBUG, INFO, WARNING, ERROR, CRITICAL).")
    String level;

    @Option(names = "--logger", paramLabel = "NAME", description = "Only records of logger NAME and its children.")
    String logger;

    @Option(names = {"-w", "--where"}, paramLabel = "EXPR",
            description = "A field condition: name=value, name!=value, name>N, name<N, name>=N, name<=N, name~regex. Repeatable; all must hold.")
    List<String> where = new ArrayList<>();

    @Option(names = {"-g", "--grep"}, paramLabel = "REGEX", description = "Only records whose message or exception matches REGEX.")
    String grep;

    @Option(names = {"-i", "--ignore-case"}, description = "Match --grep without regard to case.")
    boolean ignoreCase;

    @Option(names = {"-C", "--context"}, paramLabel = "N", description = "Show N records before and after each match.")
    int context;

    @Option(names = {"-B", "--before"}, paramLabel = "N", description = "Show N records before each match.")
    Integer before;

    @Option(names = {"-A", "--after"}, paramLabel = "N", description = "Show N records after each match.")
    Integer after;

    @Option(names = "--count", description = "Print only the number of matching records.")
    boolean count;

    @Option(names = "--json", description = "Print matching records as JSON lines.")
    boolean json;

    @Option(names = {"-f", "--follow"}, description = "After reading, keep following the files as they grow and rotate.")
    boolean follow;

    @Override
    public Integer call() throws IOException {
        if (input.files.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give at least one log file");
        }
        RecordFilter filter = filter();
        PrintWriter writer = spec.commandLine().getOut();
        RecordPrinter printer = new RecordPrinter(writer, json);
        ContextWindow window = new ContextWindow(printer, before == null ? context : before, after == null ? context : after);
        long[] matches = {0};
        // With context lines every record is needed, so nothing can be skipped unparsed.
        boolean needsAll = !count && (context > 0 || (before != null && before > 0) || (after != null && after > 0));
        input.readSkipping(needsAll ? null : filter.prefilter(), e -> {
            boolean hit = filter.test(e);
            if (hit) {
                matches[0]++;
            }
            if (!count) {
                window.offer(e, hit);
            }
        });
        if (count) {
            writer.println(matches[0]);
        }
        printer.flush();
        if (follow) {
            new Follower(input.files, input.lineFormat()).run(e -> {
                if (filter.test(e)) {
                    printer.print(e, null);
                    printer.flush();
                }
            });
        }
        return matches[0] > 0 ? 0 : 1;
    }

    RecordFilter filter() {
        List<FieldExpression> expressions = new ArrayList<>();
        for (String w : where) {
            try {
                expressions.add(FieldExpression.parse(w));
            } catch (IllegalArgumentException ex) {
                throw new CommandLine.ParameterException(spec.commandLine(), ex.getMessage());
            }
        }
        int minLevel = 0;
        if (level != null) {
            minLevel = Levels.number(level);
            if (minLevel == 0) {
                throw new CommandLine.ParameterException(spec.commandLine(), "unknown level: " + level);
            }
        }
        return new RecordFilter(time(since), time(until), minLevel, logger, List.copyOf(expressions),
                grep == null ? null : Pattern.compile(grep, ignoreCase ? Pattern.CASE_INSENSITIVE : 0));
    }

    private long time(String text) {
        if (text == null) {
            return LogEntry.NO_TIME;
        }
        String padded = text.length() == 10 ? text + "T00:00:00" : text.length() == 16 ? text + ":00" : text;
        long t = Timestamps.parseLoose(padded);
        if (t == LogEntry.NO_TIME) {
            throw new CommandLine.ParameterException(spec.commandLine(), "not a time: " + text);
        }
        return t;
    }

    /** Prints matches with N records of context before and after, separating groups like grep -C. */
    static final class ContextWindow {
        private final RecordPrinter printer;
        private final int before;
        private final int after;
        private final Deque<LogEntry> recent = new ArrayDeque<>();
        private int afterLeft;
        private boolean printedAny;
        private boolean gap;

        ContextWindow(RecordPrinter printer, int before, int after) {
            this.printer = printer;
            this.before = before;
            this.after = after;
        }

        void offer(LogEntry e, boolean hit) {
            if (hit) {
                if (printedAny && gap && (before > 0 || after > 0)) {
                    printer.separator();
                }
                for (LogEntry r : recent) {
                    printer.print(r, null);
                }
                recent.clear();
                printer.print(e, null);
                printedAny = true;
                gap = false;
                afterLeft = after;
            } else if (afterLeft > 0) {
                printer.print(e, null);
                afterLeft--;
            } else if (before > 0) {
                if (recent.size() == before) {
                    recent.poll();
                    gap = true;
                }
                recent.add(e);
            } else {
                gap = true;
            }
        }
    }
}
