package dev.cairn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.cairn.format.Utf8Output;
import dev.cairn.json.JsonReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Formatter#formatUtf8} must write exactly the strict UTF-8 bytes of
 * {@link Formatter#format(LogRecord)}, or nothing: checked for every {@code %}-template of the
 * CPython-generated table and more, against records with ASCII, non-ASCII and unencodable text.
 */
class Utf8LayoutTest {
    private static final double CREATED = 1_700_000_000.0421;

    static Stream<String> formats() throws IOException {
        List<String> formats = new ArrayList<>();
        try (InputStream in = Utf8LayoutTest.class.getResourceAsStream("/format/percent_template.jsonl")) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) formats.add((String) ((List<?>) JsonReader.parse(line)).get(0));
            }
        }
        formats.addAll(List.of(
                "%(levelname)-8s|%(levelname)8s|%(levelname).2s|%(levelname)-10.3s|%(levelname)#08s",
                "%(name)-12s %(threadName)5.1s %(levelno)d %(process)d %(thread)i",
                "%(levelno)5d %(levelno)-3d %(levelno)x %(thread)r %(name)r",
                "%(asctime)s.%(msecs)03d %(asctime)30s %(asctime).10s",
                "[%(uni)s] %(uni)-9s %(uni).3s café ☕ %(message)s",
                "%(message)r %(message)-30s %(message).4s",
                "%(missing)s after %(message)s",
                "%(message)s %(asctime)s %(lineno)d %(funcName)s %(pathname)s %(filename)s %(module)s",
                "%(created)f %(relativeCreated)d %(exc_text)s %(stack_info)s"));
        return formats.stream();
    }

    /** Records of several kinds; each call makes fresh ones, as formatting sets attributes on them. */
    private static List<LogRecord> records() {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("width", 12);
        extra.put("prec", 3);
        extra.put("uni", "café ☕");
        extra.put("k", "v");
        extra.put("none", null);
        CallerLocation where = CallerLocation.of("app.Db", "main", "Db.java", 42);
        return List.of(
                new LogRecord("app.db", Level.INFO, where, "hello %s", new Object[] {"world"}, null, null, extra, CREATED),
                new LogRecord("ünïcode.lögger", Level.WARNING, where, "naïve ☕ %s %d", new Object[] {"日本", 7}, null, null,
                        extra, CREATED + 0.5),
                new LogRecord("app", Level.ERROR, where, "emoji 😀 100%% sure", new Object[] {1}, null, null, extra, CREATED),
                new LogRecord("app", Level.DEBUG, where, "lone \ud800 surrogate", new Object[0], null, null, extra, CREATED),
                new LogRecord("app", 25, null, "custom level, no location", null, null, null, null, CREATED),
                new LogRecord("app", Level.INFO, where, "%s %s", new Object[] {"too few"}, null, null, extra, CREATED));
    }

    @ParameterizedTest
    @MethodSource("formats")
    void writesTheBytesOfFormatOrNothing(String fmt) {
        for (boolean withDatefmt : new boolean[] {false, true}) {
            List<LogRecord> expectedRecords = records();
            List<LogRecord> actualRecords = records();
            for (int i = 0; i < expectedRecords.size(); i++) {
                Formatter f = formatter(fmt, withDatefmt ? "%d/%m %H:%M" : null);
                compare(f, expectedRecords.get(i), actualRecords.get(i), fmt + " record " + i);
            }
        }
    }

    @Test
    void theCommonFormatsTakeTheCompiledPath() {
        for (String fmt : List.of("%(asctime)s %(levelname)s %(name)s: %(message)s",
                "%(asctime)s %(levelname)-8s %(name)s: %(message)s", "%(levelname)s:%(name)s:%(message)s",
                "%(message)s")) {
            LogRecord r = records().get(1);
            Utf8Output out = new Utf8Output(16);
            assertThat(formatter(fmt, null).formatUtf8(r, out)).as(fmt).isTrue();
            assertThat(text(out)).isEqualTo(formatter(fmt, null).format(records().get(1)));
        }
        assertThat(formatter(null, null).formatUtf8(records().get(0), new Utf8Output(16))).isTrue();
    }

    @Test
    void leavesAppendedBytesAloneAndAddsNothingWhenItCannot() {
        Utf8Output out = new Utf8Output(16);
        out.append("kept;");
        Formatter f = formatter("%(levelname)-8s %(message)s", null);
        assertThat(f.formatUtf8(records().get(3), out)).as("lone surrogate in the message").isFalse();
        LogRecord withError = new LogRecord("app", Level.ERROR, null, "failed", null, new IllegalStateException("x"),
                null, null, CREATED);
        assertThat(f.formatUtf8(withError, out)).as("exception text is the general path's").isFalse();
        LogRecord withStack = new LogRecord("app", Level.ERROR, null, "failed", null, null, "Stack (most recent call last)",
                null, CREATED);
        assertThat(f.formatUtf8(withStack, out)).isFalse();
        assertThat(new Formatter("{levelname} {message}", null, '{').formatUtf8(records().get(0), out)).isFalse();
        assertThat(text(out)).isEqualTo("kept;");
        assertThat(f.formatUtf8(records().get(0), out)).isTrue();
        assertThat(text(out)).isEqualTo("kept;INFO     hello world");
    }

    @Test
    void subclassesThatChangeTheTextKeepTheirOwnPath() {
        Formatter upper = new Formatter("%(message)s") {
            @Override
            protected Object fieldValue(LogRecord record, String name) {
                return super.fieldValue(record, name).toString().toUpperCase(java.util.Locale.ROOT);
            }
        };
        Formatter time = new Formatter("%(asctime)s %(message)s") {
            @Override
            public String formatTime(LogRecord record, String datefmt) {
                return "then";
            }
        };
        assertThat(upper.formatUtf8(records().get(0), new Utf8Output(16))).isFalse();
        assertThat(time.formatUtf8(records().get(0), new Utf8Output(16))).isFalse();
    }

    @Test
    void defaultTimeFollowsTheMillisecondSeparatorAndTimeFormat() {
        Formatter f = formatter("%(asctime)s|%(message)s", null);
        f.setDefaultMsecSeparator(".");
        f.setDefaultTimeFormat("%H:%M:%S");
        compare(f, records().get(0), records().get(0), "custom default time");
        f.setDefaultMsecSeparator(null);
        compare(f, records().get(0), records().get(0), "no milliseconds");
        LogRecord early = new LogRecord("app", Level.INFO, null, "m", null, null, null, null, 1_700_000_000.0075);
        Utf8Output out = new Utf8Output(16);
        formatter("%(asctime)s", null).formatUtf8(early, out);
        assertThat(text(out)).isEqualTo("2023-11-14 22:13:20,007");
    }

    private static Formatter formatter(String fmt, String datefmt) {
        Formatter f = new Formatter(fmt, datefmt, '%', false, null);
        f.setTimeZone(ZoneOffset.UTC);
        return f;
    }

    /** formatUtf8 on {@code actual} against format on {@code expected}, an identical record. */
    private static void compare(Formatter f, LogRecord expected, LogRecord actual, String description) {
        String text = null;
        Throwable expectedError = null;
        try {
            text = f.format(expected);
        } catch (RuntimeException e) {
            expectedError = e;
        }
        Utf8Output out = new Utf8Output(16);
        out.append("x");
        boolean written;
        try {
            written = f.formatUtf8(actual, out);
        } catch (RuntimeException e) {
            assertThat(expectedError).as(description + ": threw " + e).isNotNull();
            assertThat(e).as(description).isInstanceOf(expectedError.getClass()).hasMessage(expectedError.getMessage());
            assertThat(out.size()).as(description + ": nothing left behind by a failure").isEqualTo(1);
            return;
        }
        if (!written) {
            assertThat(out.size()).as(description + ": nothing written").isEqualTo(1);
            return;
        }
        assertThat(expectedError).as(description + ": format threw, formatUtf8 did not").isNull();
        byte[] strict = strictUtf8(text);
        assertThat(strict).as(description + ": format gives text strict UTF-8 refuses").isNotNull();
        assertThat(Arrays.copyOfRange(out.array(), 1, out.size())).as(description).isEqualTo(strict);
    }

    private static byte[] strictUtf8(String text) {
        try {
            ByteBuffer b = StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(text));
            return Arrays.copyOfRange(b.array(), b.position(), b.limit());
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String text(Utf8Output out) {
        return new String(out.array(), 0, out.size(), StandardCharsets.UTF_8);
    }
}
