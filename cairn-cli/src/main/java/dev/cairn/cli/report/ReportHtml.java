package dev.cairn.cli.report;

import dev.cairn.cli.Durations;
import dev.cairn.cli.errors.ErrorGroups;
import dev.cairn.cli.html.Html;
import dev.cairn.cli.html.SvgChart;
import dev.cairn.cli.patterns.PatternSummary;
import dev.cairn.cli.read.LogEntry;
import dev.cairn.cli.read.Malformed;
import dev.cairn.cli.read.Timestamps;
import dev.cairn.cli.stats.StatsHtml;
import dev.cairn.cli.trace.Timeline;
import dev.cairn.cli.trace.TraceSummaries;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/** Lays a {@link Report} out as one self-contained HTML page: overview, statistics, errors, patterns, traces, unreadable lines. */
final class ReportHtml {

    /** Longest text shown in a table cell; a 5 MB message would make the page unreadable. */
    static final int MAX_TEXT = 400;

    /** Records shown per trace timeline. */
    static final int MAX_STEPS = 200;

    private ReportHtml() {
    }

    static Html render(Report report, String title, String subtitle, int topPatterns, int topErrors) {
        Html html = new Html(title, subtitle);
        List<ErrorGroups.Group> groups = report.errors().groups();
        List<PatternSummary.Row> rows = report.patterns().rows();
        List<TraceSummaries.Summary> failing = report.traces().withErrors();
        html.raw("<nav><a href=\"#stats\">Statistics</a><a href=\"#errors\">Errors</a><a href=\"#recent\">Recent errors</a>"
                + "<a href=\"#patterns\">Patterns</a><a href=\"#traces\">Traces with errors</a><a href=\"#files\">Files</a>"
                + "<a href=\"#malformed\">Unreadable lines</a></nav>");
        html.cards("error groups", count(groups.size()),
                "message templates", count(rows.size()),
                "traces with errors", count(failing.size()) + " of " + count(report.traces().size()),
                "unreadable lines", count(report.malformed().count()));
        StatsHtml.append(html, report.stats());
        errors(html, groups, topErrors);
        recentErrors(html, report.recentErrors());
        patterns(html, rows, topPatterns);
        traces(html, failing, report.timelines());
        files(html, report.files());
        malformed(html, report.malformed());
        return html;
    }

    private static void files(Html html, List<Report.FileSummary> files) {
        html.section("files", "Files");
        List<String[]> table = new ArrayList<>();
        for (Report.FileSummary f : files) {
            table.add(new String[] {text(f.file()), text(f.format()), count(f.bytes()), count(f.records()), count(f.errors()),
                count(f.malformed()), time(f.first()), time(f.last())});
        }
        html.table(new String[] {"file", "format", "bytes", "records", "errors", "unreadable lines", "first", "last"}, table);
    }

    private static void recentErrors(Html html, List<LogEntry> recent) {
        html.section("recent", "Most recent errors");
        if (recent.isEmpty()) {
            html.paragraph("No ERROR or CRITICAL records.");
            return;
        }
        html.paragraph("The last " + recent.size() + " ERROR and CRITICAL records, as cairn search --level ERROR would end.");
        List<String[]> table = new ArrayList<>();
        for (LogEntry e : recent) {
            table.add(new String[] {time(e.time()), text(e.service()), "<span class=\"err\">" + Html.escape(e.level()) + "</span>",
                text(e.logger() == null ? "" : e.logger()), text(cut(e.message())), text(e.source() + ":" + e.line())});
        }
        html.table(new String[] {"time", "service", "level", "logger", "message", "where"}, table);
    }

