package dev.cairn.cli.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SearchCommandTest {

    @TempDir
    Path temp;

    private Path log() throws Exception {
        StringBuilder text = new StringBuilder();
        String[][] rows = {
            {"00", "INFO", "app.web", "alice", "120", "home"},
            {"01", "ERROR", "app.db", "bob", "900", "query failed"},
            {"02", "WARNING", "app.db", "alice", "650", "slow query"},
            {"03", "INFO", "application", "alice", "5", "other app"},
            {"04", "ERROR", "app.web", "alice", "30", "bad \\\"quoted\\\" request"},
        };
        for (String[] r : rows) {
            text.append("{\"timestamp\":\"2024-05-01T12:00:").append(r[0]).append("Z\",\"level\":\"").append(r[1])
                    .append("\",\"logger\":\"").append(r[2]).append("\",\"user\":\"").append(r[3])
                    .append("\",\"duration_ms\":").append(r[4]).append(",\"message\":\"").append(r[5]).append("\"}\n");
        }
        text.append("not json at all\n");
        return Files.writeString(temp.resolve("app.jsonl"), text);
    }

    private List<String> search(String... args) throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out));
        String[] all = new String[args.length + 2];
        all[0] = "search";
        System.arraycopy(args, 0, all, 1, args.length);
        all[all.length - 1] = log().toString();
        cli.execute(all);
        return out.toString().lines().toList();
    }

    @Test
    void levelAndFieldConditionsCombine() throws Exception {
        assertThat(search("--level", "WARNING", "-w", "user=alice"))
                .hasSize(2).anySatisfy(l -> assertThat(l).contains("slow query"))
                .anySatisfy(l -> assertThat(l).contains("bad \"quoted\" request"));
    }

    @Test
    void numericComparisonAndLoggerHierarchy() throws Exception {
        assertThat(search("--logger", "app", "-w", "duration_ms>100")).hasSize(3);
        assertThat(search("--logger", "app.db", "-w", "duration_ms>=900")).singleElement().asString().contains("query failed");
    }

    @Test
    void timeRangeAndRegex() throws Exception {
        assertThat(search("--since", "2024-05-01T12:00:01", "--until", "2024-05-01T12:00:03", "--count"))
                .containsExactly("2");
        assertThat(search("-g", "QUER", "-i", "--count")).containsExactly("2");
        assertThat(search("-g", "^bad", "--count")).containsExactly("1");
    }

    @Test
    void contextLinesAroundMatches() throws Exception {
        List<String> lines = search("-w", "user=bob", "-C", "1");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("home");
        assertThat(lines.get(2)).contains("slow query");
    }

    @Test
    void jsonOutputCarriesFields() throws Exception {
        assertThat(search("--json", "-w", "user=bob")).singleElement().asString()
                .contains("\"level\":\"ERROR\"", "\"duration_ms\":\"900\"");
    }

    @Test
    void badExpressionIsAUsageError() throws Exception {
        assertThat(Main.run("search", "-w", "nonsense", log().toString())).isEqualTo(2);
    }
}
