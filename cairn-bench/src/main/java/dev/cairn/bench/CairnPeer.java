package dev.cairn.bench;

import dev.cairn.FileHandler;
import dev.cairn.Formatter;
import dev.cairn.Handler;
import dev.cairn.Level;
import dev.cairn.Logger;
import dev.cairn.Logging;
import dev.cairn.async.AsyncHandler;
import dev.cairn.async.OverflowPolicy;
import dev.cairn.context.LogContext;
import dev.cairn.json.JsonFormatter;
import java.nio.file.Path;

/** Cairn configured for each benchmark case, the way an application would configure it. */
public final class CairnPeer {
    private CairnPeer() {}

    /** A logger at INFO with no handler, for the disabled DEBUG call. */
    public static Logger disabled() {
        Logger log = Logging.getLogger(Workload.DISABLED_LOGGER);
        log.setLevel(Level.INFO);
        return log;
    }

    /** Python's FileHandler: one write and flush per record, as CPython does. */
    public static Logger syncFile(Path file) {
        FileHandler h = new FileHandler(file.toString(), "w", null, false, null);
        h.setFormatter(new Formatter(Workload.CAIRN_FORMAT));
        return only(Workload.SYNC_LOGGER, h);
    }

    /** The same FileHandler behind an AsyncHandler that blocks when full (as the peers are set up). */
    public static Logger asyncFile(Path file) {
        return asyncFile(file, Workload.ASYNC_CAPACITY);
    }

    /** As {@link #asyncFile(Path)} with a queue of {@code capacity} records. */
    public static Logger asyncFile(Path file, int capacity) {
        FileHandler h = new FileHandler(file.toString(), "w", null, false, null);
        h.setFormatter(new Formatter(Workload.CAIRN_FORMAT));
        return only(Workload.ASYNC_LOGGER, new AsyncHandler(h, capacity, OverflowPolicy.BLOCK,
                AsyncHandler.DEFAULT_DROP_THRESHOLD));
    }

    /** A FileHandler with the JsonFormatter's cairn preset (timestamp, level, logger, message, thread, then the context). */
    public static Logger json(Path file) {
        FileHandler h = new FileHandler(file.toString(), "w", null, false, null);
        h.setFormatter(new JsonFormatter());
        return only(Workload.JSON_LOGGER, h);
    }

    /** Puts the five JSON fields in the calling thread's LogContext. */
    public static void putFields() {
        for (String[] f : Workload.FIELDS) LogContext.put(f[0], f[1]);
    }

    private static Logger only(String name, Handler h) {
        Logger log = Logging.getLogger(name);
        for (Handler old : log.getHandlers()) log.removeHandler(old);
        log.addHandler(h);
        log.setLevel(Level.INFO);
        log.setPropagate(false);
        return log;
    }

    /** Writes out everything (the async queue included) and closes the logger's handlers. */
    public static void stop(Logger log) {
        for (Handler h : log.getHandlers()) {
            h.flush();
            h.close();
            if (h instanceof AsyncHandler) ((AsyncHandler) h).getTarget().close();
            log.removeHandler(h);
        }
    }
}
