package dev.cairn.cli.patterns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.cli.Main;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PatternsCommandTest {

    @TempDir
    Path temp;

    private List<String> assign(byte[] input) throws Exception {
        Path in = temp.resolve("messages.txt");
        Path out = temp.resolve("out.tsv");
        Files.write(in, input);
        assertThat(Main.run("patterns", "--messages", in.toString(), "--assignments", out.toString())).isZero();
        return Files.readAllLines(out, StandardCharsets.UTF_8);
    }

    @Test
    void writesOneGroupAndTemplatePerLineInOrder() throws Exception {
        List<String> lines = assign("open 1\nclose 2\nopen 3\n".getBytes(StandardCharsets.UTF_8));
        assertThat(lines).containsExactly("1\topen <*>", "2\tclose <*>", "1\topen <*>");
    }

    @Test
    void emptyFileGivesNoAssignments() throws Exception {
        assertThat(assign(new byte[0])).isEmpty();
    }

    @Test
    void crlfAndBlankLinesAreMessagesToo() throws Exception {
        assertThat(assign("a 1\r\n\r\na 2\r\n".getBytes(StandardCharsets.UTF_8)))
                .containsExactly("1\ta <*>", "2\t", "1\ta <*>");
    }

    @Test
    void malformedUtf8AndLatin1AreReadNotFatal() throws Exception {
        byte[] latin1 = "caf\u00e9 1\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] utf8 = "caf\u00e9 2\n".getBytes(StandardCharsets.UTF_8);
        byte[] both = new byte[latin1.length + utf8.length];
        System.arraycopy(latin1, 0, both, 0, latin1.length);
        System.arraycopy(utf8, 0, both, latin1.length, utf8.length);
        List<String> lines = assign(both);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).isEqualTo("2\tcaf\u00e9 <*>");
    }

    @Test
    void hugeLineIsOneMessage() throws Exception {
        String huge = "token ".repeat(200_000) + "42\nshort 1\n";
        List<String> lines = assign(huge.getBytes(StandardCharsets.UTF_8));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).isEqualTo("2\tshort <*>");
    }

    @Test
    void messagesWithoutAssignmentsIsAUsageError() throws Exception {
        Path in = temp.resolve("m.txt");
        Files.writeString(in, "x\n");
        assertThat(Main.run("patterns", "--messages", in.toString())).isEqualTo(2);
    }

    @Test
    void wholeFileModeReportsTemplatesWithCountsTimesAndExampleValues() throws Exception {
        Path log = temp.resolve("app.log");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            text.append("{\"time\":\"2024-05-01T12:00:0").append(i).append("Z\",\"level\":\"INFO\",\"msg\":\"user u")
                    .append(i).append(" logged in from 10.0.0.").append(i).append("\"}\n");
        }
        text.append("{\"time\":\"2024-05-01T12:00:09Z\",\"level\":\"ERROR\",\"msg\":\"disk full\"}\n");
        Files.writeString(log, text);
        java.io.StringWriter out = new java.io.StringWriter();
        picocli.CommandLine cli = new picocli.CommandLine(new Main());
        cli.setOut(new java.io.PrintWriter(out));
        assertThat(cli.execute("patterns", "--json", log.toString())).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("\"template\":\"user <*> logged in from <*>\"", "\"count\":6",
                "\"first\":\"2024-05-01T12:00:00Z\"", "\"last\":\"2024-05-01T12:00:05Z\"", "[\"u0\",\"u1\",\"u2\"]");
        assertThat(lines.get(1)).contains("disk full", "\"count\":1");
    }
}
