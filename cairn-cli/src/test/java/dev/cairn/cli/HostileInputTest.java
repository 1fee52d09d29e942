package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every reading subcommand ({@code search}, {@code patterns}, {@code errors}, {@code trace},
 * {@code stats}, {@code report}) over one folder of awkward files: malformed JSON lines, an empty
 * file, a 50 MB line, Latin-1 bytes among UTF-8, invalid UTF-8, UTF-16 with a byte order mark,
 * and a rotated set with gzip backups. Each command must finish, count and show the unreadable
 * lines on its error stream, and still read every record of every file, in time order.
 */
class HostileInputTest {

    @TempDir
    static Path logs;

    /** The one trace id carried by records in four different files. */
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    /** Records in all the files, and the lines that cannot be read: two broken JSON lines and the 50 MB one. */
    private static final int RECORDS = 12;
    private static final int UNREADABLE = 3;

    @BeforeAll
    static void writeAwkwardFiles() throws IOException {
        Files.writeString(logs.resolve("empty.log"), "");
        Files.writeString(logs.resolve("broken.jsonl"), json("00:00:01", "INFO", "broken file starts", TRACE)
                + "{\"time\":\"2024-05-01T00:00:02Z\",\"level\":\"ERROR\",\"msg\":\"cut off\n"
                + "not json at all\n"
                + json("00:00:03", "ERROR", "broken file fails", TRACE));
        try (OutputStream out = Files.newOutputStream(logs.resolve("huge.jsonl"))) {
            out.write(json("00:00:04", "INFO", "before the huge line", null).getBytes(StandardCharsets.UTF_8));
            out.write("{\"time\":\"2024-05-01T00:00:05Z\",\"level\":\"ERROR\",\"msg\":\"".getBytes(StandardCharsets.UTF_8));
            byte[] block = "0123456789abcdef".repeat(65_536).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 48; i++) {  // 48 MiB
                out.write(block);
            }
            out.write("\"}\n".getBytes(StandardCharsets.UTF_8));
            out.write(json("00:00:06", "INFO", "after the huge line", null).getBytes(StandardCharsets.UTF_8));
        }
        Files.write(logs.resolve("mixed.log"), concat(
                "2024-05-01 00:00:07,000 INFO shop.cart: caf\u00e9 in UTF-8\n".getBytes(StandardCharsets.UTF_8),
                "2024-05-01 00:00:08,000 WARNING shop.cart: caf\u00e9 in Latin-1\n".getBytes(StandardCharsets.ISO_8859_1),
                "2024-05-01 00:00:09,000 ERROR shop.cart: invalid ".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xc3, '(', (byte) 0xff, '\n'}));
        Files.write(logs.resolve("windows.log"), concat(new byte[] {(byte) 0xff, (byte) 0xfe},
                ("2024-05-01 00:00:10,000 ERROR win.svc: na\u00efve \u2713 failure trace " + TRACE + "\r\n"
                        + "2024-05-01 00:00:11,000 INFO win.svc: recovered\r\n").getBytes(StandardCharsets.UTF_16LE)));
        gzip(logs.resolve("app.log.2.gz"), json("00:00:00", "INFO", "oldest rotated", TRACE));
        gzip(logs.resolve("app.log.1.gz"), json("00:00:12", "ERROR", "newer rotated", TRACE));
        Files.writeString(logs.resolve("app.log"), json("00:00:13", "INFO", "live file", null));
    }

    private static String json(String time, String level, String message, String trace) {
        return "{\"time\":\"2024-05-01T" + time + "Z\",\"level\":\"" + level + "\",\"logger\":\"app\",\"msg\":\"" + message + "\""
                + (trace == null ? "" : ",\"trace_id\":\"" + trace + "\"") + "}\n";
    }

    private static CliRun run(String... args) {
        long started = System.nanoTime();
        CliRun run = CliRun.of(args);
        assertThat(System.nanoTime() - started).as("time of cairn %s", String.join(" ", args)).isLessThan(60_000_000_000L);
        return run;
    }

    private static void assertUnreadableLinesShown(CliRun run) {
        assertThat(run.err()).contains(UNREADABLE + " malformed lines skipped (1 longer than 8 MiB)",
                "broken.jsonl:2", "huge.jsonl:2: [50,331,704 bytes, over the limit of 8 MiB: skipped]");
    }

    @Test
    void searchReadsEveryRecordOfEveryFileInTimeOrder() {
        CliRun run = run("search", logs.toString());
        assertThat(run.status()).isZero();
        assertUnreadableLinesShown(run);
        assertThat(run.lines()).hasSize(RECORDS);
        assertThat(run.out()).containsSubsequence("oldest rotated", "broken file starts", "broken file fails",
                "before the huge line", "after the huge line", "caf\u00e9 in UTF-8", "caf\u00e9 in Latin-1",
                "invalid \u00c3(\u00ff", "na\u00efve \u2713 failure", "recovered", "newer rotated", "live file");
        assertThat(run.out()).doesNotContain("\uFFFD", "0123456789abcdef0123");
        CliRun json = run("search", "--json", "--level", "ERROR", logs.toString());
        assertThat(json.lines()).hasSize(4).allSatisfy(l -> assertThat(l).startsWith("{").endsWith("}"));
    }

    @Test
    void patternsMinesEveryRecord() {
        CliRun run = run("patterns", "--json", "--top", "0", logs.toString());
        assertThat(run.status()).isZero();
        assertUnreadableLinesShown(run);
        long total = run.lines().stream().mapToLong(l -> Long.parseLong(l.replaceAll(".*\"count\":(\\d+).*", "$1"))).sum();
        assertThat(total).isEqualTo(RECORDS);
        // Both caf\u00e9 lines decode alike, so they share a template whatever their bytes.
        assertThat(run.out()).contains("{\"template\":\"caf\u00e9 in <*>\",\"count\":2,", "\"Latin-1\"", "na\u00efve \u2713 failure");
    }

    @Test
    void errorsGroupsErrorsFromEveryEncoding() {
        CliRun run = run("errors", "--json", "--top", "0", logs.toString());
        assertThat(run.status()).isZero();
        assertUnreadableLinesShown(run);
        assertThat(run.out()).contains("broken file fails", "invalid \u00c3(\u00ff", "na\u00efve \u2713 failure", "newer rotated")
                .contains("\"services\":[\"windows\"]");
    }

    @Test
    void traceFollowsOneIdThroughPlainGzipAndUtf16Files() {
        CliRun run = run("trace", "--json", TRACE, logs.toString());
        assertThat(run.status()).isZero();
        assertUnreadableLinesShown(run);
        assertThat(run.out()).containsSubsequence("oldest rotated", "broken file starts", "broken file fails",
                "na\u00efve \u2713 failure", "newer rotated");
        assertThat(run.out()).contains("\"root_cause\":{").doesNotContain("live file");
        CliRun list = run("trace", "--list", logs.toString());
        assertThat(list.status()).isZero();
        assertThat(list.out()).contains(TRACE);
    }

    @Test
    void statsCountsEveryRecord() {
        CliRun run = run("stats", "--json", logs.toString());
        assertThat(run.status()).isZero();
        assertUnreadableLinesShown(run);
        assertThat(run.out()).contains("\"records\":" + RECORDS, "\"levels\":{\"DEBUG\":0,\"INFO\":7,\"WARNING\":1,\"ERROR\":4");
    }

    @Test
    void reportShowsEveryFileAndTheUnreadableLines() throws IOException {
        Path html = logs.getParent().resolve("hostile-report-" + System.nanoTime() + ".html");
        try {
            CliRun run = run("report", "-o", html.toString(), logs.toString());
            assertThat(run.status()).isZero();
            assertUnreadableLinesShown(run);
            assertThat(run.out()).contains(RECORDS + " records", UNREADABLE + " unreadable lines");
            String page = Files.readString(html, StandardCharsets.UTF_8);
            assertThat(page).contains("3 lines could not be read", "over the limit of 8 MiB: skipped", "caf\u00e9 in &lt;*&gt;", "invalid \u00c3(\u00ff",
                    "na\u00efve \u2713 failure", "windows.log", "app.log.2.gz", "empty.log");
            assertThat(page.length()).isLessThan(1_000_000);
        } finally {
            Files.deleteIfExists(html);
        }
    }

    @Test
    void anEmptyFileIsNoErrorForAnyCommand() throws IOException {
        String empty = logs.resolve("empty.log").toString();
        Path html = logs.getParent().resolve("empty-report-" + System.nanoTime() + ".html");
        try {
            // search and trace exit 1 when nothing matched, as grep does; nothing else fails.
            assertThat(run("search", empty).status()).isEqualTo(1);
            assertThat(run("search", "--count", empty).out()).isEqualTo("0\n");
            assertThat(run("trace", TRACE, empty).out()).contains("no records of " + TRACE);
            assertThat(run("trace", "--list", empty).out()).contains("no records carry a trace or request id");
            for (List<String> args : List.of(List.of("patterns"), List.of("errors"), List.of("stats"), List.of("stats", "--json"),
                    List.of("report", "-o", html.toString()))) {
                List<String> all = new java.util.ArrayList<>(args);
                all.add(empty);
                CliRun run = run(all.toArray(new String[0]));
                assertThat(run.status()).as(String.join(" ", args)).isZero();
                assertThat(run.err()).as(String.join(" ", args)).isEmpty();
            }
            assertThat(Files.readString(html)).contains("No records.", "Every line was read.");
        } finally {
            Files.deleteIfExists(html);
        }
    }

    private static void gzip(Path file, String text) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
