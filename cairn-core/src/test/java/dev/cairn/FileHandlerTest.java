package dev.cairn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileHandlerTest {
    @TempDir
    Path dir;

    @BeforeEach
    void reset() {
        Logging.reset();
    }

    private static void log(Handler h, String msg) {
        Logger logger = Logging.getLogger("f");
        logger.addHandler(h);
        logger.warning(msg);
        logger.removeHandler(h);
    }

    @Test
    void appendModeKeepsExistingContent() throws Exception {
        Path file = dir.resolve("app.log");
        Files.writeString(file, "old\n");
        FileHandler h = new FileHandler(file.toString());
        log(h, "new");
        h.close();
        assertThat(Files.readString(file)).isEqualTo("old\nnew\n");
        assertThat(h.getBaseFilename()).isEqualTo(file.toAbsolutePath().toString());
    }

    @Test
    void writeModeTruncates() throws Exception {
        Path file = dir.resolve("app.log");
        Files.writeString(file, "old\n");
        FileHandler h = new FileHandler(file.toString(), "w", null, false, null);
        log(h, "new");
        h.close();
        assertThat(Files.readString(file)).isEqualTo("new\n");
    }

    @Test
    void delayOpensOnFirstRecord() throws Exception {
        Path file = dir.resolve("late.log");
        FileHandler h = new FileHandler(file.toString(), "a", null, true, null);
        assertThat(file).doesNotExist();
        log(h, "first");
        assertThat(Files.readString(file)).isEqualTo("first\n");
        h.close();
    }

    @Test
    void closedAppendHandlerReopensButWriteModeDoesNot() throws Exception {
        Path a = dir.resolve("a.log");
        FileHandler append = new FileHandler(a.toString());
        append.close();
        log(append, "again");
        append.close();
        assertThat(Files.readString(a)).isEqualTo("again\n");
        Path w = dir.resolve("w.log");
        FileHandler write = new FileHandler(w.toString(), "w", null, false, null);
        log(write, "one");
        write.close();
        log(write, "dropped: mode w must not truncate again");
        assertThat(Files.readString(w)).isEqualTo("one\n");
    }

    @Test
    void encodingIsHonoured() throws Exception {
        Path file = dir.resolve("latin.log");
        FileHandler h = new FileHandler(file.toString(), "w", "latin-1", false, null);
        log(h, "caf\u00e9");
        h.close();
        assertThat(Files.readAllBytes(file)).isEqualTo("caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void exclusiveModeRefusesExistingFile() throws Exception {
        Path file = dir.resolve("x.log");
        Files.writeString(file, "");
        assertThatThrownBy(() -> new FileHandler(file.toString(), "x", null, false, null))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining(file.toString());
    }

    @Test
    void unwritableDirectoryFailsAtConstructionWithThePath() {
        Path file = dir.resolve("missing/dir/app.log");
        assertThatThrownBy(() -> new FileHandler(file.toString()))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining(file.toString());
    }

    @Test
    void delayedOpenFailureIsReportedNotThrown() {
        Path file = dir.resolve("missing/app.log");
        FileHandler h = new FileHandler(file.toString(), "a", null, true, null);
        String err = Capture.stderrOf(() -> log(h, "lost"));
        assertThat(err).contains("--- Logging error ---").contains("missing/app.log");
        assertThat(h.getErrorCount()).isEqualTo(1);
    }

    @Test
    void badModeIsRejected() {
        assertThatThrownBy(() -> new FileHandler(dir.resolve("m.log").toString(), "r", null, true, null))
                .hasMessageContaining("invalid mode: 'r'");
    }
}
