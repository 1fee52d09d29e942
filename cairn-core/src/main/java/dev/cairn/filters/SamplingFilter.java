package dev.cairn.filters;

import dev.cairn.Level;
import dev.cairn.LogRecord;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Keeps a sample of the records below a level: one in {@code one_in} of each group (counting,
 * so the first of each period passes), or each with probability {@code rate}. Records at
 * {@code keep_level} or above (default WARNING) always pass. What was left out is reported per
 * group every {@code period} seconds (default 60; see {@link SuppressingFilter}). Options also
 * {@code key} (default logger and level) and {@code max_keys}.
 */
public class SamplingFilter extends SuppressingFilter {
    private static final Set<String> OPTIONS = Set.of("one_in", "rate", "keep_level", "period", "key", "max_keys");
    private final long oneIn;
    private final double rate;
    private final int keepLevel;
    private final double period;

    public SamplingFilter(Map<String, ?> options) {
        super(keyOption(check(options), List.of(KeyPart.LOGGER, KeyPart.LEVEL)), (int) number(options, "max_keys", 10_000));
        this.oneIn = (long) number(options, "one_in", 0);
        this.rate = number(options, "rate", oneIn > 0 ? 1.0 / oneIn : 1.0);
        Object keep = options.get("keep_level");
        this.keepLevel = keep == null ? Level.WARNING : Level.parse(keep);
        this.period = number(options, "period", 60);
        if (oneIn < 0 || rate < 0 || rate > 1 || !(period > 0)) {
            throw new IllegalArgumentException("one_in must be >= 1, rate within 0..1 and period > 0");
        }
    }

    private static Map<String, ?> check(Map<String, ?> options) {
        checkOptions(options, OPTIONS, "sampling");
        if (options.containsKey("one_in") == options.containsKey("rate")) {
            throw new IllegalArgumentException("give exactly one of one_in and rate");
        }
        return options;
    }

    private static final class Sample extends Group {
        long seen;
        double periodStart;
    }

    @Override
    protected Group newGroup(LogRecord first) {
        Sample s = new Sample();
        s.periodStart = first.getCreated();
        return s;
    }

    @Override
    protected boolean summaryDue(Group group, LogRecord record) {
        return record.getCreated() - ((Sample) group).periodStart >= period;
    }

    @Override
    protected boolean decide(Group group, LogRecord record) {
        Sample s = (Sample) group;
        if (record.getCreated() - s.periodStart >= period) {
            // Each period samples afresh: its first record passes.
            s.periodStart = record.getCreated();
            s.seen = 0;
        }
        if (record.getLevelno() >= keepLevel) return true;
        long n = s.seen++;
        boolean keep = oneIn > 0 ? n % oneIn == 0 : ThreadLocalRandom.current().nextDouble() < rate;
        if (!keep) s.suppress(record);
        return keep;
    }

    @Override
    protected String describe() {
        return oneIn > 0 ? "sampling 1 in " + oneIn : "sampling rate " + rate;
    }
}
