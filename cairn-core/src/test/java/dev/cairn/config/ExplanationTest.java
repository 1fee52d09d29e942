package dev.cairn.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.Level;
import dev.cairn.Logging;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** explain() follows the path of a call and credits every setting to the source that made it. */
@ExtendWith(FreshConfiguration.class)
class ExplanationTest {
    @TempDir
    Path dir;

    private Path configure() throws IOException {
        Path file = dir.resolve("logging.json");
        Files.writeString(file, String.join("\n",
                "{",
                "  \"version\": 1,",
                "  \"filters\": {\"only_app\": {\"name\": \"app\"}},",
                "  \"handlers\": {",
                "    \"console\": {\"class\": \"logging.NullHandler\", \"level\": \"INFO\"},",
                "    \"errors\": {\"class\": \"logging.NullHandler\", \"level\": \"ERROR\", \"filters\": [\"only_app\"]}",
                "  },",
                "  \"loggers\": {",
                "    \"app\": {\"level\": \"INFO\", \"handlers\": [\"console\"]},",
                "    \"app.quiet\": {\"propagate\": false}",
                "  },",
                "  \"root\": {\"level\": \"WARNING\", \"handlers\": [\"errors\"]}",
                "}"));
        Logging.configure(file);
        return file;
    }

    @Test
    void explainsARecordThatIsLoggedWithTheLinesThatDecidedIt() throws IOException {
        Path file = configure();
        Explanation e = Logging.explain("app.db", Level.WARNING);
        assertThat(e.enabled).isTrue();
        assertThat(e.emitted).isTrue();
        assertThat(e.effectiveLevelFrom).isEqualTo("app");
        assertThat(e.effectiveLevelSource).isEqualTo(file + ":9 (loggers.app.level)");
        assertThat(e.handlers).extracting(Explanation.HandlerCheck::logger, Explanation.HandlerCheck::emits)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("app", true), org.assertj.core.groups.Tuple.tuple("root", false));
        assertThat(e.toString()).isEqualTo(String.join("\n",
                "Would a WARNING record from logger 'app.db' be logged? yes",
                "  logging.disable: nothing disabled",
                "  effective level: INFO (20), from logger 'app', set by " + file + ":9 (loggers.app.level)",
                "    WARNING (30) >= INFO (20): passes",
                "  filters of logger 'app.db': none",
                "  handlers reached through propagation:",
                "    on 'app': 'console' NullHandler, level INFO (20): emits (" + file + ":5 (handlers.console))",
                "    on 'root': 'errors' NullHandler, level ERROR (40): level too low, skipped (" + file + ":6 (handlers.errors))",
                "      filters:",
                "        NameFilter(app): passes",
                ""));
    }

    @Test
    void explainsWhyARecordIsDropped() throws IOException {
        Path file = configure();
        Logging.getLogger("app").setLevel(Level.ERROR);
        Logging.disable(Level.INFO);
        String report = Logging.explain("app.quiet", Level.INFO).toString();
        assertThat(report).startsWith("Would an INFO record from logger 'app.quiet' be logged? no\n"
                + "  logging.disable: levels up to INFO (20) are dropped, set by code: DROPPED here\n"
                + "  effective level: ERROR (40), from logger 'app', set by code\n"
                + "    INFO (20) < ERROR (40): DROPPED here\n");
        assertThat(report).contains("    none: the last-resort handler gets the record (stderr, level WARNING (30))\n");
        assertThat(report).endsWith("  propagation stops at 'app.quiet' (propagate false, set by " + file + ":10 (loggers.app.quiet.propagate))\n");
    }

    @Test
    void creditsEnvironmentAndCommandLineOverridesAndPythonsDefault() {
        assertThat(Logging.explain("x", Level.DEBUG).effectiveLevelSource).isNull();
        assertThat(Logging.explain("x", Level.DEBUG).toString()).contains("from logger 'root', Python's default");
        Overrides.fromEnvironment(Map.of("CAIRN_LEVEL_x", "DEBUG")).apply();
        assertThat(Logging.explain("x.y", Level.DEBUG).effectiveLevelSource).isEqualTo("environment CAIRN_LEVEL_x=DEBUG");
        Logging.configureFromArgs(new String[] {"--log-level", "x=INFO"});
        assertThat(Logging.explain("x.y", Level.DEBUG).effectiveLevelSource).isEqualTo("command line --log-level x=INFO");
    }
}
