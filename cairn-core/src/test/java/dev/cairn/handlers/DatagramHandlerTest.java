package dev.cairn.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.Level;
import dev.cairn.Logging;
import dev.cairn.config.Json;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DatagramHandler against a real UDP socket on loopback. */
class DatagramHandlerTest {
    @BeforeEach
    void quiet() {
        Logging.raiseExceptions = false;
    }

    @AfterEach
    void loud() {
        Logging.raiseExceptions = true;
    }

    @Test
    void sendsOneJsonLinePerDatagram() throws Exception {
        try (DatagramSocket server = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(5000);
            DatagramHandler h = new DatagramHandler("127.0.0.1", server.getLocalPort());
            h.handle(Records.record(Level.INFO, "job %s done", "42"));
            h.handle(Records.record(Level.ERROR, "second"));
            DatagramPacket p = new DatagramPacket(new byte[65536], 65536);
            server.receive(p);
            String text = new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
            assertThat(text).endsWith("}\n");
            @SuppressWarnings("unchecked")
            Map<String, Object> d = (Map<String, Object>) Json.parse(text, "datagram");
            assertThat(d).containsEntry("msg", "job 42 done").containsEntry("name", "app.web");
            server.receive(p);
            assertThat(new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8)).contains("\"msg\":\"second\"");
            h.close();
            assertThat(h.getErrorCount()).isZero();
        }
    }

    @Test
    void unreachablePortIsCountedNotThrown() throws Exception {
        int port;
        try (DatagramSocket gone = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = gone.getLocalPort();
        }
        DatagramHandler h = new DatagramHandler("127.0.0.1", port);
        // The system reports "port unreachable" to the send after the one that provoked it.
        for (int i = 0; i < 10 && h.getErrorCount() == 0; i++) {
            h.handle(Records.info("nobody listens " + i));
            Thread.sleep(20);
        }
        h.close();
        assertThat(h.getErrorCount()).isPositive();
    }

    @Test
    void recordTooLargeForADatagramIsCounted() throws Exception {
        try (DatagramSocket server = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            DatagramHandler h = new DatagramHandler("127.0.0.1", server.getLocalPort());
            h.handle(Records.info("x".repeat(70_000)));
            h.close();
            assertThat(h.getErrorCount()).isEqualTo(1);
        }
    }
}
