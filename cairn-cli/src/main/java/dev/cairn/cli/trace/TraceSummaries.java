package dev.cairn.cli.trace;

import dev.cairn.cli.RecordPrinter;
import dev.cairn.cli.RecordTally;
import dev.cairn.cli.read.LogEntry;
import dev.cairn.cli.read.Timestamps;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every trace or request seen in a stream of records, summarised in one pass without keeping the
 * records: counts, time span, services and the first error. Records are grouped by their
 * {@linkplain TraceIds#primaryId primary id}. Not thread safe.
 */
public final class TraceSummaries {

    /** One trace's summary. */
    public static final class Summary extends RecordTally {
        final String id;
        final List<String> services = new ArrayList<>(2);
        LogEntry firstError;

        Summary(String id) {
            this.id = id;
        }

        /** The trace's id. */
        public String id() {
            return id;
        }

        /** The services, in order of their first record. */
        public List<String> services() {
            return List.copyOf(services);
        }

        /** The first error record, the likely root cause, or null. */
        public LogEntry firstError() {
            return firstError;
        }

        /** The summary as plain values for {@code --json}. */
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("records", records());
            m.put("errors", errors());
            m.put("start", first() == LogEntry.NO_TIME ? null : Timestamps.format(first()));
            m.put("duration_ms", duration());
            m.put("services", services());
            m.put("root_cause", firstError == null ? null : RecordPrinter.toMap(firstError));
            return m;
        }
    }

    private final Map<String, Summary> traces = new HashMap<>();

    /** Adds a record to its trace; records without an id are ignored. */
    public void add(LogEntry entry) {
        String id = TraceIds.primaryId(entry);
        if (id == null) {
            return;
        }
        Summary s = traces.computeIfAbsent(id, Summary::new);
        s.add(entry);
        String service = entry.service();
        if (!s.services.contains(service)) {
            s.services.add(service);
        }
        if (entry.isError() && s.firstError == null) {
            s.firstError = entry;
        }
    }

    /** Number of traces seen. */
    public int size() {
        return traces.size();
    }

    /** The traces with at least one error, most errors first, then earliest first. */
    public List<Summary> withErrors() {
        List<Summary> out = new ArrayList<>();
        for (Summary s : traces.values()) {
            if (s.errors() > 0) {
                out.add(s);
            }
        }
        out.sort(ORDER);
        return out;
    }

    /** Every trace, most errors first, then most records, then earliest first. */
    public List<Summary> all() {
        List<Summary> out = new ArrayList<>(traces.values());
        out.sort(ORDER);
        return out;
    }

    private static final Comparator<Summary> ORDER = Comparator.comparingLong(Summary::errors).reversed()
            .thenComparing(Comparator.comparingLong(Summary::records).reversed())
            .thenComparingLong(Summary::first)
            .thenComparing(Summary::id);
}
