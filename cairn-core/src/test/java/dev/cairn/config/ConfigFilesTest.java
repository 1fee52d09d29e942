package dev.cairn.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cairn.Handler;
import dev.cairn.Level;
import dev.cairn.Logging;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration files: read by extension, expanded from the environment, errors located in the file. */
class ConfigFilesTest {
    @TempDir
    Path dir;

    @BeforeEach
    void reset() {
        Logging.reset();
        RunningConfiguration.forget(Map.of("LOG_DIR", "/var/log/app", "EMPTY", ""));
    }

    @AfterEach
    void cleanUp() {
        RunningConfiguration.forget(System.getenv());
        Logging.reset();
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static ConfigException reject(Path file) {
        ConfigException e = catchThrowableOfType(() -> Logging.configure(file), ConfigException.class);
        assertThat(e).as("rejected " + file).isNotNull();
        return e;
    }

    @Test
    void appliesAJsonDictConfigFile() throws IOException {
        Path file = write("logging.json", String.join("\n",
                "{",
                "  \"version\": 1,",
                "  \"handlers\": {\"null\": {\"class\": \"logging.NullHandler\"}},",
                "  \"loggers\": {\"app.db\": {\"level\": \"DEBUG\", \"handlers\": [\"null\"]}},",
                "  \"root\": {\"level\": \"ERROR\"}",
                "}"));
        Logging.configure(file);
        assertThat(Logging.getLogger("app.db").getLevel()).isEqualTo(Level.DEBUG);
        assertThat(Logging.getLogger().getLevel()).isEqualTo(Level.ERROR);
        assertThat(RunningConfiguration.file()).isEqualTo(file);
    }

    @Test
    void aMistakeNamesFileLineAndKeyPathAndChangesNothing() throws IOException {
        Logging.getLogger().setLevel(Level.CRITICAL);
        List<Handler> before = Logging.getLogger().getHandlers();
        Path file = write("bad.json", String.join("\n",
                "{",
                "  \"version\": 1,",
                "  \"root\": {\"level\": \"INFO\"},",
                "  \"handlers\": {",
                "    \"h\": {",
                "      \"class\": \"logging.StreamHandler\",",
                "      \"level\": \"LOUD\"",
                "    }",
                "  }",
                "}"));
        ConfigException e = reject(file);
        assertThat(e.getSource()).isEqualTo(file.toString());
        assertThat(e.getLine()).isEqualTo(7);
        assertThat(e.getPath()).isEqualTo("handlers.h.level");
        assertThat(e.getMessage()).startsWith(file + ":7: handlers.h.level: Unknown level: 'LOUD'");
        assertThat(Logging.getLogger().getLevel()).isEqualTo(Level.CRITICAL);
        assertThat(Logging.getLogger().getHandlers()).isEqualTo(before);
    }

    @Test
    void aMistakeInAListPointsAtTheItem() throws IOException {
        Path file = write("bad.json", "{\"version\": 1, \"handlers\": {\"x\": {\"class\": \"logging.NullHandler\"}},\n \"loggers\": {\"a.b\": {\"handlers\": [\n  \"x\",\n  \"missing\"]}}}");
        assertThat(reject(file).getMessage()).isEqualTo(file + ":4: loggers.a.b.handlers[1]: no handler named 'missing' in handlers");
    }

    @Test
    void syntaxErrorsNameLineAndColumn() throws IOException {
        Path file = write("broken.json", "{\n  \"version\": 1,\n  \"root\": {\"level\": \"INFO\",}\n}");
        assertThat(reject(file).getMessage()).isEqualTo(file + ":3: invalid JSON at line 3, column 28: expected a string key");
    }

    @Test
    void unknownExtensionsAndMissingFilesAreNamed() throws IOException {
        Path toml = write("logging.toml", "x = 1");
        assertThat(reject(toml).getMessage()).startsWith(toml + ": unknown configuration file type '.toml'; known: .cfg, .conf, .ini, .json");
        assertThat(reject(dir.resolve("nope.json")).getMessage()).startsWith(dir.resolve("nope.json") + ": cannot read the configuration file");
    }

    @Test
    void substitutesEnvironmentVariablesInValues() throws IOException {
        Path file = write("env.json", String.join("\n",
                "{\"version\": 1,",
                " \"formatters\": {\"f\": {\"format\": \"${LOG_DIR} ${MISSING:-fallback} ${EMPTY:-empty} $${LOG_DIR}\"}},",
                " \"root\": {\"level\": \"${LEVEL:-WARNING}\"}}"));
        ConfigDocument document = ConfigFiles.read(file, Map.of("LOG_DIR", "/var/log/app", "EMPTY", ""));
        assertThat(document.config().get("formatters"))
                .isEqualTo(Map.of("f", Map.of("format", "/var/log/app fallback empty ${LOG_DIR}")));
        Path unset = write("unset.json", "{\"version\": 1,\n \"root\": {\"level\": \"${LEVEL}\"}}");
        assertThat(reject(unset).getMessage()).isEqualTo(unset + ":2: root.level: environment variable LEVEL is not set "
                + "(write ${LEVEL:-default} to give a default)");
    }

    @Test
    void textFromASocketIsNeverExpandedFromTheEnvironment() {
        assertThat(ConfigFiles.readText("{\"version\": 1, \"x\": \"${LOG_DIR}\"}", "listen()").config().get("x"))
                .isEqualTo("${LOG_DIR}");
        assertThat(ConfigFiles.readText("[loggers]\nkeys=root\n[handlers]\nkeys=\n[formatters]\nkeys=\n[logger_root]\n"
                + "level=${LOG_DIR}\nhandlers=\n", "listen()").config().get("root")).isEqualTo(Map.of("level", "${LOG_DIR}",
                "handlers", List.of()));
    }

    @Test
    void iniFilesAreAppliedLikeFileConfig() throws IOException {
        Path file = write("logging.ini", String.join("\n",
                "[loggers]", "keys=root,db", "[handlers]", "keys=null", "[formatters]", "keys=",
                "[logger_root]", "level=ERROR", "handlers=null",
                "[logger_db]", "qualname=app.db", "level=DEBUG", "handlers=", "propagate=0",
                "[handler_null]", "class=NullHandler"));
        Logging.configure(file);
        assertThat(Logging.getLogger().getLevel()).isEqualTo(Level.ERROR);
        assertThat(Logging.getLogger("app.db").getLevel()).isEqualTo(Level.DEBUG);
        assertThat(Logging.getLogger("app.db").getPropagate()).isFalse();
        assertThat(DictConfig.getHandlers()).containsOnlyKeys("null");
    }
}
