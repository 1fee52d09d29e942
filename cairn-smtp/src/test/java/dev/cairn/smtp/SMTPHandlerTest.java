package dev.cairn.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.cairn.CallerLocation;
import dev.cairn.Formatter;
import dev.cairn.Level;
import dev.cairn.LogRecord;
import dev.cairn.Logging;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SMTPHandler against a real in-process SMTP server (GreenMail) on loopback. */
class SMTPHandlerTest {
    @RegisterExtension
    static final GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("ops@example.com", "ops", "s3cret"));

    @BeforeEach
    void quiet() {
        Logging.raiseExceptions = false;
    }

    @AfterEach
    void loud() {
        Logging.raiseExceptions = true;
    }

    private static LogRecord error(String msg) {
        return new LogRecord("app.db", Level.ERROR, CallerLocation.UNKNOWN, msg, null, null, null, null, 1700000000.0);
    }

    private SMTPHandler handler(double minInterval) {
        SMTPHandler h = new SMTPHandler("127.0.0.1", mail.getSmtp().getPort(), "app@example.com",
                List.of("ops@example.com", "dev@example.com"), "Application error", null, false, 5);
        h.setMinInterval(minInterval);
        return h;
    }

    /** The newest mail in one recipient's mailbox (GreenMail lists received mail by mailbox). */
    private static MimeMessage last(String recipient) throws Exception {
        MimeMessage found = null;
        for (MimeMessage m : mail.getReceivedMessagesForDomain(recipient)) found = m;
        return found;
    }

    @Test
    void mailsEachRecordAsPythonWhenNotRateLimited() throws Exception {
        SMTPHandler h = handler(0);
        h.setFormatter(new Formatter("%(levelname)s %(name)s: %(message)s"));
        h.handle(error("connection lost"));
        h.handle(error("connection lost again"));
        MimeMessage[] got = mail.getReceivedMessages();
        assertThat(got).hasSize(4); // two records, two recipients each
        MimeMessage first = got[0];
        assertThat(first.getSubject()).isEqualTo("Application error");
        assertThat(first.getFrom()[0].toString()).isEqualTo("app@example.com");
        assertThat(first.getHeader("To", ",")).isEqualTo("ops@example.com, dev@example.com");
        assertThat(first.getSentDate()).isNotNull();
        assertThat(GreenMailUtil.getBody(first).trim()).isEqualTo("ERROR app.db: connection lost");
        h.close();
        assertThat(h.getErrorCount()).isZero();
    }

    @Test
    void logsInWithCredentials() throws Exception {
        SMTPHandler h = new SMTPHandler("127.0.0.1", mail.getSmtp().getPort(), "app@example.com",
                List.of("ops@example.com"), "With login", new String[] {"ops", "s3cret"}, false, 5);
        h.setMinInterval(0);
        h.handle(error("authenticated"));
        assertThat(mail.getReceivedMessages()).hasSize(1);
        assertThat(h.getErrorCount()).isZero();
    }

    @Test
    void errorStormSendsOneMailThenADigest() throws Exception {
        SMTPHandler h = handler(0.5);
        h.handle(error("storm 0"));
        for (int i = 1; i < 50; i++) h.handle(error("storm " + i));
        assertThat(mail.getReceivedMessages()).hasSize(2); // the first record, to two recipients
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (mail.getReceivedMessages().length < 4 && System.nanoTime() < deadline) Thread.sleep(20);
        assertThat(mail.getReceivedMessages()).as("the first mail and the digest, to two recipients").hasSize(4);
        MimeMessage digest = last("ops@example.com");
        assertThat(digest.getSubject()).isEqualTo("Application error (49 records)");
        String body = GreenMailUtil.getBody(digest);
        assertThat(body).startsWith("49 records logged since the last mail:").contains("storm 1\r\n").contains("storm 49");
        h.close();
        assertThat(h.getErrorCount()).isZero();
        assertThat(mail.getReceivedMessages()).hasSize(4);
    }

    @Test
    void closeMailsTheHeldDigestAtOnce() throws Exception {
        SMTPHandler h = handler(3600);
        for (int i = 0; i < 3; i++) h.handle(error("held " + i));
        assertThat(mail.getReceivedMessages()).hasSize(2);
        Logging.shutdown();
        assertThat(mail.getReceivedMessages()).hasSize(4);
        MimeMessage digest = last("dev@example.com");
        assertThat(digest.getSubject()).isEqualTo("Application error (2 records)");
        assertThat(GreenMailUtil.getBody(digest)).contains("held 1").contains("held 2");
    }

    @Test
    void fullDigestCountsDroppedRecords() throws Exception {
        SMTPHandler h = handler(3600);
        h.setDigestCapacity(3);
        for (int i = 0; i < 8; i++) h.handle(error("flood " + i));
        assertThat(h.getErrorCount()).isEqualTo(4);
        h.close();
        MimeMessage digest = last("ops@example.com");
        assertThat(digest.getSubject()).isEqualTo("Application error (7 records)");
        assertThat(GreenMailUtil.getBody(digest)).contains("3 records logged since the last mail; 4 more were dropped");
    }

    @Test
    void wrongPasswordIsCountedNotThrown() {
        SMTPHandler h = new SMTPHandler("127.0.0.1", mail.getSmtp().getPort(), "app@example.com",
                List.of("ops@example.com"), "x", new String[] {"ops", "wrong"}, false, 5);
        h.setMinInterval(0);
        h.handle(error("refused"));
        assertThat(h.getErrorCount()).isEqualTo(1);
        assertThat(mail.getReceivedMessages()).isEmpty();
    }

    @Test
    void secureDemandsStartTls() {
        // GreenMail's plain SMTP does not offer STARTTLS, so a secure handler must refuse to send.
        SMTPHandler h = new SMTPHandler("127.0.0.1", mail.getSmtp().getPort(), "app@example.com",
                List.of("ops@example.com"), "x", null, true, 5);
        h.setMinInterval(0);
        h.handle(error("must not go in clear"));
        assertThat(h.getErrorCount()).isEqualTo(1);
        assertThat(mail.getReceivedMessages()).isEmpty();
    }

    @Test
    void serverDownIsCountedNotThrown() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        SMTPHandler h = new SMTPHandler("127.0.0.1", port, "app@example.com", List.of("ops@example.com"), "x", null, false, 2);
        h.setMinInterval(0);
        h.handle(error("nobody there"));
        assertThat(h.getErrorCount()).isEqualTo(1);
    }

    @Test
    void silentServerTimesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try (Socket s = silent.accept()) {
                    Thread.sleep(5000); // never sends the SMTP greeting
                } catch (Exception ignored) {
                    // The test is over.
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            SMTPHandler h = new SMTPHandler("127.0.0.1", silent.getLocalPort(), "app@example.com",
                    List.of("ops@example.com"), "x", null, false, 0.3);
            h.setMinInterval(0);
            long t0 = System.nanoTime();
            h.handle(error("slow"));
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(2000);
            assertThat(h.getErrorCount()).isEqualTo(1);
            acceptor.interrupt();
        }
    }
}
