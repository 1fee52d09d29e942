package dev.cairn.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cairn.Handler;
import dev.cairn.Level;
import dev.cairn.LogRecord;
import dev.cairn.Logging;
import dev.cairn.json.JsonLogParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Levels and formats from the environment and the command line, laid over the file. */
@ExtendWith(FreshConfiguration.class)
class OverridesTest {
    @TempDir
    Path dir;

    @Test
    void environmentNamesMapToLoggers() {
        assertThat(Overrides.loggerName("app_db")).isEqualTo("app.db");
        assertThat(Overrides.loggerName("my__app_db")).isEqualTo("my_app.db");
        assertThat(Overrides.loggerName("urllib3")).isEqualTo("urllib3");
        Overrides o = Overrides.fromEnvironment(Map.of("CAIRN_LEVEL", "info", "CAIRN_LEVEL_app_db", "DEBUG",
                "CAIRN_LEVEL_my__svc", "15", "PATH", "/bin"));
        o.apply();
        assertThat(Logging.getLogger().getLevel()).isEqualTo(Level.INFO);
        assertThat(Logging.getLogger("app.db").getLevel()).isEqualTo(Level.DEBUG);
        assertThat(Logging.getLogger("my_svc").getLevel()).isEqualTo(15);
    }

    @Test
    void badEnvironmentValuesNameTheVariable() {
        ConfigException e = catchThrowableOfType(() -> Overrides.fromEnvironment(Map.of("CAIRN_LEVEL_app", "LOUD")), ConfigException.class);
        assertThat(e.getMessage()).startsWith("environment: CAIRN_LEVEL_app: Unknown level: 'LOUD' (expected one of CRITICAL, DEBUG");
        e = catchThrowableOfType(() -> Overrides.fromEnvironment(Map.of("CAIRN_FORMAT", "%(message)")), ConfigException.class);
        assertThat(e.getMessage()).startsWith("environment: CAIRN_FORMAT: ");
    }

    @Test
    void withNothingConfiguredAnOverrideGivesTheRootAStderrHandler() {
        Overrides.fromEnvironment(Map.of("CAIRN_LEVEL", "DEBUG")).apply();
        assertThat(Logging.getLogger().getHandlers()).hasSize(1);
        assertThat(Logging.getLogger().getLevel()).isEqualTo(Level.DEBUG);
    }

    @Test
    void commandLineOptionsAreTakenOutAndAppliedOverTheFile() throws IOException {
        Path file = dir.resolve("logging.json");
        Files.writeString(file, "{\"version\": 1, \"handlers\": {\"n\": {\"class\": \"logging.NullHandler\"}},"
                + " \"root\": {\"level\": \"ERROR\", \"handlers\": [\"n\"]}, \"loggers\": {\"app.db\": {\"level\": \"WARNING\"}}}");
        String[] rest = Logging.configureFromArgs(new String[] {"serve", "--log-config", file.toString(), "--port", "80",
                "--log-level", "app.db=DEBUG", "--log-level=INFO", "--log-format", "json", "--", "--log-level", "x"});
        assertThat(rest).containsExactly("serve", "--port", "80", "--", "--log-level", "x");
        assertThat(Logging.getLogger().getLevel()).isEqualTo(Level.INFO);
        assertThat(Logging.getLogger("app.db").getLevel()).isEqualTo(Level.DEBUG);
        Handler n = DictConfig.getHandlers().get("n");
        LogRecord record = new LogRecord("app.db", Level.INFO, null, "hi %s", new Object[] {"there"}, null, null, null, 0.5);
        // --log-format json is Cairn's JSON preset: one object per line, readable back.
        assertThat(JsonLogParser.parseObject(n.format(record))).containsEntry("timestamp", "1970-01-01T00:00:00.500Z")
                .containsEntry("level", "INFO").containsEntry("logger", "app.db").containsEntry("message", "hi there");
        // A reload of the same file keeps the command line's levels on top.
        Logging.configure(file);
        assertThat(Logging.getLogger("app.db").getLevel()).isEqualTo(Level.DEBUG);
    }

    @Test
    void badCommandLinesChangeNothing() {
        Logging.getLogger().setLevel(Level.CRITICAL);
        ConfigException e = catchThrowableOfType(() -> Logging.configureFromArgs(new String[] {"--log-level", "app=LOUD"}), ConfigException.class);
        assertThat(e.getMessage()).startsWith("command line: --log-level: Unknown level: 'LOUD'");
        e = catchThrowableOfType(() -> Logging.configureFromArgs(new String[] {"--log-level", "DEBUG", "--log-config"}), ConfigException.class);
        assertThat(e.getMessage()).isEqualTo("command line: --log-config: needs a value");
        assertThat(Logging.getLogger().getLevel()).isEqualTo(Level.CRITICAL);
    }
}
