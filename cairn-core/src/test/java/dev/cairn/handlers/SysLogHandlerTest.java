package dev.cairn.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.Formatter;
import dev.cairn.Level;
import dev.cairn.Logging;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SysLogHandler's priorities and bytes, compared with CPython 3.11's, read from a UDP socket. */
class SysLogHandlerTest {
    private DatagramSocket receiver;

    @BeforeEach
    void open() throws Exception {
        Logging.raiseExceptions = false;
        receiver = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        receiver.setSoTimeout(5000);
    }

    @AfterEach
    void close() {
        receiver.close();
        Logging.raiseExceptions = true;
    }

    private SysLogHandler handler() {
        return new SysLogHandler("127.0.0.1", receiver.getLocalPort());
    }

    private String received() throws Exception {
        DatagramPacket p = new DatagramPacket(new byte[65536], 65536);
        receiver.receive(p);
        return new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
    }

    @Test
    void mapsAreCPythons() {
        // SysLogHandler.priority_names, facility_names and priority_map printed by CPython 3.11.
        assertThat(SysLogHandler.PRIORITY_NAMES).isEqualTo(Map.ofEntries(Map.entry("alert", 1), Map.entry("crit", 2),
                Map.entry("critical", 2), Map.entry("debug", 7), Map.entry("emerg", 0), Map.entry("err", 3),
                Map.entry("error", 3), Map.entry("info", 6), Map.entry("notice", 5), Map.entry("panic", 0),
                Map.entry("warn", 4), Map.entry("warning", 4)));
        assertThat(SysLogHandler.FACILITY_NAMES).isEqualTo(Map.ofEntries(Map.entry("auth", 4), Map.entry("authpriv", 10),
                Map.entry("console", 14), Map.entry("cron", 9), Map.entry("daemon", 3), Map.entry("ftp", 11),
                Map.entry("kern", 0), Map.entry("lpr", 6), Map.entry("mail", 2), Map.entry("news", 7), Map.entry("ntp", 12),
                Map.entry("security", 13), Map.entry("solaris-cron", 15), Map.entry("syslog", 5), Map.entry("user", 1),
                Map.entry("uucp", 8), Map.entry("local0", 16), Map.entry("local1", 17), Map.entry("local2", 18),
                Map.entry("local3", 19), Map.entry("local4", 20), Map.entry("local5", 21), Map.entry("local6", 22),
                Map.entry("local7", 23)));
        SysLogHandler h = handler();
        assertThat(h.getPriorityMap()).isEqualTo(Map.of("DEBUG", "debug", "INFO", "info", "WARNING", "warning",
                "ERROR", "error", "CRITICAL", "critical"));
        h.close();
    }

    @Test
    void encodePriorityAndMapPriorityAsPython() {
        SysLogHandler h = handler();
        assertThat(h.encodePriority("local0", "error")).isEqualTo(131);
        assertThat(h.encodePriority(SysLogHandler.LOG_USER, "warning")).isEqualTo(12);
        assertThat(h.encodePriority(SysLogHandler.LOG_LOCAL7, SysLogHandler.LOG_CRIT)).isEqualTo(186);
        assertThat(h.mapPriority("ERROR")).isEqualTo("error");
        assertThat(h.mapPriority("TRACE")).isEqualTo("warning");
        assertThatThrownBy(() -> h.encodePriority("local9", "error")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("local9");
        h.close();
    }

    @Test
    void pythonOutputIsPriorityMessageAndNul() throws Exception {
        // CPython: SysLogHandler(('127.0.0.1', port)).emit(...) sends b'<11>boom\x00' for an ERROR.
        SysLogHandler h = handler();
        h.handle(Records.record(Level.ERROR, "boom"));
        assertThat(received()).isEqualTo("<11>boom\0");
        h.setIdent("myapp: ");
        h.setFacility("local7");
        h.handle(Records.record(Level.CRITICAL, "down %s", "now"));
        assertThat(received()).isEqualTo("<186>myapp: down now\0");
        h.setAppendNul(false);
        h.getPriorityMap().put("TRACE", "debug");
        dev.cairn.Level.addLevelName(5, "TRACE");
        h.handle(Records.record(5, "fine"));
        assertThat(received()).isEqualTo("<191>myapp: fine");
        h.close();
        assertThat(h.getErrorCount()).isZero();
    }

    @Test
    void rfc3164HeaderHasBsdTimeAndHost() throws Exception {
        SysLogHandler h = handler();
        h.setSyslogFormat(SyslogFormat.RFC3164);
        h.setHostname("web1");
        h.setTimeZone(ZoneOffset.UTC);
        h.setIdent("myapp: ");
        h.handle(Records.record(Level.INFO, "hello"));
        assertThat(received()).isEqualTo("<14>Nov 14 22:13:20 web1 myapp: hello\0");
        h.close();
    }

    @Test
    void rfc5424HeaderHasIsoTimeHostAppProcIdAndNoNul() throws Exception {
        SysLogHandler h = handler();
        h.setSyslogFormat(SyslogFormat.RFC5424);
        h.setHostname("web1");
        h.setAppName("my app");
        h.setFormatter(new Formatter("%(levelname)s %(message)s"));
        h.handle(Records.record(Level.WARNING, "späť"));
        long pid = ProcessHandle.current().pid();
        assertThat(received()).isEqualTo("<12>1 2023-11-14T22:13:20.042000Z web1 my_app " + pid + " - - WARNING späť");
        h.close();
    }

    @Test
    void unixDatagramSocketIsRefusedWithAnExplanation() {
        assertThatThrownBy(() -> new SysLogHandler("/dev/log", null, SysLogHandler.LOG_USER, SysLogHandler.SOCK_DGRAM))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Unix datagram")
                .hasMessageContaining("UDP to 127.0.0.1");
    }

    @Test
    void framingForStreams() {
        assertThat(new String(SyslogFraming.OCTET_COUNTING.frame("<14>1 - - - - - - hi".getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8)).isEqualTo("20 <14>1 - - - - - - hi");
        assertThat(SyslogFraming.NEWLINE.frame(new byte[] {'a'})).containsExactly('a', '\n');
        assertThat(SyslogFraming.parse("octet-counting")).isEqualTo(SyslogFraming.OCTET_COUNTING);
        assertThat(SyslogFormat.parse("RFC5424")).isEqualTo(SyslogFormat.RFC5424);
    }
}
