package dev.cairn.cli.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.cli.CliRun;
import dev.cairn.cli.Loghub;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceCommandTest {

    static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String TRACEPARENT = "00-" + TRACE + "-00f067aa0ba902b7-01";

    @TempDir
    Path temp;

    /**
     * Three services: the API logs request_id and trace_id, the worker only a traceparent, the
     * database logfmt with trace_id. The database fails first, then the worker, then the API.
     */
    static Path threeServices(Path dir) throws Exception {
        Files.writeString(dir.resolve("api.jsonl"), String.join("\n",
                api("12:00:00.000", "INFO", "GET /orders/17", "req-7f3a", TRACE),
                api("12:00:00.005", "INFO", "GET /health", "req-0000", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
                api("12:00:01.900", "ERROR", "GET /orders/17 failed: upstream error", "req-7f3a", TRACE), ""));
        Files.writeString(dir.resolve("worker.jsonl"), String.join("\n",
                "{\"asctime\":\"2024-05-01 12:00:00,020\",\"levelname\":\"INFO\",\"name\":\"worker.jobs\","
                        + "\"message\":\"loading order 17\",\"traceparent\":\"" + TRACEPARENT + "\"}",
                "{\"asctime\":\"2024-05-01 12:00:01,850\",\"levelname\":\"ERROR\",\"name\":\"worker.jobs\","
                        + "\"message\":\"order 17 failed\",\"traceparent\":\"" + TRACEPARENT + "\","
                        + "\"exc_info\":\"Traceback (most recent call last):\\n  File \\\"jobs.py\\\", line 4, in load\\n"
                        + "ConnectionError: db down\"}", ""));
        Files.writeString(dir.resolve("db.log"), String.join("\n",
                "time=2024-05-01T12:00:00.030Z level=info msg=\"connect\" trace_id=" + TRACE,
                "time=2024-05-01T12:00:00.040Z level=info msg=\"other\" trace_id=bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
                "time=2024-05-01T12:00:01.800Z level=error msg=\"connection refused\" trace_id=" + TRACE, ""));
        return dir;
    }

    private static String api(String time, String level, String message, String request, String trace) {
        return "{\"timestamp\":\"2024-05-01T" + time + "Z\",\"level\":\"" + level + "\",\"logger\":\"api.http\","
                + "\"message\":\"" + message + "\",\"request_id\":\"" + request + "\",\"trace_id\":\"" + trace
                + "\",\"service\":\"api\"}";
    }

    @Test
    void requestIdFollowsLinkedTraceIdAcrossServicesAndMarksTheFirstErrorAsRootCause() throws Exception {
        CliRun run = CliRun.of("trace", "req-7f3a", threeServices(temp).toString());
        assertThat(run.status()).isZero();
        List<String> lines = run.lines();
        assertThat(lines.get(0)).contains("trace req-7f3a: 6 records from 3 services over 1.900 s, 3 errors");
        assertThat(lines).filteredOn(l -> l.contains("likely root cause")).hasSize(2)
                .allSatisfy(l -> assertThat(l).contains("db"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("---- 1.770 s gap ----"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("error chain: db -> worker -> api"));
        assertThat(lines).noneSatisfy(l -> assertThat(l).contains("GET /health"));
        assertThat(lines).noneSatisfy(l -> assertThat(l).contains("other"));
        int connect = indexOf(lines, "connect");
        int loading = indexOf(lines, "loading order 17");
        assertThat(loading).isLessThan(connect);
    }

    @Test
    void jsonTimelineHasOffsetsDeltasServicesAndRootCause() throws Exception {
        CliRun run = CliRun.of("trace", "--json", TRACE, threeServices(temp).toString());
        assertThat(run.lines()).hasSize(1);
        String json = run.out();
        assertThat(json).contains("\"records\":6", "\"errors\":3", "\"duration_ms\":1900",
                "\"error_chain\":[\"db\",\"worker\",\"api\"]",
                "{\"service\":\"worker\",\"records\":2,\"errors\":1,\"first\":\"2024-05-01T12:00:00.020Z\","
                        + "\"last\":\"2024-05-01T12:00:01.850Z\",\"duration_ms\":1830}",
                "\"offset_ms\":1800,\"delta_ms\":1770,\"gap\":true,\"root_cause\":true");
        assertThat(json).containsPattern(Pattern.compile("\"root_cause\":\\{[^}]*\"message\":\"connection refused\""));
    }

    @Test
    void traceparentAsIdAndNoLinks() throws Exception {
        Path dir = threeServices(temp);
        assertThat(CliRun.of("trace", "--json", TRACEPARENT, dir.toString()).out()).contains("\"records\":6");
        assertThat(CliRun.of("trace", "--json", "--no-links", "req-7f3a", dir.toString()).out()).contains("\"records\":2");
    }

    @Test
    void cairnJsonExceptionObjectGivesTheInnermostCause() throws Exception {
        Files.writeString(temp.resolve("svc.jsonl"),
                "{\"timestamp\":\"2024-05-01T00:00:00Z\",\"level\":\"ERROR\",\"message\":\"save failed\",\"trace_id\":\"t-1\","
                        + "\"exception\":{\"type\":\"java.lang.IllegalStateException\",\"message\":\"cannot save\","
                        + "\"frames\":[\"com.acme.Store.save(Store.java:3)\"],\"cause\":{\"type\":\"java.net.ConnectException\","
                        + "\"message\":\"refused\",\"frames\":[]}}}\n");
        CliRun run = CliRun.of("trace", "t-1", temp.toString());
        assertThat(run.lines()).anySatisfy(l -> assertThat(l).contains("java.net.ConnectException: refused"));
    }

    @Test
    void listShowsTracesWithErrorsWorstFirst() throws Exception {
        Path dir = threeServices(temp);
        CliRun run = CliRun.of("trace", "--list", "--json", dir.toString());
        List<String> lines = run.lines();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).contains("\"id\":\"" + TRACE + "\"", "\"records\":6", "\"errors\":3",
                "\"services\":[\"api\",\"worker\",\"db\"]", "connection refused");
        assertThat(CliRun.of("trace", "--list", "--all", "--json", dir.toString()).lines()).hasSize(3);
    }

    @Test
    void malformedEmptyHugeAndLatin1FilesDoNotStopTheTrace() throws Exception {
        Files.writeString(temp.resolve("empty.log"), "");
        String huge = "x".repeat(3_000_000);
        byte[] latin1 = ("{\"time\":\"2024-05-01T00:00:03Z\",\"level\":\"WARNING\",\"msg\":\"caf\u00e9 slow\",\"request_id\":\"r-9\"}\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        Files.write(temp.resolve("mixed.jsonl"), concat(
                ("{\"time\":\"2024-05-01T00:00:01Z\",\"level\":\"INFO\",\"msg\":\"start\",\"request_id\":\"r-9\"}\n"
                        + "{\"time\":\"2024-05-01T00:00:02Z\",\"msg\":\"truncated r-9\n"
                        + "not json r-9\n"
                        + "{\"time\":\"2024-05-01T00:00:02.5Z\",\"level\":\"ERROR\",\"msg\":\"" + huge + "\",\"request_id\":\"r-9\"}\n")
                        .getBytes(StandardCharsets.UTF_8), latin1));
        CliRun run = CliRun.of("trace", "--json", "r-9", temp.toString());
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("\"records\":3", "caf\u00e9 slow", "\"errors\":1");
        assertThat(CliRun.of("trace", "nothing-here", temp.resolve("empty.log").toString()).status()).isEqualTo(1);
    }

    @Test
    void loghubHdfsBlockIsTracedThroughItsMessages() throws Exception {
        Path loghub = Loghub.directory().orElse(null);
        Assumptions.assumeTrue(loghub != null, "Loghub samples not found beside the repository");
        Path file = loghub.resolve("HDFS/HDFS_2k.log");
        String block = "blk_-8775602795571523802";
        long expected = Files.readAllLines(file).stream().filter(l -> l.matches(".*\\b" + block + "\\b(?![0-9]).*")).count();
        CliRun run = CliRun.of("trace", "--json", "--format", "<Date> <Time> <Pid> <Level> <Component>: <Content>", block,
                file.toString());
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("\"records\":" + expected, "\"services\":[{\"service\":\"HDFS_2k\"");
    }

    @Test
    void loghubOpenSshProcessIsTracedByItsPidColumn() throws Exception {
        Path loghub = Loghub.directory().orElse(null);
        Assumptions.assumeTrue(loghub != null, "Loghub samples not found beside the repository");
        Path file = loghub.resolve("OpenSSH/OpenSSH_2k.log");
        long expected = Files.readAllLines(file).stream().filter(l -> l.contains("sshd[24833]")).count();
        CliRun run = CliRun.of("trace", "--format", "<Date> <Day> <Time> <Component> sshd\\[<Pid>\\]: <Content>", "24833",
                file.toString());
        assertThat(run.lines().get(0)).contains(expected + " records from 1 service");
    }

    @Test
    void usageErrors() {
        assertThat(CliRun.of("trace", "only-an-id").status()).isEqualTo(2);
        assertThat(CliRun.of("trace", "--gap", "soon", "x", temp.toString()).status()).isEqualTo(2);
        assertThat(CliRun.of("trace", "--help").out()).contains("Examples:", "cairn trace --list");
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
