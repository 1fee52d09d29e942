package dev.cairn.test;

import dev.cairn.Handler;
import dev.cairn.LogRecord;
import dev.cairn.Logger;
import dev.cairn.Logging;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stands in for a logger's handlers while captures are open on it. Python's assertLogs
 * replaces the logger's handlers with its own and turns {@code propagate} off, which is right
 * when one test runs at a time. A diversion does that for the captures' own threads only and
 * keeps the logger working as before for every other thread, so tests running in parallel do
 * not disturb each other:
 * <ul>
 *   <li>a record from a thread a capture follows goes to that capture, newest capture first; an
 *       exclusive capture (assertLogs) keeps it, an additive one (pytest's caplog) lets it go on;
 *   <li>every other record goes where {@code Logger.callHandlers} would have sent it: the
 *       handlers the logger had, then up the hierarchy if the logger propagated.
 * </ul>
 * While installed, the logger's handlers are this one (plus any added meanwhile) and its
 * {@code propagate} is false. When the last capture closes, the handlers and {@code propagate}
 * are put back, keeping handlers added meanwhile. If the logger was reconfigured meanwhile
 * (this diversion is no longer among its handlers), the new configuration stays as it is.
 */
final class Diversion extends Handler {
    /** The diversion in place on each logger; guarded by {@code Diversion.class}. */
    private static final Map<Logger, Diversion> INSTALLED = new HashMap<>();

    private final Logger logger;
    private final List<Handler> saved;
    private final boolean savedPropagate;
    /**
     * The open captures, oldest first; replaced whole under {@code Diversion.class}, so that
     * {@link #handle} walks one consistent array while captures come and go.
     */
    private volatile CapturingHandler[] captures = new CapturingHandler[0];

    private Diversion(Logger logger) {
        this.logger = logger;
        this.saved = logger.getHandlers();
        this.savedPropagate = logger.getPropagate();
    }

    /** Routes the records reaching {@code logger} to {@code capture} until {@link #detach}. */
    static synchronized Diversion attach(Logger logger, CapturingHandler capture) {
        Diversion d = INSTALLED.get(logger);
        if (d == null || !d.isInstalled()) {
            d = new Diversion(logger);
            INSTALLED.put(logger, d);
            // Each step keeps every record delivered exactly once: deliverAsBefore only stands
            // in for the handlers and the propagation that are already switched off.
            logger.addHandler(d);
            logger.setPropagate(false);
            for (Handler h : d.saved) logger.removeHandler(h);
        }
        CapturingHandler[] now = Arrays.copyOf(d.captures, d.captures.length + 1);
        now[now.length - 1] = capture;
        d.captures = now;
        return d;
    }

    /** Stops routing to {@code capture}; the last capture gone puts the logger back. */
    static synchronized void detach(Diversion d, CapturingHandler capture) {
        List<CapturingHandler> rest = new ArrayList<>(Arrays.asList(d.captures));
        rest.remove(capture);
        d.captures = rest.toArray(new CapturingHandler[0]);
        if (!rest.isEmpty()) return;
        if (INSTALLED.get(d.logger) == d) INSTALLED.remove(d.logger);
        if (!d.isInstalled()) return;
        List<Handler> now = d.logger.getHandlers();
        for (Handler h : d.saved) {
            if (!now.contains(h)) d.logger.addHandler(h);
        }
        d.logger.setPropagate(d.savedPropagate);
        d.logger.removeHandler(d);
    }

    /** Whether {@code logger} passes records to its parent, as configured (a diversion's own switch-off aside). */
    static synchronized boolean propagates(Logger logger) {
        Diversion d = INSTALLED.get(logger);
        return d != null && d.isInstalled() ? d.savedPropagate : logger.getPropagate();
    }

    /** Whether this diversion is still among its logger's handlers (a reconfiguration removes it). */
    boolean isInstalled() {
        return logger.getHandlers().contains(this);
    }

    Logger logger() {
        return logger;
    }

    @Override
    public boolean handle(LogRecord record) {
        boolean passOn = true;
        CapturingHandler[] open = captures;
        for (int i = open.length - 1; i >= 0; i--) {
            CapturingHandler capture = open[i];
            if (!capture.accepts(record)) {
                capture.noteOtherThread(record);
            } else {
                capture.handle(record);
                if (capture.exclusive()) {
                    passOn = false;
                    break;
                }
            }
        }
        if (passOn) deliverAsBefore(record);
        return true;
    }

    /** Python's {@code callHandlers} from this logger on, with the handlers and propagation it had. */
    private void deliverAsBefore(LogRecord record) {
        int levelno = record.getLevelno();
        int found = 0;
        List<Handler> now = logger.getHandlers();
        for (Handler h : saved) {
            found++;
            // A handler back on the logger already had the record from Logger.callHandlers.
            if (!now.contains(h) && levelno >= h.getLevel()) h.handle(record);
        }
        if (savedPropagate && !logger.getPropagate()) {
            for (Logger c = logger.getParent(); c != null; c = c.getPropagate() ? c.getParent() : null) {
                for (Handler h : c.getHandlers()) {
                    found++;
                    if (levelno >= h.getLevel()) h.handle(record);
                }
            }
        }
        // Logger.callHandlers counted this diversion as a handler, so the last resort is ours to call.
        if (found == 0 && now.size() == 1 && handlersBelow(record) == 0) {
            Handler lastResort = Logging.getLastResort();
            if (lastResort != null && levelno >= lastResort.getLevel()) lastResort.handle(record);
        }
    }

    /** Handlers the record passed on its way from its own logger up to this one. */
    private int handlersBelow(LogRecord record) {
        String name = record.getName();
        boolean below = logger.getParent() == null ? !name.isEmpty() && !name.equals("root")
                : name.startsWith(logger.getName() + ".");
        if (!below) return 0;
        int n = 0;
        for (Logger c = Logging.getLogger(name); c != null && c != logger; c = c.getParent()) {
            n += c.getHandlers().size();
        }
        return n;
    }

    /** Records of a capture keep their location, for pytest's format in {@link LogCapture#text()}. */
    @Override
    protected boolean needsCallerLocation() {
        return true;
    }

    /** Never called: {@link #handle} does the routing, without a lock of its own. */
    @Override
    protected void emit(LogRecord record) {
    }

    /** Stays usable: a reconfiguration closes every handler, and the captures are not its to close. */
    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return "<Diversion " + logger.getName() + " (" + captures.length + " captures)>";
    }
}
