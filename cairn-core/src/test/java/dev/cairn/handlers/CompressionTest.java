package dev.cairn.handlers;

import static dev.cairn.handlers.LogFiles.log;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.Formatter;
import dev.cairn.Logging;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gzip of rotated files: names, content, and recovery of the work a crash interrupted at each
 * step, including a real process killed while compressing.
 */
class CompressionTest {
    @TempDir
    Path dir;

    @AfterEach
    void restore() {
        Logging.raiseExceptions = true;
    }

    private RotatingFileHandler gzipHandler(String name, long maxBytes, int backupCount) {
        RotatingFileHandler h = new RotatingFileHandler(dir.resolve(name).toString(), maxBytes, backupCount);
        h.setFormatter(new Formatter("%(message)s"));
        h.setCompression(Compression.GZIP);
        return h;
    }

    @Test
    void rotatedFilesAreGzippedWithTheirLinesInOrder() throws Exception {
        RotatingFileHandler h = gzipHandler("app.log", 20, 3);
        for (int i = 0; i < 10; i++) log(h, "record number " + i);
        h.close();
        assertThat(LogFiles.names(dir)).containsExactly("app.log", "app.log.1.gz", "app.log.2.gz", "app.log.3.gz");
        List<String> all = new ArrayList<>();
        for (String name : new String[] {"app.log.3.gz", "app.log.2.gz", "app.log.1.gz", "app.log"}) {
            all.addAll(LogFiles.lines(dir.resolve(name)));
        }
        assertThat(all).containsExactly("record number 6", "record number 7", "record number 8", "record number 9");
    }

    @Test
    void timedRotationGzipsAndStillDeletesBeyondBackupCount() throws Exception {
        LogFiles.FakeClock clock = new LogFiles.FakeClock(1_700_000_000).install();
        try {
            TimedRotatingFileHandler h = new TimedRotatingFileHandler(dir.resolve("t.log").toString(), "S", 1, 2, null, true,
                    true, null, null);
            h.setCompression(Compression.GZIP);
            for (int i = 0; i < 5; i++) {
                clock.set(1_700_000_000 + i);
                log(h, "second " + i);
            }
            h.close();
            assertThat(LogFiles.names(dir)).containsExactly("t.log", "t.log.2023-11-14_22-13-22.gz", "t.log.2023-11-14_22-13-23.gz");
            assertThat(LogFiles.lines(dir.resolve("t.log.2023-11-14_22-13-23.gz"))).containsExactly("second 3");
        } finally {
            Logging.setClock(null);
        }
    }

    @Test
    void startUpFinishesACompressionCutShort() throws Exception {
        Files.writeString(dir.resolve("app.log.2.gz.pending"), "older line\n");
        Files.writeString(dir.resolve("app.log.2.gz.tmp"), "half a gzip strea");
        RotatingFileHandler h = gzipHandler("app.log", 1000, 3);
        h.close();
        assertThat(LogFiles.names(dir)).containsExactly("app.log", "app.log.2.gz");
        assertThat(LogFiles.text(dir.resolve("app.log.2.gz"))).isEqualTo("older line\n");
    }

    @Test
    void startUpOnlyCleansUpWhenTheCompressedFileWasAlreadyInPlace() throws Exception {
        RotatingFileHandler first = gzipHandler("app.log", 20, 3);
        log(first, "rotated away soon");
        log(first, "current");
        first.close();
        // The crash came after the rename to .gz and before the pending file was deleted.
        Files.writeString(dir.resolve("app.log.1.gz.pending"), "rotated away soon\n");
        byte[] compressed = Files.readAllBytes(dir.resolve("app.log.1.gz"));
        RotatingFileHandler h = gzipHandler("app.log", 20, 3);
        h.close();
        assertThat(LogFiles.names(dir)).containsExactly("app.log", "app.log.1.gz");
        assertThat(Files.readAllBytes(dir.resolve("app.log.1.gz"))).isEqualTo(compressed);
    }

    @Test
    void aFailedCompressionKeepsTheDataAndMovesWithTheNumbering() throws Exception {
        Logging.raiseExceptions = false;
        Files.createDirectories(dir.resolve("app.log.1.gz.tmp").resolve("blocker"));
        RotatingFileHandler h = gzipHandler("app.log", 20, 5);
        log(h, "first file line");
        log(h, "second file line");
        h.close();
        assertThat(h.getErrorCount()).isPositive();
        assertThat(LogFiles.text(dir.resolve("app.log.1.gz.pending"))).isEqualTo("first file line\n");
        Files.delete(dir.resolve("app.log.1.gz.tmp").resolve("blocker"));
        Files.delete(dir.resolve("app.log.1.gz.tmp"));
        RotatingFileHandler again = gzipHandler("app.log", 20, 5);
        log(again, "third file line");
        again.close();
        assertThat(LogFiles.names(dir)).containsExactly("app.log", "app.log.1.gz", "app.log.2.gz");
        assertThat(LogFiles.text(dir.resolve("app.log.2.gz"))).isEqualTo("first file line\n");
        assertThat(LogFiles.text(dir.resolve("app.log.1.gz"))).isEqualTo("second file line\n");
        assertThat(LogFiles.text(dir.resolve("app.log"))).isEqualTo("third file line\n");
    }

    @Test
    void aProcessKilledWhileCompressingLosesNoLine() throws Exception {
        Path base = dir.resolve("crash.log");
        Process child = new ProcessBuilder(ChildProcesses.java(), "-cp", System.getProperty("java.class.path"),
                FileWriterProcess.class.getName(), base.toString(), "-1", "200000", "1000", "gzip", "0")
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.out").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!anyNamed(dir, ".gz.tmp") && System.nanoTime() < deadline) Thread.onSpinWait();
        } finally {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(anyNamed(dir, ".gz.pending")).as("killed with a compression pending").isTrue();
        RotatingFileHandler h = gzipHandler("crash.log", 200_000, 1000);
        h.close();
        assertThat(anyNamed(dir, ".pending") || anyNamed(dir, ".tmp")).isFalse();
        List<Long> seqs = new ArrayList<>();
        Pattern line = Pattern.compile("^p0 (\\d+) x+$");
        List<Path> files = new ArrayList<>();
        for (String name : LogFiles.names(dir)) if (name.startsWith("crash.log")) files.add(dir.resolve(name));
        for (Path f : files) {
            List<String> lines = LogFiles.lines(f);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = line.matcher(lines.get(i));
                // The line being written at the kill may be cut short: only the live file's last line.
                if (!m.matches() && f.equals(base) && i == lines.size() - 1) continue;
                assertThat(m.matches()).as("line %d of %s: %s", i, f.getFileName(), lines.get(i)).isTrue();
                seqs.add(Long.parseLong(m.group(1)));
            }
        }
        seqs.sort(null);
        assertThat(seqs).isNotEmpty();
        for (int i = 0; i < seqs.size(); i++) assertThat(seqs.get(i)).as("line %d once, none missing", i).isEqualTo(i);
    }

    private static boolean anyNamed(Path dir, String ending) throws IOException {
        for (String name : LogFiles.names(dir)) if (name.endsWith(ending)) return true;
        return false;
    }
}
