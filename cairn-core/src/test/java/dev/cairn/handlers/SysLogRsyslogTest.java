package dev.cairn.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cairn.Formatter;
import dev.cairn.Level;
import dev.cairn.Logging;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SysLogHandler against a real rsyslogd on loopback (see {@link Rsyslog}): Python's output over
 * UDP, TCP and a Unix stream socket, RFC 5424 with octet counting, and a server that is down at
 * start or dies mid-stream.
 */
class SysLogRsyslogTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    @TempDir
    static Path dir;
    private static Rsyslog rsyslog;
    private SysLogHandler handler;

    @BeforeAll
    static void startRsyslog() throws Exception {
        assumeTrue(Rsyslog.executable().isPresent(),
                "rsyslogd is not installed and .ci/setup-rsyslog could not install it: skipping the rsyslog tests");
        rsyslog = Rsyslog.start(dir);
    }

    @AfterAll
    static void stopRsyslog() throws Exception {
        if (rsyslog != null) rsyslog.close();
    }

    @BeforeEach
    void quiet() {
        Logging.raiseExceptions = false;
    }

    @AfterEach
    void closeHandler() {
        if (handler != null) handler.close();
        Logging.raiseExceptions = true;
    }

    private SysLogHandler tcp() {
        handler = new SysLogHandler("127.0.0.1", rsyslog.tcpPort(), SysLogHandler.LOG_LOCAL3, SysLogHandler.SOCK_STREAM);
        handler.setRetryStart(0.05);
        handler.setRetryMax(0.1);
        return handler;
    }

    private static String marker(String what) {
        return what + "-" + System.nanoTime();
    }

    @Test
    void pythonOutputOverUdp() throws Exception {
        handler = new SysLogHandler("127.0.0.1", rsyslog.udpPort());
        String m = marker("udp");
        handler.handle(Records.record(Level.ERROR, "%s happened", m));
        // rsyslog drops Python's trailing NUL, and its RFC 3164 parser takes the first word of
        // Python's header-less message for the host and the second for the tag.
        assertThat(rsyslog.awaitLine(m, WAIT)).isEqualTo("imudp|11|happened|<11>" + m + " happened");
    }

    @Test
    void pythonOutputOverTcpIsSplitOnNul() throws Exception {
        tcp();
        String m = marker("tcp");
        handler.handle(Records.record(Level.INFO, "first " + m));
        handler.handle(Records.record(Level.WARNING, "second " + m));
        assertThat(rsyslog.awaitLine("second " + m, WAIT)).isNotNull();
        assertThat(rsyslog.lines()).filteredOn(l -> l.contains(m))
                .containsExactly("imtcp|158|" + m + "|<158>first " + m, "imtcp|156|" + m + "|<156>second " + m);
    }

    @Test
    void rfc5424OverTcpUsesOctetCountingAndKeepsLinesTogether() throws Exception {
        tcp();
        handler.setSyslogFormat(SyslogFormat.RFC5424);
        handler.setAppName("cairn-test");
        handler.setHostname("web1");
        String m = marker("octets");
        handler.handle(Records.record(Level.ERROR, "line one " + m + "\nline two"));
        String line = rsyslog.awaitLine(m, WAIT);
        assertThat(line).startsWith("imtcp|155|cairn-test|<155>1 2023-11-14T22:13:20.042000Z web1 cairn-test ")
                .endsWith(" - - line one " + m + "#012line two");
    }

    @Test
    void unixStreamSocket() throws Exception {
        handler = new SysLogHandler(rsyslog.unixSocket().toString(), null, SysLogHandler.LOG_DAEMON, 0);
        handler.setIdent("unixapp: ");
        String m = marker("unix");
        handler.handle(Records.record(Level.INFO, m));
        assertThat(rsyslog.awaitLine(m, WAIT)).isEqualTo("imptcp|30|unixapp|<30>unixapp: " + m);
        assertThat(handler.getErrorCount()).isZero();
    }

    @Test
    void serverDownAtStartCountsFailuresThenDelivers() throws Exception {
        int tcpPort = LineServer.freePort();
        Path own = dir.resolve("later");
        java.nio.file.Files.createDirectories(own);
        try (Rsyslog later = Rsyslog.start(own, LineServer.freePort(), tcpPort)) {
            later.stop();
            handler = new SysLogHandler("127.0.0.1", tcpPort, SysLogHandler.LOG_USER, SysLogHandler.SOCK_STREAM);
            handler.setRetryStart(0.05);
            handler.setRetryMax(0.05);
            handler.setFormatter(new Formatter("%(message)s"));
            String m = marker("down");
            for (int i = 0; i < 3; i++) handler.handle(Records.info(m + " " + i));
            assertThat(handler.getErrorCount()).isEqualTo(3);

            later.restart();
            Thread.sleep(100);
            for (int i = 3; i < 6; i++) handler.handle(Records.info(m + " " + i));
            assertThat(later.awaitLine(m + " 5", WAIT)).isNotNull();
            assertThat(later.count(m)).isEqualTo(3);
            assertThat(handler.getErrorCount()).isEqualTo(3);
        }
    }

    @Test
    void serverDyingMidStreamEveryRecordIsDeliveredOrCounted() throws Exception {
        Path own = dir.resolve("dying");
        java.nio.file.Files.createDirectories(own);
        try (Rsyslog dying = Rsyslog.start(own)) {
            handler = new SysLogHandler("127.0.0.1", dying.tcpPort(), SysLogHandler.LOG_USER, SysLogHandler.SOCK_STREAM);
            handler.setRetryStart(0.05);
            handler.setRetryMax(0.05);
            String m = marker("dying");
            int sent = 0;
            for (; sent < 5; sent++) handler.handle(Records.info(m + " " + sent));
            assertThat(dying.awaitLine(m + " 4", WAIT)).isNotNull();

            dying.stop();
            for (; sent < 10; sent++) handler.handle(Records.info(m + " " + sent));
            long failedWhileDown = handler.getErrorCount();
            assertThat(failedWhileDown).isEqualTo(5);

            dying.restart();
            Thread.sleep(100);
            for (; sent < 15; sent++) handler.handle(Records.info(m + " " + sent));
            assertThat(dying.awaitLine(m + " 14", WAIT)).isNotNull();
            assertThat(dying.count(m) + handler.getErrorCount()).isEqualTo(sent);
        }
    }
}
