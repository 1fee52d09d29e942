package dev.cairn.config;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * Python's {@code logging.config.listen()}: a socket server that applies each configuration it
 * receives, in Python's wire format (a 4-byte big-endian length, then that many bytes of JSON
 * dictConfig or fileConfig INI text, UTF-8). A Python program reconfigures a Java service with
 * the standard library exactly as it would a Python one. Bound to 127.0.0.1 unless told
 * otherwise. The optional {@code verify} hook sees the raw bytes first and returns the bytes to
 * apply, or null to ignore them (to check a signature or decrypt, as in Python). A configuration
 * that fails validation changes nothing and is reported once on stderr. Connections are served
 * one at a time on one daemon thread.
 */
public final class ConfigListener {
    /** Python's {@code logging.config.DEFAULT_LOGGING_CONFIG_PORT}. */
    public static final int DEFAULT_PORT = 9030;
    /** Larger payloads are refused: no configuration is this big, and memory is not the sender's to take. */
    static final int MAX_BYTES = 16 << 20;
    private static final int READ_TIMEOUT_MILLIS = 30_000;

    private final InetAddress address;
    private final int requestedPort;
    private final UnaryOperator<byte[]> verify;
    private volatile ServerSocket server;
    private volatile boolean running;
    private volatile long applied;

    /** A listener for {@code address}:{@code port} (0 picks a free port); {@code verify} may be null. Not started. */
    public ConfigListener(InetAddress address, int port, UnaryOperator<byte[]> verify) {
        this.address = address != null ? address : InetAddress.getLoopbackAddress();
        this.requestedPort = port;
        this.verify = verify;
    }

    /** Binds the socket and starts serving; returns this. @throws java.io.UncheckedIOException if it cannot bind */
    public synchronized ConfigListener start() {
        if (running) return this;
        try {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(address, requestedPort));
            server = s;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("listen(): cannot bind " + address.getHostAddress() + ":" + requestedPort, e);
        }
        running = true;
        Thread t = new Thread(this::serve, "cairn-config-listen-" + getPort());
        t.setDaemon(true);
        t.start();
        return this;
    }

    /** The port bound, or the one requested before {@link #start()}. */
    public int getPort() {
        ServerSocket s = server;
        return s != null ? s.getLocalPort() : requestedPort;
    }

    /** How many configurations this listener has applied; lets a caller wait for one. */
    public long getAppliedCount() {
        return applied;
    }

    /** Stops serving and closes the socket; Python's {@code stopListening()} for this listener. */
    public synchronized void stop() {
        running = false;
        ServerSocket s = server;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // Closing is all that is left to do.
            }
        }
    }

    private void serve() {
        ServerSocket s = server;
        while (running) {
            try (Socket client = s.accept()) {
                client.setSoTimeout(READ_TIMEOUT_MILLIS);
                handle(client);
            } catch (SocketException e) {
                if (!running) return;
                RunningConfiguration.report("listen(): " + e);
            } catch (IOException e) {
                RunningConfiguration.report("listen(): " + e);
            }
        }
    }

    /** Python's {@code ConfigStreamHandler.handle}. */
    private void handle(Socket client) throws IOException {
        DataInputStream in = new DataInputStream(client.getInputStream());
        long length;
        byte[] chunk;
        try {
            length = Integer.toUnsignedLong(in.readInt());
            if (length > MAX_BYTES) {
                RunningConfiguration.report("listen(): refused a configuration of " + length + " bytes (at most " + MAX_BYTES + ")");
                return;
            }
            chunk = new byte[(int) length];
            in.readFully(chunk);
        } catch (EOFException e) {
            // Python ignores a connection that sends fewer than four bytes; a short body too.
            return;
        }
        String source = "listen() from " + client.getInetAddress().getHostAddress() + ":" + client.getPort();
        if (verify != null) {
            try {
                chunk = verify.apply(chunk);
            } catch (RuntimeException e) {
                RunningConfiguration.report(source + ": verify failed, configuration ignored: " + e);
                return;
            }
            if (chunk == null) return;
        }
        try {
            RunningConfiguration.applyText(new String(chunk, StandardCharsets.UTF_8), source);
            applied++;
        } catch (ConfigException e) {
            RunningConfiguration.report("rejected the configuration, the running configuration stays: " + e.getMessage());
        } catch (RuntimeException e) {
            RunningConfiguration.report("rejected the configuration from " + source + ", the running configuration stays: " + e);
        }
    }
}
