package dev.cairn.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.Handler;
import dev.cairn.Logging;
import dev.cairn.config.ConfigException;
import dev.cairn.config.DictConfig;
import dev.cairn.config.Json;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The network handlers built by dictConfig from Python's option names, and bad values reported by key path. */
class NetworkHandlersConfigTest {
    @BeforeEach
    void reset() {
        Logging.reset();
    }

    @AfterEach
    void cleanUp() {
        Logging.reset();
    }

    @SuppressWarnings("unchecked")
    private static void configure(String handlers) {
        String text = "{'version': 1, 'handlers': " + handlers + ", 'root': {'level': 'DEBUG', 'handlers': []}}";
        Logging.dictConfig((Map<String, Object>) Json.parse(text.replace('\'', '"'), "test"));
    }

    private static Handler named(String name) {
        return DictConfig.getHandlers().get(name);
    }

    @Test
    void sysLogHandlerFromAPythonConfig() throws Exception {
        try (DatagramSocket receiver = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            receiver.setSoTimeout(5000);
            configure("{'sys': {'class': 'logging.handlers.SysLogHandler', 'address': ['127.0.0.1', "
                    + receiver.getLocalPort() + "], 'facility': 'local1', 'socktype': 'ext://socket.SOCK_DGRAM',"
                    + " '.': {'ident': 'app: ', 'append_nul': false}}}");
            SysLogHandler h = (SysLogHandler) named("sys");
            assertThat(h.getSocktype()).isEqualTo(SysLogHandler.SOCK_DGRAM);
            h.handle(Records.record(dev.cairn.Level.ERROR, "configured"));
            DatagramPacket p = new DatagramPacket(new byte[1024], 1024);
            receiver.receive(p);
            assertThat(new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8)).isEqualTo("<139>app: configured");
        }
    }

    @Test
    void sysLogCairnOptions() {
        configure("{'sys': {'class': 'logging.handlers.SysLogHandler', 'address': ['127.0.0.1', 6514],"
                + " 'socktype': 'ext://socket.SOCK_STREAM', 'syslogFormat': 'rfc5424', 'appName': 'shop', 'timeout': 0.5}}");
        SysLogHandler h = (SysLogHandler) named("sys");
        assertThat(h.getSocktype()).isEqualTo(SysLogHandler.SOCK_STREAM);
        assertThat(h.getSyslogFormat()).isEqualTo(SyslogFormat.RFC5424);
        assertThat(h.getFraming()).isEqualTo(SyslogFraming.OCTET_COUNTING);
        assertThat(h.getTimeout()).isEqualTo(0.5);
    }

    @Test
    void socketHandlerWithRetrySettings() throws Exception {
        try (LineServer server = LineServer.start()) {
            configure("{'sock': {'class': 'logging.handlers.SocketHandler', 'host': '127.0.0.1', 'port': "
                    + server.port() + ", 'retryStart': 0.5, 'retryMax': 4, 'retryFactor': 3, 'backlogCapacity': 10}}");
            SocketHandler h = (SocketHandler) named("sock");
            assertThat(h.getRetryStart()).isEqualTo(0.5);
            assertThat(h.getRetryMax()).isEqualTo(4.0);
            assertThat(h.getRetryFactor()).isEqualTo(3.0);
            assertThat(h.getBacklogCapacity()).isEqualTo(10);
            h.handle(Records.info("over config"));
            assertThat(server.poll(Duration.ofSeconds(5))).contains("\"msg\":\"over config\"");
        }
    }

    @Test
    void datagramAndHttpHandlers() {
        configure("{'udp': {'class': 'logging.handlers.DatagramHandler', 'host': '127.0.0.1', 'port': 9999},"
                + " 'web': {'class': 'logging.handlers.HTTPHandler', 'host': 'localhost:8080', 'url': '/log',"
                + " 'method': 'POST', 'secure': true, 'credentials': ['u', 'p'], 'timeout': 3}}");
        assertThat(named("udp")).isInstanceOf(DatagramHandler.class);
        HTTPHandler web = (HTTPHandler) named("web");
        assertThat(web.getMethod()).isEqualTo("POST");
        assertThat(web.isSecure()).isTrue();
        assertThat(web.getTimeout()).isEqualTo(3.0);
    }

    @Test
    void badValuesNameTheirKey() {
        assertThatThrownBy(() -> configure("{'sys': {'class': 'logging.handlers.SysLogHandler', 'facility': 'local9'}}"))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("handlers.sys.facility: ")
                .hasMessageContaining("local9");
        assertThatThrownBy(() -> configure("{'sys': {'class': 'logging.handlers.SysLogHandler', 'socktype': 'raw'}}"))
                .hasMessageStartingWith("handlers.sys.socktype: ");
        assertThatThrownBy(() -> configure("{'sys': {'class': 'logging.handlers.SysLogHandler', 'address': ['h']}}"))
                .hasMessageStartingWith("handlers.sys.address: ");
        assertThatThrownBy(() -> configure("{'sys': {'class': 'logging.handlers.SysLogHandler', 'framing': 'lines'}}"))
                .hasMessageStartingWith("handlers.sys.framing: ");
        assertThatThrownBy(() -> configure("{'s': {'class': 'logging.handlers.SocketHandler', 'host': 'h', 'port': 'ten'}}"))
                .hasMessageStartingWith("handlers.s.port: ");
        assertThatThrownBy(() -> configure("{'s': {'class': 'logging.handlers.SocketHandler', 'host': 'h', 'port': 1, 'retryFactor': 0.5}}"))
                .hasMessageStartingWith("handlers.s.retryFactor: ");
        assertThatThrownBy(() -> configure("{'w': {'class': 'logging.handlers.HTTPHandler', 'host': 'h', 'url': '/', 'method': 'PUT'}}"))
                .hasMessageStartingWith("handlers.w.method: ");
        assertThatThrownBy(() -> configure("{'w': {'class': 'logging.handlers.HTTPHandler', 'host': 'h', 'url': '/', 'credentials': 'u:p'}}"))
                .hasMessageStartingWith("handlers.w.credentials: ");
        assertThatThrownBy(() -> configure("{'w': {'class': 'logging.handlers.HTTPHandler', 'host': 'h', 'url': '/', 'retries': 3}}"))
                .hasMessageStartingWith("handlers.w.retries: ").hasMessageContaining("unknown option");
    }
}
