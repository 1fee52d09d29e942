package dev.cairn.filters;

import dev.cairn.Filter;
import dev.cairn.Handler;
import dev.cairn.LogRecord;
import dev.cairn.Logging;
import dev.cairn.context.Fields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the volume filters share: records are grouped by a key made of any of the logger name,
 * the message template ({@code msg} before its arguments), the merged message and the level;
 * each group has its own state; and whatever a filter held back is reported in a summary record
 * ("suppressed 42 records ...") with the fields {@code suppressed}, {@code suppressed_by},
 * {@code suppressed_since} and, where the key has them, {@code suppressed_logger} and
 * {@code suppressed_template}.
 *
 * <p>A summary is reported when the next record of its group arrives after the period ends
 * (just before that record), or on {@link #flush()}. It goes to the {@link #setTarget target
 * handler} when one is set (attach the filter to that handler), else through the logger the
 * suppressed records came from, reaching every handler there; summaries always pass the filter
 * that made them. Time is the records' own {@code created}, so replays and tests behave as live
 * logging does. At most {@code max_keys} groups are remembered (least recently used dropped,
 * its count reported). Thread-safe.
 */
public abstract class SuppressingFilter implements Filter {
    /** The parts a group key can be made of. */
    public enum KeyPart { LOGGER, TEMPLATE, MESSAGE, LEVEL }

    private static final ThreadLocal<Boolean> EMITTING = new ThreadLocal<>();

    private final List<KeyPart> key;
    private final int maxKeys;
    private volatile Handler target;
    private final Map<Object, Group> groups;

    protected SuppressingFilter(List<KeyPart> key, int maxKeys) {
        if (maxKeys < 1) throw new IllegalArgumentException("max_keys must be at least 1");
        this.key = List.copyOf(key);
        this.maxKeys = maxKeys;
        this.groups = new LinkedHashMap<>(16, 0.75f, true);
    }

    /** The per-group state of a subclass, with the count of what it held back since the last summary. */
    protected static class Group {
        long suppressed;
        double since = Double.NaN;
        int maxLevel;
        String loggerName;
        String template;

        /** Counts one held-back record. */
        final void suppress(LogRecord record) {
            if (suppressed == 0) since = record.getCreated();
            suppressed++;
            maxLevel = Math.max(maxLevel, record.getLevelno());
        }
    }

    /** A new group's state. */
    protected abstract Group newGroup(LogRecord first);

    /**
     * Whether {@code record} passes; may call {@link Group#suppress}. Returns true also when a
     * summary is due (see {@link #summaryDue}). Called with the filter's lock held.
     */
    protected abstract boolean decide(Group group, LogRecord record);

    /** Whether {@code group}'s count should be reported before {@code record} (true: report now). */
    protected abstract boolean summaryDue(Group group, LogRecord record);

    /** The filter's name in summaries. */
    protected abstract String describe();

    @Override
    public final boolean filter(LogRecord record) {
        if (EMITTING.get() != null) return true;
        Object k = keyOf(record);
        Group due = null;
        long dueCount = 0;
        boolean passed;
        List<Group> evicted = null;
        synchronized (groups) {
            Group g = groups.get(k);
            if (g == null) {
                g = newGroup(record);
                g.loggerName = key.contains(KeyPart.LOGGER) ? record.getName() : null;
                g.template = key.contains(KeyPart.TEMPLATE) ? String.valueOf(record.getMsg())
                        : key.contains(KeyPart.MESSAGE) ? messageOf(record) : null;
                groups.put(k, g);
                if (groups.size() > maxKeys) evicted = evictOldest();
            }
            if (g.suppressed > 0 && summaryDue(g, record)) {
                due = snapshot(g);
                dueCount = g.suppressed;
                g.suppressed = 0;
            }
            passed = decide(g, record);
        }
        if (evicted != null) for (Group e : evicted) emit(e, e.suppressed, record);
        if (due != null) emit(due, dueCount, record);
        return passed;
    }

    private List<Group> evictOldest() {
        List<Group> out = new ArrayList<>();
        var it = groups.entrySet().iterator();
        while (groups.size() > maxKeys && it.hasNext()) {
            Group g = it.next().getValue();
            it.remove();
            if (g.suppressed > 0) out.add(g);
        }
        return out;
    }

