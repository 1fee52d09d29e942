package dev.cairn;

import dev.cairn.format.PyObjects;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Python's {@code logging.Handler}: a destination with its own level, filters and formatter.
 * {@link #handle} runs the filters and then {@link #emit} under the handler's lock, so
 * subclasses write without further synchronisation. Nothing thrown by a subclass reaches the
 * application: failures go to {@link #handleError}, which counts them and prints Python's
 * {@code --- Logging error ---} report.
 */
public abstract class Handler extends Filterer {
    private static final Formatter DEFAULT_FORMATTER = new Formatter();

    /** Guards {@link #emit}, {@link #flush} and {@link #close} so one record is written at a time. */
    protected final ReentrantLock lock = new ReentrantLock();
    private volatile int level;
    private volatile Formatter formatter;
    private volatile String name;
    private final AtomicLong errors = new AtomicLong();

    /** A handler that passes every level. */
    protected Handler() {
        this(Level.NOTSET);
    }

    /** A handler that passes records at {@code level} and above. */
    protected Handler(int level) {
        this.level = level;
        Logging.registerHandler(this);
    }

    /** Writes one record that has passed the level and the filters; called with {@link #lock} held. */
    protected abstract void emit(LogRecord record) throws Exception;

    /**
     * Filters the record and, if it passes, emits it under the lock. Returns whether the filters
     * passed, as Python's {@code Handler.handle}. Never throws.
     */
    public boolean handle(LogRecord record) {
        boolean passed;
        try {
            passed = filter(record);
        } catch (RuntimeException | LinkageError e) {
            handleError(record, e);
            return false;
        }
        if (passed) {
            lock.lock();
            try {
                emit(record);
            } catch (Exception | LinkageError | StackOverflowError e) {
                handleError(record, e);
            } finally {
                lock.unlock();
            }
        }
        return passed;
    }

    /**
     * Python's {@code Handler.acquire()}: takes the lock {@link #emit} runs under, so code outside
     * the handler (an asynchronous writer batching records for it) can write to its destination
     * without interleaving with {@link #handle}. Pair with {@link #release()} in a finally block.
     */
    public final void acquire() {
        lock.lock();
    }

    /** Python's {@code Handler.release()}: releases the lock taken by {@link #acquire()}. */
    public final void release() {
        lock.unlock();
    }

    /** Formats the record with this handler's formatter, or Python's default ({@code %(message)s}). */
    public String format(LogRecord record) {
        Formatter f = formatter;
        return (f != null ? f : DEFAULT_FORMATTER).format(record);
    }

    /** Pushes buffered output to its destination. The base class has nothing to flush. */
    public void flush() {
    }

    /** Releases the handler's resources; it may not be used afterwards. Safe to call twice. */
    public void close() {
        Logging.unregisterHandler(this);
    }

    /**
     * Called when emitting a record failed: counts the failure and, while
     * {@link Logging#raiseExceptions} is true, prints Python's report (the exception, the call
     * stack, the message and its arguments) to {@code System.err}. {@code record} is null when
     * the failure was in flush or close. Never throws.
     */
    public void handleError(LogRecord record, Throwable error) {
        errors.incrementAndGet();
        if (!Logging.raiseExceptions) return;
        try {
            PrintStream err = System.err;
            StringWriter report = new StringWriter();
            PrintWriter out = new PrintWriter(report);
            out.print("--- Logging error ---\n");
            error.printStackTrace(out);
            out.print("Call stack:\n");
            out.print(callStack());
            if (record == null) {
                out.print("(while flushing or closing; no record)\n");
            } else try {
                out.print("Message: " + PyObjects.repr(record.getMsg()) + "\n");
                out.print("Arguments: " + argumentsRepr(record) + "\n");
            } catch (RuntimeException e) {
                out.print("Unable to print the message and arguments - possible formatting error.\n"
                        + "Use the traceback above to help find the error.\n");
            }
            out.flush();
            err.print(report);
            err.flush();
        } catch (RuntimeException ignored) {
            // Python's handleError swallows OSError while reporting (issue 5971); so do we.
        }
    }

    /** How many records this handler failed to deliver since it was created. */
    public long getErrorCount() {
        return errors.get();
    }

    private static String argumentsRepr(LogRecord record) {
        if (record.getMapArgs() != null) return PyObjects.repr(record.getMapArgs());
        Object[] args = record.getArgs();
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < args.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append(PyObjects.repr(args[i]));
        }
        if (args.length == 1) sb.append(',');
        return sb.append(')').toString();
    }

    /** The application frames that led to the failure, oldest first as Python's print_stack. */
    private static String callStack() {
        java.util.List<StackWalker.StackFrame> frames = StackWalker.getInstance().walk(s -> s
                .dropWhile(f -> isLoggingFrame(f.getClassName()))
                .collect(java.util.stream.Collectors.toList()));
        StringBuilder sb = new StringBuilder();
        for (int i = frames.size() - 1; i >= 0; i--) {
            sb.append("  at ").append(frames.get(i).toStackTraceElement()).append('\n');
        }
        return sb.toString();
    }

    /** Frames of Cairn's own runtime packages, skipped as Python skips frames of logging's files. */
    private static boolean isLoggingFrame(String className) {
        int lastDot = className.lastIndexOf('.');
        String pkg = lastDot < 0 ? "" : className.substring(0, lastDot);
        return (pkg.equals("dev.cairn") || pkg.equals("dev.cairn.handlers") || pkg.equals("dev.cairn.format"))
                && !className.endsWith("Test") && !className.contains("Test$");
    }

    public int getLevel() {
        return level;
    }

    /** Sets the handler's threshold; accepts an int or a level name (see {@link Level#parse}). */
    public void setLevel(int level) {
        this.level = level;
    }

    public void setLevel(String level) {
        this.level = Level.parse(level);
    }

    public Formatter getFormatter() {
        return formatter;
    }

    public void setFormatter(Formatter formatter) {
        this.formatter = formatter;
        Logging.configurationChanged();
    }

    /**
     * Whether this handler may still hold a record after {@link #handle} returns (a buffer, a
     * queue, a capture for tests). Loggers lend one reusable record per thread to calls whose
     * handlers all answer false, so such a call allocates no record; a handler that answers
     * false must let go of the record, and of the buffers {@link LogRecord#getMessageText()}
     * returns, before {@code handle} returns. True unless a subclass knows better.
     */
    public boolean retainsRecords() {
        return true;
    }

    /**
     * Whether this handler's formatter reads the caller location (pathname, lineno, ...), so
     * loggers capture it for records bound here. Handlers that pass records on to another handler
     * (an asynchronous one) override it to ask their target.
     */
    protected boolean needsCallerLocation() {
        Formatter f = formatter;
        return f != null && f.usesCallerLocation();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return "<" + getClass().getSimpleName() + " (" + Level.getLevelName(level) + ")>";
    }
}
