package dev.cairn.filters;

import dev.cairn.LogRecord;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Holds back repeats of a record (same logger, level and merged message by default) for
 * {@code window} seconds after it was let through (default 60), then lets the next one through
 * after a summary of how many repeats it held back, as syslog's "last message repeated n
 * times". Options also {@code key} and {@code max_keys} (default 1000); see
 * {@link SuppressingFilter}.
 */
public class DuplicateFilter extends SuppressingFilter {
    private static final Set<String> OPTIONS = Set.of("window", "key", "max_keys");
    private final double window;

    public DuplicateFilter(Map<String, ?> options) {
        super(keyOption(check(options), List.of(KeyPart.LOGGER, KeyPart.LEVEL, KeyPart.MESSAGE)),
                (int) number(options, "max_keys", 1000));
        this.window = number(options, "window", 60);
        if (!(window > 0)) throw new IllegalArgumentException("window must be > 0");
    }

    /** Repeats held back for {@code windowSeconds}. */
    public DuplicateFilter(double windowSeconds) {
        this(Map.of("window", windowSeconds));
    }

    private static Map<String, ?> check(Map<String, ?> options) {
        checkOptions(options, OPTIONS, "duplicate");
        return options;
    }

    private static final class Seen extends Group {
        double passedAt = Double.NaN;
    }

    @Override
    protected Group newGroup(LogRecord first) {
        return new Seen();
    }

    @Override
    protected boolean summaryDue(Group group, LogRecord record) {
        return record.getCreated() - ((Seen) group).passedAt >= window;
    }

    @Override
    protected boolean decide(Group group, LogRecord record) {
        Seen s = (Seen) group;
        if (Double.isNaN(s.passedAt) || record.getCreated() - s.passedAt >= window) {
            s.passedAt = record.getCreated();
            return true;
        }
        s.suppress(record);
        return false;
    }

    @Override
    protected String describe() {
        return "duplicates within " + window + " s";
    }
}
