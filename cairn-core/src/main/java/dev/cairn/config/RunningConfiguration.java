package dev.cairn.config;

import dev.cairn.Logging;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The configuration in force, as layers: a file (or Python's default), then the environment
 * overrides, then the command-line overrides. Applying a file re-applies the layers above it,
 * so a reload keeps {@code CAIRN_LEVEL} and {@code --log-level} in force. Also starts and stops
 * the watch a file asks for ({@code watch: true} or a number of seconds).
 *
 * <p>Start-up order (see {@link #startup}): the system property {@code cairn.config}, else the
 * environment variable {@code CAIRN_CONFIG}, naming a file; else {@code cairn.yaml},
 * {@code cairn.yml}, {@code cairn.json} or {@code logging.ini} on the class path; else Python's
 * default (the last-resort handler only); the system property {@code cairn.autoconfigure=false}
 * skips it all. Thread-safe: every change holds this class's lock,
 * taken only once {@code Logging} is initialised (its initialisation calls {@link #startup}).
 */
public final class RunningConfiguration {
    /** Class path resources looked for at start-up, in this order. */
    static final List<String> CLASSPATH_FILES = List.of("cairn.yaml", "cairn.yml", "cairn.json", "logging.ini");
    /**
     * The system property that, set to {@code false} before Cairn starts, skips the automatic
     * configuration (file, class path resource and environment overrides): for programs that
     * configure Cairn deliberately, such as {@code cairn explain}, which must not apply the
     * configuration it is asked about for real.
     */
    public static final String AUTOCONFIGURE = "cairn.autoconfigure";
    /** Seconds between checks for {@code watch: true}. */
    static final double DEFAULT_WATCH_SECONDS = 5;

    private static Map<String, String> environment = System.getenv();
    private static Overrides fromEnvironment = Overrides.NONE;
    private static Overrides fromCommandLine = Overrides.NONE;
    private static Path file;
    private static ConfigWatcher watcher;

    private RunningConfiguration() {}

    /**
     * Reads {@code path} (JSON, INI, or YAML with cairn-yaml), substitutes {@code ${...}} from the
     * environment, applies it, lays the environment and command-line overrides over it, and
     * watches it if it says so.
     *
     * @throws ConfigException naming the file, line and key; nothing has changed then
     */
    public static void configure(Path path) {
        Logging.getLastResort();
        synchronized (RunningConfiguration.class) {
            configureLocked(path);
        }
    }

    /** See {@link #configure}; called with this class's lock held. */
    private static void configureLocked(Path path) {
        ConfigDocument document = ConfigFiles.read(path, environment);
        double watchSeconds = watchSeconds(document);
        apply(document);
        file = path;
        watch(path, watchSeconds);
    }

    /**
     * Python's {@code logging.config} for a program's arguments: applies {@code --log-config},
     * then the {@code --log-level} and {@code --log-format} overrides, and returns the other
     * arguments. Everything is checked before anything changes.
     *
     * @throws ConfigException for a bad option or file, naming it
     */
    public static String[] configureFromArgs(String[] args) {
        Logging.getLastResort();
        synchronized (RunningConfiguration.class) {
            return configureFromArgsLocked(args);
        }
    }

    private static String[] configureFromArgsLocked(String[] args) {
        CommandLine line = CommandLine.parse(args);
        if (line.configFile != null) {
            ConfigDocument document = ConfigFiles.read(line.configFile, environment);
            double watchSeconds = watchSeconds(document);
            Overrides previous = fromCommandLine;
            fromCommandLine = line.overrides;
            try {
                apply(document);
            } catch (ConfigException e) {
                fromCommandLine = previous;
                throw e;
            }
            file = line.configFile;
            watch(line.configFile, watchSeconds);
        } else {
            fromCommandLine = fromCommandLine.then(line.overrides);
            line.overrides.apply();
        }
        return line.remaining;
    }

    /**
     * Configures this process as {@link #configure} and {@link #configureFromArgs} would
     * configure another process started with {@code environment} and the logging options
     * {@code args} ({@code --log-level}, {@code --log-format}), for tools that explain that
     * process's logging ({@code cairn explain}): the file's {@code ${...}} and the
     * {@code CAIRN_LEVEL*}/{@code CAIRN_FORMAT} overrides come from {@code environment}, not from
     * this process's. Every handler's {@code filename} is moved into {@code scratch} (same file
     * name), so the real log files are not created, rotated, compressed or pruned. Nothing is
     * watched, and this process's own layers are left as they were. {@code file} may be null
     * (Python's default plus the overrides).
     *
     * @throws ConfigException for a bad file, variable or option, naming it; nothing has changed then
     */
    public static void rehearse(Path file, Map<String, String> environment, List<String> args, Path scratch) {
        Logging.getLastResort();
        synchronized (RunningConfiguration.class) {
            Overrides overrides = Overrides.fromEnvironment(environment);
            CommandLine line = CommandLine.parse(args.toArray(new String[0]));
            if (line.configFile != null || line.remaining.length > 0) {
                throw new ConfigException("", "only --log-level and --log-format can be rehearsed, not "
                        + (line.configFile != null ? "--log-config" : String.join(" ", line.remaining)), "command line", 0, null);
            }
            if (file != null) {
                ConfigDocument document = ConfigFiles.read(file, environment);
                DictConfig.apply(new ConfigDocument(document.source(), filesMovedInto(document.config(), scratch),
                        document.lines(), document.originalNames()));
            }
            overrides.then(line.overrides).apply();
        }
    }

    /** {@code config} with the {@code filename} of every handler moved into {@code scratch}; handlers sharing a file still share one. */
    private static Map<String, Object> filesMovedInto(Map<String, Object> config, Path scratch) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(config);
        if (!(config.get("handlers") instanceof Map)) return copy;
        Map<String, Object> handlers = new java.util.LinkedHashMap<>();
        Map<String, String> moved = new java.util.HashMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) config.get("handlers")).entrySet()) {
            Object handler = e.getValue();
            if (handler instanceof Map && ((Map<?, ?>) handler).get("filename") instanceof String) {
                Map<String, Object> options = new java.util.LinkedHashMap<>();
                ((Map<?, ?>) handler).forEach((k, v) -> options.put(String.valueOf(k), v));
                String original = (String) options.get("filename");
                String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1);
                options.put("filename", moved.computeIfAbsent(original, f -> scratch.resolve(moved.size() + "-" + name).toString()));
                handler = options;
            }
            handlers.put(String.valueOf(e.getKey()), handler);
        }
        copy.put("handlers", handlers);
        return copy;
    }

    /**
     * Applies configuration text that arrived without a file (Python's {@code listen()}): a JSON
     * object is a dictConfig, anything else fileConfig INI. Applied as sent: no {@code ${...}}
     * substitution, no overrides.
     */
    static synchronized void applyText(String text, String source) {
        DictConfig.apply(ConfigFiles.readText(text, source));
    }

    /** The file the configuration came from, or null. */
    public static synchronized Path file() {
        return file;
    }

    /**
     * Called once from {@code Logging}'s static initialisation: the start-up order of the class
     * comment, then the environment overrides; nothing at all when the system property
     * {@value #AUTOCONFIGURE} is {@code false}. Never throws: a configuration that cannot be
     * applied is reported on stderr and Python's default stays.
     */
    public static synchronized void startup(Map<String, String> env, UnaryOperator<String> properties, ClassLoader loader) {
        environment = env;
        if ("false".equalsIgnoreCase(properties.apply(AUTOCONFIGURE))) return;
        try {
            fromEnvironment = Overrides.fromEnvironment(env);
        } catch (ConfigException e) {
            report("ignored the logging overrides in the environment: " + e.getMessage());
        }
        try {
            String named = properties.apply("cairn.config");
            String origin = "system property cairn.config";
            if (named == null || named.isEmpty()) {
                named = env.get("CAIRN_CONFIG");
                origin = "environment variable CAIRN_CONFIG";
            }
            if (named != null && !named.isEmpty()) {
                Path path = Path.of(named);
                if (!Files.exists(path)) {
                    throw new ConfigException("", "the file named by " + origin + " does not exist", named, 0, null);
                }
                configureLocked(path);
                return;
            }
            for (String name : CLASSPATH_FILES) {
                URL url = loader == null ? null : loader.getResource(name);
                if (url != null) {
                    configureResource(url, name);
                    return;
                }
            }
            fromEnvironment.apply();
        } catch (ConfigException e) {
            report("could not apply the logging configuration, using Python's default (last-resort handler only): " + e.getMessage());
            safely(fromEnvironment::apply);
        } catch (RuntimeException | LinkageError | java.util.ServiceConfigurationError e) {
            report("could not configure logging, using Python's default (last-resort handler only): " + e);
            safely(fromEnvironment::apply);
        }
    }

    private static void configureResource(URL url, String name) {
        if ("file".equals(url.getProtocol())) {
            try {
                configureLocked(Path.of(url.toURI()));
                return;
            } catch (URISyntaxException e) {
                // Fall through and read it as a stream.
            }
        }
        String text;
        try (InputStream in = url.openStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("", "cannot read " + url + ": " + e, "classpath:" + name, 0, e);
        }
        ConfigDocument document = ConfigFiles.formatFor(name).read(text, "classpath:" + name);
        apply(Substitution.apply(document, environment));
    }

    /** Re-reads the watched file; called by {@code from}. Returns the error, or null if applied (or no longer watched). */
    static synchronized ConfigException reload(ConfigWatcher from) {
        if (from != watcher) return null;
        Path path = from.path();
        try {
            ConfigDocument document = ConfigFiles.read(path, environment);
            double watchSeconds = watchSeconds(document);
            apply(document);
            if (watchSeconds != from.intervalSeconds()) watch(path, watchSeconds);
            return null;
        } catch (ConfigException e) {
            return e;
        }
    }

    private static void apply(ConfigDocument document) {
        DictConfig.apply(document);
        fromEnvironment.then(fromCommandLine).apply();
    }

    /** The {@code watch} key: absent or false is 0 (no watching), true the default, a number seconds. */
    private static double watchSeconds(ConfigDocument document) {
        Object watch = document.config().get("watch");
        if (watch == null || Boolean.FALSE.equals(watch)) return 0;
        if (Boolean.TRUE.equals(watch)) return DEFAULT_WATCH_SECONDS;
        if (watch instanceof Number && ((Number) watch).doubleValue() > 0) return Math.max(0.05, ((Number) watch).doubleValue());
        throw document.locate(new ConfigException("watch", "expected true, false or a number of seconds, got "
                + ConfigNode.describe(watch)));
    }

    private static void watch(Path path, double seconds) {
        if (watcher != null) {
            watcher.stop();
            watcher = null;
        }
        if (seconds > 0) watcher = ConfigWatcher.start(path, seconds);
    }

    /** Stops watching the configuration file, if it is watched. */
    public static synchronized void stopWatching() {
        watch(null, 0);
    }

    /** Forgets the layers (for tests): no file, no overrides, no watch. Loggers are left as they are. */
    static synchronized void forget(Map<String, String> env) {
        stopWatching();
        environment = env;
        fromEnvironment = Overrides.NONE;
        fromCommandLine = Overrides.NONE;
        file = null;
    }

    static void report(String message) {
        System.err.print("cairn: " + message + "\n");
        System.err.flush();
    }

    private static void safely(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            report("could not apply the logging overrides in the environment: " + e);
        }
    }
}
