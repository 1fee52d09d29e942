package dev.cairn.cli.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldValuesTest {

    @Test
    void percentilesAreNearestRankOverExactValues() {
        FieldValues f = new FieldValues("d");
        for (int v = 100; v >= 1; v--) {
            f.add(v);
        }
        assertThat(f.isExact()).isTrue();
        assertThat(f.percentile(50)).isEqualTo(50);
        assertThat(f.percentile(95)).isEqualTo(95);
        assertThat(f.percentile(99)).isEqualTo(99);
        assertThat(f.percentile(100)).isEqualTo(100);
        assertThat(f.mean()).isEqualTo(50.5);
        assertThat(f.min()).isEqualTo(1);
        assertThat(f.max()).isEqualTo(100);
    }

    @Test
    void pastTheExactLimitPercentilesStayWithinOnePercent() {
        FieldValues f = new FieldValues("d");
        int n = FieldValues.EXACT_LIMIT + 1000;
        for (int i = 1; i <= n; i++) {
            f.add(i % 10_000 + 1);
        }
        assertThat(f.isExact()).isFalse();
        assertThat(f.count()).isEqualTo(n);
        assertThat(f.percentile(50)).isCloseTo(5000, within(50.0));
        assertThat(f.percentile(99)).isCloseTo(9900, within(99.0));
        assertThat(f.max()).isEqualTo(10_000);
    }

    @Test
    void distributionCountsEachValueOnceInOneTwoFiveRanges() {
        FieldValues f = new FieldValues("d");
        for (double v : new double[] {0, 0.5, 1, 3, 7, 7, 40, 900}) {
            f.add(v);
        }
        Map<Double, Long> d = f.distribution();
        assertThat(d.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(8);
        assertThat(d).containsEntry(0.01, 1L).containsEntry(0.5, 1L).containsEntry(1.0, 1L).containsEntry(5.0, 1L)
                .containsEntry(10.0, 2L).containsEntry(50.0, 1L).containsEntry(1000.0, 1L);
        assertThat(d.keySet()).first().isEqualTo(0.01);
        assertThat(d.keySet()).last().isEqualTo(1000.0);
    }

    @Test
    void noValuesGiveNaNAndAnEmptyDistribution() {
        FieldValues f = new FieldValues("d");
        f.add(Double.NaN);
        assertThat(f.count()).isZero();
        assertThat(f.percentile(50)).isNaN();
        assertThat(f.distribution()).isEmpty();
        assertThat(f.toMap()).containsOnlyKeys("field", "count", "exact");
    }
}
