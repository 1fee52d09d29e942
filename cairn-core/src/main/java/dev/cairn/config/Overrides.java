package dev.cairn.config;

import dev.cairn.Formatter;
import dev.cairn.Handler;
import dev.cairn.Level;
import dev.cairn.Logger;
import dev.cairn.Logging;
import dev.cairn.json.JsonFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Levels and a format laid over the configuration file by the environment or the command line,
 * re-applied after every reload of the file so they keep winning. A level is a name (any case)
 * or a number; a format is {@code json}, {@code text} or a {@code %}-style format string.
 * Immutable; every value is checked when the overrides are read, before anything changes.
 */
final class Overrides {
    /** {@code --log-format text}: Python's usual layout with a time stamp. */
    static final String TEXT_FORMAT = "%(asctime)s %(levelname)-8s %(name)s: %(message)s";
    static final Overrides NONE = new Overrides(Map.of(), null, null, null);

    /** One level: the logger (root is {@code ""}), the level, and the words that set it. */
    record LevelSetting(String logger, int level, String source) {}

    private final Map<String, LevelSetting> levels;
    private final String format;
    private final Formatter formatter;
    private final String formatSource;

    private Overrides(Map<String, LevelSetting> levels, String format, Formatter formatter, String formatSource) {
        this.levels = Collections.unmodifiableMap(new LinkedHashMap<>(levels));
        this.format = format;
        this.formatter = formatter;
        this.formatSource = formatSource;
    }

    /**
     * Reads {@code CAIRN_LEVEL} (the root), {@code CAIRN_LEVEL_<logger>} and {@code CAIRN_FORMAT}.
     * In a logger name {@code _} stands for {@code .} and {@code __} for {@code _}:
     * {@code CAIRN_LEVEL_app_db} is {@code app.db}, {@code CAIRN_LEVEL_my__app} is {@code my_app}.
     *
     * @throws ConfigException naming the variable, for an unknown level or a bad format
     */
    static Overrides fromEnvironment(Map<String, String> environment) {
        Builder b = new Builder("environment");
        for (Map.Entry<String, String> e : new TreeMap<>(environment).entrySet()) {
            String key = e.getKey();
            String where = "environment " + key + "=" + e.getValue();
            if (key.equals("CAIRN_LEVEL")) {
                b.level("", e.getValue(), key, where);
            } else if (key.startsWith("CAIRN_LEVEL_") && key.length() > "CAIRN_LEVEL_".length()) {
                b.level(loggerName(key.substring("CAIRN_LEVEL_".length())), e.getValue(), key, where);
            } else if (key.equals("CAIRN_FORMAT")) {
                b.format(e.getValue(), key, where);
            }
        }
        return b.build();
    }

    /** {@code app_db} → {@code app.db}, {@code my__app} → {@code my_app}. */
    static String loggerName(String encoded) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '_' && i + 1 < encoded.length() && encoded.charAt(i + 1) == '_') {
                sb.append('_');
                i++;
            } else {
                sb.append(c == '_' ? '.' : c);
            }
        }
        return sb.toString();
    }

    boolean isEmpty() {
        return levels.isEmpty() && format == null;
    }

    /** These overrides with {@code later}'s laid on top. */
    Overrides then(Overrides later) {
        Map<String, LevelSetting> merged = new LinkedHashMap<>(levels);
        merged.putAll(later.levels);
        return later.format != null ? new Overrides(merged, later.format, later.formatter, later.formatSource)
                : new Overrides(merged, format, formatter, formatSource);
    }

    /**
     * Sets the levels (enabling each named logger again, as dictConfig enables the loggers it
     * configures) and replaces the formatter of every handler attached to a logger. When
     * nothing is configured at all (Python's default: no handler anywhere), it first does what a
     * Python script does with {@code basicConfig(level=...)}: a stderr handler on the root.
     */
    void apply() {
        if (isEmpty()) return;
        if (!anyHandler()) Logging.basicConfig();
        for (LevelSetting s : levels.values()) {
            Logger logger = s.logger().isEmpty() ? Logging.getLogger() : Logging.getLogger(s.logger());
            logger.setLevel(s.level());
            // Naming a logger configures it: dictConfig enables the loggers it configures, and a
            // file applied after start-up would otherwise have disabled this one as "existing".
            if (!s.logger().isEmpty()) logger.setDisabled(false);
            Provenance.loggerSetting(logger.getName(), "level", s.level(), s.source());
        }
        if (formatter != null) {
            for (Handler h : attachedHandlers()) {
                h.setFormatter(formatter);
                Provenance.handler(h, formatSource + " (formatter)");
            }
        }
    }

    private static boolean anyHandler() {
        return !attachedHandlers().isEmpty();
    }

    private static Set<Handler> attachedHandlers() {
        Set<Handler> all = Collections.newSetFromMap(new IdentityHashMap<>());
        all.addAll(Logging.getLogger().getHandlers());
        for (Logger l : Logging.getLoggers()) all.addAll(l.getHandlers());
        return all;
    }

    /** Collects settings, checking each as it comes. */
    static final class Builder {
        private final String origin;
        private final Map<String, LevelSetting> levels = new LinkedHashMap<>();
        private String format;
        private Formatter formatter;
        private String formatSource;

        /** {@code origin} names the source in errors: {@code environment}, {@code command line}. */
        Builder(String origin) {
            this.origin = origin;
        }

        void level(String logger, String text, String path, String source) {
            levels.put(logger, new LevelSetting(logger, parseLevel(text, path), source));
        }

        void format(String text, String path, String source) {
            String pattern = text.equalsIgnoreCase("text") ? TEXT_FORMAT : text;
            try {
                formatter = text.equalsIgnoreCase("json") ? new JsonFormatter() : new Formatter(pattern);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(path, e.getMessage() + " (expected json, text or a %-style format)", origin, 0, e);
            }
            format = text;
            formatSource = source;
        }

        Overrides build() {
            return levels.isEmpty() && format == null ? NONE : new Overrides(levels, format, formatter, formatSource);
        }

        private int parseLevel(String text, String path) {
            String t = text.strip();
            Integer level = Level.forName(t);
            if (level == null) level = Level.forName(t.toUpperCase(Locale.ROOT));
            if (level == null && t.matches("-?[0-9]+")) level = Integer.parseInt(t);
            if (level == null) {
                List<String> names = new ArrayList<>(new TreeMap<>(Level.getLevelNamesMapping()).keySet());
                throw new ConfigException(path, "Unknown level: '" + text + "' (expected one of " + String.join(", ", names)
                        + ", or a number)", origin, 0, null);
            }
            return level;
        }
    }
}
