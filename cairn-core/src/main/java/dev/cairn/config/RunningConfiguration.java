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
 * default (the last-resort handler only). Thread-safe: every change holds this class's lock,
 * taken only once {@code Logging} is initialised (its initialisation calls {@link #startup}).
 */
public final class RunningConfiguration {
    /** Class path resources looked for at start-up, in this order. */
    static final List<String> CLASSPATH_FILES = List.of("cairn.yaml", "cairn.yml", "cairn.json", "logging.ini");
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
     * comment, then the environment overrides. Never throws: a configuration that cannot be
     * applied is reported on stderr and Python's default stays.
     */
    public static synchronized void startup(Map<String, String> env, UnaryOperator<String> properties, ClassLoader loader) {
        environment = env;
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
