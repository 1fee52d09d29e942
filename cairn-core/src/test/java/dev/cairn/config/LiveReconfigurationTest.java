package dev.cairn.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.Level;
import dev.cairn.Logger;
import dev.cairn.Logging;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A running JVM reconfigured through its watched file and through listen() from a Python client. */
class LiveReconfigurationTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private PrintStream realErr;

    @BeforeEach
    void setUp() {
        Logging.reset();
        RunningConfiguration.forget(Map.of());
        realErr = System.err;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void tearDown() {
        Logging.stopListening();
        RunningConfiguration.forget(System.getenv());
        System.setErr(realErr);
        Logging.reset();
    }

    private static String config(String level, String extra) {
        return "{\"version\": 1, " + extra + "\"handlers\": {\"n\": {\"class\": \"logging.NullHandler\"}},"
                + " \"loggers\": {\"app\": {\"level\": \"" + level + "\", \"handlers\": [\"n\"]}}}";
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition not met within 10 s");
            Thread.sleep(20);
        }
    }

    @Test
    void aWatchedFileIsReappliedAndABadVersionIsRejectedOnce() throws Exception {
        Path file = dir.resolve("logging.json");
        Files.writeString(file, config("INFO", "\"watch\": 0.05, "));
        Logging.configure(file);
        Logger app = Logging.getLogger("app");
        assertThat(app.getLevel()).isEqualTo(Level.INFO);

        Files.writeString(file, config("DEBUG", "\"watch\": 0.05, "));
        await(() -> app.getLevel() == Level.DEBUG);

        Files.writeString(file, config("LOUD", "\"watch\": 0.05, "));
        await(() -> stderr.toString(StandardCharsets.UTF_8).contains("LOUD"));
        Thread.sleep(300);
        String report = stderr.toString(StandardCharsets.UTF_8);
        assertThat(report).isEqualTo("cairn: rejected the changed configuration, the running configuration stays: "
                + file + ":1: loggers.app.level: Unknown level: 'LOUD' (expected a level name such as DEBUG, INFO, "
                + "WARNING, ERROR, CRITICAL, or an integer)\n");
        assertThat(app.getLevel()).isEqualTo(Level.DEBUG);
        assertThat(app.getHandlers()).hasSize(1);

        Files.writeString(file, config("ERROR", ""));
        await(() -> app.getLevel() == Level.ERROR);
        // watch is now off: later changes are not applied.
        Files.writeString(file, config("INFO", ""));
        Thread.sleep(300);
        assertThat(app.getLevel()).isEqualTo(Level.ERROR);
    }

    @Test
    void pythonsStandardLibraryClientReconfiguresThroughListen() throws Exception {
        ConfigListener listener = Logging.listen(0, null).start();
        Logger app = Logging.getLogger("app");
        send(listener.getPort(), config("DEBUG", ""));
        await(() -> listener.getAppliedCount() == 1);
        assertThat(app.getLevel()).isEqualTo(Level.DEBUG);

        send(listener.getPort(), "[loggers]\nkeys=root,app\n[handlers]\nkeys=\n[formatters]\nkeys=\n"
                + "[logger_root]\nhandlers=\n[logger_app]\nqualname=app\nlevel=WARNING\nhandlers=\n");
        await(() -> listener.getAppliedCount() == 2);
        assertThat(app.getLevel()).isEqualTo(Level.WARNING);
        assertThat(app.getHandlers()).isEmpty();

        send(listener.getPort(), config("LOUD", ""));
        await(() -> stderr.toString(StandardCharsets.UTF_8).contains("LOUD"));
        assertThat(stderr.toString(StandardCharsets.UTF_8)).startsWith("cairn: rejected the configuration, the running "
                + "configuration stays: listen() from 127.0.0.1:").contains(":1: loggers.app.level: Unknown level: 'LOUD'");
        assertThat(app.getLevel()).isEqualTo(Level.WARNING);
    }

    @Test
    void verifyCanRefuseOrTransformWhatArrives() throws Exception {
        ConfigListener listener = Logging.listen(0, bytes -> {
            String text = new String(bytes, StandardCharsets.UTF_8);
            return text.startsWith("SIGNED:") ? text.substring(7).getBytes(StandardCharsets.UTF_8) : null;
        }).start();
        Logger app = Logging.getLogger("app");
        send(listener.getPort(), config("DEBUG", ""));
        send(listener.getPort(), "SIGNED:" + config("ERROR", ""));
        await(() -> listener.getAppliedCount() == 1);
        assertThat(app.getLevel()).isEqualTo(Level.ERROR);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    /** The client side of Python's listen(), written with the standard library only. */
    private static void send(int port, String text) throws IOException, InterruptedException {
        String client = String.join("\n",
                "import socket, struct, sys",
                "data = sys.stdin.buffer.read()",
                "with socket.create_connection(('127.0.0.1', int(sys.argv[1]))) as s:",
                "    s.sendall(struct.pack('>L', len(data)) + data)");
        Process p = new ProcessBuilder(List.of("python3", "-c", client, String.valueOf(port)))
                .redirectErrorStream(true).start();
        p.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(output).isZero();
    }
}
