package dev.cairn.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cairn.Level;
import dev.cairn.Logging;
import dev.cairn.config.ConfigException;
import dev.cairn.config.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** YAML files read as PyYAML's safe_load reads them, with lines kept for errors. */
class YamlFormatTest {
    @TempDir
    Path dir;

    private final YamlFormat yaml = new YamlFormat();

    @BeforeEach
    @AfterEach
    void reset() {
        Logging.reset();
    }

    private Map<String, Object> read(String text) {
        return yaml.read(text, "test.yaml").config();
    }

    @Test
    void theSameConfigurationAsTheJsonFile() {
        String json = "{\"version\": 1, \"disable_existing_loggers\": false,"
                + " \"formatters\": {\"f\": {\"format\": \"%(levelname)s:%(name)s:%(message)s\"}},"
                + " \"handlers\": {\"console\": {\"class\": \"logging.StreamHandler\", \"stream\": \"ext://sys.stdout\", \"formatter\": \"f\"}},"
                + " \"loggers\": {\"app.db\": {\"level\": \"DEBUG\", \"propagate\": true}},"
                + " \"root\": {\"level\": \"INFO\", \"handlers\": [\"console\"]}}";
        String text = String.join("\n",
                "version: 1",
                "disable_existing_loggers: no",
                "formatters:",
                "  f: {format: '%(levelname)s:%(name)s:%(message)s'}",
                "handlers:",
                "  console:",
                "    class: logging.StreamHandler",
                "    stream: ext://sys.stdout",
                "    formatter: f",
                "loggers:",
                "  app.db:",
                "    level: DEBUG",
                "    propagate: on",
                "root:",
                "  level: INFO",
                "  handlers: [console]");
        assertThat(read(text)).isEqualTo(Json.parse(json, "test.json"));
    }

    @Test
    void scalarsAreTypedAsPyYamlTypesThem() {
        Map<String, Object> m = read(String.join("\n",
                "bools: [yes, No, ON, off, true, 'yes']",
                "ints: [010, 0x1F, 1_000, -0b11, '7', 1:30, 5000000000]",
                "floats: [1.5, .5, 1.0e+3, .inf, -.Inf]",
                "strings: [1e3, 08, 2024-01-01, hello world]",
                "nulls: [~, null, Null]",
                "empty:"));
        assertThat(m.get("bools")).isEqualTo(List.of(true, false, true, false, true, "yes"));
        assertThat(m.get("ints")).isEqualTo(List.of(8, 31, 1000, -3, "7", 90, 5000000000L));
        assertThat(m.get("floats")).isEqualTo(List.of(1.5, 0.5, 1000.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
        assertThat(m.get("strings")).isEqualTo(List.of("1e3", "08", "2024-01-01", "hello world"));
        assertThat(m).containsEntry("empty", null);
        assertThat(m.get("nulls")).isEqualTo(Arrays.asList(null, null, null));
    }

    @Test
    void anchorsAndMergeKeysWork() {
        Map<String, Object> m = read(String.join("\n",
                "base: &file {class: logging.FileHandler, mode: a, level: INFO}",
                "handlers:",
                "  one: {<<: *file, filename: one.log}",
                "  two:",
                "    <<: *file",
                "    level: ERROR",
                "    filename: two.log"));
        assertThat(m.get("handlers")).isEqualTo(Map.of(
                "one", Map.of("class", "logging.FileHandler", "mode", "a", "level", "INFO", "filename", "one.log"),
                "two", Map.of("class", "logging.FileHandler", "mode", "a", "level", "ERROR", "filename", "two.log")));
    }

    @Test
    void syntaxErrorsAndTagsNameTheLine() {
        ConfigException e = catchThrowableOfType(() -> read("version: 1\nroot:\n  level: [INFO\n"), ConfigException.class);
        assertThat(e.getLine()).isEqualTo(4);
        assertThat(e.getMessage()).startsWith("test.yaml:4: invalid YAML at line 4, column 1: ");
        e = catchThrowableOfType(() -> read("version: 1\nhandlers:\n  h: !!python/object/apply:os.system ['true']\n"), ConfigException.class);
        assertThat(e.getMessage()).isEqualTo("test.yaml:3: handlers.h: the tag tag:yaml.org,2002:python/object/apply:os.system "
                + "is not allowed (safe_load reads only plain data)");
        e = catchThrowableOfType(() -> read("- version: 1\n"), ConfigException.class);
        assertThat(e.getMessage()).isEqualTo("test.yaml:1: the file must hold a mapping (a dictConfig dictionary)");
        e = catchThrowableOfType(() -> read("# nothing\n"), ConfigException.class);
        assertThat(e.getMessage()).isEqualTo("test.yaml:1: the file is empty (expected a dictConfig mapping)");
    }

    @Test
    void loggingConfigureFindsTheFormatAndLocatesMistakes() throws IOException {
        Path good = dir.resolve("logging.yml");
        Files.writeString(good, "version: 1\nloggers:\n  app.db: {level: DEBUG}\nroot:\n  level: ERROR\n");
        Logging.configure(good);
        assertThat(Logging.getLogger("app.db").getLevel()).isEqualTo(Level.DEBUG);
        assertThat(Logging.getLogger().getLevel()).isEqualTo(Level.ERROR);

        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "version: 1\nloggers:\n  app.db:\n    level: DEBUG\n    handlers:\n      - console\nroot:\n  level: INFO\n");
        ConfigException e = catchThrowableOfType(() -> Logging.configure(bad), ConfigException.class);
        assertThat(e.getMessage()).isEqualTo(bad + ":6: loggers.app.db.handlers[0]: no handler named 'console' in handlers");
        assertThat(Logging.getLogger().getLevel()).isEqualTo(Level.ERROR);
    }
}
