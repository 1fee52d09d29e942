package dev.cairn.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cairn.Level;
import dev.cairn.Logging;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HTTPHandler against a real com.sun.net.httpserver.HttpServer on loopback. */
class HTTPHandlerTest {
    /**
     * {@code urllib.parse.urlencode} of the first 13 attributes of CPython 3.11's
     * {@code LogRecord('app.web', 40, 'app/Web.java', 12, 'user %s failed: 100%% ~*', ('bob', 3.5), None, 'login')}.
     */
    private static final String CPYTHON_PREFIX = "name=app.web&msg=user+%25s+failed%3A+100%25%25+~%2A"
            + "&args=%28%27bob%27%2C+3.5%29&levelname=ERROR&levelno=40&pathname=app%2FWeb.java&filename=Web.java"
            + "&module=Web&exc_info=None&exc_text=None&stack_info=None&lineno=12&funcName=login";

    private HttpServer server;
    private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    private volatile IntSupplier status = () -> 200;
    private volatile long delayMillis;

    private static final class Request {
        final String method;
        final String uri;
        final String body;
        final String contentType;
        final String authorization;

        Request(HttpExchange e) throws IOException {
            method = e.getRequestMethod();
            uri = e.getRequestURI().getRawPath() + (e.getRequestURI().getRawQuery() == null ? "" : "?" + e.getRequestURI().getRawQuery());
            body = new String(e.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            contentType = e.getRequestHeaders().getFirst("Content-Type");
            authorization = e.getRequestHeaders().getFirst("Authorization");
        }
    }

    @BeforeEach
    void start() throws IOException {
        Logging.raiseExceptions = false;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", e -> {
            try {
                requests.add(new Request(e));
                if (delayMillis > 0) Thread.sleep(delayMillis);
                e.sendResponseHeaders(status.getAsInt(), -1);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            } finally {
                e.close();
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        Logging.raiseExceptions = true;
    }

    private String host() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    private Request next() throws InterruptedException {
        return requests.poll(5, TimeUnit.SECONDS);
    }

    @Test
    void getSendsPythonsUrlencodedRecordInTheQuery() throws Exception {
        HTTPHandler h = new HTTPHandler(host(), "/log?app=web");
        h.handle(Records.record(Level.ERROR, "user %s failed: 100%% ~*", "bob", 3.5));
        Request r = next();
        assertThat(r.method).isEqualTo("GET");
        assertThat(r.uri).startsWith("/log?app=web&" + CPYTHON_PREFIX + "&created=1700000000.042&msecs=42.0&relativeCreated=");
        assertThat(r.uri).contains("&processName=MainProcess&process=" + ProcessHandle.current().pid());
        assertThat(h.getErrorCount()).isZero();
    }

    @Test
    void postSendsTheFormInTheBodyWithBasicAuth() throws Exception {
        HTTPHandler h = new HTTPHandler(host(), "/log", "post", false, new String[] {"ops", "s3cret:x"}, null);
        h.handle(Records.record(Level.ERROR, "user %s failed: 100%% ~*", "bob", 3.5));
        Request r = next();
        assertThat(r.method).isEqualTo("POST");
        assertThat(r.uri).isEqualTo("/log");
        assertThat(r.contentType).isEqualTo("application/x-www-form-urlencoded");
        assertThat(r.body).startsWith(CPYTHON_PREFIX + "&");
        assertThat(r.authorization).isEqualTo("Basic " + Base64.getEncoder().encodeToString("ops:s3cret:x".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void extraFieldsAndFormattedMessageFollowInPythonsOrder() throws Exception {
        HTTPHandler h = new HTTPHandler(host(), "/log", "POST", false, null, null);
        var record = Records.withExtra("hi", java.util.Map.of("user", "ann é"));
        record.getMessage();
        h.format(record);
        h.handle(record);
        assertThat(next().body).endsWith("&user=ann+%C3%A9&message=hi");
    }

    @Test
    void errorStatusIsCounted() throws Exception {
        status = () -> 500;
        HTTPHandler h = new HTTPHandler(host(), "/log");
        h.handle(Records.info("one"));
        assertThat(next()).isNotNull();
        assertThat(h.getErrorCount()).isEqualTo(1);
    }

    @Test
    void serverDownIsCountedNotThrown() throws Exception {
        int port = LineServer.freePort();
        HTTPHandler h = new HTTPHandler("127.0.0.1:" + port, "/log");
        h.setTimeout(2);
        h.handle(Records.info("one"));
        h.handle(Records.info("two"));
        assertThat(h.getErrorCount()).isEqualTo(2);
    }

    @Test
    void slowServerTimesOutAndIsCounted() throws Exception {
        delayMillis = 2000;
        HTTPHandler h = new HTTPHandler(host(), "/log");
        h.setTimeout(0.3);
        long t0 = System.nanoTime();
        h.handle(Records.info("slow"));
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(1500);
        assertThat(h.getErrorCount()).isEqualTo(1);
    }

    @Test
    void serverDyingMidStreamCountsOnlyWhatFailed() throws Exception {
        HTTPHandler h = new HTTPHandler(host(), "/log", "POST", false, null, null);
        h.setTimeout(2);
        h.handle(Records.info("before"));
        assertThat(next()).isNotNull();
        int port = server.getAddress().getPort();
        server.stop(0);
        h.handle(Records.info("while down"));
        assertThat(h.getErrorCount()).isEqualTo(1);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", e -> {
            requests.add(new Request(e));
            e.sendResponseHeaders(204, -1);
            e.close();
        });
        server.start();
        h.handle(Records.info("after"));
        assertThat(next().body).contains("msg=after");
        assertThat(h.getErrorCount()).isEqualTo(1);
    }

    @Test
    void rejectsWhatPythonRejects() {
        assertThatThrownBy(() -> new HTTPHandler("h", "/", "PUT", false, null, null)).hasMessage("method must be GET or POST");
        assertThatThrownBy(() -> new HTTPHandler("h", "/", "GET", false, null, javax.net.ssl.SSLContext.getDefault()))
                .hasMessageContaining("secure");
    }
}
