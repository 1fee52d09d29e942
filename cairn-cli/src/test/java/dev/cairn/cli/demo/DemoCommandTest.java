package dev.cairn.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.cli.CliRun;
import dev.cairn.config.Json;
import dev.cairn.demo.FaultPlan;
import dev.cairn.demo.FaultPlan.Fault;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cairn demo} runs the three services once into a temporary folder; the tests read what it left. */
class DemoCommandTest {

    @TempDir
    static Path dir;

    static Path out;
    static Path logs;
    static CliRun demo;
    static FaultPlan plan = FaultPlan.draw(42, 150);

    @BeforeAll
    static void runTheDemo() {
        out = dir.resolve("demo-out");
        logs = out.resolve("logs");
        demo = CliRun.of("demo", "--out", out.toString());
    }

    @Test
    void theDemoSucceedsAndSaysHowEachCheckoutEnded() {
        assertThat(demo.status()).as(demo.out()).isZero();
        assertThat(demo.out()).contains("Ran 150 checkouts in ")
                .contains(plan.count(Fault.NONE) + plan.count(Fault.DB_BLIP) + " placed")
                .contains(plan.count(Fault.CARD_DECLINED) + " card declined (402)")
                .contains(plan.count(Fault.DB_OUTAGE) + " orders database down (503)")
                .contains(plan.count(Fault.BANK_STALL) + " payment timed out (504)")
                .contains("$ cairn patterns", "$ cairn errors", "$ cairn trace", "$ cairn stats", "$ cairn report");
    }

    @Test
    void everyServiceRotatedIntoGzippedBackups() throws IOException {
        for (String service : List.of("gateway", "orders", "payments")) {
            assertThat(logs.resolve(service + ".log")).isNotEmptyFile();
            List<Path> backups;
            try (Stream<Path> files = Files.list(logs)) {
                backups = files.filter(p -> p.getFileName().toString().matches(service + "\\.log\\.\\d+\\.gz")).toList();
            }
            assertThat(backups).as(service).hasSizeGreaterThanOrEqualTo(2);
            for (Path gz : backups) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
                    assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).as(gz.toString()).isNotBlank();
                }
            }
        }
        try (Stream<Path> files = Files.list(logs)) {
            assertThat(files.map(p -> p.getFileName().toString())).allMatch(n -> n.matches("(gateway|orders|payments)\\.log(\\.\\d+\\.gz)?"));
        }
        assertThat(out.resolve("config/gateway.yaml")).exists();
    }

    @Test
    void theTracedCheckoutCrossesAllThreeServicesAndItsRootCauseIsInPayments() {
        assertThat(demo.out()).containsPattern("trace [0-9a-f]{32}: \\d+ records from 3 services")
                .contains("likely root cause: payments ERROR")
                .contains("dev.cairn.demo.CardDeclinedException");
        String traceId = demo.out().replaceAll("(?s).*\\$ cairn trace ([0-9a-f]{32}).*", "$1");
        CliRun trace = CliRun.of("trace", "--json", traceId, logs.toString());
        Map<?, ?> timeline = (Map<?, ?>) Json.parse(trace.out(), "trace --json");
        List<Object> services = ((List<?>) timeline.get("services")).stream().map(s -> (Object) ((Map<?, ?>) s).get("service")).toList();
        assertThat(services).containsExactly("gateway", "orders", "payments");
        assertThat(((Map<?, ?>) timeline.get("root_cause")).get("logger")).isEqualTo("payments.api");
    }

    @Test
    void errorsGroupEachInjectedFailureOnce() {
        CliRun errors = CliRun.of("errors", "--json", "--top", "0", logs.toString());
        Map<Object, Object> counts = errors.lines().stream().map(l -> (Map<?, ?>) Json.parse(l, "errors --json"))
                .collect(Collectors.toMap(g -> g.get("type") + " " + g.get("services"), g -> g.get("count"), (a, b) -> a));
        assertThat(counts).containsEntry("java.sql.SQLTransientConnectionException [orders]", plan.count(Fault.DB_OUTAGE))
                .containsEntry("dev.cairn.demo.CardDeclinedException [payments]", plan.count(Fault.CARD_DECLINED))
                .containsEntry("java.net.http.HttpTimeoutException [orders]", plan.count(Fault.BANK_STALL));
    }

    @Test
    void theReportIsOneHtmlFileWithChartsErrorsAndTraces() throws IOException {
        Path report = out.resolve("report.html");
        assertThat(demo.out()).contains("wrote " + report);
        String html = Files.readString(report);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg")
                .contains("SQLTransientConnectionException", "CardDeclinedException", "HttpTimeoutException")
                .contains("payments.api");
    }

    @Test
    void aFolderTheDemoDidNotWriteIsLeftAlone() throws IOException {
        Path foreign = dir.resolve("foreign");
        Files.createDirectories(foreign);
        Files.writeString(foreign.resolve("notes.txt"), "mine");
        CliRun refused = CliRun.of("demo", "--out", foreign.toString());
        assertThat(refused.status()).isEqualTo(2);
        assertThat(foreign.resolve("notes.txt")).hasContent("mine");

        Path earlier = dir.resolve("earlier");
        Files.createDirectories(earlier.resolve("logs"));
        Files.writeString(earlier.resolve(DemoCommand.MARKER), "");
        Files.writeString(earlier.resolve("logs/old.log"), "stale");
        assertThat(DemoCommand.mayWrite(earlier)).isTrue();
        DemoCommand.prepare(earlier);
        try (Stream<Path> files = Files.list(earlier)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(DemoCommand.MARKER);
        }
    }
}
