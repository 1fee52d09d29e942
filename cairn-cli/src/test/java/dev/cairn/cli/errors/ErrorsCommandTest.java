package dev.cairn.cli.errors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.cli.Main;
import dev.cairn.cli.Loghub;
import dev.cairn.cli.read.LogEntry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ErrorsCommandTest {

    @TempDir
    Path temp;

    private static LogEntry error(String message, String exception) {
        return new LogEntry(0, "ERROR", "app", message, null, null, exception, Map.of(), "api.log", 1);
    }

    @Test
    void sameTypeAndInAppFramesIgnoringLineNumbersAndMessagesIsOneFingerprint() {
        String a = "java.lang.IllegalStateException: order 17 missing\n\tat com.acme.Orders.load(Orders.java:42)\n"
                + "\tat java.base/java.lang.Thread.run(Thread.java:833)";
        String b = "java.lang.IllegalStateException: order 99 missing\n\tat com.acme.Orders.load(Orders.java:57)";
        String c = "java.lang.IllegalStateException: x\n\tat com.acme.Billing.charge(Billing.java:5)";
        assertThat(Fingerprint.of(error("m1", a))).isEqualTo(Fingerprint.of(error("m2", b)));
        assertThat(Fingerprint.of(error("m1", a)).key()).isNotEqualTo(Fingerprint.of(error("m1", c)).key());
        assertThat(Fingerprint.of(error("m", a)).frames()).containsExactly("com.acme.Orders.load");
    }

    @Test
    void pythonTracebackTypeIsTheLastLine() {
        String tb = "Traceback (most recent call last):\n  File \"/app/db.py\", line 3, in run\n    x()\n"
                + "  File \"/usr/lib/python3/dist-packages/lib.py\", line 9, in x\nKeyError: 'user'";
        Fingerprint f = Fingerprint.of(error("failed", tb));
        assertThat(f.type()).isEqualTo("KeyError");
        assertThat(f.frames()).containsExactly("db.py:run");
    }

    @Test
    void commandGroupsAcrossFilesWithServicesAndCounts() throws Exception {
        String trace = "\"exception\":\"java.io.IOException: disk\\n\\tat com.acme.Store.save(Store.java:%d)\"";
        Files.writeString(temp.resolve("api.jsonl"),
                "{\"time\":\"2024-05-01T00:00:01Z\",\"level\":\"ERROR\",\"msg\":\"save failed\"," + trace.formatted(1) + "}\n"
                        + "{\"time\":\"2024-05-01T00:00:02Z\",\"level\":\"INFO\",\"msg\":\"fine\"}\n");
        Files.writeString(temp.resolve("worker.jsonl"),
                "{\"time\":\"2024-05-01T00:00:05Z\",\"level\":\"ERROR\",\"msg\":\"save failed again\"," + trace.formatted(9) + "}\n"
                        + "{\"time\":\"2024-05-01T00:00:06Z\",\"level\":\"CRITICAL\",\"msg\":\"queue 7 stuck\"}\n");
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out));
        assertThat(cli.execute("errors", "--json", temp.toString())).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("\"type\":\"java.io.IOException\"", "\"count\":2", "[\"api\",\"worker\"]",
                "\"first\":\"2024-05-01T00:00:01Z\"", "\"last\":\"2024-05-01T00:00:05Z\"");
        assertThat(lines.get(1)).contains("\"type\":\"CRITICAL\"", "queue 7 stuck");
    }

    @Test
    void loghubErrorsRunWithAGivenFormat() throws Exception {
        Path loghub = Loghub.directory().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(loghub != null);
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out));
        assertThat(cli.execute("errors", "--format", "<Date> <Time> - <Level>  \\[<Node>:<Component>@<Id>\\] - <Content>",
                loghub.resolve("Zookeeper/Zookeeper_2k.log").toString())).isZero();
        assertThat(out.toString()).contains("ERROR");
    }

    @Test
    void emptyFileHasNoErrors() throws Exception {
        Path empty = Files.writeString(temp.resolve("e.log"), "");
        assertThat(Main.run("errors", empty.toString())).isZero();
    }
}
