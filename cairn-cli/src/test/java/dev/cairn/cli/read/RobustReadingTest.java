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
    void lineOverTheLimitIsSkippedUnbufferedAndCountedWithItsNumber() throws Exception {
        int size = 50_000_000;
        byte[] huge = new byte[size];
        java.util.Arrays.fill(huge, (byte) 'x');
        byte[] head = (json("2024-05-01T00:00:00Z", "before") + "{\"msg\":\"").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\"}\n" + json("2024-05-01T00:00:01Z", "after")).getBytes(StandardCharsets.UTF_8);
        Path plain = temp.resolve("huge.jsonl");
        try (var out = Files.newOutputStream(plain)) {
            out.write(head);
            out.write(huge);
            out.write(tail);
        }
        Path gz = temp.resolve("huge.jsonl.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(head);
            out.write(huge);
            out.write(tail);
        }
        for (Path file : List.of(plain, gz)) {
            long started = System.nanoTime();
            Malformed malformed = new Malformed();
            List<LogEntry> entries = readAll(malformed, file);
            assertThat(entries).extracting(LogEntry::message).containsExactly("before", "after");
            assertThat(entries.get(1).line()).isEqualTo(3);
            assertThat(malformed.count()).isEqualTo(1);
            assertThat(malformed.overlong()).isEqualTo(1);
            assertThat(malformed.examples().get(0).line()).isEqualTo(2);
            assertThat(malformed.examples().get(0).text()).startsWith("[50,000,010 bytes, over the limit of 8 MiB: skipped] {\"msg\":\"xxx");
            assertThat(malformed.summary()).contains("1 malformed line skipped (1 longer than 8 MiB)");
            assertThat(System.nanoTime() - started).as("reading %s", file).isLessThan(20_000_000_000L);
        }
    }

    @Test
    void lineJustUnderTheLimitIsRead() throws Exception {
        String message = "y".repeat(LineSource.MAX_LINE_BYTES - 100);
        Path file = write(temp.resolve("edge.jsonl"), json("2024-05-01T00:00:00Z", message));
        Malformed malformed = new Malformed();
        assertThat(readAll(malformed, file)).singleElement().extracting(LogEntry::message).isEqualTo(message);
        assertThat(malformed.count()).isZero();
    }

    @Test
    void utf16WithOrWithoutByteOrderMarkAndUtf8ByteOrderMarkAreRead() throws Exception {
        String text = "2024-05-01 00:00:01,000 INFO app.db: caf\u00e9 \u2713 opened\r\n"
                + "2024-05-01 00:00:02,000 ERROR app.db: na\u00efve \ud83d\ude00 failure\r\n";
        byte[] le = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] be = text.getBytes(StandardCharsets.UTF_16BE);
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        Files.write(temp.resolve("le-bom.log"), concat(new byte[] {(byte) 0xff, (byte) 0xfe}, le));
        Files.write(temp.resolve("be-bom.log"), concat(new byte[] {(byte) 0xfe, (byte) 0xff}, be));
        Files.write(temp.resolve("le.log"), le);
        Files.write(temp.resolve("utf8-bom.log"), concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, utf8));
        for (String name : List.of("le-bom.log", "be-bom.log", "le.log", "utf8-bom.log")) {
            Malformed malformed = new Malformed();
            List<LogEntry> entries = readAll(malformed, temp.resolve(name));
            assertThat(entries).as(name).extracting(LogEntry::message)
                    .containsExactly("caf\u00e9 \u2713 opened", "na\u00efve \ud83d\ude00 failure");
            assertThat(entries).as(name).extracting(LogEntry::level).containsExactly("INFO", "ERROR");
            assertThat(malformed.count()).as(name).isZero();
        }
        Files.write(temp.resolve("gz.log.gz"), gzipped(concat(new byte[] {(byte) 0xff, (byte) 0xfe}, le)));
        assertThat(readAll(new Malformed(), temp.resolve("gz.log.gz"))).hasSize(2);
    }

    @Test
    void jsonLineWithAUtf8ByteOrderMarkIsARecord() throws Exception {
        Path file = temp.resolve("bom.jsonl");
        Files.write(file, concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf},
                (json("2024-05-01T00:00:00Z", "first") + json("2024-05-01T00:00:01Z", "second")).getBytes(StandardCharsets.UTF_8)));
        Malformed malformed = new Malformed();
        assertThat(readAll(malformed, file)).extracting(LogEntry::message).containsExactly("first", "second");
        assertThat(malformed.count()).isZero();
    }

    @Test
    void invalidUtf8ReadsAsLatin1WithoutReplacementCharacters() throws Exception {
        Path file = temp.resolve("bad.log");
        Files.write(file, concat("INFO:app:bad \u00e9 ".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xc3, '(', ' ', (byte) 0xff, (byte) 0xfe, '\n', 'I', 'N', 'F', 'O', ':', 'a', 'p', 'p', ':', 'o', 'k', '\n'}));
        List<LogEntry> entries = readAll(new Malformed(), file);
        assertThat(entries).extracting(LogEntry::message).containsExactly("bad \u00c3\u00a9 \u00c3( \u00ff\u00fe", "ok");
        assertThat(entries.get(0).message()).doesNotContain("\uFFFD");
    }

    @Test
    void fileOpeningWithALongStackTraceIsDetectedAndTheTraceKeptWholeQuickly() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < 3; r++) {
            text.append("2024-05-01 12:00:0").append(r).append(",000 ERROR app.Service: request failed\n")
                    .append("java.lang.IllegalStateException: boom\n");
            for (int i = 0; i < 9_000; i++) {
                text.append("\tat com.acme.Deep.f").append(i).append("(Deep.java:").append(i).append(")\n");
            }
        }
        Path file = write(temp.resolve("deep.log"), text.toString());
        long started = System.nanoTime();
        Malformed malformed = new Malformed();
        List<LogEntry> entries = readAll(malformed, file);
        assertThat(System.nanoTime() - started).isLessThan(5_000_000_000L);
        assertThat(entries).hasSize(3).allSatisfy(e -> {
            assertThat(e.level()).isEqualTo("ERROR");
            assertThat(e.exception()).startsWith("java.lang.IllegalStateException: boom\n\tat com.acme.Deep.f0(")
                    .endsWith("Deep.f8999(Deep.java:8999)");
        });
        assertThat(malformed.count()).isZero();
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

    private static byte[] gzipped(byte[] bytes) throws java.io.IOException {
        var buffer = new java.io.ByteArrayOutputStream();
        try (var out = new java.util.zip.GZIPOutputStream(buffer)) {
            out.write(bytes);
        }
        return buffer.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
