package dev.cairn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BasicConfigTest {
    @TempDir
    Path dir;

    @BeforeEach
    void reset() {
        Logging.reset();
    }

    @Test
    void noArgumentsWritesBasicFormatToStderrAtWarning() {
        String err = Capture.stderrOf(() -> {
            Logging.basicConfig();
            Logging.getLogger("b1").info("hidden");
            Logging.getLogger("b1").warning("disk %d%% full", 91);
        });
        assertThat(err).isEqualTo("WARNING:b1:disk 91% full\n");
    }

    @Test
    void streamLevelFormatAndStyle() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Logging.basicConfig(Map.of("stream", out, "level", "DEBUG", "format", "{levelname}|{message}", "style", "{"));
        Logging.getLogger("b2").debug("x=%d", 1);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("DEBUG|x=1\n");
    }

    @Test
    void secondCallIsIgnoredUnlessForced() {
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        Logging.basicConfig(Map.of("stream", first, "format", "1 %(message)s"));
        Logging.basicConfig(Map.of("stream", second, "format", "2 %(message)s"));
        Logging.getLogger("b3").warning("a");
        Logging.basicConfig(Map.of("stream", second, "format", "3 %(message)s", "force", true));
        Logging.getLogger("b3").warning("b");
        assertThat(first.toString(StandardCharsets.UTF_8)).isEqualTo("1 a\n");
        assertThat(second.toString(StandardCharsets.UTF_8)).isEqualTo("3 b\n");
    }

    @Test
    void filenameAndFilemode() throws Exception {
        Path file = dir.resolve("basic.log");
        Files.writeString(file, "old\n");
        Logging.basicConfig(Map.of("filename", file.toString(), "filemode", "w", "format", "%(name)s %(message)s"));
        Logging.getLogger("b4").error("e");
        Logging.shutdown();
        assertThat(Files.readString(file)).isEqualTo("b4 e\n");
    }

    @Test
    void givenHandlersGetTheFormatterOnlyIfTheyHaveNone() {
        Capture plain = Capture.handler(null);
        Capture own = Capture.handler("own %(message)s");
        Logging.basicConfig(Map.of("handlers", List.of(plain, own), "format", "basic %(message)s"));
        Logging.getLogger("b5").warning("m");
        assertThat(plain.text()).isEqualTo("basic m\n");
        assertThat(own.text()).isEqualTo("own m\n");
    }

    @Test
    void badArgumentsFailBeforeAnythingChanges() {
        assertThatThrownBy(() -> Logging.basicConfig(Map.of("levle", "INFO")))
                .hasMessage("Unrecognised argument(s): levle");
        assertThatThrownBy(() -> Logging.basicConfig(Map.of("stream", System.out, "filename", "x.log")))
                .hasMessage("'stream' and 'filename' should not be specified together");
        assertThatThrownBy(() -> Logging.basicConfig(Map.of("handlers", List.of(), "filename", "x.log")))
                .hasMessage("'stream' or 'filename' should not be specified together with 'handlers'");
        assertThatThrownBy(() -> Logging.basicConfig(Map.of("style", "#")))
                .hasMessageContaining("Style must be one of: %,{,$");
        assertThatThrownBy(() -> Logging.basicConfig(Map.of("level", "LOUD")))
                .hasMessage("Unknown level: 'LOUD'");
        assertThatThrownBy(() -> Logging.basicConfig(Map.of("format", "%(message)")))
                .hasMessageContaining("%(message)");
        assertThat(Logging.getLogger().getHandlers()).isEmpty();
    }
}
