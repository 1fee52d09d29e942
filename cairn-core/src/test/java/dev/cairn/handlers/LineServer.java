package dev.cairn.handlers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real TCP server on 127.0.0.1 that collects the lines its clients send, for the socket
 * handler tests. It can stop (closing every connection, as a crashed server's kernel does),
 * start again on the same port, and hold off reading to play a slow server.
 */
final class LineServer implements AutoCloseable {
    private final int port;
    private final boolean smallBuffer;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile CountDownLatch readGate = new CountDownLatch(0);
    private volatile ServerSocket server;

    private LineServer(int port, boolean smallBuffer) {
        this.port = port;
        this.smallBuffer = smallBuffer;
    }

    /** A server on a free port, already accepting. */
    static LineServer start() throws IOException {
        LineServer s = new LineServer(0, false);
        return s.listen();
    }

    /** A server that accepts but does not read until {@link #startReading}, with a small receive buffer. */
    static LineServer notReading() throws IOException {
        LineServer s = new LineServer(0, true);
        s.readGate = new CountDownLatch(1);
        return s.listen();
    }

    /** A port nobody listens on (yet); {@link #startOn} can bring a server up there later. */
    static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    static LineServer startOn(int port) throws IOException {
        return new LineServer(port, false).listen();
    }

    private LineServer listen() throws IOException {
        ServerSocket ss = new ServerSocket();
        ss.setReuseAddress(true);
        if (smallBuffer) ss.setReceiveBufferSize(4096);
        ss.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        server = ss;
        Thread acceptor = new Thread(() -> acceptLoop(ss), "line-server-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return this;
    }

    private void acceptLoop(ServerSocket ss) {
        while (!ss.isClosed()) {
            try {
                Socket s = ss.accept();
                clients.add(s);
                connections.incrementAndGet();
                Thread reader = new Thread(() -> readLoop(s), "line-server-read");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void readLoop(Socket s) {
        try {
            readGate.await();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) {
                lines.add(line);
            }
        } catch (IOException | InterruptedException e) {
            // The connection ended; what was read is kept.
        }
    }

    int port() {
        return server.getLocalPort();
    }

    int connections() {
        return connections.get();
    }

    void startReading() {
        readGate.countDown();
    }

    /** The next line, or null after {@code wait}. */
    String poll(Duration wait) throws InterruptedException {
        return lines.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Exactly {@code n} lines, waiting at most {@code wait} in all; fewer if they do not come. */
    List<String> take(int n, Duration wait) throws InterruptedException {
        List<String> got = new ArrayList<>();
        long deadline = System.nanoTime() + wait.toNanos();
        while (got.size() < n) {
            String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) break;
            got.add(line);
        }
        return got;
    }

    /** Closes the listening socket and every connection, as a server that dies. */
    void stop() {
        try {
            server.close();
        } catch (IOException ignored) {
            // Already closed.
        }
        for (Socket s : clients) {
            try {
                s.close();
            } catch (IOException ignored) {
                // Already closed.
            }
        }
        clients.clear();
        readGate.countDown();
    }

    @Override
    public void close() {
        stop();
    }
}
