package dev.cairn.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.Formatter;
import dev.cairn.Level;
import dev.cairn.LogRecord;
import dev.cairn.Logger;
import dev.cairn.Logging;
import dev.cairn.context.ErrorFingerprint;
import dev.cairn.context.LogContext;
import dev.cairn.context.RecordList;
import dev.cairn.json.JsonFormatter;
import dev.cairn.text.TextFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Secrets are masked once, before any handler: by field name and by pattern, in messages, fields, context and exceptions. */
class RedactionTest {
    private final RecordList out = new RecordList();
    private Logger log;

    @BeforeEach
    void setUp() {
        Logging.reset();
        log = Logging.getLogger("redact");
        log.setLevel(Level.DEBUG);
        log.addHandler(out);
        new Redactor().install();
    }

    @AfterEach
    void tearDown() {
        Logging.reset();
        LogContext.clear();
    }

    private LogRecord last() {
        return out.records.get(out.records.size() - 1);
    }

    @Test
    void fieldsNamedLikeSecretsAreMaskedWhole() {
        try (LogContext.Scope s = LogContext.with("session-token", "abc")) {
            log.atInfo().field("password", "hunter2").field("dbPassword", 1234).field("user", "ann")
                    .extra("API_KEY", "k-1").field("nested", Map.of("auth", Map.of("client_secret", "s3"), "ok", 1)).log("login");
        }
        LogRecord r = last();
        assertThat(r.getFields()).containsEntry("password", "***").containsEntry("dbPassword", "***").containsEntry("user", "ann");
        assertThat(r.getExtra()).containsEntry("API_KEY", "***");
        assertThat(r.getContext()).containsEntry("session-token", "***");
        assertThat(r.getFields().get("nested")).isEqualTo(Map.of("auth", Map.of("client_secret", "***"), "ok", 1));
    }

    @Test
    void patternsMaskSecretsInsideText() {
        log.info("mail %s card %s order %s", "ann.smith+x@example.co.uk", "4111 1111 1111 1111", "1234567890123");
        assertThat(last().getMessage()).isEqualTo("mail *** card *** order 1234567890123");
        assertThat(last().getMsg()).isEqualTo(last().getMessage());
        assertThat(last().getArgs()).isEmpty();
        log.info("password=hunter2 token: 'abc.def' api_key=\"zz\" keep=me");
        assertThat(last().getMessage()).isEqualTo("password=*** token: '***' api_key=\"***\" keep=me");
        log.info("Authorization: Bearer eyJhbGciOi.eyJzdWIiOi.sig and jdbc:postgresql://app:s3cret@db/x");
        assertThat(last().getMessage()).isEqualTo("Authorization: Bearer *** and jdbc:postgresql://app:***@db/x");
        log.info("token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc");
        assertThat(last().getMessage()).isEqualTo("token ***");
        log.atInfo().field("note", "call ann@example.com").field("card", 4111111111111111L).log("m");
        assertThat(last().getFields()).containsEntry("note", "call ***").containsEntry("card", "***");
    }

    @Test
    void luhnKeepsNumbersThatAreNotCards() {
        assertThat(Redactor.luhn("4111 1111 1111 1111")).isTrue();
        assertThat(Redactor.luhn("4111 1111 1111 1112")).isFalse();
        assertThat(new Redactor().redact("ids 4111111111111112 and 5500-0000-0000-0004")).isEqualTo("ids 4111111111111112 and ***");
    }

    @Test
    void exceptionMessagesAreMaskedAndKeepTheirTypeAndFingerprint() {
        ErrorFingerprint.setAppPackages("dev.cairn.redact");
        try {
            IllegalStateException e = new IllegalStateException("connect to https://u:pw@host failed",
                    new RuntimeException("password=hunter2"));
            log.atError().cause(e).log("failed");
            LogRecord r = last();
            assertThat(r.getExcInfo()).isInstanceOf(MaskedException.class);
            String python = new Formatter("%(message)s").format(r);
            assertThat(python).contains("java.lang.IllegalStateException: connect to https://u:***@host failed")
                    .contains("Caused by: java.lang.RuntimeException: password=***").doesNotContain("hunter2", ":pw@");
            assertThat(new JsonFormatter().format(r)).contains("\"type\":\"java.lang.IllegalStateException\"").doesNotContain("hunter2");
            assertThat(new TextFormatter("%(message)s").format(r)).doesNotContain("hunter2");
            assertThat(r.getErrorFingerprint()).isEqualTo(ErrorFingerprint.of(e));
        } finally {
            ErrorFingerprint.setAppPackages();
        }
    }

    @Test
    void cleanRecordsAreNotCopied() {
        LogRecord before = out.records.size() > 0 ? last() : null;
        log.info("nothing %s here", "secret-free");
        assertThat(last()).isNotSameAs(before);
        Redactor r = new Redactor();
        LogRecord clean = new LogRecord("x", 20, null, "plain %s", new Object[] {"text"}, null, null, null, 0);
        assertThat(r.redact(clean)).isSameAs(clean);
    }

    @Test
    void badArgumentsStillGetMaskedBeforeTheErrorReport() {
        Redactor r = new Redactor();
        LogRecord bad = new LogRecord("x", 20, null, "%d password=hunter2", new Object[] {"ann@example.com"}, null, null, null, 0);
        LogRecord masked = r.redact(bad);
        assertThat(masked.getMsg()).isEqualTo("%d password=***");
        assertThat(masked.getArgs()).containsExactly("***");
    }

    @Test
    void optionsChooseNamesAndPatterns() {
        Redactor r = new Redactor(Map.of("names", List.of("pin"), "builtins", List.of("email"),
                "patterns", List.of("EMP-[0-9]+"), "mask", "[redacted]"));
        assertThat(r.redact("a@b.io EMP-42 password=x 4111111111111111")).isEqualTo("[redacted] [redacted] password=x 4111111111111111");
        assertThat(r.isSecretName("PIN_code")).isTrue();
        assertThat(r.isSecretName("password")).isFalse();
        assertThatThrownBy(() -> new Redactor(Map.of("builtins", List.of("phone")))).hasMessageContaining("phone");
        assertThatThrownBy(() -> new Redactor(Map.of("patterns", List.of("(")))).hasMessageContaining("bad redaction pattern");
        assertThatThrownBy(() -> new Redactor(Map.of("nmes", List.of()))).hasMessageContaining("unknown redaction option");
    }

    @Test
    void hostileInputIsMaskedAndStillEscaped() {
        log.info("%s", "password=\u001b[31mx\r\nFAKE ${jndi:ldap://e/a} " + "y".repeat(100_000) + "\ud800");
        String text = new TextFormatter("%(message)s").format(last());
        assertThat(text).startsWith("password=***").doesNotContain("\n", "\r", "\u001b").contains("${jndi:ldap://e/a}");
    }
}
