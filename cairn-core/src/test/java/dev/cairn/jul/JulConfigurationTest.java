package dev.cairn.jul;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bridge installed without code, each case in a fresh JVM: by the LogManager system
 * property (which survives reset and readConfiguration) and by {@code handlers=} in a
 * logging.properties file.
 */
class JulConfigurationTest {
    @TempDir
    Path dir;

    /** Configures Cairn at DEBUG on stdout, then logs through JUL before and after a JUL reset. */
    public static final class App {
        public static void main(String[] args) throws Exception {
            dev.cairn.Logging.basicConfig(java.util.Map.of("level", "DEBUG", "stream", System.out,
                    "format", "%(levelname)s %(name)s %(funcName)s %(message)s"));
            java.util.logging.Logger jul = java.util.logging.Logger.getLogger("app.jul");
            jul.fine("fine {0}");
            jul.finer("finer is below DEBUG");
            jul.log(java.util.logging.Level.INFO, "info {0}", "x");
            System.out.print("loggable FINE=" + jul.isLoggable(java.util.logging.Level.FINE)
                    + " FINER=" + jul.isLoggable(java.util.logging.Level.FINER) + "\n");
            if (args.length > 0) {
                java.util.logging.LogManager.getLogManager().reset();
                jul.warning("after reset");
                java.util.logging.LogManager.getLogManager().readConfiguration();
                jul.warning("after readConfiguration");
            }
            System.out.print("done\n");
        }
    }

    private String run(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(App.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("CAIRN_"));
        Process p = pb.start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void theLogManagerPropertyRoutesJulFromTheStartAndSurvivesReset() throws Exception {
        assertThat(run(List.of("-Djava.util.logging.manager=" + CairnLogManager.class.getName()), "reset"))
                .isEqualTo("DEBUG app.jul main fine {0}\nINFO app.jul main info x\nloggable FINE=true FINER=false\n"
                        + "WARNING app.jul main after reset\nWARNING app.jul main after readConfiguration\ndone\n");
    }

    @Test
    void aLoggingPropertiesFileCanNameTheHandler() throws Exception {
        Path properties = dir.resolve("logging.properties");
        // .level=ALL so that nothing is dropped before the handler, created on the first record, copies Cairn's levels.
        Files.writeString(properties, "handlers = " + JulHandler.class.getName() + "\n.level = ALL\n");
        assertThat(run(List.of("-Djava.util.logging.config.file=" + properties)))
                .isEqualTo("DEBUG app.jul main fine {0}\nINFO app.jul main info x\nloggable FINE=true FINER=false\ndone\n");
    }
}
