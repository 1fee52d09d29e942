package dev.cairn.cli.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.cli.read.LogEntry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogStatsTest {

    private static final long T0 = 1_714_564_800_000L;  // 2024-05-01T12:00:00Z

    private static LogEntry entry(long time, String level, String logger, Map<String, String> fields, String source) {
        return new LogEntry(time, level, logger, "m", null, null, null, fields, source, 1);
    }

    @Test
    void countsByLevelLoggerServiceAndMinuteWithEmptyMinutesKept() {
        LogStats stats = new LogStats(60_000, List.of());
        stats.add(entry(T0 + 1_000, "INFO", "app.web", Map.of(), "api.log"));
        stats.add(entry(T0 + 2_000, "ERROR", "app.db", Map.of(), "api.log"));
        stats.add(entry(T0 + 3 * 60_000, "WARNING", "app.web", Map.of("service", "worker"), "w.log"));
        stats.add(entry(LogEntry.NO_TIME, null, null, Map.of(), "api.log"));
        assertThat(stats.records()).isEqualTo(4);
        assertThat(stats.untimed()).isEqualTo(1);
        assertThat(stats.errors()).isEqualTo(1);
        assertThat(stats.levels()).containsExactly(0, 1, 1, 1, 0, 1);
        assertThat(stats.topLoggers(1)).containsExactly(new LogStats.Talker("app.web", 2, 0));
        assertThat(stats.topServices(5)).extracting(LogStats.Talker::name).containsExactly("api", "worker");
        TimeSeries s = stats.series(100, 5);
        assertThat(s.size()).isEqualTo(4);
        assertThat(s.records()).containsExactly(2, 0, 0, 1);
        assertThat(s.errors()).containsExactly(1, 0, 0, 0);
        assertThat(s.errorRate()[0]).isEqualTo(50.0);
        assertThat(s.errorRate()[1]).isNaN();
        assertThat(s.services().get("worker")).containsExactly(0, 0, 0, 1);
    }

    @Test
    void longSpansAreMergedIntoNiceWiderBins() {
        LogStats stats = new LogStats(60_000, List.of());
        for (int minute = 0; minute < 24 * 60; minute++) {
            stats.add(entry(T0 + minute * 60_000L, "INFO", "a", Map.of(), "a.log"));
        }
        TimeSeries s = stats.series(30, 5);
        assertThat(s.binMillis()).isEqualTo(60 * 60_000L);
        assertThat(s.size()).isEqualTo(24);
        assertThat(s.records()).containsOnly(60);
    }

    @Test
    void loggersBeyondTheTopAreSummedAsOther() {
        LogStats stats = new LogStats(60_000, List.of());
        for (int i = 0; i < 10; i++) {
            for (int k = 0; k <= i; k++) {
                stats.add(entry(T0, "INFO", "logger" + i, Map.of(), "a.log"));
            }
        }
        TimeSeries s = stats.series(10, 3);
        assertThat(s.loggers().keySet()).containsExactly("logger9", "logger8", "logger7", LogStats.OTHER);
        assertThat(s.loggers().get(LogStats.OTHER)).containsExactly(55 - 10 - 9 - 8);
    }

    @Test
    void aLatencyFieldIsPickedWhenNoneIsGiven() {
        LogStats stats = new LogStats(60_000, List.of());
        stats.add(entry(T0, "INFO", "a", Map.of("user", "alice"), "a.log"));
        stats.add(entry(T0, "INFO", "a", Map.of("elapsed_ms", "12.5"), "a.log"));
        stats.add(entry(T0, "INFO", "a", Map.of("elapsed_ms", "n/a"), "a.log"));
        stats.add(entry(T0, "INFO", "a", Map.of("elapsed_ms", "7"), "a.log"));
        assertThat(stats.fields()).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualTo("elapsed_ms");
            assertThat(f.count()).isEqualTo(2);
        });
        assertThat(stats.series(10, 3).fieldMean().get("elapsed_ms")).containsExactly(9.75);
    }
}
