package dev.cairn.config;

import static dev.cairn.config.ConfigFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cairn.Handler;
import dev.cairn.Level;
import dev.cairn.Logger;
import dev.cairn.Logging;
import dev.cairn.NullHandler;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every kind of mistake is rejected with its key path, and the running configuration stays. */
class DictConfigErrorsTest {
    @TempDir
    Path dir;

    private static final String GOOD_HANDLER = "'h': {'class': 'logging.StreamHandler', 'stream': 'ext://sys.stderr'}";

    @BeforeEach
    void reset() {
        Logging.reset();
    }

    private static ConfigException reject(String config) {
        ConfigException e = catchThrowableOfType(() -> Logging.dictConfig(json(config)), ConfigException.class);
        assertThat(e).as("expected a ConfigException for " + config).isNotNull();
        return e;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{}| version| dictionary doesn't specify a version",
        "{'version': 2}| version| Unsupported version: 2",
        "{'version': 1, 'handler': {}}| handler| unknown option for a configuration",
        "{'version': 1, 'formatters': {'f': {'format': '%(message)'}}}| formatters.f.format| Invalid format '%(message)' for '%' style",
        "{'version': 1, 'formatters': {'f': {'format': '%(message)s', 'style': '#'}}}| formatters.f.style| Style must be one of",
        "{'version': 1, 'formatters': {'f': {'fmt': '%(message)s'}}}| formatters.f.fmt| unknown option for a formatter",
        "{'version': 1, 'filters': {'x': {'nmae': 'a'}}}| filters.x.nmae| unknown option for a filter",
        "{'version': 1, 'handlers': {'h': {'stream': 'ext://sys.stdout'}}}| handlers.h| needs 'class'",
        "{'version': 1, 'handlers': {'h': {'class': 'logging.handlers.NoSuchHandler'}}}| handlers.h.class| unknown handler class 'logging.handlers.NoSuchHandler'",
        "{'version': 1, 'handlers': {'h': {'class': 'java.lang.String'}}}| handlers.h.class| 'java.lang.String' is not a Handler",
        "{'version': 1, 'handlers': {'h': {'class': 'logging.StreamHandler', 'level': 'LOUD'}}}| handlers.h.level| Unknown level: 'LOUD'",
        "{'version': 1, 'handlers': {'h': {'class': 'logging.StreamHandler', 'formatter': 'nope'}}}| handlers.h.formatter| no formatter named 'nope'",
        "{'version': 1, 'handlers': {'h': {'class': 'logging.StreamHandler', 'filters': ['nope']}}}| handlers.h.filters[0]| no filter named 'nope'",
        "{'version': 1, 'handlers': {'h': {'class': 'logging.StreamHandler', 'stream': 'ext://sys.stdot'}}}| handlers.h.stream| cannot resolve ext://sys.stdot",
        "{'version': 1, 'handlers': {'h': {'class': 'logging.StreamHandler', 'stream': 'stdout'}}}| handlers.h.stream| expected a stream",
        "{'version': 1, 'handlers': {'h': {'class': 'logging.StreamHandler', 'strem': 'ext://sys.stdout'}}}| handlers.h.strem| unknown option for logging.StreamHandler",
        "{'version': 1, 'handlers': {'h': {'class': 'logging.FileHandler'}}}| handlers.h.filename| is required",
        "{'version': 1, 'handlers': {'h': {'class': 'logging.FileHandler', 'filename': 'x.log', 'delay': 'yes'}}}| handlers.h.delay| expected true or false, got \"yes\"",
        "{'version': 1, 'handlers': {'h': {'class': 'logging.StreamHandler', 'level': 'cfg://nowhere.x'}}}| handlers.h.level| cannot resolve cfg://nowhere.x",
        "{'version': 1, 'loggers': {'a': {'handlers': ['missing']}}}| loggers.a.handlers[0]| no handler named 'missing'",
        "{'version': 1, 'loggers': {'a': {'handlers': 'h'}}}| loggers.a.handlers| expected a list of names",
        "{'version': 1, 'loggers': {'a': {'propagate': 'no'}}}| loggers.a.propagate| expected true or false",
        "{'version': 1, 'loggers': {'a': {'levl': 'INFO'}}}| loggers.a.levl| unknown option for a logger",
        "{'version': 1, 'root': {'level': 5.5}}| root.level| Level not an integer or a valid string: 5.5",
        "{'version': 1, 'incremental': true, 'handlers': {'ghost': {'level': 'INFO'}}}| handlers.ghost| No handler found with name 'ghost'",
    })
    void rejectsWithThePathOfTheOffendingKey(String config, String path, String problem) {
        ConfigException e = reject(config);
        assertThat(e.getPath()).isEqualTo(path.trim());
        assertThat(e.getMessage()).startsWith(path.trim() + ": ").contains(problem.trim());
    }

    @Test
    void integerOptionsSayWhatTheyGot() {
        dev.cairn.config.HandlerRegistry.get().register(null, "test.Sized", options -> {
            options.integer("maxBytes", 0);
            return new NullHandler();
        });
        ConfigException e = reject("{'version': 1, 'handlers': {'file': {'class': 'test.Sized', 'maxBytes': 'ten'}}}");
        assertThat(e.getMessage()).isEqualTo("handlers.file.maxBytes: expected an integer, got \"ten\"");
    }

    @Test
    void nothingChangesWhenAnyPartIsWrong() {
        Logging.dictConfig(json("{'version': 1, 'handlers': {" + GOOD_HANDLER + "},"
                + "'loggers': {'keep': {'level': 'DEBUG', 'handlers': ['h']}}}"));
        Logger keep = Logging.getLogger("keep");
        Handler before = keep.getHandlers().get(0);
        Logger other = Logging.getLogger("other");
        Path file = dir.resolve("new.log");
        reject("{'version': 1, 'handlers': {'f': {'class': 'logging.FileHandler', 'filename': '" + file + "'}},"
                + "'loggers': {'keep': {'level': 'ERROR', 'handlers': ['f']}, 'bad': {'level': 'NOPE'}}}");
        assertThat(keep.getLevel()).isEqualTo(Level.DEBUG);
        assertThat(keep.getHandlers()).containsExactly(before);
        assertThat(other.isDisabled()).isFalse();
        assertThat(DictConfig.getHandlers()).containsKey("h");
    }

    @Test
    void unopenableFileIsAConfigErrorNamingTheHandler() {
        Path file = dir.resolve("no/such/dir/app.log");
        ConfigException e = reject("{'version': 1, 'handlers': {'f': {'class': 'logging.FileHandler', 'filename': '" + file + "'}}}");
        assertThat(e.getPath()).isEqualTo("handlers.f");
        assertThat(e.getMessage()).contains(file.toString());
    }

    @Test
    void cyclicTargetsAreReported() {
        dev.cairn.config.HandlerRegistry.get().register(null, "test.Target", options -> {
            options.handler("target");
            return new NullHandler();
        });
        ConfigException e = reject("{'version': 1, 'handlers': {'a': {'class': 'test.Target', 'target': 'b'},"
                + "'b': {'class': 'test.Target', 'target': 'a'}}}");
        assertThat(e.getMessage()).contains("cycle");
    }

    @Test
    void nonStringKeysAreRejected() {
        java.util.Map<Object, Object> loggers = new java.util.HashMap<>();
        loggers.put(7, java.util.Map.of());
        ConfigException e = catchThrowableOfType(() -> Logging.dictConfig(java.util.Map.of("version", 1, "loggers", loggers)),
                ConfigException.class);
        assertThat(e.getMessage()).isEqualTo("loggers: keys must be strings, got 7");
    }
}
