package dev.cairn;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The module-level functions of Python's {@code logging}: {@link #getLogger}, {@link #disable},
 * {@link #basicConfig}, {@link #dictConfig}, {@link #shutdown}, and the process-wide settings
 * (the last-resort handler, {@link #raiseExceptions}, the clock). All methods are thread-safe.
 */
public final class Logging {
    private static final Hierarchy HIERARCHY = new Hierarchy();
    private static final List<WeakReference<Handler>> HANDLERS = new ArrayList<>();
    private static final java.util.concurrent.CopyOnWriteArrayList<Runnable> LEVEL_LISTENERS =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * Python's {@code logging.raiseExceptions}: while true, handlers print a report of every
     * failure to stderr; when false they only count it. Exceptions never reach the caller either way.
     */
    public static volatile boolean raiseExceptions = true;

    private static volatile Clock clock = Clock.SYSTEM;
    private static volatile LogRecordFactory recordFactory = LogRecordFactory.DEFAULT;
    private static volatile double startTime = clock.time();
    private static volatile int configurationEpoch;
    private static volatile Handler lastResort;
    private static volatile boolean shutdownHookInstalled;

    private Logging() {}

    private static volatile dev.cairn.config.ConfigListener listener;

    static {
        lastResort = new StreamHandler.StandardErrorHandler(Level.WARNING);
        installShutdownHook();
        // Last, once everything above exists: the configuration file, class path resource and
        // environment overrides (see RunningConfiguration). It reports its own failures; this
        // catch only keeps a broken class path from making Logging itself unusable.
        try {
            dev.cairn.config.RunningConfiguration.startup(System.getenv(), System::getProperty,
                    Thread.currentThread().getContextClassLoader());
        } catch (Throwable e) {
            System.err.print("cairn: automatic configuration failed, using Python's default: " + e + "\n");
        }
    }

    /** The logger named {@code name}, created on first use; "" or null is the root, as in Python. */
    public static Logger getLogger(String name) {
        return HIERARCHY.getLogger(name);
    }

    /** The root logger, Python's {@code getLogger()}. */
    public static Logger getLogger() {
        return HIERARCHY.root;
    }

    /** Every logger created so far, root excluded. */
    public static List<Logger> getLoggers() {
        return HIERARCHY.existingLoggers();
    }

    /**
     * Python's {@code logging.disable(level)}: drops every record at {@code level} and below
     * whatever the loggers say; {@code disable(Level.NOTSET)} lifts it.
     */
    public static void disable(int level) {
        HIERARCHY.setDisableLevel(level);
    }

    /** Python's {@code logging.disable()}: disables everything up to CRITICAL. */
    public static void disable() {
        disable(Level.CRITICAL);
    }

    /** The level last passed to {@link #disable(int)}. */
    public static int getDisableLevel() {
        return HIERARCHY.getDisableLevel();
    }

    public static void addLevelName(int level, String name) {
        Level.addLevelName(level, name);
    }

    public static String getLevelName(int level) {
        return Level.getLevelName(level);
    }

    /** Python's {@code basicConfig()} with no arguments: stderr, {@code %(levelname)s:%(name)s:%(message)s}. */
    public static void basicConfig() {
        BasicConfig.apply(Map.of());
    }

    /**
     * Python's {@code basicConfig(**kwargs)} with Python's keyword names: level, format, datefmt,
     * style, stream (an OutputStream), filename, filemode, encoding, errors, handlers, force.
     *
     * @throws IllegalArgumentException for unknown or conflicting keywords, before anything changes
     */
    public static void basicConfig(Map<String, ?> kwargs) {
        BasicConfig.apply(kwargs);
    }

    /**
     * Python's {@code logging.config.dictConfig}: applies a whole configuration given as nested
     * Maps and Lists. The configuration is checked completely before anything changes.
     *
     * @throws dev.cairn.config.ConfigException naming the path of the first offending key
     */
    public static void dictConfig(Map<String, ?> config) {
        dev.cairn.config.DictConfig.apply(config);
    }

    /**
     * Configures logging from a file: JSON or YAML holding Python's dictConfig schema, or
     * Python's fileConfig INI format, chosen by the extension ({@code .json}, {@code .yaml}/
     * {@code .yml} with the cairn-yaml module, {@code .ini}/{@code .conf}/{@code .cfg}).
     * {@code ${NAME:-default}} in values is taken from the environment, the {@code CAIRN_LEVEL*}
     * and {@code CAIRN_FORMAT} overrides are laid over the result, and a file with
     * {@code watch: true} (or a number of seconds) is re-applied whenever it changes.
     *
     * @throws dev.cairn.config.ConfigException naming the file, the line and the key; nothing changed
     */
    public static void configure(java.nio.file.Path file) {
        dev.cairn.config.RunningConfiguration.configure(file);
    }

    /**
     * Applies the logging options of a program's arguments and returns the others:
     * {@code --log-level LEVEL}, {@code --log-level LOGGER=LEVEL}, {@code --log-config FILE},
     * {@code --log-format json|text|FORMAT} (also as {@code --option=value}).
     *
     * @throws dev.cairn.config.ConfigException for a bad option or file; nothing changed
     */
    public static String[] configureFromArgs(String[] args) {
        return dev.cairn.config.RunningConfiguration.configureFromArgs(args);
    }

    /**
     * Python's {@code logging.config.listen(port, verify)}: a server on 127.0.0.1:{@code port}
     * (0 for any free port) applying configurations sent in Python's wire format. Like Python's,
     * it is returned unstarted: call {@code start()}. {@code verify} may be null.
     */
    public static dev.cairn.config.ConfigListener listen(int port, java.util.function.UnaryOperator<byte[]> verify) {
        dev.cairn.config.ConfigListener created = new dev.cairn.config.ConfigListener(null, port, verify);
        dev.cairn.config.ConfigListener previous = listener;
        listener = created;
        if (previous != null) previous.stop();
        return created;
    }

    /** Python's {@code logging.config.stopListening()}: stops the listener made by {@link #listen}. */
    public static void stopListening() {
        dev.cairn.config.ConfigListener current = listener;
        listener = null;
        if (current != null) current.stop();
    }

    /**
     * Why a record at {@code level} from logger {@code loggerName} would or would not be
     * logged, and which configuration source set each thing that decides it; its
     * {@code toString()} is a readable report.
     */
    public static dev.cairn.config.Explanation explain(String loggerName, int level) {
        return dev.cairn.config.Explanation.of(loggerName, level);
    }

    /**
     * Python's {@code logging.shutdown()}: flushes and closes every handler, newest first. Runs
     * automatically when the JVM exits. Errors are reported, never thrown.
     */
    public static void shutdown() {
        List<Handler> handlers = new ArrayList<>();
        synchronized (HANDLERS) {
            for (int i = HANDLERS.size() - 1; i >= 0; i--) {
                Handler h = HANDLERS.get(i).get();
                if (h != null) handlers.add(h);
            }
        }
        for (Handler h : handlers) {
            h.lock.lock();
            try {
                h.flush();
                h.close();
            } catch (RuntimeException e) {
                // logging.shutdown ignores OSError and ValueError from flush/close of dead streams.
                if (raiseExceptions) reportError(null, e);
            } finally {
                h.lock.unlock();
            }
        }
    }

    /** Flushes every live handler, oldest first, as a scenario's or an application's checkpoint. */
    public static void flush() {
        List<Handler> handlers = new ArrayList<>();
        synchronized (HANDLERS) {
            for (WeakReference<Handler> ref : HANDLERS) {
                Handler h = ref.get();
                if (h != null) handlers.add(h);
            }
        }
        handlers.forEach(Handler::flush);
    }

    /** The handler used when a record finds no handler at all; Python's {@code lastResort}. */
    public static Handler getLastResort() {
        return lastResort;
    }

    /** Replaces the last-resort handler; null drops records that find no handler. */
    public static void setLastResort(Handler handler) {
        lastResort = handler;
    }

    /** Python's {@code getLogRecordFactory()}: what loggers make records with. */
    public static LogRecordFactory getLogRecordFactory() {
        return recordFactory;
    }

    /**
     * Python's {@code setLogRecordFactory(factory)}: every record made by a logger from now on
     * comes from {@code factory} (null restores the default). {@link #reset()} restores it too.
     */
    public static void setLogRecordFactory(LogRecordFactory factory) {
        recordFactory = factory != null ? factory : LogRecordFactory.DEFAULT;
    }

    /** The clock records take their time from. */
    public static Clock clock() {
        return clock;
    }

    /**
     * Replaces the clock and restarts {@code relativeCreated} from the new clock's current time
     * (Python's {@code logging._startTime}). For tests and replays.
     */
    public static void setClock(Clock newClock) {
        clock = newClock != null ? newClock : Clock.SYSTEM;
        startTime = clock.time();
    }

    /** Seconds since the epoch at which logging started, the origin of {@code relativeCreated}. */
    public static double startTime() {
        return startTime;
    }

    /**
     * Returns every logger to Python's initial state: handlers removed and closed, levels NOTSET
     * (root WARNING), propagate on, filters removed, nothing disabled, the default record
     * factory. For tests and for
     * applications that reconfigure from scratch.
     */
    public static void reset() {
        Logger root = HIERARCHY.root;
        List<Logger> all = new ArrayList<>(HIERARCHY.existingLoggers());
        all.add(root);
        for (Logger logger : all) {
            for (Handler h : logger.getHandlers()) {
                logger.removeHandler(h);
                h.close();
            }
            logger.clearFilters();
            logger.setPropagate(true);
            logger.setDisabled(false);
            logger.setLevel(logger == root ? Level.WARNING : Level.NOTSET);
        }
        disable(Level.NOTSET);
        recordFactory = LogRecordFactory.DEFAULT;
        dev.cairn.config.Provenance.clear();
    }

    /**
     * Adds a callback run after every change that can alter which levels a logger lets through
     * ({@code setLevel}, {@code setDisabled}, {@link #disable}, {@link #reset}, configuration).
     * It runs on the thread that made the change, outside Cairn's locks, and should recompute
     * from the current state rather than assume an order of calls. For bridges that mirror
     * Cairn's levels into another API (the JUL bridge); an exception it throws is reported, not
     * propagated.
     */
    public static void addLevelListener(Runnable listener) {
        if (listener == null) throw new IllegalArgumentException("listener must not be null");
        LEVEL_LISTENERS.addIfAbsent(listener);
    }

    /** Removes a callback added with {@link #addLevelListener}. */
    public static void removeLevelListener(Runnable listener) {
        LEVEL_LISTENERS.remove(listener);
    }

    static void fireLevelsChanged() {
        for (Runnable listener : LEVEL_LISTENERS) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                reportError(null, e);
            }
        }
    }

    static Hierarchy hierarchy() {
        return HIERARCHY;
    }

    static void registerHandler(Handler handler) {
        synchronized (HANDLERS) {
            HANDLERS.removeIf(ref -> ref.get() == null);
            HANDLERS.add(new WeakReference<>(handler));
        }
    }

    static void unregisterHandler(Handler handler) {
        synchronized (HANDLERS) {
            HANDLERS.removeIf(ref -> ref.get() == null || ref.get() == handler);
        }
    }

    /** Bumped on every change that can alter which formatters a logger's records reach. */
    static int configurationEpoch() {
        return configurationEpoch;
    }

    static synchronized void configurationChanged() {
        configurationEpoch++;
    }

    /** Reports a failure outside any handler (a logger's filter threw) the way handleError does. */
    static void reportError(LogRecord record, Throwable error) {
        if (!raiseExceptions) return;
        try {
            System.err.print("--- Logging error ---\n");
            error.printStackTrace(System.err);
            if (record != null) System.err.print("Message: " + dev.cairn.format.PyObjects.repr(record.getMsg()) + "\n");
            System.err.flush();
        } catch (RuntimeException ignored) {
            // Nothing more can be done; the application must not see it.
        }
    }

    private static void installShutdownHook() {
        if (shutdownHookInstalled) return;
        shutdownHookInstalled = true;
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(Logging::shutdown, "cairn-shutdown"));
        } catch (IllegalStateException | SecurityException e) {
            // Already shutting down, or not allowed: shutdown() must then be called explicitly.
        }
    }
}
