package dev.cairn.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cairn.Level;
import dev.cairn.LogRecord;
import dev.cairn.Logging;
import dev.cairn.config.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SocketHandler against a real TCP server on loopback: wire format, reconnects, backlog and timeouts. */
class SocketHandlerTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private final List<AutoCloseable> cleanup = new ArrayList<>();

    @BeforeEach
    void quiet() {
        Logging.raiseExceptions = false;
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : cleanup) c.close();
        Logging.raiseExceptions = true;
    }

    private SocketHandler handler(int port) {
        SocketHandler h = new SocketHandler("127.0.0.1", port);
        h.setRetryStart(0.05);
        h.setRetryMax(0.2);
        cleanup.add(h::close);
        return h;
    }

    private LineServer server(LineServer s) {
        cleanup.add(s);
        return s;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String line) {
        return (Map<String, Object>) Json.parse(line, "line");
    }

    @Test
    void sendsOneJsonLinePerRecordWithThePickledAttributes() throws Exception {
        LineServer server = server(LineServer.start());
        SocketHandler h = handler(server.port());
        h.handle(Records.record(Level.ERROR, "user %s failed: %d%%", "bob", 3));
        h.handle(Records.withExtra("with extra", Map.of("request", "r-1")));

        Map<String, Object> first = parse(server.poll(WAIT));
        // The keys of CPython 3.11's record.__dict__, in order, as makePickle sends them (less 'message').
        assertThat(first.keySet()).containsExactly("name", "msg", "args", "levelname", "levelno", "pathname",
                "filename", "module", "exc_info", "exc_text", "stack_info", "lineno", "funcName", "created",
                "msecs", "relativeCreated", "thread", "threadName", "processName", "process");
        assertThat(first).containsEntry("msg", "user bob failed: 3%").containsEntry("args", null)
                .containsEntry("levelname", "ERROR").containsEntry("filename", "Web.java")
                .containsEntry("exc_info", null).containsEntry("funcName", "login");
        assertThat(((Number) first.get("levelno")).intValue()).isEqualTo(40);
        assertThat(((Number) first.get("created")).doubleValue()).isEqualTo(Records.CREATED);
        assertThat(parse(server.poll(WAIT))).containsEntry("request", "r-1").containsEntry("msg", "with extra");
        assertThat(h.getErrorCount()).isZero();
    }

    @Test
    void exceptionTracebackTravelsInExcText() throws Exception {
        LineServer server = server(LineServer.start());
        SocketHandler h = handler(server.port());
        h.handle(new LogRecord("app", Level.ERROR, Records.WEB, "boom\nsecond line", null,
                new IllegalStateException("bad state"), null, null, Records.CREATED));
        String line = server.poll(WAIT);
        Map<String, Object> d = parse(line);
        assertThat(d.get("exc_text")).asString().startsWith("java.lang.IllegalStateException: bad state\n\tat ");
        assertThat(d).containsEntry("msg", "boom\nsecond line").containsEntry("exc_info", null);
    }

    @Test
    void pythonRebuildsTheRecordWithMakeLogRecord() throws Exception {
        assumeTrue(hasPython(), "python3 is not installed; the Python-side reading is not checked");
        LineServer server = server(LineServer.start());
        SocketHandler h = handler(server.port());
        h.handle(Records.record(Level.WARNING, "disk %s at %d%%", "/var", 93));
        String line = server.poll(WAIT);
        Process p = new ProcessBuilder("python3", "-c", "import json, logging, sys\n"
                + "r = logging.makeLogRecord(json.loads(sys.stdin.readline()))\n"
                + "print(logging.Formatter('%(levelname)s:%(name)s:%(lineno)d:%(message)s').format(r))")
                .redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim())
                .isEqualTo("WARNING:app.web:12:disk /var at 93%");
    }

    @Test
    void serverDownAtStartKeepsRecordsUntilItComesUp() throws Exception {
        int port = LineServer.freePort();
        SocketHandler h = handler(port);
        for (int i = 0; i < 3; i++) h.handle(Records.info("early " + i));
        assertThat(h.getBacklogSize()).isEqualTo(3);
        assertThat(h.getErrorCount()).isZero();

        LineServer server = server(LineServer.startOn(port));
        Thread.sleep(250);
        h.handle(Records.info("late"));
        List<String> got = server.take(4, WAIT);
        assertThat(got).extracting(l -> parse(l).get("msg")).containsExactly("early 0", "early 1", "early 2", "late");
        assertThat(h.getBacklogSize()).isZero();
    }

    @Test
    void serverDyingMidStreamLosesNothingOnceItIsBack() throws Exception {
        LineServer server = server(LineServer.start());
        int port = server.port();
        SocketHandler h = handler(port);
        h.handle(Records.info("before 0"));
        h.handle(Records.info("before 1"));
        assertThat(server.take(2, WAIT)).hasSize(2);

        server.stop();
        Thread.sleep(100);
        for (int i = 0; i < 5; i++) h.handle(Records.info("during " + i));
        assertThat(h.getErrorCount()).isZero();

        LineServer again = server(LineServer.startOn(port));
        Thread.sleep(300);
        h.handle(Records.info("after"));
        List<String> got = again.take(6, WAIT);
        assertThat(got).extracting(l -> parse(l).get("msg"))
                .containsExactly("during 0", "during 1", "during 2", "during 3", "during 4", "after");
        assertThat(h.getErrorCount()).isZero();
    }

    @Test
    void fullBacklogDropsTheNewestRecordsAndCountsThem() throws Exception {
        SocketHandler h = handler(LineServer.freePort());
        h.setBacklogCapacity(2);
        for (int i = 0; i < 5; i++) h.handle(Records.info("r" + i));
        assertThat(h.getBacklogSize()).isEqualTo(2);
        assertThat(h.getErrorCount()).isEqualTo(3);
    }

    @Test
    void closeReportsEveryRecordItCouldNotDeliver() throws Exception {
        SocketHandler h = handler(LineServer.freePort());
        for (int i = 0; i < 3; i++) h.handle(Records.info("lost " + i));
        Logging.raiseExceptions = true;
        String err = stderrOf(h::close);
        assertThat(h.getErrorCount()).isEqualTo(3);
        assertThat(err).contains("--- Logging error ---").contains("before close").contains("'lost 2'");
    }

    @Test
    void shutdownDeliversTheBacklogWithoutWaitingForTheBackoff() throws Exception {
        int port = LineServer.freePort();
        SocketHandler h = handler(port);
        h.setRetryStart(60);
        h.handle(Records.info("kept 0"));
        h.handle(Records.info("kept 1"));
        LineServer server = server(LineServer.startOn(port));
        Logging.shutdown();
        assertThat(server.take(2, WAIT)).extracting(l -> parse(l).get("msg")).containsExactly("kept 0", "kept 1");
        assertThat(h.getErrorCount()).isZero();
    }

    @Test
    void slowServerCostsAtMostTheTimeoutAndGetsEverythingOnceItReads() throws Exception {
        LineServer server = server(LineServer.notReading());
        SocketHandler h = handler(server.port());
        h.setTimeout(0.2);
        String big = "x".repeat(64 * 1024);
        // Write until the kernel's buffers (their size varies) are full and records wait, then a few more.
        int n = 0;
        long slowest = 0;
        for (int extra = 5; n < 2000 && extra > 0; n++) {
            long t0 = System.nanoTime();
            h.handle(Records.info(n + " " + big));
            slowest = Math.max(slowest, System.nanoTime() - t0);
            if (h.getBacklogSize() > 0) extra--;
        }
        assertThat(h.getBacklogSize()).as("records kept while the server did not read").isPositive();
        assertThat(TimeUnit.NANOSECONDS.toMillis(slowest)).isLessThan(1500);

        server.startReading();
        Thread.sleep(100);
        h.flush();
        TreeSet<Integer> seen = new TreeSet<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (seen.size() < n && System.nanoTime() < deadline) {
            String line = server.poll(Duration.ofMillis(200));
            if (line == null) {
                h.flush();
                continue;
            }
            // A record cut by the timeout arrives truncated on the old connection and whole on the new one.
            if (!line.endsWith("}")) continue;
            String msg = (String) parse(line).get("msg");
            seen.add(Integer.parseInt(msg.substring(0, msg.indexOf(' '))));
        }
        assertThat(seen).hasSize(n);
        assertThat(h.getErrorCount()).isZero();
    }

    @Test
    void unixDomainSocketWhenPortIsNull(@TempDir Path dir) throws Exception {
        Path path = dir.resolve("log.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(path));
            SocketHandler h = new SocketHandler(path.toString(), null);
            cleanup.add(h::close);
            h.handle(Records.info("over a unix socket"));
            try (SocketChannel client = server.accept()) {
                ByteBuffer buf = ByteBuffer.allocate(4096);
                while (buf.position() == 0 || buf.get(buf.position() - 1) != '\n') client.read(buf);
                String line = new String(buf.array(), 0, buf.position() - 1, StandardCharsets.UTF_8);
                assertThat(parse(line)).containsEntry("msg", "over a unix socket");
            }
        }
    }

    static String stderrOf(Runnable body) {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.setErr(old);
        }
        return err.toString(StandardCharsets.UTF_8);
    }

    static boolean hasPython() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            try (InputStream out = p.getInputStream()) {
                out.readAllBytes();
            }
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
