package dev.cairn.cli.read;

import static dev.cairn.cli.read.ReadTestFiles.gzip;
import static dev.cairn.cli.read.ReadTestFiles.readAll;
import static dev.cairn.cli.read.ReadTestFiles.write;
import static dev.cairn.cli.read.ReadTestFiles.zstd;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RobustReadingTest {

    @TempDir
    Path temp;

    private static String json(String time, String message) {
        return "{\"time\":\"" + time + "\",\"level\":\"INFO\",\"msg\":\"" + message + "\"}\n";
    }

    @Test
    void malformedJsonLinesAreCountedAndShownNotFatal() throws Exception {
        Path file = write(temp.resolve("m.jsonl"), json("2024-05-01T00:00:00Z", "a")
                + "{\"time\":\"2024-05-01T00:00:01Z\",\"msg\":\"trunc\n"
                + "garbage here\n" + json("2024-05-01T00:00:02Z", "b"));
        Malformed malformed = new Malformed();
        List<LogEntry> entries = readAll(malformed, file);
        assertThat(entries).extracting(LogEntry::message).containsExactly("a", "b");
        assertThat(malformed.count()).isEqualTo(2);
        assertThat(malformed.examples().get(0).line()).isEqualTo(2);
        assertThat(malformed.summary()).contains("2 malformed lines");
    }

    @Test
    void emptyFileHasNoRecords() throws Exception {
        Path file = write(temp.resolve("empty.log"), "");
        assertThat(readAll(new Malformed(), file)).isEmpty();
    }

    @Test
    void hugeLineIsOneRecord() throws Exception {
        String big = "x".repeat(5_000_000);
        Path file = write(temp.resolve("h.jsonl"), json("2024-05-01T00:00:00Z", big) + json("2024-05-01T00:00:01Z", "small"));
        List<LogEntry> entries = readAll(new Malformed(), file);
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).message()).hasSize(5_000_000);
    }

    @Test
    void mixedEncodingsDecodeLinePerLine() throws Exception {
        byte[] utf8 = "INFO:app:caf\u00e9 utf8\n".getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = "INFO:app:caf\u00e9 latin1\r\n".getBytes(StandardCharsets.ISO_8859_1);
        Path file = temp.resolve("enc.log");
        Files.write(file, concat(utf8, latin1));
        List<LogEntry> entries = readAll(new Malformed(), file);
        assertThat(entries).extracting(LogEntry::message).containsExactly("caf\u00e9 utf8", "caf\u00e9 latin1");
    }

    @Test
    void rotatedSetIsReadOldestFirstIncludingGzipAndZstd() throws Exception {
        write(temp.resolve("app.log"), json("2024-05-01T00:00:03Z", "live"));
        write(temp.resolve("app.log.1"), json("2024-05-01T00:00:02Z", "one"));
        gzip(temp.resolve("app.log.2.gz"), json("2024-05-01T00:00:01Z", "two"));
        zstd(temp.resolve("app.log.3.zst"), json("2024-05-01T00:00:00Z", "three"));
        List<LogEntry> entries = readAll(new Malformed(), temp);
        assertThat(entries).extracting(LogEntry::message).containsExactly("three", "two", "one", "live");
    }

    @Test
    void differentFilesAreMergedByTime() throws Exception {
        Path a = write(temp.resolve("a.log"), json("2024-05-01T00:00:01Z", "a1") + json("2024-05-01T00:00:04Z", "a2"));
        Path b = write(temp.resolve("b.log"), json("2024-05-01T00:00:02Z", "b1") + json("2024-05-01T00:00:03Z", "b2"));
        assertThat(readAll(new Malformed(), a, b)).extracting(LogEntry::message).containsExactly("a1", "b1", "b2", "a2");
    }

    @Test
    void javaStackTraceStaysWithItsRecord() throws Exception {
        Path file = write(temp.resolve("j.log"), """
                2024-05-01 12:00:00,000 ERROR app.Service: request failed
                java.lang.IllegalStateException: boom
                \tat com.acme.Service.run(Service.java:42)
                \tat com.acme.Main.main(Main.java:7)
                Caused by: java.io.IOException: disk
                \t... 2 more
                2024-05-01 12:00:01,000 INFO app.Service: recovered
                """);
        Malformed malformed = new Malformed();
        List<LogEntry> entries = readAll(malformed, file);
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).exception()).contains("IllegalStateException", "Service.java:42", "Caused by");
        assertThat(malformed.count()).isZero();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
