package dev.cairn.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.demo.FaultPlan.Fault;
import dev.cairn.demo.SimulatedSystem.Request;
import dev.cairn.demo.SimulatedSystem.Run;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the three services once and checks what they logged. */
class SimulatedSystemTest {

    @TempDir
    static Path dir;

    static Run run;
    static FaultPlan plan;

    @BeforeAll
    static void runTheSystem() throws Exception {
        run = SimulatedSystem.run(dir, SimulatedSystem.Options.DEFAULT);
        plan = FaultPlan.draw(SimulatedSystem.Options.DEFAULT.seed(), SimulatedSystem.Options.DEFAULT.requests());
    }

    @Test
    void everyCheckoutEndsAsTheFaultPlanSays() {
        assertThat(run.requests()).hasSize(plan.requests());
        for (Request r : run.requests()) {
            int expected = switch (r.fault()) {
                case NONE, DB_BLIP -> 201;
                case BAD_REQUEST -> 400;
                case CARD_DECLINED -> 402;
                case BANK_STALL -> 504;
                case DB_OUTAGE -> 503;
            };
            assertThat(r.status()).as("%s (%s)", r.id(), r.fault()).isEqualTo(expected);
        }
        for (Fault f : Fault.values()) {
            assertThat(plan.count(f)).as("%s", f).isPositive();
        }
    }

    @Test
    void theSameSeedDrawsTheSamePlan() {
        FaultPlan again = FaultPlan.draw(42, 150);
        FaultPlan other = FaultPlan.draw(43, 150);
        boolean differs = false;
        for (int n = 1; n <= 150; n++) {
            assertThat(again.at(n)).isEqualTo(plan.at(n));
            differs |= other.at(n) != plan.at(n);
        }
        assertThat(differs).isTrue();
    }

    @Test
    void everyServiceRotatedIntoGzippedBackupsAndLeftNothingHalfDone() throws IOException {
        List<String> names;
        try (Stream<Path> files = Files.list(run.logs())) {
            names = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        for (String service : SimulatedSystem.SERVICES) {
            assertThat(names).contains(service + ".log", service + ".log.1.gz", service + ".log.2.gz");
        }
        assertThat(names).allMatch(n -> n.matches("(gateway|orders|payments)\\.log(\\.\\d+\\.gz)?"));
        for (String n : names) {
            assertThat(Files.size(run.logs().resolve(n))).as(n).isLessThanOrEqualTo(ServiceLogging.MAX_BYTES + 4096);
        }
        assertThat(run.dir().resolve("config/gateway.yaml")).exists();
        try (Stream<Path> files = Files.list(run.dir())) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".stderr"));
        }
    }

    @Test
    void aDeclinedCheckoutIsOneTraceThroughAllThreeServices() throws IOException {
        Request declined = run.first(Fault.CARD_DECLINED);
        for (String service : SimulatedSystem.SERVICES) {
            List<String> lines = lines(service).stream().filter(l -> l.contains(declined.traceId())).toList();
            assertThat(lines).as(service).isNotEmpty();
            assertThat(lines).as(service).allMatch(l -> l.contains(declined.id()));
        }
        List<String> payments = lines("payments").stream().filter(l -> l.contains(declined.traceId())).toList();
        assertThat(payments).anyMatch(l -> l.contains("\"log.level\":\"ERROR\"") && l.contains("CardDeclinedException")
                && l.contains("\"trace.id\":\"" + declined.traceId() + "\""));
    }

    @Test
    void eachServiceWritesItsOwnFormat() throws IOException {
        assertThat(lines("gateway")).allMatch(l -> l.startsWith("{\"timestamp\":") && l.contains("\"service\":\"gateway\""));
        assertThat(lines("payments")).allMatch(l -> l.startsWith("{\"@timestamp\":") && l.contains("\"service.name\":\"payments\""));
        assertThat(lines("orders")).anyMatch(l -> l.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} INFO     \\[orders\\.api\\] "
                + "\\[trace_id=[0-9a-f]{32} request_id=req-\\d{4}\\] creating order ord-\\d{4}: \\d x SKU-\\d{4}"));
        assertThat(lines("orders")).anyMatch(l -> l.contains(" [trace_id=0 request_id=-] orders listening on 127.0.0.1:"));
        // Tracebacks are kept, indented under their record.
        assertThat(lines("orders")).anyMatch(l -> l.startsWith("    ") && l.contains("SQLTransientConnectionException"));
    }

    @Test
    void theDatabaseOutageIsAStormOfOneErrorAndTheBlipOnlyWarns() throws IOException {
        List<String> errors = lines("orders").stream().filter(l -> l.contains(" ERROR ") && l.contains("could not save order")).toList();
        assertThat(errors).hasSize(plan.count(Fault.DB_OUTAGE));
        long retries = lines("orders").stream().filter(l -> l.contains(" WARNING ") && l.contains("retry 1 of 2")).count();
        assertThat(retries).isEqualTo(plan.count(Fault.DB_OUTAGE) + plan.count(Fault.DB_BLIP));
    }

    @Test
    void theBearerTokenTheGatewayLogsIsRedacted() throws IOException {
        List<String> debug = lines("gateway").stream().filter(l -> l.contains("authorization=")).toList();
        assertThat(debug).hasSizeGreaterThan(100);
        assertThat(debug).noneMatch(l -> l.contains("demo-token-"));
    }

    /** Every line a service wrote, its gzipped backups included, oldest first. */
    static List<String> lines(String service) throws IOException {
        List<String> all = new ArrayList<>();
        for (int i = 30; i >= 1; i--) {
            Path gz = run.logs().resolve(service + ".log." + i + ".gz");
            if (Files.exists(gz)) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
                    all.addAll(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
                }
            }
        }
        all.addAll(Files.readAllLines(run.logs().resolve(service + ".log")));
        return all;
    }
}
