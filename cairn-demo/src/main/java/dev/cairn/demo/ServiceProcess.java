package dev.cairn.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The driver's side of one {@link Service} JVM: starts it on this JVM's class path, speaks its
 * line protocol and stops it. Its stderr goes to {@code NAME.stderr} in the run's folder, quoted
 * in the error if the service fails and deleted when empty.
 */
final class ServiceProcess {

    /** How long a service may take to answer a line of the protocol (a cold JVM on a busy machine). */
    private static final long TIMEOUT_SECONDS = 60;

    private final String name;
    private final Process process;
    private final BufferedReader out;
    private final PrintStream in;
    private final Path stderr;
    private int port;

    private ServiceProcess(String name, Process process, Path stderr) {
        this.name = name;
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        this.stderr = stderr;
    }

    /**
     * Starts service {@code name} with {@code env} added to this process's environment, less
     * any {@code CAIRN_*} variables of the caller's (they would change what the services log).
     */
    static ServiceProcess start(String name, Path dir, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Short-lived and small: the quick compiler only, a small heap.
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-XX:+UseSerialGC", "-Xmx128m",
                // Without it the JDK server waits for delayed ACKs: some 40 ms a call on loopback.
                "-Dsun.net.httpserver.nodelay=true",
                // Servers keep UTC: the orders' text lines have no offset, and readers take them as UTC.
                "-Duser.timezone=UTC",
                "-cp", System.getProperty("java.class.path"), Service.class.getName(), name));
        command.addAll(List.of(args));
        Path stderr = dir.resolve(name + ".stderr");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("CAIRN_"));
        builder.environment().putAll(env);
        return new ServiceProcess(name, builder.start(), stderr);
    }

    /** Waits for {@code ready PORT}. */
    void awaitReady() throws IOException, InterruptedException {
        String line = expect("ready ");
        port = Integer.parseInt(line.substring("ready ".length()).trim());
    }

    /** The service's base URL. */
    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Sends one line to the service. */
    void tell(String line) {
        in.println(line);
    }

    /**
     * Reads the service's lines up to one starting with {@code prefix}; anything else the JVM
     * prints to stdout (a diagnostic option's notices, say) is passed over.
     */
    String expect(String prefix) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        String line = "";
        while (line != null && !line.startsWith(prefix)) {
            CompletableFuture<String> next = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    return null;
                }
            });
            try {
                line = next.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException e) {
                line = null;
            }
        }
        if (line == null) {
            throw failure("ended or went quiet before saying '" + prefix.trim() + "'");
        }
        return line;
    }

    /** Waits for {@code stopped} and the end of the process; removes an empty stderr file. */
    void awaitStopped() throws IOException, InterruptedException {
        expect("stopped");
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw failure("did not exit after stopping");
        }
        if (Files.exists(stderr) && Files.size(stderr) == 0) {
            Files.delete(stderr);
        }
    }

    /** Kills the service if it is still running. */
    void destroy() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private IOException failure(String what) {
        destroy();
        String err = "";
        try {
            process.waitFor(5, TimeUnit.SECONDS);
            if (Files.exists(stderr)) {
                err = Files.readString(stderr, StandardCharsets.UTF_8).strip();
            }
        } catch (IOException | InterruptedException e) {
            err = "(stderr unreadable: " + e + ")";
        }
        return new IOException("service " + name + " " + what + (err.isEmpty() ? "" : "; its stderr:\n" + err));
    }
}
