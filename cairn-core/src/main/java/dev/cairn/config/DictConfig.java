package dev.cairn.config;

import dev.cairn.Filter;
import dev.cairn.Formatter;
import dev.cairn.Handler;
import dev.cairn.LogRecordFactory;
import dev.cairn.Logger;
import dev.cairn.Logging;
import dev.cairn.NameFilter;
import dev.cairn.redact.Redactor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Python's {@code logging.config.dictConfig} over nested Maps and Lists (as JSON or YAML
 * parsers produce), with Python's schema and semantics: formatters, filters, handlers, loggers,
 * root, {@code incremental}, {@code disable_existing_loggers}, {@code ext://}, {@code cfg://},
 * {@code ()} factories and the {@code .} properties key.
 *
 * <p>Unlike Python, which can leave logging half-configured, the whole configuration is parsed,
 * checked and built first ({@link Plan}); only then are the loggers changed, in one step under a
 * lock. Any problem throws a {@link ConfigException} naming the key path, with nothing changed
 * (handlers built for the rejected configuration are closed). Two deliberate differences:
 * unknown keys are rejected rather than ignored, and a reconfigured logger's filters are
 * replaced rather than added to.
 */
public final class DictConfig {
    /**
     * Python's keys, plus Cairn's {@code watch} (read by {@link RunningConfiguration}, ignored here
     * as Python ignores it) and {@code redact} (a {@link Redactor} installed before any handler).
     */
    private static final Set<String> TOP_KEYS = Set.of("version", "formatters", "filters", "handlers",
            "loggers", "root", "incremental", "disable_existing_loggers", "watch", "redact");

    /** The record factory in place before a configuration's {@code redact} wrapped it; null when none did. */
    private static LogRecordFactory factoryBeforeRedaction;
    private static final Set<String> LOGGER_KEYS = Set.of("level", "propagate", "filters", "handlers");

    /** Handlers of the last non-incremental configuration by name, Python's {@code logging._handlers}. */
    private static Map<String, Handler> namedHandlers = Map.of();

    private DictConfig() {}

    /** Checks and applies {@code config}; see the class comment. */
    public static void apply(Map<String, ?> config) {
        apply(config, null);
    }

    /**
     * Checks and applies a configuration read from a file or socket: errors name the file, line
     * and the key as written there, and {@link Provenance} credits each setting to its line.
     */
    public static void apply(ConfigDocument document) {
        try {
            apply(document.config(), document);
        } catch (ConfigException e) {
            throw document.locate(e);
        }
    }

    private static void apply(Map<String, ?> config, ConfigDocument origin) {
        if (config == null) throw new ConfigException("", "configuration must not be null");
        // Logging's class initialisation configures from files and takes this lock; it must be
        // finished before this thread holds the lock, or two threads could wait on each other.
        Logging.getLastResort();
        synchronized (DictConfig.class) {
            ConfigNode top = new ConfigNode("", config, new References(config));
            checkVersion(top);
            boolean incremental = top.bool("incremental", false);
            Sources sources = new Sources(origin);
            if (incremental) {
                applyIncremental(top, sources);
            } else {
                Plan plan = Plan.build(top);
                plan.commit(sources);
                namedHandlers = plan.handlers;
                installRedaction(plan.redactor);
            }
        }
    }

    /** Describes the origin of a key path for {@link Provenance}: {@code cairn.yaml:12}, or the API call. */
    private static final class Sources {
        private final ConfigDocument origin;

        Sources(ConfigDocument origin) {
            this.origin = origin;
        }

        String of(String path) {
            if (origin == null) return "Logging.dictConfig() (" + path + ")";
            int line = origin.lineOf(path);
            return origin.source() + (line > 0 ? ":" + line : "") + " (" + origin.originalName(path) + ")";
        }
    }

    /** The handlers of the current configuration by name. */
    public static synchronized Map<String, Handler> getHandlers() {
        return Map.copyOf(namedHandlers);
    }

    private static void checkVersion(ConfigNode top) {
        if (!top.has("version")) throw new ConfigException("version", "dictionary doesn't specify a version (expected version: 1)");
        Object version = top.get("version");
        if (!Integer.valueOf(1).equals(version) && !Long.valueOf(1).equals(version)) {
            throw new ConfigException("version", "Unsupported version: " + ConfigNode.describe(version) + " (expected 1)");
        }
    }

    /** {@code incremental: true}: only levels of existing handlers and loggers, and propagate. */
    private static void applyIncremental(ConfigNode top, Sources sources) {
        List<Runnable> changes = new ArrayList<>();
        ConfigNode handlers = top.node("handlers");
        if (handlers != null) {
            for (String name : handlers.keys()) {
                Handler h = namedHandlers.get(name);
                if (h == null) throw new ConfigException(handlers.pathOf(name), "No handler found with name '" + name + "'");
                ConfigNode entry = handlers.node(name);
                Integer level = entry.level("level");
                if (level != null) {
                    changes.add(() -> {
                        h.setLevel(level);
                        Provenance.handler(h, sources.of(handlers.pathOf(name)));
                    });
                }
            }
        }
        ConfigNode loggers = top.node("loggers");
        if (loggers != null) {
            for (String name : loggers.keys()) {
                ConfigNode entry = loggers.node(name);
                Integer level = entry.level("level");
                Object propagate = entry.has("propagate") ? entry.bool("propagate", true) : null;
                entry.rejectUnknown("an incremental logger", LOGGER_KEYS);
                changes.add(() -> {
                    Logger logger = Logging.getLogger(name);
                    if (level != null) {
                        logger.setLevel(level);
                        Provenance.loggerSetting(name, "level", level, sources.of(entry.pathOf("level")));
                    }
                    logger.setDisabled(false);
                    if (propagate != null) {
                        logger.setPropagate((Boolean) propagate);
                        Provenance.loggerSetting(name, "propagate", propagate, sources.of(entry.pathOf("propagate")));
                    }
                });
            }
        }
        ConfigNode root = top.node("root");
        if (root != null) {
            Integer level = root.level("level");
            root.rejectUnknown("an incremental root", LOGGER_KEYS);
            if (level != null) {
                changes.add(() -> {
                    Logging.getLogger().setLevel(level);
                    Provenance.loggerSetting("root", "level", level, sources.of(root.pathOf("level")));
                });
            }
        }
        top.rejectUnknown("a configuration", TOP_KEYS);
        changes.forEach(Runnable::run);
    }

    /**
     * Cairn's {@code redact} key: {@code true} for the defaults, or a mapping of {@link Redactor}
     * options ({@code names}, {@code extra_names}, {@code builtins}, {@code patterns}, {@code mask}).
     */
    private static Redactor redactor(ConfigNode top) {
        if (!top.has("redact")) return null;
        Object value = top.get("redact");
        if (Boolean.FALSE.equals(value) || value == null) return null;
        if (Boolean.TRUE.equals(value)) return new Redactor();
        ConfigNode node = top.node("redact");
        Map<String, Object> options = new LinkedHashMap<>();
        for (String key : node.keys()) options.put(key, node.get(key));
        try {
            return new Redactor(options);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("redact", e.getMessage(), e);
        }
    }

    /** Replaces the previous configuration's redactor (if any) with this one's (if any). */
    private static void installRedaction(Redactor redactor) {
        if (factoryBeforeRedaction != null) {
            Logging.setLogRecordFactory(factoryBeforeRedaction);
            factoryBeforeRedaction = null;
        }
        if (redactor != null) {
            factoryBeforeRedaction = Logging.getLogRecordFactory();
            Logging.setLogRecordFactory(redactor.wrap(factoryBeforeRedaction));
        }
    }

    /** A configuration fully checked and built, waiting to be swapped in. */
    private static final class Plan {
        final Map<String, Formatter> formatters = new HashMap<>();
        final Map<String, Filter> filters = new HashMap<>();
        final Map<String, Handler> handlers = new LinkedHashMap<>();
        final Map<String, LoggerSettings> loggers = new LinkedHashMap<>();
        LoggerSettings root;
        boolean disableExisting;
        Redactor redactor;

        static Plan build(ConfigNode top) {
            Plan plan = new Plan();
            try {
                plan.disableExisting = top.bool("disable_existing_loggers", true);
                plan.buildFormatters(top.node("formatters"));
                plan.buildFilters(top.node("filters"));
                plan.buildHandlers(top.node("handlers"));
                ConfigNode loggers = top.node("loggers");
                if (loggers != null) {
                    for (String name : loggers.keys()) plan.loggers.put(name, plan.loggerSettings(loggers.node(name)));
                }
                ConfigNode root = top.node("root");
                if (root != null) plan.root = plan.loggerSettings(root);
                plan.redactor = redactor(top);
                top.rejectUnknown("a configuration", TOP_KEYS);
                return plan;
            } catch (RuntimeException e) {
                plan.handlers.values().forEach(Handler::close);
                throw e;
            }
        }

        private void buildFormatters(ConfigNode section) {
            if (section == null) return;
            for (String id : section.keys()) {
                ConfigNode node = section.node(id);
                if (node == null) throw new ConfigException(section.pathOf(id), "expected a mapping, got null");
                formatters.put(id, Formatters.build(node));
            }
        }

        private void buildFilters(ConfigNode section) {
            if (section == null) return;
            for (String id : section.keys()) {
                ConfigNode node = section.node(id);
                if (node == null) throw new ConfigException(section.pathOf(id), "expected a mapping, got null");
                if (node.has("()")) {
                    String spec = node.string("()");
                    Filter f = ObjectFactory.create(spec, node.remaining(Set.of("()", ".")), Filter.class, node.path());
                    setProperties(f, node.node("."));
                    filters.put(id, f);
                } else {
                    filters.put(id, new NameFilter(node.string("name", "")));
                    node.rejectUnknown("a filter", Set.of("name"));
                }
            }
        }

        /** Builds handlers in name order, deferring those whose target is not built yet, as Python does. */
        private void buildHandlers(ConfigNode section) {
            if (section == null) return;
            Map<String, Object> declared = new TreeMap<>();
            for (String id : section.keys()) declared.put(id, section.get(id));
            List<String> pending = new ArrayList<>(declared.keySet());
            while (!pending.isEmpty()) {
                List<String> deferred = new ArrayList<>();
                for (String id : pending) {
                    ConfigNode node = section.node(id);
                    if (node == null) throw new ConfigException(section.pathOf(id), "expected a mapping, got null");
                    try {
                        handlers.put(id, buildHandler(id, node, declared));
                    } catch (HandlerOptions.NotYetConfigured e) {
                        deferred.add(id);
                    }
                }
                if (deferred.size() == pending.size()) {
                    throw new ConfigException(section.pathOf(deferred.get(0)),
                            "handler targets refer to each other in a cycle: " + deferred);
                }
                pending = deferred;
            }
        }

        private Handler buildHandler(String id, ConfigNode node, Map<String, Object> declared) {
            String formatterId = node.string("formatter", null);
            Formatter formatter = null;
            if (formatterId != null) {
                formatter = formatters.get(formatterId);
                if (formatter == null) throw new ConfigException(node.pathOf("formatter"), "no formatter named '" + formatterId + "' in formatters");
            }
            Integer level = node.level("level");
            List<Filter> handlerFilters = filtersNamed(node, "filters");
            Handler handler = Handlers.create(node, handlers, declared);
            try {
                handler.setName(id);
                if (formatter != null) handler.setFormatter(formatter);
                if (level != null) handler.setLevel(level);
                handlerFilters.forEach(handler::addFilter);
                setProperties(handler, node.node("."));
                return handler;
            } catch (RuntimeException e) {
                handler.close();
                throw e;
            }
        }

        private List<Filter> filtersNamed(ConfigNode node, String key) {
            List<Filter> result = new ArrayList<>();
            List<String> names = node.strings(key);
            for (int i = 0; i < names.size(); i++) {
                Filter f = filters.get(names.get(i));
                if (f == null) throw new ConfigException(node.pathOf(key) + "[" + i + "]", "no filter named '" + names.get(i) + "' in filters");
                result.add(f);
            }
            return result;
        }

        private LoggerSettings loggerSettings(ConfigNode node) {
            if (node == null) return new LoggerSettings(null, null, List.of(), List.of());
            Integer level = node.level("level");
            Boolean propagate = node.has("propagate") ? node.bool("propagate", true) : null;
            List<Filter> loggerFilters = filtersNamed(node, "filters");
            List<Handler> loggerHandlers = new ArrayList<>();
            List<String> names = node.strings("handlers");
            for (int i = 0; i < names.size(); i++) {
                Handler h = handlers.get(names.get(i));
                if (h == null) throw new ConfigException(node.pathOf("handlers") + "[" + i + "]", "no handler named '" + names.get(i) + "' in handlers");
                loggerHandlers.add(h);
            }
            node.rejectUnknown("a logger", LOGGER_KEYS);
            return new LoggerSettings(level, propagate, loggerFilters, loggerHandlers);
        }

        /** Swaps the plan in: Python's {@code configure()} after its checks, which cannot fail here. */
        void commit(Sources sources) {
            closeOldHandlers();
            handlers.forEach((id, h) -> Provenance.handler(h, sources.of("handlers." + id)));
            Set<String> configured = loggers.keySet();
            List<Logger> existing = Logging.getLoggers();
            for (Map.Entry<String, LoggerSettings> e : loggers.entrySet()) {
                Logger logger = Logging.getLogger(e.getKey());
                e.getValue().applyTo(logger);
                e.getValue().record(e.getKey(), "loggers." + e.getKey(), sources);
                logger.setDisabled(false);
            }
            // _handle_existing_loggers: children of configured loggers are reset, the rest disabled.
            for (Logger logger : existing) {
                String name = logger.getName();
                if (configured.contains(name)) continue;
                boolean child = false;
                for (String parent : configured) {
                    if (name.startsWith(parent + ".")) child = true;
                }
                if (child) {
                    logger.setLevel(0);
                    for (Handler h : logger.getHandlers()) logger.removeHandler(h);
                    logger.setPropagate(true);
                } else {
                    logger.setDisabled(disableExisting);
                    Provenance.loggerSetting(name, "disabled", disableExisting, sources.of("disable_existing_loggers"));
                }
            }
            if (root != null) {
                root.applyTo(Logging.getLogger());
                root.record("root", "root", sources);
            }
        }

        /** Python's {@code _clearExistingHandlers}: flush and close the handlers in use. */
        private void closeOldHandlers() {
            Set<Handler> old = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            old.addAll(namedHandlers.values());
            old.addAll(Logging.getLogger().getHandlers());
            for (Logger logger : Logging.getLoggers()) old.addAll(logger.getHandlers());
            old.removeAll(handlers.values());
            for (Handler h : old) {
                h.flush();
                h.close();
            }
        }
    }

    /** What a {@code loggers} or {@code root} entry sets. */
    private static final class LoggerSettings {
        final Integer level;
        final Boolean propagate;
        final List<Filter> filters;
        final List<Handler> handlers;

        LoggerSettings(Integer level, Boolean propagate, List<Filter> filters, List<Handler> handlers) {
            this.level = level;
            this.propagate = propagate;
            this.filters = filters;
            this.handlers = handlers;
        }

        void applyTo(Logger logger) {
            if (level != null) logger.setLevel(level);
            for (Handler h : logger.getHandlers()) logger.removeHandler(h);
            handlers.forEach(logger::addHandler);
            for (Filter f : logger.getFilters()) logger.removeFilter(f);
            filters.forEach(logger::addFilter);
            if (propagate != null) logger.setPropagate(propagate);
        }

        void record(String name, String path, Sources sources) {
            if (level != null) Provenance.loggerSetting(name, "level", level, sources.of(path + ".level"));
            if (propagate != null) Provenance.loggerSetting(name, "propagate", propagate, sources.of(path + ".propagate"));
            Provenance.loggerSetting(name, "disabled", false, sources.of(path));
        }
    }

    static void setProperties(Object target, ConfigNode props) {
        if (props == null) return;
        for (String key : props.keys()) {
            ObjectFactory.setProperty(target, key, props.get(key), props.pathOf(key));
        }
    }
}
