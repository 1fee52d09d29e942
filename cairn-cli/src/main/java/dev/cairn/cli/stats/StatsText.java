package dev.cairn.cli.stats;

import dev.cairn.cli.Durations;
import dev.cairn.cli.Terminal;
import dev.cairn.cli.read.LogEntry;
import dev.cairn.cli.read.Timestamps;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@link LogStats} for a terminal: summary lines, a histogram of records per time bin
 * (errors and warnings distinguished by colour on a terminal, by character otherwise), sparklines
 * of the error rate, bars of the top loggers and services, and the percentiles and distribution
 * of numeric fields.
 */
final class StatsText {

    private static final String EIGHTHS = " ▏▎▍▌▋▊▉█";
    private static final String SPARKS = "▁▂▃▄▅▆▇█";
    private static final int BAR = 40;
    private static final DateTimeFormatter WITH_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final PrintWriter out;
    private final boolean colour;

    StatsText(PrintWriter out, boolean colour) {
        this.out = out;
        this.colour = colour;
    }

    void print(LogStats stats, int maxRows, int top) {
        out.printf("%s records, %s errors (%s)%s%n", Terminal.bold(count(stats.records())), count(stats.errors()),
                percent(stats.errors(), stats.records()),
                stats.untimed() == 0 ? "" : ", " + count(stats.untimed()) + " without a time");
        if (stats.first() != LogEntry.NO_TIME) {
            out.printf("%s .. %s (%s)%n", Timestamps.format(stats.first()), Timestamps.format(stats.last()),
                    Durations.format(stats.last() - stats.first()));
        }
        long[] levels = stats.levels();
        StringBuilder line = new StringBuilder("levels:");
        for (int i = 0; i < levels.length; i++) {
            if (levels[i] > 0) {
                line.append("  ").append(levelColour(LogStats.LEVELS.get(i), i)).append(' ').append(count(levels[i]));
            }
        }
        out.println(line);
        TimeSeries series = stats.series(maxRows, 5);
        if (series.size() > 0) {
            out.println();
            printOverTime(series);
        }
        out.println();
        printTalkers("top loggers", stats.topLoggers(top), stats.records(), stats.loggerCount());
        if (stats.serviceCount() > 1) {
            out.println();
            printTalkers("top services", stats.topServices(top), stats.records(), stats.serviceCount());
        }
        for (FieldValues f : stats.fields()) {
            out.println();
            printField(f);
        }
    }

    private void printOverTime(TimeSeries s) {
        long[] records = s.records();
        long[] errors = s.errors();
        long[] warnings = s.levels().get("WARNING");
        long max = 1;
        for (long r : records) {
            max = Math.max(max, r);
        }
        out.println(Terminal.bold("records per " + Durations.unit(s.binMillis()))
                + (colour ? "   " + Terminal.red("error") + " " + Terminal.yellow("warning") + " other"
                        : "   ! error  ~ warning  # other"));
        long[] starts = s.starts();
        // Bins of seconds need the seconds in their label, or every row of a minute reads the same.
        int timeEnd = s.binMillis() % 60_000 == 0 ? 16 : s.binMillis() % 1000 == 0 ? 19 : 23;
        String previousDay = "";
        for (int i = 0; i < s.size(); i++) {
            String stamp = WITH_MILLIS.format(Instant.ofEpochMilli(starts[i]));
            String day = stamp.substring(0, 10);
            String label = (day.equals(previousDay) ? " ".repeat(day.length()) : day) + " " + stamp.substring(11, timeEnd);
            previousDay = day;
            out.printf("%s %s %8s%s%n", label, stacked(records[i], warnings[i], errors[i], max),
                    count(records[i]), errors[i] == 0 ? "" : "  " + Terminal.red(count(errors[i]) + " err"));
        }
        String range = rateRange(s.errorRate());
        out.println("error rate  " + (range.isEmpty() ? "no errors" : sparkline(s.errorRate()) + "  " + range));
    }

