package dev.cairn.cli;

import java.util.function.LongSupplier;

/**
 * A one-line progress bar on stderr, drawn only when stderr is a terminal so that pipes and files
 * never receive it. A daemon thread samples the bytes done ten times a second: the reading loop
 * itself may see no record for a long time (a search whose filter skips nearly every line
 * unparsed), and it pays nothing for the bar. Close it to stop drawing and erase the line.
 */
public final class Progress implements AutoCloseable {

    /** Inputs smaller than this finish before a bar is worth drawing. */
    static final long MIN_BYTES = 64L << 20;

    private final long total;
    private final LongSupplier done;
    private final Thread drawer;
    private volatile boolean drawn;

    private Progress(long total, LongSupplier done, boolean visible) {
        this.total = total;
        this.done = done;
        this.drawer = visible ? new Thread(this::drawUntilClosed, "cairn-progress") : null;
        if (drawer != null) {
            drawer.setDaemon(true);
            drawer.start();
        }
    }

    /**
     * A bar for {@code total} bytes, of which {@code done} tells how many are read; it may be
     * called from another thread and may be a moment out of date. Invisible when stderr is not a
     * terminal or the input is small.
     */
    public static Progress start(long total, LongSupplier done) {
        return new Progress(total, done, Terminal.isInteractive() && total > MIN_BYTES);
    }

    private void drawUntilClosed() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(100);
                long read;
                try {
                    read = done.getAsLong();
                } catch (RuntimeException raced) {
                    continue;  // the reader moved to the next file under us: try again next time
                }
                int width = 40;
                int filled = (int) Math.min(width, width * read / Math.max(1, total));
                synchronized (System.err) {
                    System.err.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] "
                            + Math.min(100, 100 * read / Math.max(1, total)) + "% ");
                    System.err.flush();
                }
                drawn = true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (drawer == null) {
            return;
        }
        drawer.interrupt();
        try {
            drawer.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (drawn) {
            synchronized (System.err) {
                System.err.print("\r" + " ".repeat(50) + "\r");
                System.err.flush();
            }
        }
    }
}
