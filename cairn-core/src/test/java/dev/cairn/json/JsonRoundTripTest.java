package dev.cairn.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.Logging;
import dev.cairn.context.LogContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every record written reads back into the same fields: fuzzed strings (any UTF-16, lone
 * surrogates, control characters) in messages, names and values; typed values; clashing names.
 */
class JsonRoundTripTest {
    @BeforeEach
    @AfterEach
    void reset() {
        Logging.reset();
        LogContext.clear();
    }

    /** A random string of any UTF-16 code units, biased towards the awkward ones. */
    static String fuzz(Random r, int maxLength) {
        int n = r.nextInt(maxLength + 1);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            switch (r.nextInt(8)) {
                case 0: sb.append((char) r.nextInt(0x20)); break;
                case 1: sb.append((char) (0xd800 + r.nextInt(0x800))); break;
                case 2: sb.append("\"\\/\u007f\u0085\u2028\u001b".charAt(r.nextInt(7))); break;
                case 3: sb.appendCodePoint(0x10000 + r.nextInt(0x10ffff - 0x10000)); break;
                case 4: sb.append((char) r.nextInt(0x10000)); break;
                default: sb.append((char) (0x20 + r.nextInt(0x5f))); break;
            }
        }
        return sb.toString();
    }

    /** What a string reads back as: lone surrogates are written as U+FFFD. */
    static String expected(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(c).append(s.charAt(++i));
            } else {
                sb.append(Character.isSurrogate(c) ? '\ufffd' : c);
            }
        }
        return sb.toString();
    }

    @Test
    void fuzzedStringsReadBackAsWrittenWithLoneSurrogatesReplaced() {
        Random r = new Random(20240501);
        JsonFormatter formatter = new JsonFormatter();
        JsonLogParser parser = JsonLogParser.of(formatter);
        JsonLines out = new JsonLines("fuzz", formatter);
        for (int i = 0; i < 500; i++) {
            String message = fuzz(r, 40);
            String key = "k" + fuzz(r, 6);
            String value = fuzz(r, 60);
            String ctx = fuzz(r, 20);
            try (LogContext.Scope s = LogContext.with("ctx", ctx)) {
                out.logger.atInfo().field(key, value).log("%s", message);
            }
            String line = out.last();
            assertThat(line).doesNotContain("\n", "\r", "\u2028").hasSizeGreaterThan(2);
            JsonLogParser.Event e = parser.parse(line);
            assertThat(e.message()).isEqualTo(expected(message));
            Map<String, Object> want = new LinkedHashMap<>();
            want.put("ctx", expected(ctx));
            want.put(expected(key), expected(value));
            assertThat(e.fields()).isEqualTo(want);
        }
        assertThat(out.lines()).hasSize(500);
    }

    @Test
    void typedValuesKeepTheirTypes() {
        JsonFormatter formatter = new JsonFormatter();
        JsonLines out = new JsonLines("typed", formatter);
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("list", List.of(1, 2.5, "x", true));
        nested.put("none", null);
        out.logger.atWarning().field("int", 12).field("long", 1L << 40).field("double", 0.1).field("bool", false)
                .field("map", nested).field("null", (Object) null).log("typed");
        Map<String, Object> fields = JsonLogParser.of(formatter).parse(out.last()).fields();
        assertThat(fields).containsEntry("int", 12L).containsEntry("long", 1L << 40).containsEntry("double", 0.1)
                .containsEntry("bool", false).containsEntry("null", null);
        assertThat(fields.get("map")).isEqualTo(parsedNested());
    }

    private static Map<String, Object> parsedNested() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("list", List.of(1L, 2.5, "x", true));
        m.put("none", null);
        return m;
    }

    @Test
    void namesThatClashWithLayoutKeysGetThePrefixAndComeBack() {
        JsonFormatter formatter = new JsonFormatter();
        JsonLines out = new JsonLines("clash", formatter);
        out.logger.atInfo().field("message", "mine").field("level", 3).field("field.x", "p").field("logger", "l")
                .log("real message");
        String line = out.last();
        Map<String, Object> raw = JsonLogParser.parseObject(line);
        assertThat(raw).containsEntry("message", "real message").containsEntry("field.message", "mine")
                .containsEntry("level", "INFO").containsEntry("field.level", 3L)
                .containsEntry("field.field.x", "p").containsEntry("logger", "clash").containsEntry("field.logger", "l");
        assertThat(JsonLogParser.of(formatter).parse(line).fields())
                .isEqualTo(Map.of("message", "mine", "level", 3L, "field.x", "p", "logger", "l"));
    }

    @Test
    void extraContextAndFieldsWithOneNameAreWrittenOnceExtraFirst() {
        JsonFormatter formatter = new JsonFormatter();
        JsonLines out = new JsonLines("order", formatter);
        try (LogContext.Scope s = LogContext.with("k", "context").and("c", "context")) {
            out.logger.atInfo().extra("k", "extra").field("k", "field").field("c", "field").field("f", "field").log("m");
        }
        String line = out.last();
        assertThat(line).containsOnlyOnce("\"k\":").containsOnlyOnce("\"c\":");
        assertThat(JsonLogParser.parseObject(line)).containsEntry("k", "extra").containsEntry("c", "context")
                .containsEntry("f", "field");
    }

    @Test
    void timestampsReadBackToTheMillisecond() {
        for (String style : List.of("iso", "epoch", "epoch_millis", "epoch_nanos")) {
            JsonFormatter formatter = new JsonFormatter(Map.of("timestamp", style));
            JsonLines out = new JsonLines("time." + style.replace('_', '.'), formatter);
            double before = Logging.clock().time();
            out.logger.info("t");
            Instant t = JsonLogParser.of(formatter).parse(out.last()).timestamp();
            assertThat(Math.abs(t.toEpochMilli() - before * 1000)).as(style).isLessThan(1000);
        }
    }

    @Test
    void isoTimeMatchesJavaTimeAcrossCenturies() {
        Random r = new Random(7);
        for (int i = 0; i < 2000; i++) {
            long ms = (long) (r.nextDouble() * 253_402_300_799_000L) - (i % 2 == 0 ? 0 : 62_135_596_800_000L);
            if (ms < -62_135_596_800_000L) continue;
            StringBuilder sb = new StringBuilder();
            IsoTime.appendMillis(sb, ms);
            assertThat(Instant.parse(sb.toString()).toEpochMilli()).isEqualTo(ms);
        }
    }

    @Test
    void layoutOptionsReadBackThroughTheSameLayout() {
        JsonFormatter nested = new JsonFormatter(Map.of("fields_key", "fields", "rename", Map.of("user", "usr", "levelname", "lvl"),
                "static", Map.of("service", "shop"), "exception", "text"));
        JsonLines out = new JsonLines("opts", nested);
        try (LogContext.Scope s = LogContext.with("request_id", "r9")) {
            out.logger.atError().field("user", "ann").field("message", "m2").cause(new RuntimeException("x")).log("top");
        }
        Map<String, Object> raw = JsonLogParser.parseObject(out.last());
        assertThat(raw).containsEntry("lvl", "ERROR").containsEntry("service", "shop")
                .containsEntry("fields", Map.of("request_id", "r9", "usr", "ann", "message", "m2"));
        assertThat((String) raw.get("exception")).startsWith("java.lang.RuntimeException: x");
        JsonLogParser.Event e = JsonLogParser.of(nested).parse(out.last());
        assertThat(e.fields()).isEqualTo(Map.of("request_id", "r9", "user", "ann", "message", "m2"));
        assertThat(e.levelname()).isEqualTo("ERROR");

        JsonFormatter bare = new JsonFormatter(Map.of("user_fields", false, "fields", List.of("levelname", "message")));
        JsonLines plain = new JsonLines("opts.bare", bare);
        plain.logger.atInfo().field("user", "ann").log("only");
        assertThat(plain.last()).isEqualTo("{\"level\":\"INFO\",\"message\":\"only\"}");
    }

    @Test
    void aFieldNamedLikeAnAttributeClashesOnlyWhereThatKeyIsWritten() {
        JsonFormatter cairn = new JsonFormatter();
        JsonFormatter python = JsonFormatter.preset("python");
        JsonLines a = new JsonLines("attr.cairn", cairn);
        JsonLines b = new JsonLines("attr.python", python);
        a.logger.atInfo().field("name", "f").log("m");
        b.logger.atInfo().field("name", "f").log("m");
        assertThat(JsonLogParser.parseObject(a.last())).containsEntry("logger", "attr.cairn").containsEntry("name", "f");
        assertThat(JsonLogParser.parseObject(b.last())).containsEntry("name", "attr.python").containsEntry("field.name", "f");
        assertThat(JsonLogParser.of(python).parse(b.last()).fields()).isEqualTo(Map.of("name", "f"));
    }
}
