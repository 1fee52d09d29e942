package dev.cairn.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Automatic configuration when Logging is first used, each case in a fresh JVM (the order:
 * cairn.config, CAIRN_CONFIG, class path files, Python's default), including broken files,
 * which must never stop the application.
 */
class StartupConfigurationTest {
    @TempDir
    Path dir;

    /** Logs one INFO and one WARNING line from logger app.db and prints "done". */
    public static final class App {
        public static void main(String[] args) {
            dev.cairn.Logger log = dev.cairn.Logging.getLogger("app.db");
            log.info("info line");
            log.warning("warning line");
            System.out.print("done\n");
        }
    }

    private static final String CONFIG = "{\"version\": 1, \"formatters\": {\"f\": {\"format\": \"%(name)s %(levelname)s %(message)s\"}},"
            + " \"handlers\": {\"out\": {\"class\": \"logging.StreamHandler\", \"stream\": \"ext://sys.stdout\", \"formatter\": \"f\"}},"
            + " \"root\": {\"level\": \"${ROOT_LEVEL:-INFO}\", \"handlers\": [\"out\"]}}";

    private String run(Map<String, String> env, List<String> jvmOptions, String extraClassPath) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(jvmOptions);
        String cp = System.getProperty("java.class.path");
        command.add("-cp");
        command.add(extraClassPath == null ? cp : extraClassPath + java.io.File.pathSeparator + cp);
        command.add(App.class.getName());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("CAIRN_"));
        pb.environment().putAll(env);
        Process p = pb.start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void withNothingConfiguredPythonsDefaultApplies() throws Exception {
        assertThat(run(Map.of(), List.of(), null)).isEqualTo("warning line\ndone\n");
    }

    @Test
    void theEnvironmentVariableNamesAFileAndOverridesLevels() throws Exception {
        Path file = dir.resolve("app.json");
        Files.writeString(file, CONFIG);
        assertThat(run(Map.of("CAIRN_CONFIG", file.toString()), List.of(), null))
                .isEqualTo("app.db INFO info line\napp.db WARNING warning line\ndone\n");
        assertThat(run(Map.of("CAIRN_CONFIG", file.toString(), "CAIRN_LEVEL_app_db", "WARNING"), List.of(), null))
                .isEqualTo("app.db WARNING warning line\ndone\n");
        assertThat(run(Map.of("CAIRN_CONFIG", file.toString(), "ROOT_LEVEL", "ERROR"), List.of(), null)).isEqualTo("done\n");
    }

    @Test
    void theSystemPropertyComesBeforeTheEnvironmentAndTheClassPath() throws Exception {
        Path good = dir.resolve("good.json");
        Files.writeString(good, CONFIG);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Files.writeString(classes.resolve("cairn.json"), CONFIG.replace("%(name)s ", "classpath "));
        assertThat(run(Map.of("CAIRN_CONFIG", "/nowhere.json"), List.of("-Dcairn.config=" + good), classes.toString()))
                .isEqualTo("app.db INFO info line\napp.db WARNING warning line\ndone\n");
        assertThat(run(Map.of(), List.of(), classes.toString()))
                .isEqualTo("classpath INFO info line\nclasspath WARNING warning line\ndone\n");
    }

    @Test
    void autoconfigureFalseSkipsTheFileAndTheEnvironment() throws Exception {
        Path file = dir.resolve("logging.json");
        Files.writeString(file, CONFIG);
        assertThat(run(Map.of("CAIRN_CONFIG", file.toString(), "CAIRN_LEVEL", "DEBUG"), List.of("-Dcairn.autoconfigure=false"), null))
                .isEqualTo("warning line\ndone\n");
    }

    @Test
    void aBrokenFileIsReportedAndTheApplicationStillRuns() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"version\": 1,\n \"root\": {\"level\": \"LOUD\"}}");
        assertThat(run(Map.of("CAIRN_CONFIG", bad.toString()), List.of(), null)).isEqualTo(
                "cairn: could not apply the logging configuration, using Python's default (last-resort handler only): "
                + bad + ":2: root.level: Unknown level: 'LOUD' (expected a level name such as DEBUG, INFO, WARNING, ERROR, "
                + "CRITICAL, or an integer)\nwarning line\ndone\n");
        assertThat(run(Map.of("CAIRN_CONFIG", dir.resolve("missing.json").toString()), List.of(), null)).isEqualTo(
                "cairn: could not apply the logging configuration, using Python's default (last-resort handler only): "
                + dir.resolve("missing.json") + ": the file named by environment variable CAIRN_CONFIG does not exist\n"
                + "warning line\ndone\n");
        assertThat(run(Map.of("CAIRN_LEVEL", "LOUD"), List.of(), null)).startsWith(
                "cairn: ignored the logging overrides in the environment: environment: CAIRN_LEVEL: Unknown level: 'LOUD'");
    }
}
