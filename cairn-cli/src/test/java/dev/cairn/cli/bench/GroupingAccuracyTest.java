package dev.cairn.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cairn.cli.Loghub;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupingAccuracyTest {

    @Test
    void countsOnlyGroupsThatEqualATrueGroup() {
        List<String> truth = List.of("A", "A", "B", "B", "C");
        assertThat(GroupingAccuracy.of(truth, List.of(1, 1, 2, 2, 3))).isEqualTo(1.0);
        // B split in two: both halves wrong. A and C merged: both wrong.
        assertThat(GroupingAccuracy.of(truth, List.of(1, 1, 2, 4, 3))).isEqualTo(0.6);
        assertThat(GroupingAccuracy.of(truth, List.of(1, 1, 2, 2, 1))).isEqualTo(0.4);
    }

    @Test
    void csvReaderHandlesQuotesCommasAndCrlf() {
        List<List<String>> rows = Csv.parse("a,b\r\n\"x, \"\"y\"\"\",2\r\n,\n");
        assertThat(rows).containsExactly(List.of("a", "b"), List.of("x, \"y\"", "2"), List.of("", ""));
    }

    @Test
    void agreesWithLoghubsPythonScorer(@TempDir Path temp) throws Exception {
        Path loghub = Loghub.directory().orElse(null);
        assumeTrue(loghub != null, "no ../shared/loghub");
        assumeTrue(python() != null, "no python3");
        Path csv = loghub.resolve("Zookeeper/Zookeeper_2k.log_structured.csv");
        LoghubSample sample = LoghubSample.load("Zookeeper", csv);
        // A deliberately imperfect grouping: the first word of each message.
        List<String> parsed = new ArrayList<>();
        StringBuilder tsv = new StringBuilder();
        for (String message : sample.messages()) {
            String first = message.strip().split("\\s+", 2)[0];
            parsed.add(first);
            tsv.append(first.isEmpty() ? "-" : first).append('\t').append(first).append('\n');
        }
        Path assignments = temp.resolve("a.tsv");
        Files.writeString(assignments, tsv, StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(python(), loghub.resolve("grouping_accuracy.py").toString(),
                csv.toString(), assignments.toString()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor()).isZero();
        double java = GroupingAccuracy.of(sample.eventIds(), parsed);
        assertThat(out).isEqualTo(String.format("GA %.4f", java));
        assertThat(java).isBetween(0.01, 0.99);
    }

    private static String python() throws IOException {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, "python3"))) {
                return Path.of(dir, "python3").toString();
            }
        }
        return null;
    }
}
