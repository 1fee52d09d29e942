package dev.cairn.cli.read;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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
    private final List<Line> examples = new ArrayList<>();

    /** Records one malformed line. */
    public synchronized void add(String source, long line, String text) {
        count++;
        if (examples.size() < KEPT) {
            examples.add(new Line(source, line, text.length() > 200 ? text.substring(0, 200) + "..." : text));
        }
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
        for (Line l : examples.subList(0, Math.min(3, examples.size()))) {
            out.append("\n  ").append(l.source()).append(':').append(l.line()).append(": ").append(l.text());
        }
        return out.toString();
    }
}
