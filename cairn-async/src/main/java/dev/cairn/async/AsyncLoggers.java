package dev.cairn.async;

import dev.cairn.Handler;
import dev.cairn.Logger;

/**
 * The asynchronous mode of a logger subtree: every record that reaches the subtree's root
 * logger, from it or any descendant, is queued, and one writer thread does the rest of
 * Python's {@code callHandlers} for it (the root's handlers, then its ancestors' if it
 * propagated). Handlers attached to descendants below the root still run on the caller's
 * thread; attach handlers to the root, or wrap them in an {@link AsyncHandler}.
 */
public final class AsyncLoggers {
    private AsyncLoggers() {}

    /**
     * Makes {@code root}'s subtree asynchronous: its handlers move behind one
     * {@link AsyncHandler} and {@code propagate} is turned off (the writer propagates instead).
     * Returns the handler, whose {@code close} (or {@link dev.cairn.Logging#shutdown()}) drains
     * the queue; {@link #makeSynchronous} undoes it.
     */
    public static AsyncHandler makeAsync(Logger root, int capacity, OverflowPolicy policy) {
        synchronized (root) {
            for (Handler h : root.getHandlers()) {
                if (h instanceof AsyncHandler && ((AsyncHandler) h).getTarget() instanceof SubtreeHandler) {
                    throw new IllegalStateException("logger '" + root.getName() + "' is already asynchronous");
                }
            }
            SubtreeHandler rest = new SubtreeHandler(root, root.getHandlers(), root.getPropagate());
            AsyncHandler async = new AsyncHandler(rest, capacity, policy, AsyncHandler.DEFAULT_DROP_THRESHOLD);
            // Add first, then remove, so no record finds the logger without a handler.
            root.addHandler(async);
            root.setPropagate(false);
            for (Handler h : rest.handlers()) root.removeHandler(h);
            return async;
        }
    }

    /**
     * Undoes {@link #makeAsync}: drains and closes the queue, then restores the handlers and
     * {@code propagate}. Not atomic: a record logged on another thread during the switch may be
     * written twice by the root's handlers.
     */
    public static void makeSynchronous(Logger root) {
        synchronized (root) {
            for (Handler h : root.getHandlers()) {
                if (h instanceof AsyncHandler && ((AsyncHandler) h).getTarget() instanceof SubtreeHandler) {
                    AsyncHandler async = (AsyncHandler) h;
                    SubtreeHandler rest = (SubtreeHandler) async.getTarget();
                    async.close();
                    for (Handler original : rest.handlers()) root.addHandler(original);
                    root.removeHandler(async);
                    root.setPropagate(rest.propagate());
                    rest.close();
                }
            }
        }
    }
}
