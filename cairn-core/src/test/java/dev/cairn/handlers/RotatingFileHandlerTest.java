package dev.cairn.handlers;

import static dev.cairn.handlers.LogFiles.log;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.cairn.Formatter;
import dev.cairn.Logging;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RotatingFileHandler: Python's size test, shifting and hooks, and what happens when the file system says no. */
class RotatingFileHandlerTest {
    @TempDir
    Path dir;

    @BeforeEach
    void quiet() {
        Logging.raiseExceptions = false;
    }

    @AfterEach
    void restore() {
        Logging.raiseExceptions = true;
    }

    private RotatingFileHandler handler(String name, long maxBytes, int backupCount) {
        RotatingFileHandler h = new RotatingFileHandler(dir.resolve(name).toString(), maxBytes, backupCount);
        h.setFormatter(new Formatter("%(message)s"));
        return h;
    }

    @Test
    void rolloverKeepsBackupCountNewestFiles() throws Exception {
        RotatingFileHandler h = handler("app.log", 20, 2);
        for (int i = 0; i < 6; i++) log(h, "line number " + i);
        h.close();
        assertThat(LogFiles.names(dir)).containsExactly("app.log", "app.log.1", "app.log.2");
        assertThat(LogFiles.lines(dir.resolve("app.log"))).containsExactly("line number 5");
        assertThat(LogFiles.lines(dir.resolve("app.log.1"))).containsExactly("line number 4");
        assertThat(LogFiles.lines(dir.resolve("app.log.2"))).containsExactly("line number 3");
    }

    @Test
    void sizeTestCountsCharactersPlusOneNotBytes() throws Exception {
        // 10 characters, 20 bytes in UTF-8: Python compares tell() + len("%s\n" % msg) = 21 + 11 < 33 with maxBytes.
        RotatingFileHandler h = handler("u.log", 33, 1);
        log(h, "éééééééééé");
        log(h, "éééééééééé");
        assertThat(LogFiles.names(dir)).containsExactly("u.log");
        log(h, "x");
        h.close();
        assertThat(LogFiles.names(dir)).containsExactly("u.log", "u.log.1");
        assertThat(LogFiles.text(dir.resolve("u.log"))).isEqualTo("x\n");
    }

    @Test
    void zeroBackupCountNeverRotatesAsInPython() throws Exception {
        RotatingFileHandler h = handler("z.log", 10, 0);
        for (int i = 0; i < 5; i++) log(h, "record " + i);
        h.close();
        assertThat(LogFiles.names(dir)).containsExactly("z.log");
        assertThat(LogFiles.lines(dir.resolve("z.log"))).hasSize(5);
    }

    @Test
    void modeIsForcedToAppendWhenRotating() throws Exception {
        Files.writeString(dir.resolve("m.log"), "kept\n");
        RotatingFileHandler h = new RotatingFileHandler(dir.resolve("m.log").toString(), "w", 1000, 1, null, false, null);
        assertThat(h.getMode()).isEqualTo("a");
        h.close();
        assertThat(Files.readString(dir.resolve("m.log"))).isEqualTo("kept\n");
    }

    @Test
    void delayedHandlerNeverOpenedRotatesNothingAway() throws Exception {
        RotatingFileHandler h = new RotatingFileHandler(dir.resolve("d.log").toString(), "a", 5, 3, null, true, null);
        assertThat(dir.resolve("d.log")).doesNotExist();
        h.doRollover(); // Python's issue 18940: the source may not exist
        assertThat(LogFiles.names(dir)).isEmpty();
        log(h, "first");
        h.close();
        assertThat(LogFiles.text(dir.resolve("d.log"))).isEqualTo("first\n");
    }

    @Test
    void namerAndRotatorHooks() throws Exception {
        RotatingFileHandler h = handler("n.log", 10, 3);
        List<String> rotations = new ArrayList<>();
        h.setNamer(name -> name.replace("n.log.", "n-") + ".txt");
        h.setRotator((source, dest) -> {
            rotations.add(Path.of(source).getFileName() + " -> " + Path.of(dest).getFileName());
            Files.move(Path.of(source), Path.of(dest));
        });
        for (int i = 0; i < 4; i++) log(h, "record " + i);
        h.close();
        assertThat(rotations).containsExactly("n.log -> n-1.txt", "n.log -> n-1.txt", "n.log -> n-1.txt");
        assertThat(LogFiles.names(dir)).containsExactly("n-1.txt", "n-2.txt", "n-3.txt", "n.log");
        assertThat(LogFiles.text(dir.resolve("n-3.txt"))).isEqualTo("record 0\n");
    }

    @Test
    void nonRegularFileIsNeverRotated() {
        RotatingFileHandler h = new RotatingFileHandler("/dev/null", 1, 1);
        for (int i = 0; i < 3; i++) log(h, "into the void");
        h.close();
        assertThat(h.getErrorCount()).isZero();
        assertThat(Path.of("/dev/null.1")).doesNotExist();
    }

    @Test
    void failedRolloverIsReportedAndTheRecordStillWritten() throws Exception {
        RotatingFileHandler h = handler("f.log", 10, 2);
        Files.createDirectories(dir.resolve("f.log.1").resolve("in-the-way"));
        log(h, "first record");
        assertThatCode(() -> log(h, "second record")).doesNotThrowAnyException();
        h.close();
        assertThat(h.getErrorCount()).isEqualTo(1);
        assertThat(LogFiles.lines(dir.resolve("f.log"))).containsExactly("first record", "second record");
    }

    @Test
    void unwritableDirectoryFailsAtConstructionOrIsCountedWhenDelayed() throws Exception {
        Path notADirectory = dir.resolve("plain-file");
        Files.writeString(notADirectory, "");
        String name = notADirectory.resolve("app.log").toString();
        assertThatThrownBy(() -> new RotatingFileHandler(name, 100, 1))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining(name);
        RotatingFileHandler delayed = new RotatingFileHandler(name, "a", 100, 1, null, true, null);
        assertThatCode(() -> {
            log(delayed, "one");
            log(delayed, "two");
        }).doesNotThrowAnyException();
        assertThat(delayed.getErrorCount()).isEqualTo(2);
        delayed.close();
    }

    @Test
    void diskFullIsCountedAndLoggingResumesWhenSpaceReturns() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"), 64 * 1024)) {
            RotatingFileHandler h = new RotatingFileHandler(disk.path().resolve("full.log").toString(), 40 * 1024, 1);
            h.setFormatter(new Formatter("%(message)s"));
            String line = "x".repeat(1000);
            assertThatCode(() -> {
                for (int i = 0; i < 100; i++) log(h, line);
            }).doesNotThrowAnyException();
            assertThat(h.getErrorCount()).isPositive();
            long errors = h.getErrorCount();
            Files.delete(disk.path().resolve("full.log.1"));
            log(h, "after cleanup");
            h.close();
            assertThat(h.getErrorCount()).isEqualTo(errors);
            assertThat(LogFiles.text(disk.path().resolve("full.log"))).endsWith("after cleanup\n");
        }
    }

    @Test
    void shutdownFlushesAndClosesAndALaterRecordReopens() throws IOException {
        RotatingFileHandler h = handler("s.log", 1000, 1);
        log(h, "before");
        h.close();
        log(h, "after close");
        h.close();
        assertThat(LogFiles.lines(dir.resolve("s.log"))).containsExactly("before", "after close");
    }
}
