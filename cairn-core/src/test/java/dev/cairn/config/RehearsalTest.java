package dev.cairn.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.Handler;
import dev.cairn.Level;
import dev.cairn.Logging;
import dev.cairn.handlers.RotatingFileHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** rehearse() applies another process's configuration here, with its environment, without touching its log files. */
@ExtendWith(FreshConfiguration.class)
class RehearsalTest {
    @TempDir
    Path dir;

    private Path config() throws IOException {
        Path file = dir.resolve("service.json");
        Files.writeString(file, "{\"version\": 1,\n"
                + " \"handlers\": {\n"
                + "  \"a\": {\"class\": \"logging.handlers.RotatingFileHandler\", \"filename\": \"${LOGS}/app.log\", \"maxBytes\": 10},\n"
                + "  \"b\": {\"class\": \"logging.FileHandler\", \"filename\": \"${LOGS}/app.log\"},\n"
                + "  \"c\": {\"class\": \"logging.FileHandler\", \"filename\": \"${LOGS}/other/app.log\", \"mode\": \"w\"}},\n"
                + " \"loggers\": {\"svc\": {\"level\": \"INFO\", \"handlers\": [\"a\", \"b\", \"c\"]}}}\n");
        return file;
    }

    @Test
    void handlerFilesOpenInTheScratchFolderAndSharedFilesStayShared() throws IOException {
        Path logs = dir.resolve("logs");
        Path scratch = Files.createDirectories(dir.resolve("scratch"));
        RunningConfiguration.rehearse(config(), Map.of("LOGS", logs.toString()), List.of(), scratch);
        assertThat(logs).doesNotExist();
        List<Handler> handlers = Logging.getLogger("svc").getHandlers();
        assertThat(handlers).hasSize(3);
        assertThat(((RotatingFileHandler) handlers.get(0)).getBaseFilename()).isEqualTo(scratch.resolve("0-app.log").toString());
        try (Stream<Path> files = Files.list(scratch)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("0-app.log", "1-app.log");
        }
    }

    @Test
    void theGivenEnvironmentAndOptionsAreLaidOverTheFileAndThisProcessKeepsItsOwnLayers() throws IOException {
        Path file = config();
        Map<String, String> env = Map.of("LOGS", dir.toString(), "CAIRN_LEVEL_svc", "DEBUG");
        RunningConfiguration.rehearse(file, env, List.of(), Files.createDirectories(dir.resolve("s1")));
        assertThat(Logging.getLogger("svc").getLevel()).isEqualTo(Level.DEBUG);
        assertThat(Logging.explain("svc", Level.DEBUG).effectiveLevelSource).isEqualTo("environment CAIRN_LEVEL_svc=DEBUG");
        RunningConfiguration.rehearse(file, env, List.of("--log-level", "svc=ERROR"), Files.createDirectories(dir.resolve("s2")));
        assertThat(Logging.getLogger("svc").getLevel()).isEqualTo(Level.ERROR);
        assertThat(RunningConfiguration.file()).isNull();
    }

    @Test
    void badInputChangesNothing() throws IOException {
        Path file = config();
        Path scratch = Files.createDirectories(dir.resolve("s"));
        assertThatThrownBy(() -> RunningConfiguration.rehearse(file, Map.of(), List.of(), scratch))
                .isInstanceOf(ConfigException.class).hasMessageContaining("LOGS is not set");
        assertThatThrownBy(() -> RunningConfiguration.rehearse(file, Map.of("LOGS", "x"), List.of("--log-config", "f.json"), scratch))
                .isInstanceOf(ConfigException.class).hasMessageContaining("only --log-level and --log-format");
        assertThatThrownBy(() -> RunningConfiguration.rehearse(file, Map.of("LOGS", "x", "CAIRN_LEVEL", "LOUD"), List.of(), scratch))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CAIRN_LEVEL");
        assertThat(Logging.getLogger("svc").getHandlers()).isEmpty();
        try (Stream<Path> files = Files.list(scratch)) {
            assertThat(files).isEmpty();
        }
    }
}
