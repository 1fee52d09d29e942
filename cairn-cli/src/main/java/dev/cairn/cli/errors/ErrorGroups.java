package dev.cairn.cli.errors;

import dev.cairn.cli.read.LogEntry;
import dev.cairn.cli.read.Timestamps;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Error records grouped by {@link Fingerprint}, with counts, first and last seen, services and a sample. */
public final class ErrorGroups {

    /** One group of the same error. */
    public static final class Group {
        final Fingerprint fingerprint;
        final LogEntry sample;
        long count;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        final TreeSet<String> services = new TreeSet<>();

        Group(Fingerprint fingerprint, LogEntry sample) {
            this.fingerprint = fingerprint;
            this.sample = sample;
        }

        /** How many records share this fingerprint. */
        public long count() {
            return count;
        }

        /** The fingerprint. */
        public Fingerprint fingerprint() {
            return fingerprint;
        }

        /** The first record of the group. */
        public LogEntry sample() {
            return sample;
        }

        /** The group as plain values for {@code --json}. */
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", fingerprint.type());
            m.put("count", count);
            m.put("first", first == Long.MAX_VALUE ? null : Timestamps.format(first));
            m.put("last", last == Long.MIN_VALUE ? null : Timestamps.format(last));
            m.put("services", List.copyOf(services));
            m.put("frames", fingerprint.frames());
            m.put("message", sample.message());
            m.put("logger", sample.logger());
            m.put("sample_source", sample.source() + ":" + sample.line());
            return m;
        }

        /** First time seen, epoch millis, or {@link LogEntry#NO_TIME}. */
        public long first() {
            return first == Long.MAX_VALUE ? LogEntry.NO_TIME : first;
        }

        /** Last time seen, epoch millis, or {@link LogEntry#NO_TIME}. */
        public long last() {
            return last == Long.MIN_VALUE ? LogEntry.NO_TIME : last;
        }

        /** Services that logged this error. */
        public List<String> services() {
            return List.copyOf(services);
        }
    }

    private final Map<String, Group> groups = new LinkedHashMap<>();

    /** Adds a record if it is an error (ERROR or worse, or carrying an exception). */
    public void add(LogEntry entry) {
        if (!entry.isError()) {
            return;
        }
        Fingerprint fingerprint = Fingerprint.of(entry);
        Group group = groups.computeIfAbsent(fingerprint.key(), k -> new Group(fingerprint, entry));
        group.count++;
        if (entry.time() != LogEntry.NO_TIME) {
            group.first = Math.min(group.first, entry.time());
            group.last = Math.max(group.last, entry.time());
        }
        group.services.add(entry.service());
    }

    /** The groups, most frequent first. */
    public List<Group> groups() {
        List<Group> out = new ArrayList<>(groups.values());
        out.sort(Comparator.comparingLong(Group::count).reversed());
        return out;
    }
}
