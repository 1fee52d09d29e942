package dev.cairn.cli.patterns;

import dev.cairn.cli.InputOptions;
import dev.cairn.cli.Json;
import dev.cairn.cli.Terminal;
import dev.cairn.cli.read.InlineFields;
import dev.cairn.cli.read.LogEntry;
import dev.cairn.cli.read.Timestamps;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cairn patterns}: mines message templates, either from whole log files (a summary of
 * templates with counts and example values) or from a file of bare messages (one group per line,
 * for scoring a grouping against a ground truth).
 */
@Command(name = "patterns",
        mixinStandardHelpOptions = true,
        description = "Mine message templates: what kinds of messages the logs hold and how often.",
        footer = {"", "Examples:",
                "  cairn patterns app.log                 templates by count, with example values",
                "  cairn patterns --top 20 app.log*       the 20 most frequent templates",
                "  cairn patterns --messages msgs.txt --assignments out.tsv",
                "                                         one line per message: group id, tab, template"})
public final class PatternsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--messages", paramLabel = "FILE",
            description = "Read one bare message per line from FILE (no header parsing).")
    Path messages;

    @Option(names = "--assignments", paramLabel = "OUT",
            description = "With --messages: write, per input line, a group id, a tab and the template.")
    Path assignments;

    @Option(names = "--min-distinct", paramLabel = "N", defaultValue = "" + TemplateMiner.DEFAULT_MIN_DISTINCT_VALUES,
            description = "Distinct values after which a word position becomes a parameter (default: ${DEFAULT-VALUE}).")
    int minDistinct;

    @Option(names = "--top", paramLabel = "N", defaultValue = "50",
            description = "Show the N most frequent templates (default: ${DEFAULT-VALUE}; 0 for all).")
    int top;

    @Option(names = "--json", description = "Print one JSON object per template.")
    boolean json;

    @Mixin
    InputOptions input = new InputOptions();

    @Override
    public Integer call() throws IOException {
        if (messages != null) {
            if (assignments == null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--messages needs --assignments OUT");
            }
            assign(messages, assignments, new TemplateMiner(minDistinct));
            return 0;
        }
        if (input.files.isEmpty()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "give log files, or --messages FILE --assignments OUT");
        }
        PatternSummary summary = new PatternSummary();
        input.read(summary::add);
        List<PatternSummary.Row> rows = summary.rows();
        if (top > 0 && rows.size() > top) {
            rows = rows.subList(0, top);
        }
        PrintWriter out = spec.commandLine().getOut();
        for (PatternSummary.Row row : rows) {
            if (json) {
                out.println(Json.write(row.toMap()));
                continue;
            }
            out.printf("%8d  %s%n", row.count(), Terminal.bold(row.template()));
            if (row.first() != LogEntry.NO_TIME) {
                out.printf("          first %s  last %s%n", Timestamps.format(row.first()), Timestamps.format(row.last()));
            }
            for (int p = 0; p < row.examples().size(); p++) {
                out.printf("          <%d> %s%n", p + 1, String.join(" | ", row.examples().get(p)));
            }
        }
        out.flush();
        return 0;
    }

    /**
     * Mines every line of {@code in}, as {@link InlineFields#templateText} gives it (as for whole
     * files), and writes its final group and template to {@code out}.
     */
    static void assign(Path in, Path out, TemplateMiner miner) throws IOException {
        List<Integer> ids = new ArrayList<>();
        try (BufferedReader reader = utf8Reader(in)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                ids.add(miner.add(InlineFields.templateText(line)));
            }
        }
        Map<Integer, Integer> numbers = new HashMap<>();
        try (Writer writer = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8))) {
            PrintWriter print = new PrintWriter(writer);
            for (int id : ids) {
                int group = miner.groupOf(id);
                int number = numbers.computeIfAbsent(group, g -> numbers.size() + 1);
                print.append(Integer.toString(number)).append('\t').append(miner.template(group)).append('\n');
            }
            print.flush();
        }
    }

    private static BufferedReader utf8Reader(Path file) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder), 1 << 16);
    }
}
