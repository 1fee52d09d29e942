package dev.cairn.cli;

import dev.cairn.cli.read.LogEntry;
import dev.cairn.cli.read.Timestamps;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** Prints records as readable lines (coloured by level on a terminal) or as JSON objects. */
public final class RecordPrinter {

    private final PrintWriter out;
    private final boolean json;

    /** A printer to {@code out}; {@code json} selects one JSON object per line. */
    public RecordPrinter(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    /** Prints one record, with an optional marker before it (such as "root cause"). */
    public void print(LogEntry e, String marker) {
        if (json) {
            Map<String, Object> m = toMap(e);
            if (marker != null) {
                m.put("marker", marker);
            }
            out.println(Json.write(m));
            return;
        }
        StringBuilder line = new StringBuilder();
        if (marker != null) {
            line.append(Terminal.red("[" + marker + "] "));
        }
        line.append(Terminal.dim(Timestamps.format(e.time()))).append(' ')
                .append(Terminal.level(e.level(), e.levelNo())).append(' ');
        if (e.logger() != null) {
            line.append(Terminal.bold(e.logger())).append(": ");
        }
        line.append(e.message());
        out.println(line);
        if (e.exception() != null) {
            for (String l : e.exception().split("\n")) {
                out.println("    " + l);
            }
        }
    }

    /** Prints a separator between groups of context lines, as grep does. */
    public void separator() {
        if (!json) {
            out.println(Terminal.dim("--"));
        }
    }

    /** The record as plain values for JSON output. */
    public static Map<String, Object> toMap(LogEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", e.time() == LogEntry.NO_TIME ? null : Timestamps.format(e.time()));
        m.put("level", e.level());
        m.put("logger", e.logger());
        m.put("message", e.message());
        if (e.traceId() != null) {
            m.put("trace_id", e.traceId());
        }
        if (e.exception() != null) {
            m.put("exception", e.exception());
        }
        m.put("source", e.source());
        m.put("line", e.line());
        m.put("fields", e.fields());
        return m;
    }

    /** Flushes the output. */
    public void flush() {
        out.flush();
    }
}
