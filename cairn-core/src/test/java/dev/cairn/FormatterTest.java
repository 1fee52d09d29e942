package dev.cairn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expected strings below were printed by CPython 3.11's logging.Formatter for the same record. */
class FormatterTest {
    private static LogRecord record() {
        CallerLocation where = CallerLocation.of("x.App", "fn", "app.py", 12);
        return new LogRecord("svc.api", Level.INFO, where, "hello %s", new Object[] {"w"}, null, null, null, 1700000000.042);
    }

    private static Formatter utc(Formatter f) {
        f.setTimeZone(ZoneOffset.UTC);
        return f;
    }

    @Test
    void percentStyleWithDefaultAsctime() {
        Formatter f = utc(new Formatter("%(asctime)s %(levelname)-8s %(name)s: %(message)s"));
        assertThat(f.format(record())).isEqualTo("2023-11-14 22:13:20,042 INFO     svc.api: hello w");
    }

    @Test
    void braceStyleWithSpecAndConversion() {
        Formatter f = utc(new Formatter("{asctime} {levelname:>8} {name!r} {message}", null, '{'));
        assertThat(f.format(record())).isEqualTo("2023-11-14 22:13:20,042     INFO 'svc.api' hello w");
    }

    @Test
    void dollarStyle() {
        Formatter f = utc(new Formatter("$asctime ${levelname}: $message $$", null, '$'));
        assertThat(f.format(record())).isEqualTo("2023-11-14 22:13:20,042 INFO: hello w $");
    }

    @Test
    void numericFlagsPrecisionAndLocationFields() {
        Formatter f = new Formatter("%(levelno)+05d|%(name).3s|%(lineno)-4d|%(funcName)s");
        assertThat(f.format(record())).isEqualTo("+0020|svc|12  |fn");
        assertThat(f.usesCallerLocation()).isTrue();
        assertThat(new Formatter("%(message)s").usesCallerLocation()).isFalse();
    }

    @Test
    void datefmtUsesStrftime() {
        Formatter f = utc(new Formatter("%(asctime)s", "%H:%M:%S %d/%m/%y"));
        assertThat(f.format(record())).isEqualTo("22:13:20 14/11/23");
    }

    @Test
    void asctimeFollowsTheZone() {
        Formatter f = new Formatter("%(asctime)s");
        f.setTimeZone(ZoneId.of("Europe/Berlin"));
        assertThat(f.format(record())).isEqualTo("2023-11-14 23:13:20,042");
    }

    @Test
    void defaultsFillMissingFields() {
        Formatter f = new Formatter("%(app)s %(message)s", null, '%', true, Map.of("app", "shop"));
        assertThat(f.format(record())).isEqualTo("shop hello w");
    }

    @Test
    void defaultFormatIsTheMessage() {
        assertThat(new Formatter().format(record())).isEqualTo("hello w");
        assertThat(new Formatter(null, null, '{').format(record())).isEqualTo("hello w");
        assertThat(new Formatter("", null, '$').format(record())).isEqualTo("hello w");
    }

    @Test
    void exceptionTextIsAppendedOnceAndCached() {
        LogRecord r = new LogRecord("x", Level.ERROR, null, "failed", null, new IllegalStateException("boom"), null, null, 0);
        String text = new Formatter("%(levelname)s %(message)s").format(r);
        assertThat(text).startsWith("ERROR failed\njava.lang.IllegalStateException: boom\n\tat ");
        assertThat(text).doesNotEndWith("\n");
        assertThat(r.getExcText()).isEqualTo(text.substring("ERROR failed\n".length()));
    }

    @Test
    void badFormatsFailAtConstructionQuotingTheFormat() {
        assertThatThrownBy(() -> new Formatter("%(message)")).hasMessageContaining("Invalid format '%(message)' for '%' style");
        assertThatThrownBy(() -> new Formatter("no fields")).hasMessageContaining("Invalid format 'no fields' for '%' style");
        assertThatThrownBy(() -> new Formatter("{message", null, '{')).hasMessageContaining("expected '}' before end of string");
        assertThatThrownBy(() -> new Formatter("{}", null, '{')).hasMessageContaining("invalid format: no fields");
        assertThatThrownBy(() -> new Formatter("{message!x}", null, '{')).hasMessageContaining("invalid conversion: 'x'");
        assertThatThrownBy(() -> new Formatter("${ message", null, '$')).hasMessageContaining("bare '$' not allowed");
        assertThatThrownBy(() -> new Formatter("plain", null, '$')).hasMessageContaining("invalid format: no fields");
        assertThatThrownBy(() -> new Formatter("%(message)s", null, '#')).hasMessageContaining("Style must be one of: %,{,$");
    }

    @Test
    void validateFalseDefersTheErrorToFormatTime() {
        Formatter f = new Formatter("no fields %(", null, '%', false, null);
        assertThatThrownBy(() -> f.format(record())).isInstanceOf(IllegalArgumentException.class);
    }
}
