package dev.cairn.handlers;

import static dev.cairn.handlers.LogFiles.log;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.Formatter;
import dev.cairn.Logging;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention by count, age and total size, at start-up and after each rollover, with and without compression. */
class RetentionTest {
    private static final long NOW = 1_700_000_000L;
    private static final long DAY = 86_400L;

    @TempDir
    Path dir;

    @AfterEach
    void restore() {
        Logging.setClock(null);
    }

    private RotatingFileHandler handler(long maxBytes, int backupCount) {
        RotatingFileHandler h = new RotatingFileHandler(dir.resolve("app.log").toString(), maxBytes, backupCount);
        h.setFormatter(new Formatter("%(message)s"));
        return h;
    }

    private void backup(String name, String content, long modifiedSeconds) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        Files.setLastModifiedTime(f, FileTime.fromMillis(modifiedSeconds * 1000));
    }

    @Test
    void maxFilesIsAppliedAtEveryRollover() throws Exception {
        RotatingFileHandler h = handler(10, 10);
        h.setRetention(Retention.none().withMaxFiles(2));
        for (int i = 0; i < 6; i++) log(h, "record " + i);
        h.close();
        assertThat(LogFiles.names(dir)).containsExactly("app.log", "app.log.1", "app.log.2");
        assertThat(LogFiles.text(dir.resolve("app.log.2"))).isEqualTo("record 3\n");
    }

    @Test
    void maxAgeIsAppliedAtStartUpByModificationTime() throws Exception {
        new LogFiles.FakeClock(NOW).install();
        backup("app.log.1", "yesterday\n", NOW - DAY);
        backup("app.log.2", "last week\n", NOW - 7 * DAY);
        backup("app.log.3", "last month\n", NOW - 30 * DAY);
        RotatingFileHandler h = handler(1000, 5);
        h.setRetention(Retention.none().withMaxAge(Duration.ofDays(3)));
        assertThat(LogFiles.names(dir)).containsExactly("app.log", "app.log.1");
        h.close();
    }

    @Test
    void maxTotalBytesDeletesTheOldestFirst() throws Exception {
        backup("app.log.1", "x".repeat(400), NOW);
        backup("app.log.2", "x".repeat(400), NOW);
        backup("app.log.3", "x".repeat(10), NOW);
        RotatingFileHandler h = handler(1000, 5);
        h.setRetention(Retention.none().withMaxTotalBytes(1000));
        assertThat(LogFiles.names(dir)).containsExactly("app.log", "app.log.1", "app.log.2", "app.log.3");
        h.setRetention(Retention.none().withMaxTotalBytes(500));
        assertThat(LogFiles.names(dir)).containsExactly("app.log", "app.log.1");
        h.close();
    }

    @Test
    void theLiveFileIsNeverCountedOrDeleted() throws Exception {
        RotatingFileHandler h = handler(1000, 5);
        log(h, "live");
        h.setRetention(Retention.none().withMaxFiles(0).withMaxTotalBytes(0));
        h.close();
        assertThat(LogFiles.names(dir)).containsExactly("app.log");
    }

    @Test
    void timedRotationKeepsTheNewestByName() throws Exception {
        LogFiles.FakeClock clock = new LogFiles.FakeClock(NOW).install();
        TimedRotatingFileHandler h = new TimedRotatingFileHandler(dir.resolve("t.log").toString(), "S", 1, 0, null, true,
                true, null, null);
        h.setRetention(Retention.none().withMaxFiles(2));
        for (int i = 0; i < 5; i++) {
            clock.set(NOW + i);
            log(h, "second " + i);
        }
        h.close();
        assertThat(LogFiles.names(dir)).containsExactly("t.log", "t.log.2023-11-14_22-13-22", "t.log.2023-11-14_22-13-23");
    }

    @Test
    void withCompressionRetentionCountsTheCompressedFiles() throws Exception {
        RotatingFileHandler h = handler(10, 10);
        h.setCompression(Compression.GZIP);
        h.setRetention(Retention.none().withMaxFiles(3));
        for (int i = 0; i < 8; i++) log(h, "record " + i);
        h.close();
        assertThat(LogFiles.names(dir)).containsExactly("app.log", "app.log.1.gz", "app.log.2.gz", "app.log.3.gz");
        assertThat(LogFiles.text(dir.resolve("app.log.3.gz"))).isEqualTo("record 4\n");
    }

    @Test
    void limitsMustNotBeNegative() {
        assertThatThrownBy(() -> Retention.none().withMaxFiles(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Retention.none().withMaxAge(Duration.ofDays(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Retention.none().withMaxTotalBytes(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