    private String stacked(long total, long warnings, long errors, long max) {
        int cells = (int) Math.round((double) BAR * total / max);
        if (total > 0 && cells == 0) {
            cells = 1;
        }
        int errorCells = errors == 0 ? 0 : Math.max(1, (int) Math.round((double) cells * errors / total));
        int warningCells = warnings == 0 ? 0 : Math.max(1, (int) Math.round((double) cells * warnings / total));
        errorCells = Math.min(errorCells, cells);
        warningCells = Math.min(warningCells, cells - errorCells);
        int otherCells = cells - errorCells - warningCells;
        StringBuilder bar = new StringBuilder();
        if (colour) {
            bar.append("█".repeat(otherCells)).append(Terminal.yellow("█".repeat(warningCells)))
                    .append(Terminal.red("█".repeat(errorCells)));
        } else {
            bar.append("#".repeat(otherCells)).append("~".repeat(warningCells)).append("!".repeat(errorCells));
        }
        bar.append(" ".repeat(BAR - cells));
        return bar.toString();
    }

    private void printTalkers(String title, List<LogStats.Talker> talkers, long total, int distinct) {
        out.println(Terminal.bold(title) + Terminal.dim(" (" + distinct + " in all)"));
        long max = talkers.isEmpty() ? 1 : Math.max(1, talkers.get(0).records());
        int width = 8;
        for (LogStats.Talker t : talkers) {
            width = Math.max(width, Math.min(40, t.name().length()));
        }
        for (LogStats.Talker t : talkers) {
            String name = t.name().length() > 40 ? t.name().substring(0, 37) + "..." : t.name();
            out.printf("  %-" + width + "s %s %8s %6s%s%n", name, bar((double) t.records() / max, 30), count(t.records()),
                    percent(t.records(), total), t.errors() == 0 ? "" : "  " + Terminal.red(count(t.errors()) + " err"));
        }
    }

    private void printField(FieldValues f) {
        StringBuilder line = new StringBuilder(Terminal.bold(f.name()));
        line.append(" (").append(count(f.count())).append(f.count() == 1 ? " value" : " values")
                .append(f.isExact() ? "" : ", percentiles within 1%").append("):");
        if (f.count() == 0) {
            out.println(line.append(" none"));
            return;
        }
        line.append("  min ").append(number(f.min()));
        for (double q : FieldValues.PERCENTILES) {
            line.append("  p").append((int) q).append(' ').append(number(f.percentile(q)));
        }
        line.append("  max ").append(number(f.max())).append("  mean ").append(number(f.mean()));
        out.println(line);
        Map<Double, Long> distribution = f.distribution();
        long max = 1;
        for (long c : distribution.values()) {
            max = Math.max(max, c);
        }
        for (Map.Entry<Double, Long> e : distribution.entrySet()) {
            out.printf("  <= %-8s %s %8s%n", number(e.getKey()), bar((double) e.getValue() / max, 30), count(e.getValue()));
        }
    }

    /** A bar of {@code fraction} of {@code width} cells, drawn to an eighth of a cell. */
    static String bar(double fraction, int width) {
        int eighths = (int) Math.round(Math.max(0, Math.min(1, fraction)) * width * 8);
        if (fraction > 0 && eighths == 0) {
            eighths = 1;
        }
        StringBuilder out = new StringBuilder("█".repeat(eighths / 8));
        if (eighths % 8 != 0) {
            out.append(EIGHTHS.charAt(eighths % 8));
        }
        return out.append(" ".repeat(width - out.length())).toString();
    }

    /** One character per value, its height proportional to the largest; a space for NaN. */
    static String sparkline(double[] values) {
        double max = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                max = Math.max(max, v);
            }
        }
        StringBuilder out = new StringBuilder();
        for (double v : values) {
            if (Double.isNaN(v)) {
                out.append(' ');
            } else {
                int level = max == 0 ? 0 : (int) Math.round(v / max * (SPARKS.length() - 1));
                out.append(SPARKS.charAt(level));
            }
        }
        return out.toString();
    }

    private static String rateRange(double[] rates) {
        double min = Double.NaN;
        double max = Double.NaN;
        for (double r : rates) {
            if (!Double.isNaN(r)) {
                min = Double.isNaN(min) ? r : Math.min(min, r);
                max = Double.isNaN(max) ? r : Math.max(max, r);
            }
        }
        return Double.isNaN(max) || max == 0 ? "" : String.format(Locale.ROOT, "%.1f%% .. %.1f%%", min, max);
    }

    private String levelColour(String level, int index) {
        return index == 3 || index == 4 ? Terminal.red(level) : index == 2 ? Terminal.yellow(level) : level;
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String percent(long part, long whole) {
        return whole == 0 ? "0%" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }

    static String number(double v) {
        Object n = FieldValues.number(v);
        return n instanceof Long l ? String.format(Locale.ROOT, "%,d", l) : n.toString();
    }
}
