package dev.cairn.config;

import static dev.cairn.config.ConfigFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.Filter;
import dev.cairn.Formatter;
import dev.cairn.Handler;
import dev.cairn.Level;
import dev.cairn.LogRecord;
import dev.cairn.Logger;
import dev.cairn.Logging;
import dev.cairn.NullHandler;
import dev.cairn.StreamHandler;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DictConfigTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private PrintStream realOut;

    @BeforeEach
    void capture() {
        Logging.reset();
        realOut = System.out;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(realOut);
        Logging.reset();
    }

    private String out() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    @Test
    void formattersHandlersLoggersAndRoot() throws Exception {
        Path file = dir.resolve("db.log");
        Logging.dictConfig(json("{'version': 1,"
                + "'formatters': {'f': {'format': '%(levelname)s %(name)s %(message)s'},"
                + "               'b': {'format': '{name}|{message}', 'style': '{'}},"
                + "'filters': {'db': {'name': 'c1.db'}},"
                + "'handlers': {'out': {'class': 'logging.StreamHandler', 'stream': 'ext://sys.stdout', 'formatter': 'f', 'level': 'INFO'},"
                + "             'file': {'class': 'logging.FileHandler', 'filename': '" + file + "', 'formatter': 'b', 'filters': ['db'], 'mode': 'w'}},"
                + "'loggers': {'c1': {'level': 'DEBUG', 'handlers': ['file'], 'propagate': true}},"
                + "'root': {'level': 'WARNING', 'handlers': ['out']}}"));
        Logging.getLogger("c1.db").debug("query");
        Logging.getLogger("c1.db").info("slow %s", "q");
        Logging.getLogger("c1.web").info("get");
        Logging.getLogger("other").info("hidden");
        Logging.shutdown();
        assertThat(out()).isEqualTo("INFO c1.db slow q\nINFO c1.web get\n");
        assertThat(Files.readString(file)).isEqualTo("c1.db|query\nc1.db|slow q\n");
        assertThat(DictConfig.getHandlers().get("out").getName()).isEqualTo("out");
    }

    @Test
    void rootMayBeGivenAsTheEmptyLoggerName() {
        Logging.dictConfig(json("{'version': 1, 'handlers': {'h': {'class': 'logging.StreamHandler', 'stream': 'ext://sys.stdout'}},"
                + "'loggers': {'': {'level': 'INFO', 'handlers': ['h']}}}"));
        Logging.getLogger("c2").info("via root");
        assertThat(out()).isEqualTo("via root\n");
    }

    @Test
    void existingLoggersAreDisabledUnlessNamedOrChildrenOfNamed() {
        Logger old = Logging.getLogger("c3old");
        Logger keptChild = Logging.getLogger("c3keep.child");
        keptChild.setLevel(Level.ERROR);
        Logging.dictConfig(json("{'version': 1, 'handlers': {'h': {'class': 'logging.StreamHandler', 'stream': 'ext://sys.stdout'}},"
                + "'loggers': {'c3keep': {'level': 'INFO'}}, 'root': {'level': 'INFO', 'handlers': ['h']}}"));
        assertThat(old.isDisabled()).isTrue();
        assertThat(keptChild.isDisabled()).isFalse();
        assertThat(keptChild.getLevel()).as("children of configured loggers are reset").isEqualTo(Level.NOTSET);
        old.info("dropped");
        keptChild.info("kept");
        assertThat(out()).isEqualTo("kept\n");
        Logging.dictConfig(json("{'version': 1, 'disable_existing_loggers': false}"));
        assertThat(old.isDisabled()).isFalse();
    }

    @Test
    void incrementalChangesOnlyLevelsAndPropagate() {
        Logging.dictConfig(json("{'version': 1, 'handlers': {'h': {'class': 'logging.StreamHandler', 'stream': 'ext://sys.stdout', 'level': 'ERROR'}},"
                + "'loggers': {'c4': {'level': 'ERROR', 'handlers': ['h'], 'propagate': false}}}"));
        Logging.dictConfig(json("{'version': 1, 'incremental': true, 'handlers': {'h': {'level': 'DEBUG'}},"
                + "'loggers': {'c4': {'level': 'DEBUG'}}}"));
        Logging.getLogger("c4").debug("now visible");
        assertThat(out()).isEqualTo("now visible\n");
        assertThat(Logging.getLogger("c4").getHandlers()).hasSize(1);
    }

    @Test
    void cfgReferencesAndDotProperties() {
        Logging.dictConfig(json("{'version': 1,"
                + "'formatters': {'f': {'format': '%(message)s'}},"
                + "'handlers': {'h': {'class': 'logging.StreamHandler', 'stream': 'ext://sys.stdout', 'formatter': 'f',"
                + "                   'level': 'cfg://loggers.c5.level', '.': {'terminator': ' END\\n'}}},"
                + "'loggers': {'c5': {'level': 'INFO', 'handlers': ['h']}}}"));
        Logging.getLogger("c5").info("m");
        assertThat(out()).isEqualTo("m END\n");
        assertThat(DictConfig.getHandlers().get("h").getLevel()).isEqualTo(Level.INFO);
    }

    /** A user filter built by {@code ()} with an option set through its setter. */
    public static class PrefixFilter implements Filter {
        private String prefix = "";

        public void setPrefix(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public boolean filter(LogRecord record) {
            return record.getMsg().startsWith(prefix);
        }
    }

    /** A user handler class with a Map constructor, named by its Java class. */
    public static class ListHandler extends Handler {
        static final List<String> SEEN = new ArrayList<>();
        final String tag;

        public ListHandler(Map<String, Object> options) {
            this.tag = (String) options.get("tag");
        }

        @Override
        protected void emit(LogRecord record) {
            SEEN.add(tag + ":" + format(record));
        }
    }

    /** A static factory for formatters. */
    public static Formatter upperFormatter(Map<String, Object> options) {
        return new Formatter((String) options.get("fmt")) {
            @Override public String format(LogRecord record) {
                return super.format(record).toUpperCase(java.util.Locale.ROOT);
            }
        };
    }

    @Test
    void javaClassesAndFactories() {
        ListHandler.SEEN.clear();
        String cls = DictConfigTest.class.getName();
        Logging.dictConfig(json("{'version': 1,"
                + "'formatters': {'up': {'()': '" + cls + ".upperFormatter', 'fmt': '%(name)s %(message)s'}},"
                + "'filters': {'pre': {'()': '" + cls + "$PrefixFilter', 'prefix': 'ok'}},"
                + "'handlers': {'list': {'class': '" + cls + "$ListHandler', 'tag': 't', 'formatter': 'up', 'filters': ['pre']},"
                + "             'none': {'class': '" + NullHandler.class.getName() + "'}},"
                + "'root': {'level': 'INFO', 'handlers': ['list', 'none']}}"));
        Logging.getLogger("c6").info("ok go");
        Logging.getLogger("c6").info("skip");
        assertThat(ListHandler.SEEN).containsExactly("t:C6 OK GO");
    }

    @Test
    void memoryStyleTargetsAreBuiltAfterTheirTargetWhateverTheOrder() {
        // 'a' refers to 'z', which sorts after it: Python defers such handlers and so do we.
        HandlerRegistry.get().register(null, "test.Forwarding", options -> {
            Handler target = options.handler("target");
            return new Handler() {
                @Override protected void emit(LogRecord record) {
                    target.handle(record);
                }
            };
        });
        Logging.dictConfig(json("{'version': 1, 'handlers': {"
                + "'a': {'class': 'test.Forwarding', 'target': 'z'},"
                + "'z': {'class': 'logging.StreamHandler', 'stream': 'ext://sys.stdout'}},"
                + "'root': {'handlers': ['a']}}"));
        Logging.getLogger("c7").warning("forwarded");
        assertThat(out()).isEqualTo("forwarded\n");
    }

    @Test
    void reconfigurationClosesOldHandlers() throws Exception {
        Path file = dir.resolve("one.log");
        Logging.dictConfig(json("{'version': 1, 'handlers': {'f': {'class': 'logging.FileHandler', 'filename': '" + file + "'}},"
                + "'root': {'handlers': ['f']}}"));
        StreamHandler first = (StreamHandler) DictConfig.getHandlers().get("f");
        Logging.dictConfig(json("{'version': 1, 'root': {'handlers': []}}"));
        assertThat(first.getStream()).as("closed file handler released its stream").isNull();
    }

    @Test
    void redactKeyMasksSecretsUntilAConfigurationWithoutIt() {
        String handlers = "'handlers': {'h': {'class': 'logging.StreamHandler', 'stream': 'ext://sys.stdout'}},"
                + "'root': {'level': 'INFO', 'handlers': ['h']}";
        Logging.dictConfig(json("{'version': 1, 'redact': {'mask': '[hidden]'}, " + handlers + "}"));
        Logging.getLogger().info("login password=%s for %s", "hunter2", "bob@example.com");
        Logging.dictConfig(json("{'version': 1, 'redact': true, " + handlers + "}"));
        Logging.getLogger().info("token=abc");
        Logging.dictConfig(json("{'version': 1, " + handlers + "}"));
        Logging.getLogger().info("token=abc");
        assertThat(out()).isEqualTo("login password=[hidden] for [hidden]\ntoken=***\ntoken=abc\n");
    }

    @Test
    void badRedactOptionIsAConfigError() {
        ConfigException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> Logging.dictConfig(json("{'version': 1, 'redact': {'builtins': ['nope']}}")), ConfigException.class);
        assertThat(e.getPath()).isEqualTo("redact");
        assertThat(e.getMessage()).contains("unknown built-in redaction 'nope'");
    }
}
