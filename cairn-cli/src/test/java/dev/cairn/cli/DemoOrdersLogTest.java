package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.cli.patterns.PatternSummary;
import dev.cairn.cli.read.LogEntry;
import dev.cairn.cli.read.Malformed;
import dev.cairn.cli.read.Records;
import dev.cairn.demo.FaultPlan;
import dev.cairn.demo.SimulatedSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's orders service writes Python-style text lines with its context in brackets
 * ({@code [trace_id=... request_id=...]}): the context becomes fields, so search and trace find a
 * request's text lines as they find its JSON ones, and mining gives one template per kind of line
 * its code logs, whatever the ids, orders, amounts and contexts were.
 */
class DemoOrdersLogTest {

    /**
     * The orders service's log calls (Orders, OrderStore, Service, HealthCheck in cairn-demo), more
     * specific first where two could match one message.
     */
    private static final List<String> CALLS = List.of(
            "creating order %s: %d x %s",
            "reserved %d x %s",
            "inserted order %s in %d ms",
            "order %s placed: %.2f EUR, %s",
            "order %s not placed: payments answered %d",
            "order %s not placed: card declined: %s",
            "insert of order %s failed (%s), retry %d of %d",
            "could not save order %s",
            "payment for order %s timed out after %d ms",
            "payment for order %s failed: payments unreachable",
            "%s listening on 127.0.0.1:%d (pid %d)%s",
            "%s stopped",
            "health check: ok",
            "health check: unhealthy, %s answered %d");

    @TempDir
    static Path dir;

    static SimulatedSystem.Run run;
    static List<LogEntry> records = new ArrayList<>();

    @BeforeAll
    static void runTheShop() throws Exception {
        run = SimulatedSystem.run(dir, new SimulatedSystem.Options(42, 80, 4));
        List<Path> orders;
        try (Stream<Path> files = Files.list(run.logs())) {
            orders = files.filter(p -> p.getFileName().toString().startsWith("orders.log")).toList();
        }
        Malformed malformed = new Malformed();
        try (Records all = Records.open(orders, null, malformed)) {
            all.forEach(records::add);
        }
        assertThat(malformed.count()).isZero();
    }

    @Test
    void everyRecordCarriesItsContextAsFieldsNotInItsMessage() {
        assertThat(records).hasSizeGreaterThan(300);
        for (LogEntry e : records) {
            assertThat(e.fields()).containsKeys("trace_id", "request_id");
            assertThat(e.message()).doesNotContain("trace_id=");
        }
        assertThat(records).filteredOn(e -> e.message().startsWith("creating order"))
                .allMatch(e -> e.traceId().matches("[0-9a-f]{32}") && e.fields().get("request_id").matches("req-\\d{4}"));
    }

    @Test
    void searchByRequestIdFindsTheOrdersTextLinesOfAPlacedCheckout() {
        SimulatedSystem.Request placed = run.requests().stream()
                .filter(r -> r.fault() == FaultPlan.Fault.NONE && r.status() == 201).findFirst().orElseThrow();
        CliRun search = CliRun.of("search", "-w", "request_id=" + placed.id(), run.logs().toString());
        assertThat(search.status()).isZero();
        String order = "ord-" + placed.id().substring(placed.id().indexOf('-') + 1);
        assertThat(search.lines()).filteredOn(l -> l.contains(" orders."))
                .hasSize(4)
                .anySatisfy(l -> assertThat(l).contains("orders.api: creating order " + order))
                .anySatisfy(l -> assertThat(l).contains("orders.inventory: reserved"))
                .anySatisfy(l -> assertThat(l).contains("orders.db: inserted order " + order))
                .anySatisfy(l -> assertThat(l).contains("orders.api: order " + order + " placed"));
        // The JSON services' records of the same request are found by the same field.
        assertThat(search.lines()).anySatisfy(l -> assertThat(l).contains("gateway.access: POST /checkout 201"));
    }

    @Test
    void traceFollowsACheckoutThroughTheOrdersTextLines() {
        SimulatedSystem.Request placed = run.requests().stream()
                .filter(r -> r.fault() == FaultPlan.Fault.NONE && r.status() == 201).findFirst().orElseThrow();
        CliRun trace = CliRun.of("trace", placed.traceId(), run.logs().toString());
        assertThat(trace.status()).isZero();
        assertThat(trace.lines().get(0)).contains("from 3 services");
        assertThat(trace.lines()).filteredOn(l -> l.contains(" orders.")).hasSize(4);
        assertThat(trace.lines()).anySatisfy(l -> assertThat(l).containsPattern("orders +4 records"));
    }

    @Test
    void oneTemplatePerKindOfLine() {
        List<Pattern> calls = CALLS.stream().map(DemoOrdersLogTest::regex).toList();
        Map<Integer, Long> perCall = new HashMap<>();
        PatternSummary summary = new PatternSummary();
        for (LogEntry e : records) {
            int call = callOf(calls, e.message());
            assertThat(call).as("a log call wrote '%s'", e.message()).isNotNegative();
            perCall.merge(call, 1L, Long::sum);
            summary.add(e);
        }
        // The seed's run declines cards and takes the database down: most kinds of line are there.
        assertThat(perCall).hasSizeGreaterThanOrEqualTo(9);
        List<PatternSummary.Row> rows = summary.rows();
        assertThat(rows).hasSize(perCall.size());
        assertThat(rows.stream().map(PatternSummary.Row::count).sorted().toList())
                .isEqualTo(perCall.values().stream().sorted().toList());
        for (PatternSummary.Row row : rows) {
            assertThat(row.template()).doesNotContain("trace_id", "request_id", "ord-0", "SKU-");
        }
        assertThat(rows).extracting(PatternSummary.Row::template)
                .contains("creating order <*>: <*> x <*>", "reserved <*> x <*>", "inserted order <*> in <*> ms");
    }

    private static int callOf(List<Pattern> calls, String message) {
        for (int k = 0; k < calls.size(); k++) {
            if (calls.get(k).matcher(message).matches()) {
                return k;
            }
        }
        return -1;
    }

    /** A log call's format string as a pattern for the messages it writes. */
    private static Pattern regex(String format) {
        StringBuilder out = new StringBuilder();
        Matcher m = Pattern.compile("%(\\.2f|[sd])").matcher(format);
        int last = 0;
        while (m.find()) {
            out.append(Pattern.quote(format.substring(last, m.start())));
            out.append(switch (m.group(1)) {
                case "d" -> "\\d+";
                case ".2f" -> "\\d+\\.\\d\\d";
                default -> ".*?";
            });
            last = m.end();
        }
        return Pattern.compile(out.append(Pattern.quote(format.substring(last))).toString());
    }
}
