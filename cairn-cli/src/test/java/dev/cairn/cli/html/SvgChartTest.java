package dev.cairn.cli.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.cli.stats.SvgWellFormed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SvgChartTest {

    @Test
    void ticksAreOneTwoFiveStepsCoveringTheMaximum() {
        assertThat(SvgChart.ticks(0)).containsExactly(0, 1);
        assertThat(SvgChart.ticks(7)).containsExactly(0, 2, 4, 6, 8);
        assertThat(SvgChart.ticks(100)).containsExactly(0, 50, 100);
        assertThat(SvgChart.ticks(0.3)).containsExactly(0, 0.1, 0.2, 0.30000000000000004);
    }

    @Test
    void compactNumbersForAxes() {
        assertThat(SvgChart.compact(950)).isEqualTo("950");
        assertThat(SvgChart.compact(12_500)).isEqualTo("12.5k");
        assertThat(SvgChart.compact(3_400_000)).isEqualTo("3.4M");
        assertThat(SvgChart.compact(0.25)).isEqualTo("0.25");
    }

    @Test
    void chartsAreWellFormedXmlWithEscapedNamesAndOneRectPerNonZeroSegment() throws Exception {
        Map<String, long[]> series = new LinkedHashMap<>();
        series.put("<b>&\"x\"", new long[] {1, 0, 3});
        series.put("ERROR", new long[] {0, 0, 2});
        String bars = SvgChart.timeBars("t", new long[] {0, 60_000, 120_000}, 60_000, series, SvgChart.LEVEL_COLOURS, 200);
        Map<String, double[]> lines = new LinkedHashMap<>();
        lines.put("rate", new double[] {1, Double.NaN, 2});
        String line = SvgChart.timeLines("l", new long[] {0, 60_000, 120_000}, 60_000, lines, null, "%", 200);
        String h = SvgChart.horizontalBars("h", List.of("a<", "b"), new long[] {5, 2}, new long[] {1, 0});
        String c = SvgChart.columns("c", List.of("≤ 1", "≤ 2"), new long[] {3, 0}, "#000", 200);
        String page = String.join("\n", bars, line, h, c);
        assertThat(SvgWellFormed.charts(page)).hasSize(4);
        assertThat(bars.split("<title>", -1)).hasSize(1 + 3);
        assertThat(bars).contains("&lt;b&gt;&amp;&quot;x&quot;");
        assertThat(line.split("<polyline", -1)).hasSize(1 + 2);
    }

    @Test
    void aLegendTooWideForTheChartSaysHowManyItLeavesOut() throws Exception {
        Map<String, long[]> series = new LinkedHashMap<>();
        for (int i = 0; i < 12; i++) {
            series.put("service.component." + i, new long[] {i + 1L});
        }
        String svg = SvgChart.timeBars("many", new long[] {0}, 1000, series, null, 200);
        assertThat(SvgWellFormed.charts(svg)).hasSize(1);
        assertThat(svg).containsPattern(">\\+\\d+ more</text>").contains(">service.component.0</text>")
                .doesNotContain(">service.component.11</text>").contains("<title>service.component.11 ");
    }

    @Test
    void barsOfSecondsAreLabelledWithSeconds() {
        String svg = SvgChart.timeBars("s", new long[] {0, 1000, 2000}, 1000, Map.of("INFO", new long[] {1, 2, 3}), null, 200);
        assertThat(svg).contains(">00:00:01</text>", "one bar or point per second");
    }

    @Test
    void traceLanesMarkErrorsAndTheRootCause() throws Exception {
        String svg = SvgChart.lanes("trace", List.of(
                new SvgChart.Lane("api", 0, 700, new long[] {0, 700}, new boolean[] {false, true}),
                new SvgChart.Lane("<db>", 20, 600, new long[] {20, 600}, new boolean[] {false, true})), 700, "<db>", 600);
        assertThat(SvgWellFormed.charts(svg)).hasSize(1);
        assertThat(svg.split("fill=\"#e45756\"", -1)).hasSize(1 + 1 + 2);  // the legend's and two error ticks
        assertThat(svg).contains("&lt;db&gt;", "<title>likely root cause at +600 ms</title>");
    }

    @Test
    void emptySeriesStillDrawsAValidChart() throws Exception {
        String svg = SvgChart.timeBars("empty", new long[0], 60_000, Map.of(), null, 200);
        assertThat(SvgWellFormed.charts(svg)).hasSize(1);
    }
}
