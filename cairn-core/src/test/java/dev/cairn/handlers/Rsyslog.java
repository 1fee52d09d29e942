package dev.cairn.handlers;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real rsyslogd started by a test: its own configuration in a temp folder, UDP and TCP inputs on
 * 127.0.0.1 high ports and a Unix stream socket (imptcp), everything written to one file as
 * {@code input|pri|app-name|rawmsg} lines. TCP and the Unix socket also split frames on NUL, for
 * Python's unframed output; octet-counted frames are recognised by themselves.
 */
final class Rsyslog implements AutoCloseable {
    private final Path dir;
    private final int udpPort;
    private final int tcpPort;
    private Process process;

    private Rsyslog(Path dir, int udpPort, int tcpPort) {
        this.dir = dir;
        this.udpPort = udpPort;
        this.tcpPort = tcpPort;
    }

    /**
     * The rsyslogd program, installing it with the project's {@code .ci/setup-rsyslog} when it is
     * missing; empty if it is absent and cannot be installed.
     */
    static synchronized Optional<Path> executable() {
        Optional<Path> found = find();
        if (found.isPresent()) return found;
        for (Path script : List.of(Path.of("../.ci/setup-rsyslog"), Path.of(".ci/setup-rsyslog"))) {
            if (!Files.isRegularFile(script)) continue;
            try {
                Process p = new ProcessBuilder("bash", script.toString()).inheritIO().start();
                if (!p.waitFor(5, TimeUnit.MINUTES)) p.destroy();
            } catch (IOException e) {
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            break;
        }
        return find();
    }

    private static Optional<Path> find() {
        for (String d : (System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin").split(":")) {
            if (d.isEmpty()) continue;
            Path p = Path.of(d, "rsyslogd");
            if (Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    static Rsyslog start(Path dir) throws IOException, InterruptedException {
        return start(dir, LineServer.freePort(), LineServer.freePort());
    }

    static Rsyslog start(Path dir, int udpPort, int tcpPort) throws IOException, InterruptedException {
        Rsyslog r = new Rsyslog(dir, udpPort, tcpPort);
        r.launch();
        return r;
    }

    int udpPort() {
        return udpPort;
    }

    int tcpPort() {
        return tcpPort;
    }

    Path unixSocket() {
        return dir.resolve("rsyslog.sock");
    }

    private Path output() {
        return dir.resolve("messages.log");
    }

    private void launch() throws IOException, InterruptedException {
        Files.deleteIfExists(unixSocket());
        String conf = String.join("\n",
                "global(workDirectory=\"" + dir + "\")",
                "module(load=\"imudp\")",
                "module(load=\"imtcp\" AddtlFrameDelimiter=\"0\")",
                "module(load=\"imptcp\")",
                "input(type=\"imudp\" address=\"127.0.0.1\" port=\"" + udpPort + "\")",
                "input(type=\"imtcp\" address=\"127.0.0.1\" port=\"" + tcpPort + "\")",
                "input(type=\"imptcp\" path=\"" + unixSocket() + "\" AddtlFrameDelimiter=\"0\" unlink=\"on\")",
                "template(name=\"line\" type=\"string\" string=\"%inputname%|%pri%|%app-name%|%rawmsg%\\n\")",
                "action(type=\"omfile\" file=\"" + output() + "\" template=\"line\")",
                "");
        Path confFile = dir.resolve("rsyslog.conf");
        Files.writeString(confFile, conf);
        process = new ProcessBuilder(executable().orElseThrow().toString(), "-n", "-f", confFile.toString(),
                "-i", dir.resolve("rsyslog.pid").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("rsyslogd.out").toFile()).start();
        awaitReady();
    }

    /** Waits until TCP accepts, the Unix socket exists and a UDP probe reaches the file. */
    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        boolean tcp = false;
        while (!tcp) {
            if (!process.isAlive()) throw new IOException("rsyslogd exited: " + Files.readString(dir.resolve("rsyslogd.out")));
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), tcpPort), 200);
                tcp = true;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) throw new IOException("rsyslogd did not listen on TCP " + tcpPort, e);
                Thread.sleep(20);
            }
        }
        String probe = "probe-" + System.nanoTime();
        byte[] bytes = ("<14>" + probe).getBytes(StandardCharsets.UTF_8);
        try (DatagramSocket udp = new DatagramSocket()) {
            while (awaitLine(probe, Duration.ofMillis(100)) == null || !Files.exists(unixSocket())) {
                if (System.nanoTime() > deadline) throw new IOException("rsyslogd did not take UDP on " + udpPort);
                udp.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), udpPort));
            }
        }
    }

    /** Every line written so far. */
    List<String> lines() throws IOException {
        Path out = output();
        return Files.exists(out) ? Files.readAllLines(out, StandardCharsets.UTF_8) : List.of();
    }

    /** The first line containing {@code marker}, or null after {@code wait}. */
    String awaitLine(String marker, Duration wait) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        do {
            for (String line : lines()) {
                if (line.contains(marker)) return line;
            }
            Thread.sleep(10);
        } while (System.nanoTime() < deadline);
        return null;
    }

    /** How many lines contain {@code marker}, once no new ones arrived for a short while. */
    long count(String marker) throws IOException, InterruptedException {
        long last = -1;
        long n = 0;
        while (n != last) {
            last = n;
            Thread.sleep(150);
            n = lines().stream().filter(l -> l.contains(marker)).count();
        }
        return n;
    }

    /** Stops rsyslogd (SIGTERM, as an administrator's restart would) and waits for it. */
    void stop() throws InterruptedException {
        if (process == null) return;
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
        process = null;
    }

    /** Starts rsyslogd again on the same ports, keeping the output file. */
    void restart() throws IOException, InterruptedException {
        stop();
        launch();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
