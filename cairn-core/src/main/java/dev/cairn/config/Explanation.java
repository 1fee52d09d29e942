package dev.cairn.config;

import dev.cairn.Filter;
import dev.cairn.Handler;
import dev.cairn.Level;
import dev.cairn.LogRecord;
import dev.cairn.Logger;
import dev.cairn.Logging;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer to "why was (or wasn't) this logged?" for one logger and level, following the path
 * of {@code Logger.log} in order: the global {@code disable}, the logger's {@code disabled} flag,
 * its effective level and the logger it comes from, the logger's filters, then every handler
 * reached through propagation with its level and filters. Each setting names the configuration
 * source that made it ({@link Provenance}), or says it was set by code or is Python's default.
 * Filters are run on a synthetic record (message {@code "(explain)"}, no caller location), so a
 * filter that looks at the message or location may answer differently for a real record.
 * {@link #toString()} is the readable report.
 */
public final class Explanation {
    /** One filter and whether it let the synthetic record through; {@code error} when it threw. */
    public record FilterCheck(String filter, boolean passes, String error) {}

    /** One handler reached through propagation, with the reasons it would or would not emit. */
    public record HandlerCheck(String logger, String handler, int level, boolean levelPasses,
                               List<FilterCheck> filters, boolean emits, String source) {}

    public final String loggerName;
    public final int level;
    public final int disableLevel;
    public final String disableSource;
    public final boolean loggerDisabled;
    public final String disabledSource;
    public final int effectiveLevel;
    /** The logger whose own level is the effective level, or null when every level is NOTSET. */
    public final String effectiveLevelFrom;
    public final String effectiveLevelSource;
    /** Whether {@code isEnabledFor(level)} is true: the record would be created. */
    public final boolean enabled;
    public final List<FilterCheck> loggerFilters;
    public final List<HandlerCheck> handlers;
    /** The logger with {@code propagate} false where the walk stopped, or null if it reached the root. */
    public final String propagationStopsAt;
    public final String propagationSource;
    /** Whether no handler was found, so the last-resort handler gets the record. */
    public final boolean lastResort;
    /** Whether at least one handler (or the last resort) would emit the record. */
    public final boolean emitted;

    private Explanation(String name, int level) {
        Logger logger = name == null || name.isEmpty() ? Logging.getLogger() : Logging.getLogger(name);
        this.loggerName = logger.getName();
        this.level = level;
        this.disableLevel = Logging.getDisableLevel();
        this.disableSource = Provenance.disable(disableLevel);
        this.loggerDisabled = logger.isDisabled();
        this.disabledSource = Provenance.loggerSetting(loggerName, "disabled", loggerDisabled);
        Logger from = logger;
        while (from != null && from.getLevel() == Level.NOTSET) from = from.getParent();
        this.effectiveLevel = logger.getEffectiveLevel();
        this.effectiveLevelFrom = from == null ? null : from.getName();
        this.effectiveLevelSource = from == null ? null : Provenance.loggerSetting(from.getName(), "level", from.getLevel());
        this.enabled = logger.isEnabledFor(level);
        LogRecord record = new LogRecord(loggerName, level, null, "(explain)", new Object[0], null, null, null, Logging.clock().time());
        this.loggerFilters = check(logger.getFilters(), record);
        boolean filtersPass = loggerFilters.stream().allMatch(FilterCheck::passes);
        List<HandlerCheck> found = new ArrayList<>();
        String stop = null;
        for (Logger c = logger; c != null; c = c.getPropagate() ? c.getParent() : null) {
            for (Handler h : c.getHandlers()) {
                List<FilterCheck> hf = check(h.getFilters(), record);
                boolean levelPasses = level >= h.getLevel();
                boolean emits = levelPasses && hf.stream().allMatch(FilterCheck::passes);
                found.add(new HandlerCheck(c.getName(), describe(h), h.getLevel(), levelPasses, hf, emits, Provenance.handler(h)));
            }
            if (!c.getPropagate() && c.getParent() != null) stop = c.getName();
        }
        this.handlers = List.copyOf(found);
        this.propagationStopsAt = stop;
        this.propagationSource = stop == null ? null : Provenance.loggerSetting(stop, "propagate", false);
        Handler resort = Logging.getLastResort();
        this.lastResort = found.isEmpty();
        boolean anyEmits = found.stream().anyMatch(HandlerCheck::emits)
                || (lastResort && resort != null && level >= resort.getLevel());
        this.emitted = enabled && filtersPass && anyEmits;
    }

    /** Explains what happens to a record at {@code level} from logger {@code name} ("" for the root). */
    public static Explanation of(String name, int level) {
        return new Explanation(name, level);
    }

    private static List<FilterCheck> check(List<Filter> filters, LogRecord record) {
        List<FilterCheck> result = new ArrayList<>();
        for (Filter f : filters) {
            try {
                result.add(new FilterCheck(f.toString(), f.filter(record), null));
            } catch (RuntimeException e) {
                result.add(new FilterCheck(f.toString(), false, e.toString()));
            }
        }
        return result;
    }

    private static String describe(Handler h) {
        String name = h.getName();
        return (name != null ? "'" + name + "' " : "") + h.getClass().getSimpleName();
    }

    private static String level(int level) {
        return Level.getLevelName(level) + " (" + level + ")";
    }

    private static String by(String source, String otherwise) {
        return source != null ? "set by " + source : otherwise;
    }

    /** The readable report. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        String levelName = Level.getLevelName(level);
        sb.append("AEIOU".indexOf(Character.toUpperCase(levelName.charAt(0))) >= 0 ? "Would an " : "Would a ")
                .append(levelName).append(" record from logger '").append(loggerName)
                .append("' be logged? ").append(emitted ? "yes" : "no").append('\n');
        sb.append("  logging.disable: ");
        if (disableLevel == Level.NOTSET) {
            sb.append("nothing disabled\n");
        } else {
            sb.append("levels up to ").append(level(disableLevel)).append(" are dropped, ")
                    .append(by(disableSource, "set by code")).append(level <= disableLevel ? ": DROPPED here\n" : ": passes\n");
        }
        if (loggerDisabled) {
            sb.append("  logger '").append(loggerName).append("' is disabled (drops everything), ")
                    .append(by(disabledSource, "set by code")).append('\n');
        }
        sb.append("  effective level: ").append(level(effectiveLevel));
        if (effectiveLevelFrom == null) {
            sb.append(", no logger sets a level\n");
        } else {
            sb.append(", from logger '").append(effectiveLevelFrom).append("', ")
                    .append(by(effectiveLevelSource, effectiveLevelFrom.equals("root") && effectiveLevel == Level.WARNING
                            ? "Python's default" : "set by code")).append('\n');
        }
        sb.append("    ").append(level(level)).append(level >= effectiveLevel ? " >= " : " < ").append(level(effectiveLevel))
                .append(level >= effectiveLevel ? ": passes\n" : ": DROPPED here\n");
        appendFilters(sb, "  filters of logger '" + loggerName + "'", loggerFilters);
        sb.append("  handlers reached through propagation:\n");
        for (HandlerCheck h : handlers) {
            sb.append("    on '").append(h.logger()).append("': ").append(h.handler()).append(", level ").append(level(h.level()))
                    .append(h.levelPasses() ? "" : ": level too low, skipped").append(h.emits() ? ": emits" : "")
                    .append(h.source() != null ? " (" + h.source() + ")" : " (created by code)").append('\n');
            if (!h.filters().isEmpty()) appendFilters(sb, "      filters", h.filters());
        }
        if (lastResort) {
            Handler resort = Logging.getLastResort();
            sb.append("    none: the last-resort handler gets the record")
                    .append(resort == null ? ", but there is none\n" : " (stderr, level " + level(resort.getLevel()) + ")\n");
        }
        if (propagationStopsAt != null) {
            sb.append("  propagation stops at '").append(propagationStopsAt).append("' (propagate false, ")
                    .append(by(propagationSource, "set by code")).append(")\n");
        }
        return sb.toString();
    }

    private static void appendFilters(StringBuilder sb, String title, List<FilterCheck> filters) {
        if (filters.isEmpty()) {
            if (title.startsWith("  filters of")) sb.append(title).append(": none\n");
            return;
        }
        sb.append(title).append(":\n");
        for (FilterCheck f : filters) {
            sb.append(title.startsWith("      ") ? "        " : "    ").append(f.filter()).append(": ")
                    .append(f.error() != null ? "threw " + f.error() : f.passes() ? "passes" : "REJECTS").append('\n');
        }
    }
}
