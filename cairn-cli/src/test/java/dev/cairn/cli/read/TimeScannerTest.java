package dev.cairn.cli.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every timestamp shape log headers are written in, read to the millisecond, and what is not a time. */
class TimeScannerTest {

    /**
     * Each shape: the text a header starts with, and the instant it reads as. Syslog writes no year
     * (placed in 1970) and pads a one-digit day with a space; a time of day alone is on 1970-01-01;
     * HealthApp's last number counts milliseconds even with fewer than three digits.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2024-05-01 12:00:00,123 INFO          | 2024-05-01T12:00:00.123Z
            2024-05-01T12:00:00.123456+02:00 x    | 2024-05-01T10:00:00.123Z
            2024-05-01T12:00:00Z                  | 2024-05-01T12:00:00Z
            2024-05-01T12:00:00+0530              | 2024-05-01T06:30:00Z
            2024-05-01 12:00:00.123 UTC [1234]    | 2024-05-01T12:00:00.123Z
            2024/05/01 12:00:00 msg               | 2024-05-01T12:00:00Z
            17/06/09 20:10:40 INFO                | 2017-06-09T20:10:40Z
            081109 203615 148 INFO                | 2008-11-09T20:36:15Z
            20171223-22:15:29:606 Step            | 2017-12-23T22:15:29.606Z
            20171223-22:32:0:95 x                 | 2017-12-23T22:32:00.095Z
            2005-06-03-15.42.50.675872 R02        | 2005-06-03T15:42:50.675Z
            10/Oct/2000:13:55:36 -0700            | 2000-10-10T20:55:36Z
            01-May-2024 12:00:00.123 INFO         | 2024-05-01T12:00:00.123Z
            01 May 2024 12:00:00.123 *            | 2024-05-01T12:00:00.123Z
            'Wed, 01 May 2024 12:00:00 +0200'     | 2024-05-01T10:00:00Z
            Sun Dec 04 04:47:44 2005] [notice]    | 2005-12-04T04:47:44Z
            Tue May 01 12:00:00 UTC 2024 x        | 2024-05-01T12:00:00Z
            Dec 10 06:55:46 LabSZ                 | 1970-12-10T06:55:46Z
            'Dec  1 06:55:46 LabSZ'               | 1970-12-01T06:55:46Z
            12:00:01.456 [main]                   | 1970-01-01T12:00:01.456Z
            1117838570 2005.06.03                 | 2005-06-03T22:42:50Z
            1714564800.5 x                        | 2024-05-01T12:00:00.500Z
            1714564800500 x                       | 2024-05-01T12:00:00.500Z
            """)
    void readsEachShape(String text, String instant) {
        TimeScanner.Found found = TimeScanner.scan(text, 0);
        assertThat(found).as("a time at the start of '%s'", text).isNotNull();
        assertThat(found.millis()).isEqualTo(Instant.parse(instant).toEpochMilli());
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
