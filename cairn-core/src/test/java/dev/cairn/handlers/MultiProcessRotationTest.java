package dev.cairn.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several JVMs write and rotate one file in multi-process mode: every line arrives exactly once,
 * whole, in each process's order from the oldest backup to the live file, and no file grows past
 * maxBytes (without the lock, processes keep writing into files others rotated away).
 */
class MultiProcessRotationTest {
    private static final int PROCESSES = 3;
    private static final int LINES = 1500;

    @TempDir
    Path dir;

    @Test
    void severalProcessesRotatingOneFileLoseAndRepeatNothing() throws Exception {
        runWriters("plain.log", "none");
        List<Path> files = logFiles("plain.log");
        assertThat(files.size()).as("rotations happened").isGreaterThan(5);
        checkEveryLineOnce(files);
        for (Path f : files) assertThat(Files.size(f)).as(f.getFileName().toString()).isLessThanOrEqualTo(8192);
    }

    @Test
    void severalProcessesWithCompressionLoseAndRepeatNothing() throws Exception {
        runWriters("gz.log", "gzip");
        List<Path> files = logFiles("gz.log");
        assertThat(files).allSatisfy(f -> assertThat(f.getFileName().toString()).doesNotEndWith(".pending").doesNotEndWith(".tmp"));
        assertThat(files.stream().filter(f -> f.toString().endsWith(".gz")).count()).isGreaterThan(5);
        checkEveryLineOnce(files);
    }

    private void runWriters(String name, String compression) throws IOException, InterruptedException {
        List<Process> children = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            children.add(new ProcessBuilder(ChildProcesses.java(), "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                    "-cp", System.getProperty("java.class.path"), FileWriterProcess.class.getName(),
                    dir.resolve(name).toString(), String.valueOf(LINES), "8192", "1000", compression, String.valueOf(i), "multi")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("child" + i + ".out").toFile()).start());
        }
        for (int i = 0; i < PROCESSES; i++) {
            Process p = children.get(i);
            if (!p.waitFor(60, TimeUnit.SECONDS)) p.destroyForcibly();
            assertThat(p.exitValue()).as("child %d: %s", i, Files.readString(dir.resolve("child" + i + ".out"))).isZero();
        }
    }

    /** The log files oldest first: the highest backup number first, the live file last. */
    private List<Path> logFiles(String name) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String n : LogFiles.names(dir)) {
            if (n.startsWith(name) && !n.endsWith(".lock")) files.add(dir.resolve(n));
        }
        files.sort(Comparator.comparingInt((Path p) -> backupNumber(p, name)).reversed());
        return files;
    }

    private static int backupNumber(Path file, String name) {
        String rest = file.getFileName().toString().substring(name.length()).replace(".gz", "");
        return rest.isEmpty() ? 0 : Integer.parseInt(rest.substring(1));
    }

    private static void checkEveryLineOnce(List<Path> oldestFirst) throws IOException {
        Set<String> seen = new HashSet<>();
        Map<String, Long> last = new HashMap<>();
        String padding = " " + "x".repeat(40);
        for (Path f : oldestFirst) {
            for (String line : LogFiles.lines(f)) {
                assertThat(line).as("a whole line in " + f.getFileName()).endsWith(padding).matches("p\\d \\d+ x+");
                assertThat(seen.add(line.substring(0, line.length() - padding.length())))
                        .as("written once: " + line).isTrue();
                String[] parts = line.split(" ");
                long seq = Long.parseLong(parts[1]);
                assertThat(seq).as("%s in order in %s", line.substring(0, 10), f.getFileName())
                        .isGreaterThan(last.getOrDefault(parts[0], -1L));
                last.put(parts[0], seq);
            }
        }
        assertThat(seen).hasSize(PROCESSES * LINES);
    }
}
