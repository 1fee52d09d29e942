package dev.cairn.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fileConfig INI text read with configparser's rules and translated into the dictConfig plan. */
class IniConfigTest {
    private static final String COOKBOOK = String.join("\n",
            "[loggers]",
            "keys=root,simpleExample",
            "",
            "[handlers]",
            "keys=consoleHandler",
            "",
            "[formatters]",
            "keys=simpleFormatter",
            "",
            "[logger_root]",
            "level=DEBUG",
            "handlers=consoleHandler",
            "",
            "[logger_simpleExample]",
            "level=DEBUG",
            "handlers=consoleHandler",
            "qualname=simpleExample",
            "propagate=0",
            "",
            "[handler_consoleHandler]",
            "class=StreamHandler",
            "level=DEBUG",
            "formatter=simpleFormatter",
            "args=(sys.stdout,)",
            "",
            "[formatter_simpleFormatter]",
            "format=%(asctime)s - %(name)s - %(levelname)s - %(message)s",
            "");

    private static Map<String, Object> translate(String text) {
        return IniConfig.read(text, "/etc/app/logging.ini", Map.of()).config();
    }

    private static ConfigException reject(String text) {
        ConfigException e = catchThrowableOfType(() -> DictConfig.apply(IniConfig.read(text, "logging.ini", Map.of())),
                ConfigException.class);
        assertThat(e).as("rejected: " + text).isNotNull();
        return e;
    }

    @Test
    void translatesPythonsCookbookExampleIntoTheSameDictConfig() {
        assertThat(translate(COOKBOOK)).isEqualTo(Map.of(
                "version", 1,
                "disable_existing_loggers", true,
                "formatters", Map.of("simpleFormatter", Map.of("format", "%(asctime)s - %(name)s - %(levelname)s - %(message)s")),
                "handlers", Map.of("consoleHandler", Map.of("class", "logging.StreamHandler", "level", "DEBUG",
                        "formatter", "simpleFormatter", "stream", "ext://sys.stdout")),
                "root", Map.of("level", "DEBUG", "handlers", List.of("consoleHandler")),
                "loggers", Map.of("simpleExample", Map.of("level", "DEBUG", "handlers", List.of("consoleHandler"), "propagate", false))));
    }

    @Test
    void namesPositionalArgsAfterTheHandlerConstructor() {
        String ini = String.join("\n",
                "[loggers]", "keys=root", "[handlers]", "keys=file,mem", "[formatters]", "keys=",
                "[logger_root]", "handlers=file",
                "[handler_file]", "class=handlers.RotatingFileHandler", "args=('app.log', 'a', 1024, 3)",
                "kwargs={'encoding': 'utf-8'}",
                "[handler_mem]", "class=handlers.MemoryHandler", "args=(10, ERROR)", "target=file");
        Map<String, Object> config = translate(ini);
        assertThat(config.get("handlers")).isEqualTo(Map.of(
                "file", Map.of("class", "logging.handlers.RotatingFileHandler", "filename", "app.log", "mode", "a",
                        "maxBytes", 1024, "backupCount", 3, "encoding", "utf-8"),
                "mem", Map.of("class", "logging.handlers.MemoryHandler", "capacity", 10, "flushLevel", 40, "target", "file")));
        assertThat(config.get("formatters")).isEqualTo(Map.of());
    }

