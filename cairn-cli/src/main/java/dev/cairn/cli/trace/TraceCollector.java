package dev.cairn.cli.trace;

import dev.cairn.cli.InputOptions;
import dev.cairn.cli.read.LogEntry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads the records of given traces from log files. Following links, one request's records pull
 * in the other ids they carry (an API logs {@code request_id} and {@code trace_id}, the worker it
 * calls logs only the {@code trace_id}), and the files are read again for those, up to
 * {@value #MAX_PASSES} passes. JSON lines that cannot contain any of the ids are skipped unparsed.
 */
public final class TraceCollector {

    /** Reads of the files at most, the first included. */
    static final int MAX_PASSES = 3;

    /** More linked ids than this means the ids are not per-request (a batch id, a constant): stop linking. */
    static final int MAX_LINKED_IDS = 64;

    private TraceCollector() {
    }

    /** The records of trace {@code id} in time order, following linked ids when {@code followLinks}. */
    public static List<LogEntry> collect(InputOptions input, String id, boolean followLinks) throws IOException {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(TraceIds.normalise(id));
        List<LogEntry> found = new ArrayList<>();
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            List<LogEntry> records = new ArrayList<>();
            Set<String> wanted = Set.copyOf(ids);
            Predicate<String> prefilter = containsAny(wanted);
            if (pass == 0) {
                input.read(prefilter, e -> keepIf(e, wanted, records));
            } else {
                input.readQuietly(prefilter, e -> keepIf(e, wanted, records));
            }
            found = records;
            if (!followLinks) {
                break;
            }
            Set<String> linked = new LinkedHashSet<>(ids);
            for (LogEntry e : records) {
                linked.addAll(TraceIds.idsOf(e));
            }
            if (linked.size() == ids.size() || linked.size() > MAX_LINKED_IDS) {
                break;
            }
            ids = linked;
        }
        return found;
    }

    /** The records of each of {@code ids} in one read of the files, without following links. */
    public static Map<String, List<LogEntry>> collectEach(InputOptions input, Collection<String> ids) throws IOException {
        Map<String, List<LogEntry>> out = new LinkedHashMap<>();
        for (String id : ids) {
            out.put(id, new ArrayList<>());
        }
        if (ids.isEmpty()) {
            return out;
        }
        List<Set<String>> singles = new ArrayList<>();
        for (String id : out.keySet()) {
            singles.add(Set.of(id));
        }
        input.readQuietly(containsAny(Set.copyOf(out.keySet())), e -> {
            int k = 0;
            for (List<LogEntry> list : out.values()) {
                if (TraceIds.belongs(e, singles.get(k++))) {
                    list.add(e);
                }
            }
        });
        return out;
    }

    private static void keepIf(LogEntry e, Set<String> ids, List<LogEntry> into) {
        if (TraceIds.belongs(e, ids)) {
            into.add(e);
        }
    }

    /**
     * A raw-line test that a JSON line may mention one of {@code ids}: without escapes every value
     * is a substring of the line, and an id inside a traceparent or a GCP trace name is too.
     */
    static Predicate<String> containsAny(Set<String> ids) {
        String[] all = ids.toArray(new String[0]);
        return line -> {
            if (line.indexOf('\\') >= 0) {
                return true;
            }
            for (String id : all) {
                if (line.contains(id)) {
                    return true;
                }
            }
            return false;
        };
    }
}
