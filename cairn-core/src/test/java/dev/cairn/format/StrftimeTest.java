package dev.cairn.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StrftimeTest {
    static Stream<Arguments> cases() {
        return CaseTable.rows("strftime.jsonl");
    }

    @ParameterizedTest(name = "line {0}: {1} {2} {3}")
    @MethodSource("cases")
    void matchesPythonTimeStrftimeOnGlibc(int line, String pattern, String zone, Number epochSecond, String expected) {
        // %Z names come from the system tz database, as glibc's do; without it Java's names differ for some zones.
        assumeTrue(!pattern.contains("Z") || Files.isDirectory(Path.of("/usr/share/zoneinfo")), "no tz database");
        ZonedDateTime t = Instant.ofEpochSecond(epochSecond.longValue()).atZone(ZoneId.of(zone));
        assertThat(Strftime.format(pattern, t)).as("line %d: %s in %s at %s", line, pattern, zone, epochSecond)
                .isEqualTo(expected);
    }

    @Test
    void compiledPatternAppendsAndIsReusable() {
        Strftime f = Strftime.compile("%Y-%m-%d %H:%M:%S");
        StringBuilder out = new StringBuilder("at ");
        f.format(out, Instant.ofEpochSecond(1700000000).atZone(ZoneOffset.UTC));
        assertThat(out).hasToString("at 2023-11-14 22:13:20");
        assertThat(f.format(Instant.ofEpochSecond(0).atZone(ZoneOffset.UTC))).isEqualTo("1970-01-01 00:00:00");
        assertThat(f.pattern()).isEqualTo("%Y-%m-%d %H:%M:%S");
    }

    @Test
    void fixedOffsetZonesPrintNumericAbbreviations() {
        ZonedDateTime t = Instant.ofEpochSecond(1700000000).atZone(ZoneOffset.ofHoursMinutes(5, 30));
        assertThat(Strftime.format("%Z %z", t)).isEqualTo("+0530 +0530");
        assertThat(Strftime.format("%Z", t.withZoneSameInstant(ZoneOffset.UTC))).isEqualTo("UTC");
    }
}