    @Test
    void followsConfigparserRulesForCommentsContinuationsAndInterpolation(@TempDir Path dir) throws IOException {
        String ini = String.join("\n",
                "# a comment",
                "[DEFAULT]",
                "logdir = %(here)s/logs",
                "[loggers]",
                "keys = root,",
                "  app",
                "; another comment",
                "[handlers]",
                "KEYS: file",
                "[formatters]",
                "keys=f",
                "[logger_root]",
                "handlers=",
                "[logger_app]",
                "qualname=app.db",
                "handlers=file",
                "[handler_file]",
                "class=FileHandler",
                "args=('%(logdir)s/app.log', 'a')",
                "[formatter_f]",
                "format=%(levelname)s 100%% %(message)s",
                "[cairn]",
                "disable_existing_loggers = no",
                "watch = 2.5");
        Path file = dir.resolve("logging.ini");
        Files.writeString(file, ini);
        Map<String, Object> config = IniConfig.read(ini, file.toString(), Map.of()).config();
        assertThat(config.get("disable_existing_loggers")).isEqualTo(false);
        assertThat(config.get("watch")).isEqualTo(2.5);
        assertThat(((Map<?, ?>) config.get("handlers")).get("file"))
                .isEqualTo(Map.of("class", "logging.FileHandler", "filename", dir.toAbsolutePath() + "/logs/app.log", "mode", "a"));
        // format is read raw: no interpolation, %% stays for the Formatter.
        assertThat(((Map<?, ?>) config.get("formatters")).get("f")).isEqualTo(Map.of("format", "%(levelname)s 100%% %(message)s"));
        assertThat(config.get("loggers")).isEqualTo(Map.of("app.db", Map.of("handlers", List.of("file"), "propagate", true)));
        assertThat(config.get("root")).isEqualTo(Map.of("handlers", List.of()));
    }

    @Test
    void structuralMistakesNameTheSectionAndLine() {
        assertThat(reject("[loggers]\nkeys=root\n[handlers]\nkeys=\n").getMessage())
                .isEqualTo("logging.ini: missing section [formatters] (fileConfig needs [formatters], [handlers] and [loggers])");
        assertThat(reject("[loggers]\nkeys=app\n[handlers]\nkeys=\n[formatters]\nkeys=\n").getMessage())
                .isEqualTo("logging.ini:2: [loggers] keys must include root");
        assertThat(reject("[loggers]\nkeys=root\n[handlers]\nkeys=h\n[formatters]\nkeys=\n[logger_root]\nhandlers=h\n").getMessage())
                .isEqualTo("logging.ini:4: [handlers] keys names 'h' but there is no section [handler_h]");
        assertThat(reject("key=value\n").getMessage()).isEqualTo("logging.ini:1: a [section] header must come before 'key=value'");
        assertThat(reject("[a]\nx=1\n[a]\n").getMessage()).isEqualTo("logging.ini:3: section [a] appears twice");
        assertThat(reject("[a]\njust words\n").getMessage()).isEqualTo("logging.ini:2: expected 'key = value' in [a], got 'just words'");
    }

    @Test
    void mistakesFoundByDictConfigPointAtTheIniKey() {
        String base = "[loggers]\nkeys=root\n[handlers]\nkeys=h\n[formatters]\nkeys=\n[logger_root]\nhandlers=h\n[handler_h]\n";
        assertThat(reject(base + "class=StreamHandler\nformatter=nope\n").getMessage())
                .isEqualTo("logging.ini:11: [handler_h] formatter: no formatter named 'nope' in formatters");
        assertThat(reject(base + "class=StreamHandler\nlevel=LOUD\n").getMessage())
                .startsWith("logging.ini:11: [handler_h] level: Unknown level: 'LOUD'");
        assertThat(reject(base + "class=StreamHandler\nargs=(sys.stdot,)\n").getMessage())
                .startsWith("logging.ini:11: [handler_h] args: unknown name 'sys.stdot'");
        assertThat(reject(base + "class=handlers.NoSuchHandler\n").getMessage())
                .startsWith("logging.ini:10: [handler_h] class: unknown handler class 'logging.handlers.NoSuchHandler'");
        assertThat(reject(base + "class=FileHandler\nargs=('/no/such/dir/x.log',)\n").getMessage())
                .startsWith("logging.ini:9: [handler_h]: Unable to configure handler");
        assertThat(reject(base + "class=StreamHandler\nargs=(sys.stdout, 'extra')\n").getMessage())
                .isEqualTo("logging.ini:11: [handler_h] args: logging.StreamHandler takes at most 1 arguments (stream), got 2");
        assertThat(reject(base + "class=StreamHandler\nargs=('%(nothing)s',)\n").getMessage())
                .startsWith("logging.ini:11: [handler_h] args: %(nothing)s names no option");
    }
}
