package dev.cairn.cli.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Every timestamp shape log headers are written in, read to the millisecond, and what is not a time. */
class TimeScannerTest {

    private static long millis(String text) {
        TimeScanner.Found found = TimeScanner.scan(text, 0);
        assertThat(found).as("a time at the start of '%s'", text).isNotNull();
        return found.millis();
    }

    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void numericDatesThenTimes() {
        assertThat(millis("2024-05-01 12:00:00,123 INFO")).isEqualTo(at("2024-05-01T12:00:00.123Z"));
        assertThat(millis("2024-05-01T12:00:00.123456+02:00 x")).isEqualTo(at("2024-05-01T10:00:00.123Z"));
        assertThat(millis("2024-05-01T12:00:00Z")).isEqualTo(at("2024-05-01T12:00:00Z"));
        assertThat(millis("2024-05-01T12:00:00+0530")).isEqualTo(at("2024-05-01T06:30:00Z"));
        assertThat(millis("2024/05/01 12:00:00 msg")).isEqualTo(at("2024-05-01T12:00:00Z"));
        assertThat(millis("17/06/09 20:10:40 INFO")).isEqualTo(at("2017-06-09T20:10:40Z"));
        assertThat(millis("081109 203615 148 INFO")).isEqualTo(at("2008-11-09T20:36:15Z"));
        assertThat(millis("20171223-22:15:29:606|Step")).isEqualTo(at("2017-12-23T22:15:29.606Z"));
        // HealthApp's last number counts milliseconds even when it has fewer than three digits.
        assertThat(millis("20171223-22:32:0:95|x")).isEqualTo(at("2017-12-23T22:32:00.095Z"));
        assertThat(millis("2005-06-03-15.42.50.675872 R02")).isEqualTo(at("2005-06-03T15:42:50.675Z"));
    }

    @Test
    void monthNames() {
        assertThat(millis("10/Oct/2000:13:55:36 -0700")).isEqualTo(at("2000-10-10T20:55:36Z"));
        assertThat(millis("01-May-2024 12:00:00.123 INFO")).isEqualTo(at("2024-05-01T12:00:00.123Z"));
        assertThat(millis("01 May 2024 12:00:00.123 *")).isEqualTo(at("2024-05-01T12:00:00.123Z"));
        assertThat(millis("Wed, 01 May 2024 12:00:00 +0200")).isEqualTo(at("2024-05-01T10:00:00Z"));
        assertThat(millis("Sun Dec 04 04:47:44 2005] [notice]")).isEqualTo(at("2005-12-04T04:47:44Z"));
        assertThat(millis("Tue May 01 12:00:00 UTC 2024 x")).isEqualTo(at("2024-05-01T12:00:00Z"));
        // Syslog writes no year: the time is placed in 1970. A one-digit day is padded with a space.
        assertThat(millis("Dec 10 06:55:46 LabSZ")).isEqualTo(at("1970-12-10T06:55:46Z"));
        assertThat(millis("Dec  1 06:55:46 LabSZ")).isEqualTo(at("1970-12-01T06:55:46Z"));
    }

    @Test
    void timesOfDayAndEpochNumbers() {
        assertThat(millis("12:00:01.456 [main]")).isEqualTo(at("1970-01-01T12:00:01.456Z"));
        assertThat(millis("1117838570 2005.06.03")).isEqualTo(at("2005-06-03T22:42:50Z"));
        assertThat(millis("1714564800.5 x")).isEqualTo(1714564800500L);
        assertThat(millis("1714564800500 x")).isEqualTo(1714564800500L);
    }

    @Test
    void whereATimeEndsInTheLine() {
        assertThat(TimeScanner.scan("[2024-05-01 12:00:00,123] INFO", 1).end()).isEqualTo(24);
        assertThat(TimeScanner.scan("x 10/Oct/2000:13:55:36 -0700] \"GET", 2).end()).isEqualTo(28);
    }

    @Test
    void whatIsNotATime() {
        assertThat(TimeScanner.scan("2024-13-01 12:00:00 bad month", 0)).isNull();
        assertThat(TimeScanner.scan("2024-05-01 25:00:00 bad hour", 0)).isNull();
        assertThat(TimeScanner.scan("2024-05-01 alone", 0)).isNull();
        assertThat(TimeScanner.scan("12:00 no seconds", 0)).isNull();
        assertThat(TimeScanner.scan("2024-05-01 12:00:00abc", 0)).isNull();
        assertThat(TimeScanner.scan("Decimal 10 06:55:46", 0)).isNull();
        assertThat(TimeScanner.scan("version 1.2.3", 0)).isNull();
        assertThat(TimeScanner.scan("12345 items", 0)).isNull();
        assertThat(TimeScanner.scan("", 0)).isNull();
    }
}