    private static void errors(Html html, List<ErrorGroups.Group> groups, int top) {
        html.section("errors", "Errors, grouped by fingerprint");
        if (groups.isEmpty()) {
            html.paragraph("No ERROR or CRITICAL records and no exceptions.");
            return;
        }
        List<ErrorGroups.Group> shown = groups.subList(0, Math.min(top, groups.size()));
        largest(html, "Largest error groups", shown, g -> g.fingerprint().type() + " " + g.sample().message(), ErrorGroups.Group::count);
        List<String[]> table = new ArrayList<>();
        for (ErrorGroups.Group g : shown) {
            StringBuilder detail = new StringBuilder("<div>").append(Html.escape(cut(g.sample().message()))).append("</div>");
            if (!g.fingerprint().frames().isEmpty()) {
                detail.append("<pre>");
                for (String frame : g.fingerprint().frames()) {
                    detail.append("at ").append(Html.escape(frame)).append('\n');
                }
                detail.append("</pre>");
            }
            detail.append("<div class=\"muted\">").append(Html.escape(g.sample().source() + ":" + g.sample().line())).append("</div>");
            table.add(new String[] {count(g.count()), "<span class=\"err\">" + Html.escape(g.fingerprint().type()) + "</span>",
                detail.toString(), time(g.first()), time(g.last()), text(String.join(", ", g.services()))});
        }
        html.table(new String[] {"count", "type", "sample", "first seen", "last seen", "services"}, table);
        if (groups.size() > top) {
            html.paragraph((groups.size() - top) + " smaller groups not shown.");
        }
    }

    private static void patterns(Html html, List<PatternSummary.Row> rows, int top) {
        html.section("patterns", "Message patterns");
        if (rows.isEmpty()) {
            html.paragraph("No records.");
            return;
        }
        List<PatternSummary.Row> shown = rows.subList(0, Math.min(top, rows.size()));
        largest(html, "Most frequent message templates", shown, PatternSummary.Row::template, PatternSummary.Row::count);
        List<String[]> table = new ArrayList<>();
        for (PatternSummary.Row r : shown) {
            StringBuilder examples = new StringBuilder();
            for (int p = 0; p < r.examples().size(); p++) {
                examples.append(p == 0 ? "" : "; ").append('<').append(p + 1).append("> ")
                        .append(String.join(" | ", r.examples().get(p)));
            }
            table.add(new String[] {count(r.count()), "<code>" + Html.escape(cut(r.template())) + "</code>",
                time(r.first()), time(r.last()), text(cut(examples.toString()))});
        }
        html.table(new String[] {"count", "template", "first seen", "last seen", "example values"}, table);
        if (rows.size() > top) {
            html.paragraph((rows.size() - top) + " less frequent templates not shown.");
        }
    }

    /** A bar chart of the first 15 of {@code items}, largest first as given. */
    private static <T> void largest(Html html, String title, List<T> items, Function<T, String> name, ToLongFunction<T> count) {
        List<String> names = new ArrayList<>();
        long[] counts = new long[Math.min(15, items.size())];
        for (int i = 0; i < counts.length; i++) {
            names.add(label(name.apply(items.get(i))));
            counts[i] = count.applyAsLong(items.get(i));
        }
        html.chart(SvgChart.horizontalBars(title, names, counts, null));
    }

    private static void traces(Html html, List<TraceSummaries.Summary> failing, List<Timeline> timelines) {
        html.section("traces", "Traces with errors");
        if (failing.isEmpty()) {
            html.paragraph("No trace or request has an error (or no record carries a trace or request id).");
            return;
        }
        List<String[]> table = new ArrayList<>();
        for (TraceSummaries.Summary s : failing.subList(0, Math.min(50, failing.size()))) {
            LogEntry root = s.firstError();
            table.add(new String[] {"<code>" + Html.escape(s.id()) + "</code>", count(s.records()), count(s.errors()),
                time(s.first()), Durations.format(s.duration()), text(String.join(", ", s.services())),
                root == null ? "" : text(root.service() + ": " + cut(root.message()))});
        }
        html.table(new String[] {"trace", "records", "errors", "start", "duration", "services", "first error"}, table);
        for (Timeline t : timelines) {
            timeline(html, t);
        }
    }

