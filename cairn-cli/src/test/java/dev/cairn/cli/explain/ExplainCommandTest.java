package dev.cairn.cli.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.Logging;
import dev.cairn.cli.Main;
import dev.cairn.config.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code cairn explain} rehearses a configuration as a service would apply it (file, environment,
 * command line) and reports why a record is or is not logged, without touching the log files
 * the configuration names. Each test uses its own logger names: the rehearsal configures this
 * JVM's Cairn, and a logger that exists when a later configuration is applied may be disabled
 * by it, as in Python.
 */
class ExplainCommandTest {

    @TempDir
    Path dir;

    @AfterEach
    void resetLogging() {
        Logging.reset();
    }

    record Run(int status, String out, String err) {
    }

    static Run cairn(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Main()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        int status = cli.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    /** A YAML file whose handler writes into {@code logs}, which must never be created. */
    private Path yaml(String prefix) throws IOException {
        Path file = dir.resolve(prefix + ".yaml");
        Files.writeString(file, String.join("\n",
                "version: 1",
                "formatters:",
                "  plain: {format: '%(levelname)s %(name)s %(message)s'}",
                "handlers:",
                "  file:",
                "    class: logging.handlers.RotatingFileHandler",
                "    filename: ${LOG_DIR:-" + dir.resolve("logs") + "}/app.log",
                "    maxBytes: 1000",
                "    formatter: plain",
                "    level: WARNING",
                "  console:",
                "    class: logging.StreamHandler",
                "    level: INFO",
                "loggers:",
                "  " + prefix + ": {level: INFO, handlers: [console]}",
                "  " + prefix + ".db: {level: ERROR}",
                "root:",
                "  level: WARNING",
                "  handlers: [file]",
                ""));
        return file;
    }

    @Test
    void withoutALevelEachStandardLevelGetsOneLine() throws IOException {
        Path file = yaml("a1");
        Run run = cairn("explain", "--config", file.toString(), "--no-env", "a1.api");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("logger 'a1.api', configured from " + file + "\n"
                + "  DEBUG     not logged: below the effective level INFO of logger 'a1', set by " + file + ":15 (loggers.a1.level)\n"
                + "  INFO      logged by 'console' StreamHandler on 'a1'\n"
                + "  WARNING   logged by 'console' StreamHandler on 'a1', 'file' RotatingFileHandler on 'root'\n"
                + "  ERROR     logged by 'console' StreamHandler on 'a1', 'file' RotatingFileHandler on 'root'\n"
                + "  CRITICAL  logged by 'console' StreamHandler on 'a1', 'file' RotatingFileHandler on 'root'\n"
                + "Run with --level LEVEL for the whole path of one level.\n");
    }

    @Test
    void handlersAndCodecsOfTheOtherModulesAreUnderstood() throws IOException {
        Path file = dir.resolve("modules.yaml");
        Files.writeString(file, String.join("\n",
                "version: 1",
                "handlers:",
                "  file:",
                "    class: logging.handlers.RotatingFileHandler",
                "    filename: " + dir.resolve("logs") + "/app.log",
                "    maxBytes: 1000",
                "    compression: zstd",
                "  async: {class: cairn.AsyncHandler, target: file, capacity: 1024}",
                "  mail:",
                "    class: logging.handlers.SMTPHandler",
                "    mailhost: [127.0.0.1, 2525]",
                "    fromaddr: app@example.com",
                "    toaddrs: [ops@example.com]",
                "    subject: errors",
                "    level: ERROR",
                "root: {level: INFO, handlers: [async, mail]}",
                ""));
        Run run = cairn("explain", "-c", file.toString(), "--no-env", "--level", "ERROR", "m1");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Would an ERROR record from logger 'm1' be logged? yes\n")
                .contains("'async' AsyncHandler").contains("'mail' SMTPHandler, level ERROR (40)");
        assertThat(dir.resolve("logs")).doesNotExist();
    }

    @Test
    void withALevelTheWholePathIsShownWithTheLinesThatSetIt() throws IOException {
        Path file = yaml("a2");
        Run run = cairn("explain", "-c", file.toString(), "--no-env", "--level", "warning", "a2.db");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Would a WARNING record from logger 'a2.db' be logged? no\n")
                .contains("effective level: ERROR (40), from logger 'a2.db', set by " + file + ":16 (loggers.a2.db.level)")
                .contains("WARNING (30) < ERROR (40): DROPPED here")
                .contains("on 'a2': 'console' StreamHandler, level INFO (20)")
                .contains("on 'root': 'file' RotatingFileHandler, level WARNING (30)");
    }

    @Test
    void theLogFilesTheConfigurationNamesAreNeverCreated() throws IOException {
        Path file = yaml("a3");
        assertThat(cairn("explain", "-c", file.toString(), "--no-env", "a3").status()).isZero();
        assertThat(dir.resolve("logs")).doesNotExist();
        // A folder that does not exist here (a production path) is no obstacle either.
        Run run = cairn("explain", "-c", file.toString(), "--no-env", "--env", "LOG_DIR=/nonexistent/var/log/app", "a3");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(Path.of("/nonexistent")).doesNotExist();
    }

    @Test
    void environmentOverridesAndLogLevelOptionsAreLaidOverTheFileInTheServicesOrder() throws IOException {
        Path file = yaml("a4");
        Run env = cairn("explain", "-c", file.toString(), "--no-env", "--env", "CAIRN_LEVEL_a4_db=DEBUG", "-l", "DEBUG", "a4.db");
        // The logger lets DEBUG through now, but no handler on its path takes it.
        assertThat(env.out()).startsWith("Would a DEBUG record from logger 'a4.db' be logged? no\n")
                .contains("effective level: DEBUG (10), from logger 'a4.db', set by environment CAIRN_LEVEL_a4_db=DEBUG")
                .contains("'console' StreamHandler, level INFO (20): level too low, skipped");
        // The command line comes after the environment, as Logging.configureFromArgs applies it.
        Run both = cairn("explain", "-c", file.toString(), "--no-env", "--env", "CAIRN_LEVEL_a4_db=DEBUG",
                "--log-level", "a4.db=CRITICAL", "-l", "ERROR", "a4.db");
        assertThat(both.out()).startsWith("Would an ERROR record from logger 'a4.db' be logged? no\n")
                .contains("set by command line --log-level a4.db=CRITICAL");
    }

    @Test
    void jsonGivesOneObjectPerLevel() throws IOException {
        Path file = yaml("a5");
        Run run = cairn("explain", "-c", file.toString(), "--no-env", "--json", "a5.db");
        assertThat(run.status()).as(run.err()).isZero();
        List<?> levels = (List<?>) Json.parse(run.out(), "explain --json");
        assertThat(levels).hasSize(5);
        Map<?, ?> error = (Map<?, ?>) levels.get(3);
        assertThat(error.get("level")).isEqualTo("ERROR");
        assertThat(error.get("logged")).isEqualTo(true);
        assertThat(((Map<?, ?>) error.get("effective_level")).get("source")).isEqualTo(file + ":16 (loggers.a5.db.level)");
        List<?> handlers = (List<?>) error.get("handlers");
        assertThat(handlers).hasSize(2);
        assertThat(((Map<?, ?>) handlers.get(1)).get("handler")).isEqualTo("'file' RotatingFileHandler");
        assertThat(((Map<?, ?>) handlers.get(1)).get("emits")).isEqualTo(true);
        assertThat(((Map<?, ?>) levels.get(1)).get("logged")).isEqualTo(false);
    }

    @Test
    void anIniFileIsReadWithPythonsRules() throws IOException {
        Path file = dir.resolve("logging.ini");
        Files.writeString(file, String.join("\n",
                "[loggers]", "keys=root,worker", "",
                "[handlers]", "keys=file", "",
                "[formatters]", "keys=", "",
                "[logger_root]", "level=WARNING", "handlers=file", "",
                "[logger_worker]", "level=DEBUG", "handlers=", "qualname=a6.worker", "propagate=0", "",
                "[handler_file]", "class=FileHandler", "level=DEBUG", "args=('" + dir.resolve("logs/worker.log") + "', 'a')", ""));
        Run run = cairn("explain", "-c", file.toString(), "--no-env", "-l", "INFO", "a6.worker.jobs");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Would an INFO record from logger 'a6.worker.jobs' be logged? no\n")
                .contains("set by " + file)
                .contains("propagation stops at 'a6.worker'");
        assertThat(dir.resolve("logs")).doesNotExist();
    }

    @Test
    void aBadFileIsReportedWithItsLineAndKeyAndExitsOne() throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\n  \"version\": 1,\n  \"root\": {\"level\": \"LOUD\"}\n}\n");
        Run run = cairn("explain", "-c", file.toString(), "--no-env", "app");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).startsWith("cairn explain: " + file + ":3: root.level: Unknown level: 'LOUD'");
        Path needs = dir.resolve("needs.json");
        Files.writeString(needs, "{\"version\": 1, \"root\": {\"level\": \"${ROOT_LEVEL}\"}}");
        assertThat(cairn("explain", "-c", needs.toString(), "--no-env", "--env", "ROOT_LEVEL=ERROR", "app").status()).isZero();
        Run unset = cairn("explain", "-c", needs.toString(), "--no-env", "app");
        assertThat(unset.status()).isEqualTo(1);
        assertThat(unset.err()).contains("root.level: environment variable ROOT_LEVEL is not set");
        Run missing = cairn("explain", "-c", dir.resolve("none.yaml").toString(), "app");
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).contains("no such configuration file");
    }

    @Test
    void withoutAFileTheOverridesApplyToPythonsDefault() {
        Run run = cairn("explain", "--no-env", "--env", "CAIRN_LEVEL=DEBUG", "-l", "DEBUG", "a8");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Would a DEBUG record from logger 'a8' be logged? yes\n")
                .contains("from logger 'root', set by environment CAIRN_LEVEL=DEBUG");
        Run nothing = cairn("explain", "--no-env", "-l", "INFO", "a8");
        assertThat(nothing.out()).contains("effective level: WARNING (30), from logger 'root', Python's default")
                .contains("none: the last-resort handler gets the record");
    }

    /**
     * The real command in its own JVM: the process environment is the service's, CAIRN_CONFIG
     * names the file when --config is absent, and the CLI's own start-up (which applies those
     * variables to the CLI itself) does not leak into the answer.
     */
    @Test
    void theProcessEnvironmentIsTheServicesEnvironment() throws IOException, InterruptedException {
        Path file = yaml("a9");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "explain", "--level", "INFO", "a9.db.pool"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("CAIRN_"));
        pb.environment().put("CAIRN_CONFIG", file.toString());
        pb.environment().put("CAIRN_LEVEL_a9_db", "info");
        pb.environment().put("LOG_DIR", dir.resolve("elsewhere").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).startsWith("Would an INFO record from logger 'a9.db.pool' be logged? yes\n")
                .contains("from logger 'a9.db', set by environment CAIRN_LEVEL_a9_db=info");
        assertThat(dir.resolve("elsewhere")).doesNotExist();
        assertThat(dir.resolve("logs")).doesNotExist();
    }
}
