package dev.cairn.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.Formatter;
import dev.cairn.Level;
import dev.cairn.LogRecord;
import dev.cairn.Logging;
import dev.cairn.context.LogContext;
import dev.cairn.context.RecordList;
import dev.cairn.json.JsonFormatter;
import dev.cairn.json.JsonLogParser;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile input (CR/LF, ANSI escapes, lookup strings, huge fields, invalid surrogates) cannot
 * forge records or drive a terminal through Cairn's own formatters, while Python's
 * {@code logging.Formatter} keeps CPython's bytes.
 */
class LogInjectionTest {
    private static final String FORGED = "ok\r\n2024-01-01 00:00:00,000 CRITICAL admin: password reset";
    private static final String ANSI = "\u001b[2J\u001b]0;pwned\u0007\u001b[31mred";
    private static final String LOOKUP = "${jndi:ldap://evil.example/a} ${env:HOME} %(name)s {name}";
    private final RecordList out = new RecordList();

    @BeforeEach
    void setUp() {
        Logging.reset();
        dev.cairn.Logger log = Logging.getLogger("inj");
        log.addHandler(out);
        log.setLevel(Level.DEBUG);
    }

    @AfterEach
    void tearDown() {
        LogContext.clear();
    }

    private LogRecord log(String msg, Object... args) {
        Logging.getLogger("inj").atWarning().field("f", args.length > 0 ? args[0] : msg).log(msg, args);
        return out.records.get(out.records.size() - 1);
    }

    @Test
    void lineBreaksInMessagesArgumentsAndFieldsAreEscapedByDefault() {
        TextFormatter f = new TextFormatter("%(levelname)s %(message)s f=%(f)s");
        String line = f.format(log("user %s", FORGED));
        assertThat(line).doesNotContain("\n", "\r")
                .isEqualTo("WARNING user ok\\r\\n2024-01-01 00:00:00,000 CRITICAL admin: password reset f="
                        + "ok\\r\\n2024-01-01 00:00:00,000 CRITICAL admin: password reset");
        assertThat(f.format(log(FORGED))).doesNotContain("\n", "\r");
    }

    @Test
    void indentedContinuationLinesCannotPassForRecords() {
        TextFormatter f = new TextFormatter(Map.of("format", "%(levelname)s %(message)s", "multiline", "indent"));
        String text = f.format(log("user %s", FORGED + "\rlone"));
        String[] lines = text.split("\n", -1);
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).startsWith("    2024-01-01").endsWith("reset\\rlone");
    }

    @Test
    void ansiAndOtherControlCharactersAreShownNotObeyed() {
        TextFormatter f = new TextFormatter(Map.of("format", "%(message)s", "colour", "never"));
        String line = f.format(log("%s", ANSI + "\u0000\u007f\u0085\u2028\u202e\tkept"));
        assertThat(line).doesNotContain("\u001b", "\u0007", "\u0000", "\u007f", "\u0085", "\u2028", "\u202e")
                .isEqualTo("\\x1b[2J\\x1b]0;pwned\\x07\\x1b[31mred\\x00\\x7f\\x85\\u2028\\u202e\tkept");
    }

    @Test
    void lookupsAreNeverInterpreted() {
        TextFormatter f = new TextFormatter("%(message)s|%(f)s");
        assertThat(f.format(log("%s", LOOKUP))).isEqualTo(LOOKUP + "|" + LOOKUP);
        assertThat(f.format(log(LOOKUP))).isEqualTo(LOOKUP + "|" + LOOKUP);
        JsonFormatter json = new JsonFormatter();
        assertThat(JsonLogParser.of(json).parse(json.format(log("%s", LOOKUP))).message()).isEqualTo(LOOKUP);
    }

    @Test
    void invalidSurrogatesAreEscapedInTextAndReplacedInJson() {
        String broken = "a\ud800b\udc00c\ud83d\ude00";
        TextFormatter f = new TextFormatter("%(message)s");
        assertThat(f.format(log("%s", broken))).isEqualTo("a\\ud800b\\udc00c\ud83d\ude00");
        JsonFormatter json = new JsonFormatter();
        assertThat(JsonLogParser.of(json).parse(json.format(log("%s", broken))).message()).isEqualTo("a\ufffdb\ufffdc\ud83d\ude00");
    }

    @Test
    void hugeFieldsStayOnOneLineAndCanBeCut() {
        String huge = ("x".repeat(1000) + "\n").repeat(1000);
        TextFormatter all = new TextFormatter("%(message)s");
        String line = all.format(log("%s", huge));
        assertThat(line).doesNotContain("\n").hasSize(1_002_000);
        TextFormatter cut = new TextFormatter(Map.of("format", "%(message)s", "max_length", 100));
        assertThat(cut.format(log("%s", huge))).isEqualTo("x".repeat(100) + "...[1000900 more characters]");
        JsonFormatter json = new JsonFormatter();
        String j = json.format(log("%s", huge));
        assertThat(j).doesNotContain("\n");
        assertThat(JsonLogParser.of(json).parse(j).fields().get("f")).isEqualTo(huge);
    }

    @Test
    void exceptionMessagesCannotForgeLinesInTheTraceback() {
        RuntimeException e = new IllegalStateException("bad\n2024-01-01 CRITICAL forged", new RuntimeException("in\r\nner"));
        Logging.getLogger("inj").atError().cause(e).log("failed");
        LogRecord r = out.records.get(0);
        String escaped = new TextFormatter("%(message)s").format(r);
        assertThat(escaped).doesNotContain("\n").startsWith("failed\\njava.lang.IllegalStateException: bad\\n2024-01-01 CRITICAL forged\\n\tat ")
                .contains("\\nCaused by: java.lang.RuntimeException: in\\r\\nner");
        String indented = new TextFormatter(Map.of("format", "%(message)s", "multiline", "indent")).format(r);
        for (String line : indented.split("\n")) {
            assertThat(line.equals("failed") || line.startsWith("    ")).as(line).isTrue();
        }
        assertThat(indented).contains("\n    \t... ").contains("more");
        // Python's formatter keeps CPython's bytes: the raw traceback, untouched.
        assertThat(new Formatter("%(message)s").format(r)).contains("bad\n2024-01-01 CRITICAL forged");
    }

    @Test
    void pythonsFormatterStaysByteIdenticalToCPython() {
        Formatter python = new Formatter("%(levelname)s:%(message)s");
        assertThat(python.format(log("%s", FORGED + ANSI))).isEqualTo("WARNING:" + FORGED + ANSI);
    }

    @Test
    void consoleFormatterAppendsFieldsEscapedAndQuoted() {
        ConsoleFormatter f = new ConsoleFormatter(Map.of("format", "%(levelname)s %(message)s", "colour", "never"));
        try (LogContext.Scope s = LogContext.with("request_id", "r1")) {
            Logging.getLogger("inj").atInfo().field("user", "ann smith").field("evil", "a\nb").field("n", 3).log("hi");
        }
        assertThat(f.format(out.records.get(0)))
                .isEqualTo("INFO hi request_id=r1 user=\"ann smith\" evil=a\\nb n=3");
    }
}