    private static void timeline(Html html, Timeline t) {
        html.subheading("Trace " + t.id() + ": " + t.steps().size() + " records, " + t.errors() + " errors over "
                + Durations.format(t.duration()));
        LogEntry root = t.rootCause();
        if (root != null) {
            String exception = t.rootException();
            html.raw("<p><span class=\"err\">Likely root cause:</span> " + Html.escape(root.service() + " " + root.level()
                    + " " + cut(root.message())) + (exception == null ? "" : " — <code>" + Html.escape(cut(exception)) + "</code>")
                    + (t.errorChain().size() > 1 ? "<br>Error chain: " + Html.escape(String.join(" → ", t.errorChain())) : "")
                    + "</p>");
        }
        if (t.start() != LogEntry.NO_TIME) {
            List<SvgChart.Lane> lanes = new ArrayList<>();
            Map<String, List<Timeline.Step>> byService = new LinkedHashMap<>();
            for (Timeline.Step s : t.steps()) {
                byService.computeIfAbsent(s.entry().service(), k -> new ArrayList<>()).add(s);
            }
            for (Timeline.ServiceSpan span : t.services()) {
                List<Timeline.Step> steps = byService.get(span.name()).stream().filter(s -> s.offset() >= 0).toList();
                long[] points = new long[steps.size()];
                boolean[] errors = new boolean[steps.size()];
                for (int i = 0; i < points.length; i++) {
                    points[i] = steps.get(i).offset();
                    errors[i] = steps.get(i).entry().isError();
                }
                if (span.first() != LogEntry.NO_TIME) {
                    lanes.add(new SvgChart.Lane(span.name(), span.first() - t.start(), span.last() - t.start(), points, errors));
                }
            }
            long rootOffset = root == null || root.time() == LogEntry.NO_TIME ? -1 : root.time() - t.start();
            html.chart(SvgChart.lanes("Trace " + t.id() + " by service", lanes, t.duration(),
                    root == null ? null : root.service(), rootOffset));
        }
        StringBuilder rows = new StringBuilder("<table><thead><tr><th>offset</th><th>delta</th><th>service</th><th>level</th>"
                + "<th>message</th></tr></thead><tbody>\n");
        List<Timeline.Step> steps = t.steps();
        for (Timeline.Step s : steps.subList(0, Math.min(MAX_STEPS, steps.size()))) {
            LogEntry e = s.entry();
            rows.append("<tr").append(s.rootCause() ? " class=\"root\"" : s.gap() ? " class=\"gap\"" : "").append("><td class=\"n\">")
                    .append(s.offset() < 0 ? "?" : "+" + Durations.format(s.offset())).append("</td><td class=\"n\">")
                    .append(s.delta() <= 0 ? "" : (s.gap() ? "gap " : "+") + Durations.format(s.delta())).append("</td><td>")
                    .append(Html.escape(e.service())).append("</td><td").append(e.isError() ? " class=\"err\"" : "").append('>')
                    .append(Html.escape(e.level() == null ? "-" : e.level())).append("</td><td>")
                    .append(Html.escape((e.logger() == null ? "" : e.logger() + ": ") + cut(e.message())))
                    .append(s.rootCause() ? " <span class=\"err\">← likely root cause</span>" : "").append("</td></tr>\n");
        }
        html.raw(rows.append("</tbody></table>").toString());
        if (steps.size() > MAX_STEPS) {
            html.paragraph((steps.size() - MAX_STEPS) + " more records not shown; run cairn trace " + t.id() + " for all.");
        }
    }

    private static void malformed(Html html, Malformed malformed) {
        html.section("malformed", "Unreadable lines");
        if (malformed.count() == 0) {
            html.paragraph("Every line was read.");
            return;
        }
        html.paragraph(count(malformed.count()) + " lines could not be read as records and were skipped. The first of them:");
        List<String[]> table = new ArrayList<>();
        for (Malformed.Line l : malformed.examples()) {
            table.add(new String[] {text(l.source() + ":" + l.line()), "<code>" + Html.escape(cut(l.text())) + "</code>"});
        }
        html.table(new String[] {"where", "line"}, table);
    }

    /**
     * A table cell of plain text. {@link Html#table} takes cells that start with {@code <} as markup,
     * so text from the logs (a message, a service name, an example value) is escaped here.
     */
    private static String text(String text) {
        return "<span>" + Html.escape(text) + "</span>";
    }

    /** A name for a chart row: charts repeat it in a tooltip, so a 5 MB message is cut first. */
    private static String label(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    private static String cut(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "… (" + count(text.length()) + " characters)";
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String time(long millis) {
        return millis == LogEntry.NO_TIME ? "-" : "<span class=\"nowrap\">" + Timestamps.format(millis) + "</span>";
    }
}
