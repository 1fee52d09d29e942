package dev.cairn.filters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.Clock;
import dev.cairn.Level;
import dev.cairn.LogRecord;
import dev.cairn.Logger;
import dev.cairn.Logging;
import dev.cairn.context.RecordList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rate limiting, sampling and de-duplication, each reporting what it held back in a summary record. */
class VolumeFiltersTest {
    private final RecordList out = new RecordList();
    private Logger log;
    private double now = 1_700_000_000.0;

    @BeforeEach
    void setUp() {
        Logging.reset();
        Logging.setClock(() -> now);
        log = Logging.getLogger("vol");
        log.setLevel(Level.DEBUG);
        log.addHandler(out);
    }

    @AfterEach
    void tearDown() {
        Logging.reset();
        Logging.setClock(Clock.SYSTEM);
    }

    private List<String> messages() {
        return out.records.stream().map(LogRecord::getMessage).collect(Collectors.toList());
    }

    @Test
    void rateLimitPassesTheLimitPerWindowAndThenReportsTheRest() {
        log.addFilter(new RateLimitFilter(2, 10));
        for (int i = 0; i < 5; i++) log.info("tick %d", i);
        log.info("other");
        now += 10;
        log.info("tick %d", 99);
        assertThat(messages()).containsExactly("tick 0", "tick 1", "other",
                "suppressed 3 records from vol like 'tick %d' (rate limit 2 per 10.0 s)", "tick 99");
        LogRecord summary = out.records.get(3);
        assertThat(summary.getFields()).containsEntry("suppressed", 3L).containsEntry("suppressed_template", "tick %d")
                .containsEntry("suppressed_logger", "vol").containsEntry("suppressed_since", 1_700_000_000.0);
        assertThat(summary.getLevelno()).isEqualTo(Level.INFO);
    }

    @Test
    void rateLimitPerLevelKeepsLevelsApart() {
        log.addFilter(new RateLimitFilter(Map.of("limit", 1, "period", 5, "key", List.of("level"))));
        log.info("a");
        log.info("b");
        log.error("c");
        log.error("d");
        now += 6;
        log.info("e");
        log.error("f");
        assertThat(messages()).containsExactly("a", "c", "suppressed 1 record (rate limit 1 per 5.0 s)", "e",
                "suppressed 1 record (rate limit 1 per 5.0 s)", "f");
        assertThat(out.records.get(4).getLevelno()).isEqualTo(Level.ERROR);
    }

    @Test
    void samplingKeepsOneInNBelowTheKeepLevelAndReportsPerPeriod() {
        SamplingFilter f = new SamplingFilter(Map.of("one_in", 4, "period", 60));
        log.addFilter(f);
        for (int i = 0; i < 10; i++) log.debug("d%d", i);
        log.warning("always");
        now += 61;
        log.debug("later");
        assertThat(messages()).containsExactly("d0", "d4", "d8", "always",
                "suppressed 7 records from vol (sampling 1 in 4)", "later");
    }

    @Test
    void samplingByRateKeepsRoughlyThatShare() {
        log.addFilter(new SamplingFilter(Map.of("rate", 0.1, "keep_level", "CRITICAL")));
        for (int i = 0; i < 5000; i++) log.error("e");
        assertThat(out.records.size()).isBetween(350, 650);
    }

    @Test
    void duplicatesAreHeldBackForTheWindowThenSummarised() {
        DuplicateFilter f = new DuplicateFilter(30);
        log.addFilter(f);
        for (int i = 0; i < 4; i++) log.error("disk %s full", "/var");
        log.error("disk %s full", "/tmp");
        now += 31;
        log.error("disk %s full", "/var");
        log.error("disk %s full", "/tmp");
        log.error("disk %s full", "/tmp");
        f.flush();
        assertThat(messages()).containsExactly("disk /var full", "disk /tmp full",
                "suppressed 3 records from vol like 'disk /var full' (duplicates within 30.0 s)", "disk /var full",
                "disk /tmp full", "suppressed 1 record from vol like 'disk /tmp full' (duplicates within 30.0 s)");
    }

    @Test
    void summariesGoToTheTargetHandlerWhenTheFilterIsAttachedToOne() {
        RecordList other = new RecordList();
        log.addHandler(other);
        DuplicateFilter f = new DuplicateFilter(10);
        f.setTarget(other);
        other.addFilter(f);
        log.info("same");
        log.info("same");
        f.flush();
        assertThat(other.records).extracting(LogRecord::getMessage)
                .containsExactly("same", "suppressed 1 record from vol like 'same' (duplicates within 10.0 s)");
        assertThat(messages()).containsExactly("same", "same");
    }

    @Test
    void fromDictConfigWithOptions() {
        Logging.dictConfig(Map.of("version", 1,
                "filters", Map.of("burst", Map.of("()", "dev.cairn.filters.RateLimitFilter", "limit", 1, "period", 60)),
                "loggers", Map.of("vol.cfg", Map.of("filters", List.of("burst")))));
        Logger cfg = Logging.getLogger("vol.cfg");
        RecordList seen = new RecordList();
        cfg.addHandler(seen);
        cfg.warning("x");
        cfg.warning("x");
        assertThat(seen.records).extracting(LogRecord::getMessage).containsExactly("x");
        assertThatThrownBy(() -> new RateLimitFilter(Map.of("limt", 1))).hasMessageContaining("unknown rate limit option");
        assertThatThrownBy(() -> new SamplingFilter(Map.of("one_in", 2, "rate", 0.5))).hasMessageContaining("exactly one");
        assertThatThrownBy(() -> new DuplicateFilter(Map.of("key", "user"))).hasMessageContaining("key parts");
    }

    @Test
    void manyDistinctKeysAreBoundedAndEvictedCountsReported() {
        log.addFilter(new DuplicateFilter(Map.of("window", 60, "max_keys", 2)));
        log.info("a");
        log.info("a");
        log.info("b");
        log.info("c");
        assertThat(messages()).containsExactly("a", "b",
                "suppressed 1 record from vol like 'a' (duplicates within 60.0 s)", "c");
    }
}
