package dev.cairn.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark is fair only if the three libraries write the same bytes: one record through
 * each library's configuration of a case, compared with the timestamps masked.
 */
class SameOutputTest {
    @TempDir
    Path dir;

    @Test
    void textLinesAreTheSameForAllThreeLibraries() throws Exception {
        Path cairn = dir.resolve("cairn.log");
        Path log4j = dir.resolve("log4j.log");
        Path logback = dir.resolve("logback.log");

        dev.cairn.Logger c = CairnPeer.syncFile(cairn);
        c.info(Workload.CAIRN_MESSAGE, Workload.ARG1, Workload.ARG2);
        CairnPeer.stop(c);
        Log4jPeer.syncFile(log4j).info(Workload.BRACES_MESSAGE, Workload.ARG1, Workload.ARG2);
        Log4jPeer.stop();
        LogbackPeer.syncFile(logback).info(Workload.BRACES_MESSAGE, Workload.ARG1, Workload.ARG2);
        LogbackPeer.stop();

        String expected = "<time> INFO bench.sync: Request user-42 served in 7 ms\n";
        assertThat(masked(cairn, TEXT_TIME)).isEqualTo(expected);
        assertThat(masked(log4j, TEXT_TIME)).isEqualTo(expected);
        assertThat(masked(logback, TEXT_TIME)).isEqualTo(expected);
    }

    @Test
    void jsonLinesHaveTheSameMembersForAllThreeLibraries() throws Exception {
        Path cairn = dir.resolve("cairn.json");
        Path log4j = dir.resolve("log4j.json");
        Path logback = dir.resolve("logback.json");

        CairnPeer.putFields();
        dev.cairn.Logger c = CairnPeer.json(cairn);
        c.info(Workload.CAIRN_MESSAGE, Workload.ARG1, Workload.ARG2);
        CairnPeer.stop(c);
        Log4jPeer.putFields();
        Log4jPeer.json(log4j).info(Workload.BRACES_MESSAGE, Workload.ARG1, Workload.ARG2);
        Log4jPeer.stop();
        LogbackPeer.putFields();
        LogbackPeer.json(logback).info(Workload.BRACES_MESSAGE, Workload.ARG1, Workload.ARG2);
        LogbackPeer.stop();

        String thread = Thread.currentThread().getName();
        String common = "{\"timestamp\":\"<time>\",\"level\":\"INFO\",\"logger\":\"bench.json\","
                + "\"message\":\"Request user-42 served in 7 ms\",\"thread\":\"" + thread + "\",";
        // The fields themselves: same names and values; each library keeps its context in its own order.
        for (Path p : List.of(cairn, log4j, logback)) {
            String line = masked(p, JSON_TIME);
            assertThat(line).as(p.getFileName().toString()).startsWith(common).endsWith("}\n");
            for (String[] f : Workload.FIELDS) {
                assertThat(line).as(p.getFileName().toString()).contains("\"" + f[0] + "\":\"" + f[1] + "\"");
            }
            assertThat(line.chars().filter(ch -> ch == ':').count()).as(p + ": members").isEqualTo(5 + 5);
        }
    }

    private static final String TEXT_TIME = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3}";
    private static final String JSON_TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";

    private static String masked(Path file, String timeRegex) throws Exception {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).replaceAll(timeRegex, "<time>");
    }
}
