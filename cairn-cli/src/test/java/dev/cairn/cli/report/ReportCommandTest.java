package dev.cairn.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.cli.CliRun;
import dev.cairn.cli.Loghub;
import dev.cairn.cli.stats.SvgWellFormed;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

    @TempDir
    Path temp;

    private String report(String... args) throws Exception {
        Path out = temp.resolve("report-" + System.nanoTime() + ".html");
        String[] all = new String[args.length + 3];
        all[0] = "report";
        all[1] = "-o";
        all[2] = out.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        CliRun run = CliRun.of(all);
        assertThat(run.status()).as(run.out()).isZero();
        assertThat(run.out()).startsWith("wrote " + out);
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    @Test
    void reportHoldsStatsErrorsPatternsAndFailingTraceTimelinesInOneSelfContainedPage() throws Exception {
        Path logs = Files.createDirectories(temp.resolve("logs"));
        ReportFixtures.incident(logs);
        String page = report(logs.toString());
        assertThat(page).contains("Records per minute by level", "Error rate per minute", "Records per minute by service",
                "Top loggers", "Field duration_ms", "Errors, grouped by fingerprint", "ConnectionError",
                "connection refused to &lt;*&gt;", "Message patterns", "<code>GET &lt;*&gt;</code>", "Traces with errors",
                "Likely root cause:", "Error chain: db → worker → api", "← likely root cause", "Every line was read.",
                "Most recent errors", "The last 20 ERROR and CRITICAL records", "<h2 id=\"files\">Files</h2>", "api.jsonl",
                "<td><span>logfmt</span></td>", "(3 files)");
        assertThat(page).doesNotContain("<script", "<link", "src=", "@import", "url(")
                .doesNotContainPattern("https?://(?!www\\.w3\\.org/2000/svg)");
        assertThat(SvgWellFormed.charts(page)).hasSizeGreaterThanOrEqualTo(8);
        assertThat(page.split("<h3>Trace ", -1)).hasSize(1 + 5);
    }

    @Test
    void unreadableEmptyHugeAndLatin1InputIsReportedNotFatal() throws Exception {
        Files.writeString(temp.resolve("empty.log"), "");
        String huge = "z".repeat(1_000_000);
        byte[] text = ("{\"time\":\"2024-05-01T00:00:01Z\",\"level\":\"ERROR\",\"msg\":\"" + huge + "\",\"request_id\":\"r-1\"}\n"
                + "{\"time\":\"2024-05-01T00:00:02Z\",\"level\":\"INFO\",\"msg\":\"<b>not markup</b>\",\"request_id\":\"r-1\"}\n"
                + "{broken\n").getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = "{\"time\":\"2024-05-01T00:00:03Z\",\"level\":\"INFO\",\"msg\":\"na\u00efve\"}\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[text.length + latin1.length];
        System.arraycopy(text, 0, all, 0, text.length);
        System.arraycopy(latin1, 0, all, text.length, latin1.length);
        Files.write(temp.resolve("mixed.jsonl"), all);
        String page = report(temp.toString());
        assertThat(page).contains("1 lines could not be read", "{broken", "(1,000,000 characters)", "&lt;b&gt;not markup&lt;/b&gt;",
                "na\u00efve", "Trace r-1");
        assertThat(page.length()).isLessThan(200_000);
        assertThat(SvgWellFormed.charts(page)).isNotEmpty();
        String empty = report(temp.resolve("empty.log").toString());
        assertThat(empty).contains("No ERROR or CRITICAL records", "No records.", "No trace or request has an error");
    }

    @Test
    void everyLoghubSampleGivesAReport() throws Exception {
        Path loghub = Loghub.directory().orElse(null);
        Assumptions.assumeTrue(loghub != null, "Loghub samples not found beside the repository");
        for (Map.Entry<String, String> f : Loghub.formats(loghub).entrySet()) {
            String page = report("--format", f.getValue(), loghub.resolve(f.getKey()).resolve(f.getKey() + "_2k.log").toString());
            assertThat(page).as(f.getKey()).contains("<b>2,000</b>records", "Message patterns");
            assertThat(SvgWellFormed.charts(page)).as(f.getKey()).hasSizeGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void textFromTheLogsIsEscapedInEveryTableAndChart() throws Exception {
        StringBuilder log = new StringBuilder();
        String[] users = {"<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "<b>bold</b>", "<i>x</i>", "<u>y</u>"};
        for (int i = 0; i < 25; i++) {
            log.append(String.format("{\"time\":\"2024-05-01T00:00:%02dZ\",\"level\":\"ERROR\",\"service\":\"<svg onload=alert(3)>\","
                    + "\"msg\":\"login failed for %s\",\"request_id\":\"<r%d>\"}%n", i, users[i % users.length], i % 3));
        }
        Files.writeString(temp.resolve("evil.jsonl"), log);
        String page = report(temp.resolve("evil.jsonl").toString());
        assertThat(page).doesNotContain("<script", "<img", "<b>bold", "<svg onload", "<r1>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;svg onload=alert(3)&gt;");
        assertThat(SvgWellFormed.charts(page)).isNotEmpty();
    }

    @Test
    void programsWriteAReportThroughThePublicApi() throws Exception {
        Path logs = Files.createDirectories(temp.resolve("logs"));
        ReportFixtures.incident(logs);
        Path html = temp.resolve("api.html");
        Report report = Report.write(List.of(logs), html, Report.Options.defaults().withTitle("Incident 42")
                .withBucket(Duration.ofMinutes(5)).withFields(List.of("duration_ms")).withTraces(2).withTop(3));
        assertThat(report.stats().records()).isEqualTo(3650);
        assertThat(report.files()).extracting(Report.FileSummary::format).containsExactly("json", "logfmt", "json");
        assertThat(report.files()).extracting(Report.FileSummary::records).containsExactly(1800L, 925L, 925L);
        assertThat(report.recentErrors()).hasSize(20).last().extracting(e -> e.message()).isEqualTo("GET /orders/878 failed: 502");
        assertThat(report.timelines()).hasSize(2);
        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertThat(page).contains("<title>Incident 42</title>", "Records per 5 minutes by level", "3 less frequent templates not shown")
                .doesNotContain("<script");
        assertThat(page.split("<h3>Trace ", -1)).hasSize(1 + 2);
        assertThatThrownBy(() -> Report.Options.defaults().withTop(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void usageErrorsAndHelp() {
        assertThat(CliRun.of("report").status()).isEqualTo(2);
        assertThat(CliRun.of("report", "--bucket", "x", temp.toString()).status()).isEqualTo(2);
        assertThat(CliRun.of("report", "--help").out()).contains("Examples:", "cairn report logs/");
    }
}
