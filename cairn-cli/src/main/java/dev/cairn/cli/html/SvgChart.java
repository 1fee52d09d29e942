package dev.cairn.cli.html;

import dev.cairn.cli.Durations;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Charts drawn as inline SVG on the server side, so a report needs no script or library to show
 * them: stacked bars over time, lines over time, horizontal bars and columns. Every chart is
 * {@value #WIDTH} units wide and scales to its container; every bar carries a {@code <title>}
 * that browsers show on hover. Times are UTC. Stateless.
 */
public final class SvgChart {

    /** Width of every chart in SVG units. */
    public static final int WIDTH = 960;

    /** Colours of the level columns of a stats report. */
    public static final Map<String, String> LEVEL_COLOURS = Map.of("DEBUG", "#9aa5b1", "INFO", "#4c78a8",
            "WARNING", "#f2a541", "ERROR", "#e45756", "CRITICAL", "#8b1a2b", "other", "#c9ced6");

    /** Colours given in turn to series without a colour of their own. */
    private static final String[] PALETTE = {"#4c78a8", "#f58518", "#54a24b", "#b279a2", "#72b7b2", "#eeca3b",
        "#ff9da6", "#9d755d", "#e45756", "#bab0ac"};

    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 30;
    private static final int BOTTOM = 40;
    private static final String TEXT = "font-family=\"system-ui,Helvetica,Arial,sans-serif\" font-size=\"11\" fill=\"#57606a\"";

    private SvgChart() {
    }

    /** The colour of series {@code index} named {@code name}: its own if {@code colours} has one, else the palette's. */
    static String colour(Map<String, String> colours, String name, int index) {
        String c = colours == null ? null : colours.get(name);
        return c != null ? c : PALETTE[index % PALETTE.length];
    }

    /**
     * Stacked bars over time: one bar per bin starting at {@code starts[i]}, one segment per series
     * in the map's order (bottom first). {@code label} names the chart for screen readers.
     */
    public static String timeBars(String label, long[] starts, long binMillis, Map<String, long[]> series,
                                  Map<String, String> colours, int height) {
        int n = starts.length;
        double max = 0;
        for (int i = 0; i < n; i++) {
            double total = 0;
            for (long[] s : series.values()) {
                total += s[i];
            }
            max = Math.max(max, total);
        }
        double[] ticks = ticks(max);
        double top = ticks[ticks.length - 1];
        StringBuilder svg = open(label, height);
        legend(svg, new ArrayList<>(series.keySet()), colours);
        yAxis(svg, ticks, height, "");
        double plotWidth = WIDTH - LEFT - RIGHT;
        double barWidth = n == 0 ? 0 : plotWidth / n;
        double gap = barWidth > 4 ? Math.min(2, barWidth * 0.15) : 0;
        double bottom = height - BOTTOM;
        double plotHeight = bottom - TOP;
        for (int i = 0; i < n; i++) {
            double y = bottom;
            int k = 0;
            for (Map.Entry<String, long[]> s : series.entrySet()) {
                long v = s.getValue()[i];
                String fill = colour(colours, s.getKey(), k++);
                if (v <= 0) {
                    continue;
                }
                double h = plotHeight * v / top;
                y -= h;
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"%s\">"
                                + "<title>%s %s: %,d</title></rect>",
                        LEFT + i * barWidth + gap / 2, y, Math.max(0.5, barWidth - gap), h, fill,
                        Html.escape(s.getKey()), timeLabel(starts[i], binMillis, true), v));
            }
        }
        xTimeAxis(svg, starts, binMillis, height);
        return svg.append("</svg>").toString();
    }

    /** Lines over time, one per series; NaN values leave a break in the line. {@code unit} follows tick values ("%"). */
    public static String timeLines(String label, long[] starts, long binMillis, Map<String, double[]> series,
                                   Map<String, String> colours, String unit, int height) {
        int n = starts.length;
        double max = 0;
        for (double[] s : series.values()) {
            for (double v : s) {
                if (!Double.isNaN(v)) {
                    max = Math.max(max, v);
                }
            }
        }
        double[] ticks = ticks(max);
        double top = ticks[ticks.length - 1];
        StringBuilder svg = open(label, height);
        legend(svg, new ArrayList<>(series.keySet()), colours);
        yAxis(svg, ticks, height, unit);
        double plotWidth = WIDTH - LEFT - RIGHT;
        double step = n == 0 ? 0 : plotWidth / n;
        double bottom = height - BOTTOM;
        double plotHeight = bottom - TOP;
        int k = 0;
        for (Map.Entry<String, double[]> s : series.entrySet()) {
            String stroke = colour(colours, s.getKey(), k++);
            StringBuilder points = new StringBuilder();
            double[] values = s.getValue();
            for (int i = 0; i <= n; i++) {
                boolean present = i < n && !Double.isNaN(values[i]);
                if (present) {
                    double x = LEFT + (i + 0.5) * step;
                    double y = bottom - plotHeight * values[i] / top;
                    points.append(String.format(Locale.ROOT, "%.2f,%.2f ", x, y));
                    if (n <= 90) {
                        svg.append(String.format(Locale.ROOT, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"2.5\" fill=\"%s\">"
                                        + "<title>%s %s: %s%s</title></circle>", x, y, stroke, Html.escape(s.getKey()),
                                timeLabel(starts[i], binMillis, true), compact(values[i]), unit));
                    }
                } else if (points.length() > 0) {
                    svg.append("<polyline fill=\"none\" stroke=\"").append(stroke)
                            .append("\" stroke-width=\"2\" stroke-linejoin=\"round\" points=\"").append(points.toString().strip())
                            .append("\"/>");
                    points.setLength(0);
                }
            }
        }
        xTimeAxis(svg, starts, binMillis, height);
        return svg.append("</svg>").toString();
    }

    /**
     * Horizontal bars, one row per name, longest first as given; {@code errors} (may be null) is
     * drawn in red over the end of each bar so a row's error share shows at a glance.
     */
    public static String horizontalBars(String label, List<String> names, long[] values, long[] errors) {
        int row = 22;
        int labelWidth = 280;
        int height = TOP + names.size() * row + 8;
        StringBuilder svg = open(label, height);
        if (errors != null) {
            legend(svg, List.of("records", "errors"), Map.of("records", PALETTE[0], "errors", "#e45756"));
        }
        long max = 1;
        for (long v : values) {
            max = Math.max(max, v);
        }
        double barArea = WIDTH - labelWidth - 110;
        for (int i = 0; i < names.size(); i++) {
            double y = TOP + i * row;
            double w = Math.max(1, barArea * values[i] / max);
            String name = names.get(i).length() > 42 ? names.get(i).substring(0, 40) + "…" : names.get(i);
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" %s>%s</text>",
                    labelWidth - 8, y + 15, TEXT, Html.escape(name)));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"%.2f\" height=\"%d\" fill=\"%s\">"
                            + "<title>%s: %,d</title></rect>", labelWidth, y + 3, w, row - 6, PALETTE[0],
                    Html.escape(names.get(i)), values[i]));
            if (errors != null && errors[i] > 0) {
                double ew = Math.max(1, w * errors[i] / Math.max(1, values[i]));
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.1f\" width=\"%.2f\" height=\"%d\" fill=\"#e45756\">"
                                + "<title>%s errors: %,d</title></rect>", labelWidth + w - ew, y + 3, ew, row - 6,
                        Html.escape(names.get(i)), errors[i]));
            }
            svg.append(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%.1f\" %s>%,d</text>",
                    labelWidth + w + 6, y + 15, TEXT, values[i]));
        }
        return svg.append("</svg>").toString();
    }

    /** Columns over named categories (a distribution), in the order given. */
    public static String columns(String label, List<String> names, long[] values, String fill, int height) {
        int n = names.size();
        long max = 0;
        for (long v : values) {
            max = Math.max(max, v);
        }
        double[] ticks = ticks(max);
        double top = ticks[ticks.length - 1];
        StringBuilder svg = open(label, height);
        yAxis(svg, ticks, height, "");
        double plotWidth = WIDTH - LEFT - RIGHT;
        double w = n == 0 ? 0 : plotWidth / n;
        double bottom = height - BOTTOM;
        int every = Math.max(1, (int) Math.ceil(n / 16.0));
        for (int i = 0; i < n; i++) {
            double h = (bottom - TOP) * values[i] / top;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"%s\">"
                            + "<title>%s: %,d</title></rect>", LEFT + i * w + w * 0.1, bottom - h, w * 0.8, h, fill,
                    Html.escape(names.get(i)), values[i]));
            if (i % every == 0) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%.1f\" text-anchor=\"middle\" %s>%s</text>",
                        LEFT + (i + 0.5) * w, bottom + 16, TEXT, Html.escape(names.get(i))));
            }
        }
        return svg.append("</svg>").toString();
    }

    /**
     * One row of a {@link #lanes} chart: a service's part in a trace, from its first to its last
     * record, with a mark per record; times are milliseconds from the start of the trace.
     */
    public record Lane(String name, long from, long to, long[] points, boolean[] errors) {
    }

    /**
     * A trace as lanes on a shared time axis (a Gantt chart): one row per service, a bar over the
     * time it took part, a tick per record (red for errors), and a ring around the record at
     * {@code rootOffset} in lane {@code rootLane}, the likely root cause (-1 and null for none).
     */
    public static String lanes(String label, List<Lane> lanes, long duration, String rootLane, long rootOffset) {
        int row = 26;
        int labelWidth = 160;
        int height = TOP + lanes.size() * row + 34;
        StringBuilder svg = open(label, height);
        legend(svg, List.of("record", "error", "likely root cause"),
                Map.of("record", PALETTE[0], "error", "#e45756", "likely root cause", "#8b1a2b"));
        double span = Math.max(1, duration);
        double plot = WIDTH - labelWidth - RIGHT - 8;
        double bottom = TOP + lanes.size() * row;
        for (double t : ticks(span)) {
            if (t > span * 1.0001) {
                continue;
            }
            double x = labelWidth + plot * t / span;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.2f\" x2=\"%.2f\" y1=\"%d\" y2=\"%.1f\" stroke=\"#eaeef2\"/>"
                            + "<text x=\"%.2f\" y=\"%.1f\" text-anchor=\"middle\" %s>+%s</text>", x, x, TOP, bottom, x, bottom + 16,
                    TEXT, Html.escape(Durations.format(Math.round(t)))));
        }
        for (int i = 0; i < lanes.size(); i++) {
            Lane lane = lanes.get(i);
            double y = TOP + i * row;
            String name = lane.name().length() > 22 ? lane.name().substring(0, 21) + "…" : lane.name();
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" %s>%s</text>",
                    labelWidth - 8, y + 17, TEXT, Html.escape(name)));
            double x0 = labelWidth + plot * lane.from() / span;
            double x1 = labelWidth + plot * lane.to() / span;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.1f\" width=\"%.2f\" height=\"%d\" rx=\"3\" "
                            + "fill=\"#dbe7f3\" stroke=\"%s\"><title>%s: +%s .. +%s</title></rect>", x0, y + 5, Math.max(3, x1 - x0),
                    row - 10, PALETTE[0], Html.escape(lane.name()), Durations.format(lane.from()),
                    Durations.format(lane.to())));
            for (int k = 0; k < lane.points().length; k++) {
                double x = labelWidth + plot * lane.points()[k] / span;
                boolean error = lane.errors()[k];
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.1f\" width=\"%d\" height=\"%d\" fill=\"%s\"/>",
                        x - (error ? 1.5 : 1), y + (error ? 2 : 5), error ? 3 : 2, error ? row - 4 : row - 10,
                        error ? "#e45756" : PALETTE[0]));
            }
            if (lane.name().equals(rootLane) && rootOffset >= 0) {
                double x = labelWidth + plot * rootOffset / span;
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.2f\" cy=\"%.1f\" r=\"8\" fill=\"none\" "
                                + "stroke=\"#8b1a2b\" stroke-width=\"2.5\"><title>likely root cause at +%s</title></circle>",
                        x, y + row / 2.0, Durations.format(rootOffset)));
            }
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String label, int height) {
        return new StringBuilder(4096).append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH)
                .append(' ').append(height).append("\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(label)).append("\" class=\"cairn-chart\">")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>");
    }

    private static void legend(StringBuilder svg, List<String> names, Map<String, String> colours) {
        double x = LEFT;
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            double width = 14 + 6.5 * Math.min(name.length(), 40) + 16;
            if (x + width > WIDTH - RIGHT && i < names.size() - 1) {
                // No room for the rest: say how many are left out; each bar still names its series on hover.
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"17\" %s>+%d more</text>", x, TEXT, names.size() - i));
                return;
            }
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"8\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                    + "<text x=\"%.1f\" y=\"17\" %s>%s</text>", x, colour(colours, name, i), x + 14, TEXT, Html.escape(name)));
            x += width;
        }
    }

    private static void yAxis(StringBuilder svg, double[] ticks, int height, String unit) {
        double bottom = height - BOTTOM;
        double top = ticks[ticks.length - 1];
        for (double t : ticks) {
            double y = bottom - (bottom - TOP) * t / top;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.2f\" y2=\"%.2f\" stroke=\"%s\"/>"
                            + "<text x=\"%d\" y=\"%.2f\" text-anchor=\"end\" %s>%s%s</text>",
                    LEFT, WIDTH - RIGHT, y, y, t == 0 ? "#8c959f" : "#eaeef2", LEFT - 6, y + 4, TEXT, compact(t), unit));
        }
    }

    private static void xTimeAxis(StringBuilder svg, long[] starts, long binMillis, int height) {
        int n = starts.length;
        if (n == 0) {
            return;
        }
        double step = (double) (WIDTH - LEFT - RIGHT) / n;
        int every = Math.max(1, (int) Math.ceil(n / 8.0));
        boolean multiDay = starts[n - 1] - starts[0] >= 86_400_000L;
        for (int i = 0; i < n; i += every) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%d\" text-anchor=\"middle\" %s>%s</text>",
                    LEFT + (i + 0.5) * step, height - BOTTOM + 16, TEXT, timeLabel(starts[i], binMillis, multiDay)));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" %s>%s UTC, one bar or point per %s</text>", LEFT, height - 6, TEXT,
                DAY.format(Instant.ofEpochMilli(starts[0])), Durations.unit(binMillis)));
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    private static String timeLabel(long millis, long binMillis, boolean withDay) {
        Instant at = Instant.ofEpochMilli(millis);
        if (binMillis >= 86_400_000L) {
            return DAY.format(at);
        }
        if (binMillis < 60_000L) {
            return (withDay ? DAY.format(at) + " " : "") + SECONDS.format(at);
        }
        return withDay ? DAY_TIME.format(at) : TIME.format(at);
    }

    /** Axis values from 0 to at least {@code max} in 1-2-5 steps, four or five of them. */
    static double[] ticks(double max) {
        if (max <= 0) {
            return new double[] {0, 1};
        }
        double raw = max / 4;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / magnitude <= 1 ? magnitude : raw / magnitude <= 2 ? 2 * magnitude
                : raw / magnitude <= 5 ? 5 * magnitude : 10 * magnitude;
        int count = (int) Math.ceil(max / step - 1e-9);
        double[] ticks = new double[count + 1];
        for (int i = 0; i <= count; i++) {
            ticks[i] = i * step;
        }
        return ticks;
    }

    /** A number for an axis: 950, 1.2k, 3.4M, 0.25. */
    static String compact(double v) {
        double a = Math.abs(v);
        if (a >= 1e9) {
            return trim(v / 1e9) + "G";
        } else if (a >= 1e6) {
            return trim(v / 1e6) + "M";
        } else if (a >= 1e4) {
            return trim(v / 1e3) + "k";
        }
        return trim(v);
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
