package dev.cairn.filters;

import dev.cairn.LogRecord;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lets at most {@code limit} records of a group through per {@code period} seconds (a fixed
 * window starting at the group's first record) and reports how many it held back (see
 * {@link SuppressingFilter}). Options: {@code limit} (default 10), {@code period} (seconds,
 * default 60), {@code key} (default logger and template), {@code max_keys} (default 10000).
 * From dictConfig: {@code filters: {burst: {'()': dev.cairn.filters.RateLimitFilter, limit: 5}}}.
 */
public class RateLimitFilter extends SuppressingFilter {
    private static final Set<String> OPTIONS = Set.of("limit", "period", "key", "max_keys");
    private final long limit;
    private final double period;

    public RateLimitFilter(Map<String, ?> options) {
        super(keyOption(check(options), List.of(KeyPart.LOGGER, KeyPart.TEMPLATE)), (int) number(options, "max_keys", 10_000));
        this.limit = (long) number(options, "limit", 10);
        this.period = number(options, "period", 60);
        if (limit < 0 || !(period > 0)) throw new IllegalArgumentException("limit must be >= 0 and period > 0");
    }

    /** {@code limit} records per {@code periodSeconds} per logger and template. */
    public RateLimitFilter(long limit, double periodSeconds) {
        this(Map.of("limit", limit, "period", periodSeconds));
    }

    private static Map<String, ?> check(Map<String, ?> options) {
        checkOptions(options, OPTIONS, "rate limit");
        return options;
    }

    private static final class Window extends Group {
        double start;
        long passed;
    }

    @Override
    protected Group newGroup(LogRecord first) {
        Window w = new Window();
        w.start = first.getCreated();
        return w;
    }

    @Override
    protected boolean summaryDue(Group group, LogRecord record) {
        return record.getCreated() - ((Window) group).start >= period;
    }

    @Override
    protected boolean decide(Group group, LogRecord record) {
        Window w = (Window) group;
        if (record.getCreated() - w.start >= period) {
            w.start = record.getCreated();
            w.passed = 0;
        }
        if (w.passed < limit) {
            w.passed++;
            return true;
        }
        w.suppress(record);
        return false;
    }

    @Override
    protected String describe() {
        return "rate limit " + limit + " per " + period + " s";
    }
}
