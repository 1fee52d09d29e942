package dev.cairn.cli.trace;

import dev.cairn.cli.Durations;
import dev.cairn.cli.Terminal;
import dev.cairn.cli.read.LogEntry;
import dev.cairn.cli.read.Timestamps;
import java.io.PrintWriter;

/** Writes a {@link Timeline} for people: a header, one line per record with offset and delta, gaps, services and the root cause. */
final class TimelineText {

    private final PrintWriter out;

    TimelineText(PrintWriter out) {
        this.out = out;
    }

    void print(Timeline t) {
        out.printf("%s %s: %d record%s from %d service%s over %s, %s%n", Terminal.bold("trace"), Terminal.bold(t.id()),
                t.steps().size(), t.steps().size() == 1 ? "" : "s", t.services().size(), t.services().size() == 1 ? "" : "s",
                Durations.format(t.duration()),
                t.errors() == 0 ? "no errors" : Terminal.red(t.errors() + (t.errors() == 1 ? " error" : " errors")));
        if (t.start() != LogEntry.NO_TIME) {
            out.println(Terminal.dim("  " + Timestamps.format(t.start()) + " .. " + Timestamps.format(t.end())));
        }
        out.println();
        int width = 4;
        for (Timeline.ServiceSpan s : t.services()) {
            width = Math.max(width, Math.min(24, s.name().length()));
        }
        for (Timeline.Step step : t.steps()) {
            if (step.gap()) {
                out.println(Terminal.yellow(String.format("%12s  ---- %s gap ----", "", Durations.format(step.delta()))));
            }
            LogEntry e = step.entry();
            String offset = step.offset() < 0 ? "?" : "+" + Durations.format(step.offset());
            String delta = step.delta() <= 0 ? "" : "+" + Durations.format(step.delta());
            StringBuilder line = new StringBuilder(String.format("%12s %11s  %-" + width + "s  ", offset, delta,
                    cut(e.service(), width)));
            line.append(Terminal.level(String.format("%-8s", e.level() == null ? "-" : e.level()), e.levelNo())).append(' ');
            if (e.logger() != null) {
                line.append(Terminal.dim(e.logger() + ":")).append(' ');
            }
            line.append(oneLine(e.message(), 200));
            if (step.rootCause()) {
                line.append("  ").append(Terminal.red("<- likely root cause"));
            }
            out.println(line);
        }
        out.println();
        out.println(Terminal.bold("services"));
        for (Timeline.ServiceSpan s : t.services()) {
            String span = s.first() == LogEntry.NO_TIME ? "no times"
                    : "+" + Durations.format(s.first() - t.start()) + " .. +" + Durations.format(s.last() - t.start())
                    + "  (" + Durations.format(s.duration()) + ")";
            out.printf("  %-" + width + "s  %6d record%s  %s%s%n", cut(s.name(), width), s.records(), s.records() == 1 ? " " : "s",
                    span, s.errors() == 0 ? "" : "  " + Terminal.red(s.errors() + (s.errors() == 1 ? " error" : " errors")));
        }
        LogEntry root = t.rootCause();
        if (root == null) {
            return;
        }
        out.println();
        out.printf("%s %s %s at %s (%s:%d)%n", Terminal.red("likely root cause:"), root.service(),
                Terminal.level(root.level(), root.levelNo()),
                root.time() == LogEntry.NO_TIME ? "?" : "+" + Durations.format(root.time() - t.start()), root.source(), root.line());
        out.println("  " + (root.logger() == null ? "" : root.logger() + ": ") + oneLine(root.message(), 300));
        String exception = t.rootException();
        if (exception != null) {
            out.println("  " + Terminal.red(oneLine(exception, 300)));
        }
        if (t.errorChain().size() > 1) {
            out.println(Terminal.bold("error chain: ") + String.join(" -> ", t.errorChain()));
        }
    }

    /** The first line of {@code text}, cut to {@code max} characters. */
    static String oneLine(String text, int max) {
        int newline = text.indexOf('\n');
        String first = newline < 0 ? text : text.substring(0, newline) + " ...";
        return cut(first, max);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
