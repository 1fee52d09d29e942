package dev.cairn.cli.stats;

import dev.cairn.cli.Durations;
import dev.cairn.cli.html.Html;
import dev.cairn.cli.html.SvgChart;
import dev.cairn.cli.read.LogEntry;
import dev.cairn.cli.read.Timestamps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes {@link LogStats} as sections of an HTML page: summary cards and SVG charts over time, top talkers and field percentiles. */
public final class StatsHtml {

    /** Bins drawn in a chart over time at most. */
    static final int MAX_BINS = 240;

    private StatsHtml() {
    }

    /** Appends the statistics sections to {@code html}. */
    public static void append(Html html, LogStats stats) {
        html.section("stats", "Statistics");
        html.cards("records", StatsText.count(stats.records()),
                "errors", StatsText.count(stats.errors()),
                "error rate", StatsText.percent(stats.errors(), stats.records()),
                "loggers", StatsText.count(stats.loggerCount()),
                "services", StatsText.count(stats.serviceCount()),
                "time span", stats.first() == LogEntry.NO_TIME ? "-" : Durations.format(stats.last() - stats.first()));
        if (stats.first() != LogEntry.NO_TIME) {
            html.paragraph("From " + Timestamps.format(stats.first()) + " to " + Timestamps.format(stats.last())
                    + (stats.untimed() > 0 ? "; " + StatsText.count(stats.untimed()) + " records carry no time" : "") + ".");
        }
        levelsTable(html, stats);
        TimeSeries series = stats.series(MAX_BINS, 8);
        if (series.size() > 0) {
            String per = Durations.unit(series.binMillis());
            html.subheading("Records per " + per + " by level");
            html.chart(SvgChart.timeBars("Records per " + per + " by level", series.starts(), series.binMillis(),
                    nonEmpty(series.levels()), SvgChart.LEVEL_COLOURS, 280));
            html.subheading("Error rate per " + per);
            Map<String, double[]> rate = new LinkedHashMap<>();
            rate.put("errors, % of records", series.errorRate());
            html.chart(SvgChart.timeLines("Error rate per " + per, series.starts(), series.binMillis(), rate,
                    Map.of("errors, % of records", "#e45756"), "%", 220));
            if (series.services().size() > 1) {
                html.subheading("Records per " + per + " by service");
                html.chart(SvgChart.timeBars("Records per " + per + " by service", series.starts(), series.binMillis(),
                        series.services(), null, 260));
            }
            if (series.loggers().size() > 1) {
                html.subheading("Records per " + per + " by logger");
                html.chart(SvgChart.timeBars("Records per " + per + " by logger", series.starts(), series.binMillis(),
                        series.loggers(), null, 260));
            }
        }
        talkers(html, "Top loggers", stats.topLoggers(15));
        if (stats.serviceCount() > 1) {
            talkers(html, "Top services", stats.topServices(15));
        }
        for (FieldValues f : stats.fields()) {
            field(html, f, series);
        }
    }

    private static void levelsTable(Html html, LogStats stats) {
        long[] levels = stats.levels();
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < levels.length; i++) {
            if (levels[i] > 0) {
                rows.add(new String[] {LogStats.LEVELS.get(i), StatsText.count(levels[i]), StatsText.percent(levels[i], stats.records())});
            }
        }
        html.table(new String[] {"level", "records", "share"}, rows);
    }

    private static Map<String, long[]> nonEmpty(Map<String, long[]> series) {
        Map<String, long[]> out = new LinkedHashMap<>();
        series.forEach((name, values) -> {
            for (long v : values) {
                if (v > 0) {
                    out.put(name, values);
                    return;
                }
            }
        });
        return out;
    }

    private static void talkers(Html html, String title, List<LogStats.Talker> talkers) {
        if (talkers.isEmpty()) {
            return;
        }
        html.subheading(title);
        List<String> names = new ArrayList<>();
        long[] records = new long[talkers.size()];
        long[] errors = new long[talkers.size()];
        for (int i = 0; i < talkers.size(); i++) {
            names.add(talkers.get(i).name());
            records[i] = talkers.get(i).records();
            errors[i] = talkers.get(i).errors();
        }
        html.chart(SvgChart.horizontalBars(title, names, records, errors));
    }

    private static void field(Html html, FieldValues f, TimeSeries series) {
        html.subheading("Field " + f.name() + (f.isExact() ? "" : " (percentiles within 1%)"));
        if (f.count() == 0) {
            html.paragraph("No record carries a number in " + f.name() + ".");
            return;
        }
        List<String> headings = new ArrayList<>(List.of("values", "min"));
        List<String> cells = new ArrayList<>(List.of(StatsText.count(f.count()), StatsText.number(f.min())));
        for (double q : FieldValues.PERCENTILES) {
            headings.add("p" + (int) q);
            cells.add(StatsText.number(f.percentile(q)));
        }
        headings.add("max");
        cells.add(StatsText.number(f.max()));
        headings.add("mean");
        cells.add(StatsText.number(f.mean()));
        html.table(headings.toArray(new String[0]), List.<String[]>of(cells.toArray(new String[0])));
        Map<Double, Long> distribution = f.distribution();
        List<String> names = new ArrayList<>();
        long[] counts = new long[distribution.size()];
        int i = 0;
        for (Map.Entry<Double, Long> e : distribution.entrySet()) {
            names.add("≤ " + StatsText.number(e.getKey()));
            counts[i++] = e.getValue();
        }
        html.chart(SvgChart.columns("Distribution of " + f.name(), names, counts, "#54a24b", 220));
        double[] mean = series.fieldMean().get(f.name());
        if (mean != null && series.size() > 1) {
            Map<String, double[]> lines = new LinkedHashMap<>();
            lines.put("mean " + f.name(), mean);
            lines.put("max " + f.name(), series.fieldMax().get(f.name()));
            html.chart(SvgChart.timeLines(f.name() + " per " + Durations.unit(series.binMillis()), series.starts(),
                    series.binMillis(), lines, null, "", 220));
        }
    }
}
