package dev.cairn.handlers;

import static dev.cairn.handlers.LogFiles.log;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WatchedFileHandler follows the name after logrotate moves or deletes the file, and only then reopens. */
class WatchedFileHandlerTest {
    @TempDir
    Path dir;

    @Test
    void reopensAfterTheFileIsMovedAway() throws Exception {
        Path file = dir.resolve("w.log");
        WatchedFileHandler h = new WatchedFileHandler(file.toString());
        log(h, "before rotation");
        Files.move(file, dir.resolve("w.log.1"));
        log(h, "after rotation");
        h.close();
        assertThat(Files.readString(dir.resolve("w.log.1"))).isEqualTo("before rotation\n");
        assertThat(Files.readString(file)).isEqualTo("after rotation\n");
    }

    @Test
    void reopensAfterTheFileIsDeletedOrReplaced() throws Exception {
        Path file = dir.resolve("w.log");
        WatchedFileHandler h = new WatchedFileHandler(file.toString());
        log(h, "one");
        Files.delete(file);
        log(h, "two");
        assertThat(Files.readString(file)).isEqualTo("two\n");
        Path replacement = dir.resolve("new");
        Files.writeString(replacement, "copied by logrotate\n");
        Files.move(replacement, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        log(h, "three");
        h.close();
        assertThat(Files.readString(file)).isEqualTo("copied by logrotate\nthree\n");
    }

    @Test
    void keepsTheSameStreamWhileTheFileStays() throws Exception {
        Path file = dir.resolve("w.log");
        WatchedFileHandler h = new WatchedFileHandler(file.toString());
        OutputStream first = h.getStream();
        log(h, "a");
        log(h, "b");
        assertThat(h.getStream()).isSameAs(first);
        h.close();
        assertThat(Files.readString(file)).isEqualTo("a\nb\n");
    }

    @Test
    void delayedHandlerOpensOnTheFirstRecord() throws Exception {
        Path file = dir.resolve("later.log");
        WatchedFileHandler h = new WatchedFileHandler(file.toString(), "a", null, true, null);
        assertThat(file).doesNotExist();
        log(h, "first");
        Files.move(file, dir.resolve("later.log.1"));
        log(h, "second");
        h.close();
        assertThat(Files.readString(file)).isEqualTo("second\n");
    }
}
