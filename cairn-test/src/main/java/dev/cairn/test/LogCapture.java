package dev.cairn.test;

import dev.cairn.Formatter;
import dev.cairn.Level;
import dev.cairn.LogRecord;
import dev.cairn.Logger;
import dev.cairn.Logging;
import dev.cairn.format.PyObjects;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The records a logger subtree produced during a test: Python's {@code assertLogs} context
 * ({@link #output()}, {@link #records()}) and pytest's {@code caplog} ({@link #text()},
 * {@link #messages()}, {@link #setLevel}, {@link #clear()}) in one object, with
 * {@link #find()} to assert on levels, messages, fields and exceptions.
 *
 * <pre>{@code
 * try (LogCapture logs = LogCapture.start("com.example", Level.DEBUG)) {
 *     service.run();
 *     logs.find().level(Level.WARNING).messageContains("retrying").assertOne();
 * }
 * }</pre>
 *
 * <p><b>Which records.</b> A capture sees what reaches its logger: records of the logger and of
 * its descendants that propagate to it, at the capture's level and above. While it is open the
 * logger's own level is lowered to that level if needed (never raised), the logger is enabled
 * if a configuration disabled it, and {@link Logging#disable} is lifted as far as needed.
 * Descendants keep their settings: one with a higher level of its own, disabled, or not
 * propagating still drops its records, as in Python, and a failed assertion says so.
 *
 * <p><b>Where the records go.</b> An <em>exclusive</em> capture keeps its records from the
 * logger's handlers and its ancestors, as Python's {@code assertLogs} does by replacing the
 * handlers and turning {@code propagate} off; {@link #assertLogs} and {@link #assertNoLogs}
 * are exclusive. Other captures are <em>additive</em>, as pytest's {@code caplog}: the records
 * also go on as before.
 *
 * <p><b>Parallel tests.</b> By default a capture takes only records made on the thread that
 * opened it, and the logger's handlers and propagation change for that thread only, so tests
 * running at the same time on other threads neither see each other's records nor lose their
 * own. Work the test hands to other threads is captured when
 * those threads are added ({@link #addThread}) or the task is {@link #wrap wrapped};
 * {@link Builder#fromAnyThread()} takes every thread's records, which is only isolated when no
 * other test logs meanwhile. Settings are shared safely: a logger keeps the lowest level any
 * open capture needs and gets its own back when the last one closes. A lowered level is seen
 * by every handler, as with pytest's {@code set_level}.
 *
 * <p><b>Reconfiguring.</b> Configure logging before opening a capture: a {@code dictConfig}
 * that replaces the logger's handlers removes the capture too (as it would Python's), and an
 * assertion then says so.
 *
 * <p>{@link #close()} restores the logger's handlers, {@code propagate}, level and
 * {@code disabled}; the records stay readable. Thread-safe.
 */
public final class LogCapture implements AutoCloseable {
    /** Python's {@code assertLogs} output format, used by {@link #output()}. */
    public static final String ASSERT_LOGS_FORMAT = "%(levelname)s:%(name)s:%(message)s";
    /** pytest's default log format, used by {@link #text()}. */
    public static final String PYTEST_FORMAT = "%(levelname)-8s %(name)s:%(filename)s:%(lineno)d %(message)s";

    private final Logger logger;
    private final CapturingHandler handler;
    private final Diversion diversion;
    /** What close() does to undo this capture's settings, in the order they were made. */
    private final List<Runnable> undo = new ArrayList<>();
    private boolean closed;
    /** Whether, when it closed, a reconfiguration had already removed the capture from its logger. */
    private boolean removedByReconfiguration;

    private LogCapture(Logger logger, int level, boolean anyThread, boolean exclusive) {
        this.logger = logger;
        this.handler = new CapturingHandler(level, anyThread, exclusive);
        handler.addThread(Thread.currentThread().getId());
        lowerLevels(logger, level);
        undo.add(LoggerOverrides.enable(logger));
        this.diversion = Diversion.attach(logger, handler);
    }

    // ---- opening --------------------------------------------------------------------------------

    /** How to open a capture of the logger {@code name} ("" for the root). */
    public static Builder on(String name) {
        return new Builder(name);
    }

    /** Captures what the root logger receives at its current levels, like pytest's {@code caplog}. */
    public static LogCapture start() {
        return on("").start();
    }

    /** Captures records at {@code level} and above from {@code name}'s subtree, made on this thread. */
    public static LogCapture start(String name, int level) {
        return on(name).level(level).start();
    }

    /** The options of a capture; {@link #start()} opens it. */
    public static final class Builder {
        private final String name;
        private int level = Level.NOTSET;
        private boolean anyThread;
        private boolean exclusive;

        private Builder(String name) {
            this.name = name;
        }

        /**
         * The lowest level captured. NOTSET (the default) captures whatever the loggers already let
         * through and changes no level.
         */
        public Builder level(int level) {
            this.level = level;
            return this;
        }

        /** As {@link #level(int)} with a name such as {@code "DEBUG"}. */
        public Builder level(String level) {
            return level(Level.parse(level));
        }

        /** Keeps records from every thread, not only the opening one; see the class comment. */
        public Builder fromAnyThread() {
            return fromAnyThread(true);
        }

        /** As {@link #fromAnyThread()} when {@code anyThread} is true. */
        public Builder fromAnyThread(boolean anyThread) {
            this.anyThread = anyThread;
            return this;
        }

        /** Keeps the captured records from every other handler, as Python's assertLogs; see the class comment. */
        public Builder exclusive() {
            return exclusive(true);
        }

        /** As {@link #exclusive()} when {@code exclusive} is true. */
        public Builder exclusive(boolean exclusive) {
            this.exclusive = exclusive;
            return this;
        }

        /** Opens the capture; it holds until {@link LogCapture#close()}. */
        public LogCapture start() {
            return new LogCapture(Logging.getLogger(name), level, anyThread, exclusive);
        }
    }

    // ---- Python's assertLogs / assertNoLogs -------------------------------------------------------

    /** Code run under {@link #assertLogs} or {@link #assertNoLogs}. */
    @FunctionalInterface
    public interface Body {
        void run() throws Exception;
    }

    /**
     * Python's {@code assertLogs(logger, level)}: runs {@code body} with the records of
     * {@code name}'s subtree at {@code level} and above (on this thread) going to an exclusive
     * capture, and fails unless there was at least one. Returns the closed capture, Python's
     * {@code cm}. An exception from {@code body} propagates, with the configuration restored.
     *
     * @throws AssertionError {@code "no logs of level INFO or higher triggered on NAME"}, followed
     *     by what may explain it: records below the level, records from other threads, loggers
     *     in the subtree that drop theirs
     */
    public static LogCapture assertLogs(String name, int level, Body body) throws Exception {
        LogCapture capture = run(name, level, body);
        if (capture.records().isEmpty()) {
            throw new AssertionError("no logs of level " + Level.getLevelName(capture.getLevel()) + " or higher triggered on "
                    + capture.logger.getName() + capture.whyNothing());
        }
        return capture;
    }

    /** {@link #assertLogs(String, int, Body)} on the root logger at INFO, Python's defaults. */
    public static LogCapture assertLogs(Body body) throws Exception {
        return assertLogs("", Level.INFO, body);
    }

    /**
     * Python's {@code assertNoLogs(logger, level)}: runs {@code body} as {@link #assertLogs} does
     * and fails if it logged any record at {@code level} or above on {@code name}'s subtree.
     *
     * @throws AssertionError {@code "Unexpected logs found: ['WARNING:app.db:...', ...]"}, the
     *     records as {@link #output()} gives them, in Python's list repr
     */
    public static void assertNoLogs(String name, int level, Body body) throws Exception {
        LogCapture capture = run(name, level, body);
        if (!capture.records().isEmpty()) {
            throw new AssertionError("Unexpected logs found: " + PyObjects.repr(capture.output()));
        }
    }

    /** {@link #assertNoLogs(String, int, Body)} on the root logger at INFO, Python's defaults. */
    public static void assertNoLogs(Body body) throws Exception {
        assertNoLogs("", Level.INFO, body);
    }

    private static LogCapture run(String name, int level, Body body) throws Exception {
        // Python's _AssertLogsContext: a false level (None, 0) means INFO.
        LogCapture capture = on(name).level(level == Level.NOTSET ? Level.INFO : level).exclusive().start();
        try {
            body.run();
        } finally {
            capture.close();
        }
        return capture;
    }

    // ---- threads ---------------------------------------------------------------------------------

    /** Also keeps records made on {@code thread} from now on (no effect with {@code fromAnyThread}). */
    public LogCapture addThread(Thread thread) {
        handler.addThread(thread.getId());
        return this;
    }

    /** {@code task} with its records captured, whichever thread runs it (pass it to an executor). */
    public Runnable wrap(Runnable task) {
        return () -> {
            long id = Thread.currentThread().getId();
            boolean added = !handler.capturesThread(id);
            if (added) handler.addThread(id);
            try {
                task.run();
            } finally {
                if (added) handler.removeThread(id);
            }
        };
    }

    /** {@code task} with its records captured, whichever thread runs it. */
    public <T> Callable<T> wrap(Callable<T> task) {
        return () -> {
            long id = Thread.currentThread().getId();
            boolean added = !handler.capturesThread(id);
            if (added) handler.addThread(id);
            try {
                return task.call();
            } finally {
                if (added) handler.removeThread(id);
            }
        };
    }

    // ---- what was captured ---------------------------------------------------------------------

    /** The captured records in order, a snapshot. */
    public List<LogRecord> records() {
        return handler.snapshot();
    }

    /** The message of each record ({@code getMessage()}), pytest's {@code caplog.messages}. */
    public List<String> messages() {
        List<String> out = new ArrayList<>();
        for (LogRecord r : records()) out.add(r.getMessage());
        return out;
    }

    /** Each record as {@code LEVEL:name:message} (with any traceback), Python's {@code cm.output}. */
    public List<String> output() {
        return format(new Formatter(ASSERT_LOGS_FORMAT));
    }

    /** Each record formatted by {@code formatter}, for checking an application's own format. */
    public List<String> format(Formatter formatter) {
        List<String> out = new ArrayList<>();
        for (LogRecord r : records()) out.add(formatter.format(r));
        return out;
    }

    /** Every record in pytest's format, a line each, pytest's {@code caplog.text}. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (String line : format(new Formatter(PYTEST_FORMAT))) sb.append(line).append('\n');
        return sb.toString();
    }

    /** A query over the captured records, for assertions: {@code find().level(ERROR).assertOne()}. */
    public RecordQuery find() {
        return new RecordQuery(this::records, this::whyNothing);
    }

    /** Forgets the records captured so far, pytest's {@code caplog.clear()}. */
    public void clear() {
        handler.clear();
    }

    /** The logger this capture is attached to. */
    public Logger getLogger() {
        return logger;
    }

    /** The lowest level captured (NOTSET: whatever the loggers let through). */
    public int getLevel() {
        return handler.captureLevel();
    }

    // ---- levels ------------------------------------------------------------------------------------

    /**
     * pytest's {@code caplog.set_level(level)}: captures {@code level} and above from now on,
     * lowering the capture logger's level if needed until {@link #close()}.
     */
    public LogCapture setLevel(int level) {
        return setLevel(logger.getName(), level);
    }

    /**
     * pytest's {@code caplog.set_level(level, logger=name)}: lets {@code name} through at
     * {@code level} until {@link #close()} and captures that level from now on.
     */
    public synchronized LogCapture setLevel(String name, int level) {
        if (closed) throw new IllegalStateException("capture is closed");
        handler.setCaptureLevel(level);
        lowerLevels(Logging.getLogger(name), level);
        return this;
    }

    private void lowerLevels(Logger target, int level) {
        undo.add(LoggerOverrides.lowerLevel(target, level));
        if (level != Level.NOTSET) undo.add(LoggerOverrides.liftDisable(level));
    }

    /** Restores the logger's handlers, propagate, level and disabled flag; idempotent. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        removedByReconfiguration = !diversion.isInstalled();
        Diversion.detach(diversion, handler);
        for (int i = undo.size() - 1; i >= 0; i--) undo.get(i).run();
        undo.clear();
    }

    // ---- failure messages --------------------------------------------------------------------------

    /**
     * What may explain missing records, one indented line each (empty when nothing does): records
     * that arrived below the level or from threads not followed, a reconfiguration that removed
     * the capture, and loggers of the subtree that drop their records before they get here.
     */
    String whyNothing() {
        String levelName = Level.getLevelName(getLevel());
        StringBuilder sb = new StringBuilder();
        List<LogRecord> below = handler.below();
        if (!below.isEmpty()) {
            sb.append("\n  below ").append(levelName).append(", not captured:");
            Formatter listing = new Formatter(ASSERT_LOGS_FORMAT);
            for (LogRecord r : below) sb.append("\n    ").append(listing.format(r));
        }
        int others = handler.otherThreadRecords();
        if (others > 0) {
            sb.append("\n  from other threads, not captured: ").append(others).append(others == 1 ? " record" : " records")
                    .append(getLevel() > Level.NOTSET ? " at " + levelName + " or higher" : "")
                    .append(" (").append(String.join(", ", handler.otherThreadNames()))
                    .append("); if they were this test's, use wrap(), addThread() or fromAnyThread()");
        }
        boolean removed;
        synchronized (this) {
            removed = closed ? removedByReconfiguration : !diversion.isInstalled();
        }
        if (removed) {
            sb.append("\n  logging was reconfigured during the capture, which removed it from ").append(logger.getName())
                    .append("; configure logging before opening the capture");
        }
        for (String why : subtreeDrops()) sb.append("\n  ").append(why);
        return sb.toString();
    }

    /** Loggers under this capture's logger whose own settings drop records at its level. */
    private List<String> subtreeDrops() {
        List<String> out = new ArrayList<>();
        int level = getLevel();
        String prefix = logger.getParent() == null ? "" : logger.getName() + ".";
        for (Logger l : Logging.getLoggers()) {
            if (l == logger || !l.getName().startsWith(prefix) || out.size() >= CapturingHandler.HINTS) continue;
            if (l.isDisabled()) {
                out.add(l.getName() + " is disabled (by a configuration's disable_existing_loggers?)");
            } else if (!Diversion.propagates(l)) {
                out.add(l.getName() + " does not propagate");
            } else if (l.getLevel() != Level.NOTSET && level != Level.NOTSET && l.getLevel() > level) {
                out.add(l.getName() + " has level " + Level.getLevelName(l.getLevel()) + " of its own");
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "LogCapture(" + logger.getName() + ", " + Level.getLevelName(getLevel()) + ", " + records().size() + " records)";
    }
}
