package dev.cairn.cli.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.cli.CliRun;
import dev.cairn.cli.Loghub;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatsCommandTest {

    @TempDir
    Path temp;

    private Path jsonLog() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 120; i++) {
            String level = i % 10 == 0 ? "ERROR" : i % 7 == 0 ? "WARNING" : "INFO";
            text.append(String.format("{\"timestamp\":\"2024-05-01T12:%02d:%02dZ\",\"level\":\"%s\",\"logger\":\"app.%s\","
                    + "\"message\":\"req %d\",\"duration_ms\":%d}%n", i / 60, i % 60, level, i % 3 == 0 ? "db" : "web", i, i + 1));
        }
        return Files.writeString(temp.resolve("api.jsonl"), text);
    }

    @Test
    void terminalReportHasLevelsHistogramTalkersAndPercentilesWithoutColourWhenPiped() throws Exception {
        CliRun run = CliRun.of("stats", jsonLog().toString());
        assertThat(run.status()).isZero();
        String out = run.out();
        assertThat(out).doesNotContain("\u001b[");
        assertThat(out).contains("120 records, 12 errors (10.0%)", "levels:  INFO 92  WARNING 16  ERROR 12",
                "records per minute   ! error  ~ warning  # other", "top loggers (2 in all)", "app.web",
                "duration_ms (120 values):  min 1  p50 60  p90 108  p95 114  p99 119  max 120  mean 60.5");
        assertThat(run.lines()).filteredOn(l -> l.startsWith("2024-05-01 12:00") || l.startsWith("           12:01"))
                .hasSize(2).allSatisfy(l -> assertThat(l).contains("!", "~", "#", "60", "6 err"));
    }

    @Test
    void binsShorterThanAMinuteAreLabelledWithTheirSeconds() throws Exception {
        CliRun run = CliRun.of("stats", "--bucket", "30s", jsonLog().toString());
        assertThat(run.out()).contains("records per 30 seconds");
        assertThat(run.lines()).filteredOn(l -> l.matches("^(2024-05-01|\\s{10}) \\d\\d:\\d\\d:\\d\\d .*"))
                .extracting(l -> l.substring(11, 19))
                .containsExactly("12:00:00", "12:00:30", "12:01:00", "12:01:30");
    }

    @Test
    void jsonHasTotalsSeriesAndFieldPercentiles() throws Exception {
        CliRun run = CliRun.of("stats", "--json", "--field", "duration_ms", "--bucket", "30s", jsonLog().toString());
        assertThat(run.lines()).hasSize(1);
        assertThat(run.out()).contains("\"records\":120", "\"levels\":{\"DEBUG\":0,\"INFO\":92,\"WARNING\":16,\"ERROR\":12",
                "\"bin_ms\":30000", "\"records\":[30,30,30,30]", "\"p95\":114",
                "{\"name\":\"app.web\",\"records\":80,\"errors\":8}");
    }

    @Test
    void htmlPageHasInlineSvgChartsAndNoExternalResources() throws Exception {
        Path html = temp.resolve("stats.html");
        CliRun run = CliRun.of("stats", "--html", html.toString(), jsonLog().toString());
        assertThat(run.out()).contains("wrote " + html);
        String page = Files.readString(html);
        assertThat(page).startsWith("<!DOCTYPE html>").contains("Records per minute by level", "Top loggers",
                "Field duration_ms", "<svg").doesNotContain("<script", "src=", "href=\"http", "@import", "url(");
        assertThat(SvgWellFormed.charts(page)).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void malformedEmptyHugeAndMixedEncodingInputIsCountedNotFatal() throws Exception {
        Files.writeString(temp.resolve("empty.log"), "");
        byte[] latin1 = "{\"time\":\"2024-05-01T00:00:03Z\",\"level\":\"ERROR\",\"msg\":\"caf\u00e9\",\"latency\":5}\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        String text = "{\"time\":\"2024-05-01T00:00:01Z\",\"level\":\"INFO\",\"msg\":\"" + "y".repeat(2_000_000) + "\",\"latency\":1}\n"
                + "{\"time\":\"2024-05-01T00:00:02Z\",\"lev\n"
                + "\u0000\u0001 binary junk\n";
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[utf8.length + latin1.length];
        System.arraycopy(utf8, 0, all, 0, utf8.length);
        System.arraycopy(latin1, 0, all, utf8.length, latin1.length);
        Files.write(temp.resolve("mixed.jsonl"), all);
        CliRun run = CliRun.of("stats", "--json", temp.toString());
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("\"records\":2", "\"errors\":1", "\"field\":\"latency\",\"count\":2");
        assertThat(CliRun.of("stats", temp.resolve("empty.log").toString()).out()).contains("0 records");
    }

    @Test
    void everyLoghubSampleIsCountedWithItsFormat() throws Exception {
        Path loghub = Loghub.directory().orElse(null);
        Assumptions.assumeTrue(loghub != null, "Loghub samples not found beside the repository");
        Map<String, String> formats = Loghub.formats(loghub);
        assertThat(formats).hasSize(8);
        for (Map.Entry<String, String> f : formats.entrySet()) {
            Path file = loghub.resolve(f.getKey()).resolve(f.getKey() + "_2k.log");
            CliRun run = CliRun.of("stats", "--json", "--format", f.getValue(), file.toString());
            assertThat(run.out()).as(f.getKey()).contains("\"records\":2000", "\"untimed\":0");
        }
        CliRun hdfs = CliRun.of("stats", "--format", formats.get("HDFS"), loghub.resolve("HDFS/HDFS_2k.log").toString());
        assertThat(hdfs.out()).contains("levels:  INFO 1,920  WARNING 80", "records per 2 hours", "dfs.FSNamesystem");
    }

    @Test
    void usageErrorsAndHelp() throws Exception {
        assertThat(CliRun.of("stats").status()).isEqualTo(2);
        assertThat(CliRun.of("stats", "--bucket", "soon", jsonLog().toString()).status()).isEqualTo(2);
        assertThat(CliRun.of("stats", "--help").out()).contains("Examples:", "--field duration_ms");
        assertThat(List.of(CliRun.of("stats", "--rows", "0", jsonLog().toString()).status())).containsExactly(2);
    }
}
