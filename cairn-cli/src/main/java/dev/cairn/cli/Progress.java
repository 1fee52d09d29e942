package dev.cairn.cli;

/**
 * A one-line progress bar on stderr, drawn only when stderr is a terminal so that pipes and files
 * never receive it. Close it to erase the line.
 */
public final class Progress implements AutoCloseable {

    private final long total;
    private final boolean visible;
    private long lastDraw;

    private Progress(long total, boolean visible) {
        this.total = total;
        this.visible = visible;
    }

    /** A bar for {@code total} bytes; invisible when not on a terminal or for small inputs. */
    public static Progress start(long total) {
        return new Progress(total, Terminal.isInteractive() && total > 64L << 20);
    }

    /** Redraws the bar for {@code done} bytes, at most ten times a second. */
    public void update(long done) {
        if (!visible) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw < 100_000_000L) {
            return;
        }
        lastDraw = now;
        int width = 40;
        int filled = (int) Math.min(width, width * done / Math.max(1, total));
        System.err.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] "
                + Math.min(100, 100 * done / Math.max(1, total)) + "% ");
        System.err.flush();
    }

    @Override
    public void close() {
        if (visible && lastDraw != 0) {
            System.err.print("\r" + " ".repeat(50) + "\r");
            System.err.flush();
        }
    }
}
