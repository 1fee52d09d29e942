package dev.cairn.cli.trace;

import dev.cairn.cli.RecordPrinter;
import dev.cairn.cli.RecordTally;
import dev.cairn.cli.read.LogEntry;
import dev.cairn.cli.read.Timestamps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The records of one trace or request in time order, with what a reader of the trace wants
 * computed once: each record's offset from the start and delta from the record before, the gaps
 * (deltas of at least a threshold), how long each service took part, the order in which services
 * first failed, and the first error as the likely root cause. Immutable once built.
 */
public final class Timeline {

    /** One record on the timeline; offsets and deltas are -1 when the record or its predecessor has no time. */
    public record Step(LogEntry entry, long offset, long delta, boolean gap, boolean rootCause) {
    }

    /** One service's part in the trace; times are {@link LogEntry#NO_TIME} when its records carry none. */
    public static final class ServiceSpan extends RecordTally {
        final String name;

        ServiceSpan(String name) {
            this.name = name;
        }

        /** The service's name. */
        public String name() {
            return name;
        }
    }

    private final String id;
    private final List<Step> steps;
    private final Map<String, ServiceSpan> services;
    private final List<String> errorChain;
    private final long start;
    private final long end;
    private final int rootCause;

    private Timeline(String id, List<Step> steps, Map<String, ServiceSpan> services, List<String> errorChain,
                     long start, long end, int rootCause) {
        this.id = id;
        this.steps = steps;
        this.services = services;
        this.errorChain = errorChain;
        this.start = start;
        this.end = end;
        this.rootCause = rootCause;
    }

    /** The timeline of {@code entries} (already in time order), marking deltas of at least {@code gapMillis} as gaps. */
    public static Timeline of(String id, List<LogEntry> entries, long gapMillis) {
        long start = LogEntry.NO_TIME;
        long end = LogEntry.NO_TIME;
        int rootCause = -1;
        Map<String, ServiceSpan> services = new LinkedHashMap<>();
        List<String> errorChain = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            LogEntry e = entries.get(i);
            long t = e.time();
            if (t != LogEntry.NO_TIME) {
                start = start == LogEntry.NO_TIME ? t : Math.min(start, t);
                end = end == LogEntry.NO_TIME ? t : Math.max(end, t);
            }
            ServiceSpan span = services.computeIfAbsent(e.service(), ServiceSpan::new);
            span.add(e);
            if (e.isError()) {
                if (rootCause < 0) {
                    rootCause = i;
                }
                if (!errorChain.contains(span.name)) {
                    errorChain.add(span.name);
                }
            }
        }
        List<Step> steps = new ArrayList<>(entries.size());
        long previous = LogEntry.NO_TIME;
        for (int i = 0; i < entries.size(); i++) {
            LogEntry e = entries.get(i);
            long t = e.time();
            long offset = t == LogEntry.NO_TIME ? -1 : t - start;
            long delta = t == LogEntry.NO_TIME || previous == LogEntry.NO_TIME ? -1 : t - previous;
            steps.add(new Step(e, offset, delta, delta >= 0 && delta >= gapMillis && i > 0, i == rootCause));
            if (t != LogEntry.NO_TIME) {
                previous = t;
            }
        }
        return new Timeline(id, List.copyOf(steps), services, List.copyOf(errorChain), start, end, rootCause);
    }

    /** The id the timeline was asked for. */
    public String id() {
        return id;
    }

    /** The records, in time order. */
    public List<Step> steps() {
        return steps;
    }

    /** The services in order of their first record. */
    public List<ServiceSpan> services() {
        return List.copyOf(services.values());
    }

    /** Services in the order they first logged an error: where the failure started and where it spread. */
    public List<String> errorChain() {
        return errorChain;
    }

    /** Time of the first record, or {@link LogEntry#NO_TIME}. */
    public long start() {
        return start;
    }

    /** Time of the last record, or {@link LogEntry#NO_TIME}. */
    public long end() {
        return end;
    }

    /** From the first to the last record, in milliseconds; 0 without times. */
    public long duration() {
        return start == LogEntry.NO_TIME ? 0 : end - start;
    }

    /** Number of error records. */
    public long errors() {
        long n = 0;
        for (ServiceSpan s : services.values()) {
            n += s.errors();
        }
        return n;
    }

    /** The first error record, the likely root cause, or null when the trace has no error. */
    public LogEntry rootCause() {
        return rootCause < 0 ? null : steps.get(rootCause).entry();
    }

    /**
     * The innermost cause named in the root cause's stack trace ({@code Caused by:} in Java; the
     * first exception of a Python chain, whose traceback comes first), or null when it has none.
     */
    public String rootException() {
        LogEntry root = rootCause();
        if (root == null || root.exception() == null) {
            return null;
        }
        String innermost = null;
        String firstTypeLine = null;
        for (String line : root.exception().split("\n")) {
            String s = line.strip();
            if (s.startsWith("Caused by: ")) {
                innermost = s.substring("Caused by: ".length());
            } else if (firstTypeLine == null && !s.isEmpty() && !s.startsWith("at ") && !s.startsWith("Traceback")
                    && !s.startsWith("File ") && !line.startsWith(" ") && !line.startsWith("\t")) {
                firstTypeLine = s;
            }
        }
        return innermost != null ? innermost : firstTypeLine;
    }

    /** The timeline as plain values for {@code --json}. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("records", steps.size());
        m.put("errors", errors());
        m.put("start", start == LogEntry.NO_TIME ? null : Timestamps.format(start));
        m.put("end", end == LogEntry.NO_TIME ? null : Timestamps.format(end));
        m.put("duration_ms", duration());
        List<Object> spans = new ArrayList<>();
        for (ServiceSpan s : services.values()) {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("service", s.name);
            sm.put("records", s.records());
            sm.put("errors", s.errors());
            sm.put("first", s.first() == LogEntry.NO_TIME ? null : Timestamps.format(s.first()));
            sm.put("last", s.last() == LogEntry.NO_TIME ? null : Timestamps.format(s.last()));
            sm.put("duration_ms", s.duration());
            spans.add(sm);
        }
        m.put("services", spans);
        m.put("error_chain", errorChain);
        LogEntry root = rootCause();
        m.put("root_cause", root == null ? null : RecordPrinter.toMap(root));
        m.put("root_exception", rootException());
        List<Object> rows = new ArrayList<>();
        for (Step s : steps) {
            Map<String, Object> row = RecordPrinter.toMap(s.entry());
            row.put("service", s.entry().service());
            row.put("offset_ms", s.offset() < 0 ? null : s.offset());
            row.put("delta_ms", s.delta() < 0 ? null : s.delta());
            row.put("gap", s.gap());
            row.put("root_cause", s.rootCause());
            rows.add(row);
        }
        m.put("timeline", rows);
        return m;
    }
}