    private static Group snapshot(Group g) {
        Group s = new Group();
        s.suppressed = g.suppressed;
        s.since = g.since;
        s.maxLevel = g.maxLevel;
        s.loggerName = g.loggerName;
        s.template = g.template;
        return s;
    }

    /** Reports every group's held-back count now (for shutdown, or a periodic task). */
    public void flush() {
        List<Group> due = new ArrayList<>();
        synchronized (groups) {
            for (Group g : groups.values()) {
                if (g.suppressed > 0) {
                    due.add(snapshot(g));
                    g.suppressed = 0;
                }
            }
        }
        for (Group g : due) emit(g, g.suppressed, null);
    }

    private Object keyOf(LogRecord record) {
        List<Object> parts = new ArrayList<>(key.size());
        for (KeyPart p : key) {
            switch (p) {
                case LOGGER: parts.add(record.getName()); break;
                case TEMPLATE: parts.add(String.valueOf(record.getMsg())); break;
                case MESSAGE: parts.add(messageOf(record)); break;
                case LEVEL: parts.add(record.getLevelno()); break;
                default: throw new IllegalStateException(p.name());
            }
        }
        return parts;
    }

    private static String messageOf(LogRecord record) {
        try {
            return record.getMessage();
        } catch (RuntimeException e) {
            return String.valueOf(record.getMsg());
        }
    }

    /** Makes and delivers the summary of {@code count} held-back records of group {@code g}. */
    private void emit(Group g, long count, LogRecord trigger) {
        StringBuilder msg = new StringBuilder("suppressed ").append(count).append(count == 1 ? " record" : " records");
        Fields.Builder f = new Fields.Builder(6).put("suppressed", count).put("suppressed_by", describe())
                .put("suppressed_since", g.since);
        if (g.loggerName != null) {
            msg.append(" from ").append(g.loggerName);
            f.put("suppressed_logger", g.loggerName);
        }
        if (g.template != null) {
            msg.append(" like '").append(g.template).append('\'');
            f.put("suppressed_template", g.template);
        }
        msg.append(" (").append(describe()).append(')');
        String loggerName = g.loggerName != null ? g.loggerName : trigger != null ? trigger.getName() : "";
        double now = trigger != null ? trigger.getCreated() : Logging.clock().time();
        LogRecord summary = new LogRecord(loggerName, Math.max(g.maxLevel, 1), null, msg.toString(), null, null, null,
                null, f.build(), Fields.EMPTY, now);
        EMITTING.set(Boolean.TRUE);
        try {
            Handler h = target;
            if (h != null) {
                if (summary.getLevelno() >= h.getLevel()) h.handle(summary);
            } else {
                Logging.getLogger(loggerName).handle(summary);
            }
        } finally {
            EMITTING.remove();
        }
    }

    /** Sends summaries to {@code handler} only (the one this filter is attached to), instead of the logger. */
    public void setTarget(Handler handler) {
        this.target = handler;
    }

    // ---- options shared by the subclasses ----------------------------------------------------

    static List<KeyPart> keyOption(Map<String, ?> options, List<KeyPart> fallback) {
        Object v = options.get("key");
        if (v == null) return fallback;
        List<?> names = v instanceof List ? (List<?>) v : List.of(String.valueOf(v).split("\\s*[,+]\\s*"));
        List<KeyPart> out = new ArrayList<>();
        for (Object n : names) {
            try {
                out.add(KeyPart.valueOf(String.valueOf(n).trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("key parts are logger, template, message and level; got '" + n + "'");
            }
        }
        return out;
    }

    static double number(Map<String, ?> options, String name, double fallback) {
        Object v = options.get(name);
        if (v == null) return fallback;
        if (!(v instanceof Number)) throw new IllegalArgumentException(name + " must be a number, got " + v);
        return ((Number) v).doubleValue();
    }

    static void checkOptions(Map<String, ?> options, Set<String> allowed, String what) {
        for (String k : options.keySet()) {
            if (!allowed.contains(k)) {
                throw new IllegalArgumentException("unknown " + what + " option '" + k + "' (expected one of " + new java.util.TreeSet<>(allowed) + ")");
            }
        }
    }

    @Override
    public String toString() {
        return describe() + " by " + Objects.toString(key);
    }
}
