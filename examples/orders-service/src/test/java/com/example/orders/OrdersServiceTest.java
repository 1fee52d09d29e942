package com.example.orders;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.cairn.Formatter;
import dev.cairn.Level;
import dev.cairn.LogRecord;
import dev.cairn.Logging;
import dev.cairn.jul.JulBridge;
import dev.cairn.test.CaptureLogs;
import dev.cairn.test.LogCapture;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The service's logging checked as it is written: its own records (Cairn), HikariCP's (SLF4J)
 * and ShippingClient's (java.util.logging), all configured by {@code cairn.yaml}. Each test gets
 * the records of {@code com.example.orders} in a {@link LogCapture}; the tests run in parallel
 * (see junit-platform.properties) and each sees only its own records.
 */
@CaptureLogs(logger = "com.example.orders")
class OrdersServiceTest {
    /** A stand-in shipping service on loopback: 201 Created, or 503 for the SKU "SKU-OUT". */
    private static HttpServer shipping;
    private static URI shippingUri;

    @BeforeAll
    static void start() throws IOException {
        JulBridge.install();
        shipping = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        shipping.createContext("/shipments", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), UTF_8);
            exchange.sendResponseHeaders(body.contains("SKU-OUT") ? 503 : 201, -1);
            exchange.close();
        });
        shipping.start();
        shippingUri = URI.create("http://127.0.0.1:" + shipping.getAddress().getPort() + "/shipments");
    }

    @AfterAll
    static void stop() {
        shipping.stop(0);
    }

    /** A service with a database of its own, so that every test's first order is order 1. */
    private static OrdersService newService(String database, URI shippingEndpoint) {
        return new OrdersService("jdbc:h2:mem:" + database, shippingEndpoint);
    }

    @Test
    void anOrderIsLoggedWithItsFieldsAndItsShipmentComesFromJul(LogCapture logs) throws Exception {
        try (OrdersService orders = newService("placed", shippingUri)) {
            orders.placeOrder("ann", "SKU-1", 2);
        }
        logs.find().logger("com.example.orders.OrdersService").level(Level.INFO)
                .message("order 1 placed: 2 x SKU-1").field("order_id", 1L).field("customer", "ann").assertOne();
        // ShippingClient's JUL record: FINE is Cairn's DEBUG, and {0} was formatted by JUL's rules.
        logs.find().logger("com.example.orders.ShippingClient").level(Level.DEBUG)
                .message("shipment for order 1 booked (201)").assertOne();
        logs.find().atLeast(Level.WARNING).assertNone();
    }

    @Test
    void aValidOrderLogsNoWarning() throws Exception {
        try (OrdersService orders = newService("quiet", shippingUri)) {
            // Python's assertNoLogs: fails listing the records if anything at WARNING or above is logged.
            LogCapture.assertNoLogs("com.example.orders", Level.WARNING, () -> orders.placeOrder("bob", "SKU-2", 1));
        }
    }

    @Test
    void aRefusedShipmentIsAWarningFromBothLayers(LogCapture logs) throws Exception {
        try (OrdersService orders = newService("refused", shippingUri)) {
            orders.placeOrder("cy", "SKU-OUT", 1);
        }
        List<String> warnings = logs.find().atLeast(Level.WARNING).records().stream()
                .map(r -> r.getLevelname() + ":" + r.getName() + ":" + r.getMessage()).toList();
        assertEquals(List.of(
                "WARNING:com.example.orders.ShippingClient:shipping refused order 1: HTTP 503",
                "WARNING:com.example.orders.OrdersService:order 1 is not booked for shipping yet"), warnings);
    }

    @Test
    void anUnreachableShippingServiceIsAnErrorWithItsException(LogCapture logs) throws Exception {
        URI nobodyListens;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nobodyListens = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/shipments");
        }
        try (OrdersService orders = newService("down", nobodyListens)) {
            orders.placeOrder("dee", "SKU-3", 4);
        }
        // JUL's SEVERE is Cairn's ERROR; the exception JUL was given is the record's exception.
        LogRecord error = logs.find().level(Level.ERROR).exception(ConnectException.class).assertOne();
        assertEquals("shipping unreachable at " + nobodyListens, error.getMessage());
    }

    @Test
    void thePoolLogsItsStartAndStopThroughSlf4j() throws Exception {
        // Python's assertLogs: HikariCP's records at INFO or above, kept from the console meanwhile.
        LogCapture cm = LogCapture.assertLogs("com.zaxxer.hikari", Level.INFO, () -> newService("pool", shippingUri).close());
        List<String> output = cm.output();
        assertTrue(output.contains("INFO:com.zaxxer.hikari.HikariDataSource:orders-db - Start completed."), output::toString);
        assertTrue(output.contains("INFO:com.zaxxer.hikari.HikariDataSource:orders-db - Shutdown completed."), output::toString);
        // No level given: the capture takes what cairn.yaml lets through, which holds HikariCP at INFO.
        try (LogCapture pool = LogCapture.on("com.zaxxer.hikari").exclusive().start()) {
            newService("pool2", shippingUri).close();
            pool.find().message("orders-db - Start completed.").assertOne();
            pool.find().level(Level.DEBUG).assertNone();
        }
    }

    @Test
    void theConsoleLineIsWhatCairnYamlSays(LogCapture logs) throws Exception {
        try (OrdersService orders = newService("console", shippingUri)) {
            orders.placeOrder("eve", "SKU-4", 3);
        }
        Formatter console = Logging.getLogger().getHandlers().get(0).getFormatter();
        String line = console.format(logs.find().level(Level.INFO).assertOne());
        assertTrue(line.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} INFO     "
                + "com\\.example\\.orders\\.OrdersService: order 1 placed: 3 x SKU-4"), line);
    }
}
