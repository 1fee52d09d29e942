package dev.cairn.cli.read;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lines that could not be read as records: counted per run, with the first few kept so a
 * command can show them. Never fatal. Thread safe.
 */
public final class Malformed {

    /** One malformed line, its text cut to a readable length. */
    public record Line(String source, long line, String text) {
    }

    private static final int KEPT = 20;

    private long count;
    private long overlong;
    private final List<Line> examples = new ArrayList<>();
    private final Map<String, Long> bySource = new LinkedHashMap<>();

    /** Records one malformed line. */
    public synchronized void add(String source, long line, String text) {
        count++;
        bySource.merge(source, 1L, Long::sum);
        if (examples.size() < KEPT) {
            examples.add(new Line(source, line, text.length() > 200 ? text.substring(0, 200) + "..." : text));
        }
    }

    /**
     * Records a line longer than {@link LineSource#MAX_LINE_BYTES}, skipped unread; {@code start}
     * is its beginning, decoded.
     */
    public synchronized void addOverlong(String source, long line, long bytes, String start) {
        overlong++;
        add(source, line, String.format(java.util.Locale.ROOT, "[%,d bytes, over the limit of %d MiB: skipped] %s", bytes,
                LineSource.MAX_LINE_BYTES >> 20, start));
    }

    /** Number of the malformed lines that were skipped for being longer than {@link LineSource#MAX_LINE_BYTES}. */
    public synchronized long overlong() {
        return overlong;
    }

    /** Number of malformed lines of each file, in the order the files first had one. */
    public synchronized Map<String, Long> countsBySource() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(bySource));
    }

    /** Number of malformed lines seen. */
    public synchronized long count() {
        return count;
    }

    /** The first malformed lines seen, at most twenty. */
    public synchronized List<Line> examples() {
        return Collections.unmodifiableList(new ArrayList<>(examples));
    }

    /** A short report for stderr, or the empty string when every line was read. */
    public synchronized String summary() {
        if (count == 0) {
            return "";
        }
        StringBuilder out = new StringBuilder().append(count).append(" malformed line").append(count == 1 ? "" : "s")
                .append(" skipped");
        if (overlong > 0) {
            out.append(" (").append(overlong).append(" longer than ").append(LineSource.MAX_LINE_BYTES >> 20).append(" MiB)");
        }
        for (Line l : examples.subList(0, Math.min(3, examples.size()))) {
            out.append("\n  ").append(l.source()).append(':').append(l.line()).append(": ").append(l.text());
        }
        return out.toString();
    }
}
