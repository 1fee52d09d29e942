package dev.cairn.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.cairn.Logging;
import dev.cairn.config.ConfigException;
import dev.cairn.config.DictConfig;
import dev.cairn.config.Json;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** logging.handlers.SMTPHandler in dictConfig, found through the ServiceLoader provider. */
class SmtpHandlersConfigTest {
    @RegisterExtension
    static final GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @AfterEach
    void reset() {
        Logging.reset();
    }

    @SuppressWarnings("unchecked")
    private static void configure(String handler) {
        String text = "{'version': 1, 'handlers': {'mail': " + handler + "},"
                + " 'loggers': {'app': {'level': 'ERROR', 'handlers': ['mail']}}}";
        Logging.dictConfig((Map<String, Object>) Json.parse(text.replace('\'', '"'), "test"));
    }

    @Test
    void pythonConfigSendsMail() throws Exception {
        configure("{'class': 'logging.handlers.SMTPHandler', 'mailhost': ['127.0.0.1', " + mail.getSmtp().getPort() + "],"
                + " 'fromaddr': 'app@example.com', 'toaddrs': 'ops@example.com', 'subject': 'From config',"
                + " 'timeout': 2, 'minInterval': 0, 'formatter': null}");
        SMTPHandler h = (SMTPHandler) DictConfig.getHandlers().get("mail");
        assertThat(h.getMinInterval()).isZero();
        assertThat(h.getToaddrs()).containsExactly("ops@example.com");
        Logging.getLogger("app").error("disk %s full", "/var");
        assertThat(mail.getReceivedMessages()).hasSize(1);
        assertThat(mail.getReceivedMessages()[0].getSubject()).isEqualTo("From config");
    }

    @Test
    void badValuesNameTheirKey() {
        assertThatThrownBy(() -> configure("{'class': 'logging.handlers.SMTPHandler', 'mailhost': ['h'],"
                + " 'fromaddr': 'a@b', 'toaddrs': ['c@d'], 'subject': 's'}"))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("handlers.mail.mailhost: ");
        assertThatThrownBy(() -> configure("{'class': 'logging.handlers.SMTPHandler', 'mailhost': 'h',"
                + " 'fromaddr': 'a@b', 'toaddrs': [1], 'subject': 's'}"))
                .hasMessageStartingWith("handlers.mail.toaddrs: ");
        assertThatThrownBy(() -> configure("{'class': 'logging.handlers.SMTPHandler', 'mailhost': 'h',"
                + " 'fromaddr': 'a@b', 'toaddrs': 'c@d', 'subject': 's', 'secure': ['key.pem']}"))
                .hasMessageStartingWith("handlers.mail.secure: ");
        assertThatThrownBy(() -> configure("{'class': 'logging.handlers.SMTPHandler', 'mailhost': 'h',"
                + " 'fromaddr': 'a@b', 'toaddrs': 'c@d'}"))
                .hasMessageStartingWith("handlers.mail.subject: ");
    }
}
