package dev.cairn.handlers;

import dev.cairn.FileHandler;
import dev.cairn.LogRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Python's {@code logging.handlers.WatchedFileHandler}: before each record, checks that the
 * file name still points at the file it has open (same device and inode) and reopens it if the
 * file was moved or deleted, as after logrotate or newsyslog. For single-process use; to rotate
 * from several processes, see {@link BaseRotatingHandler#setMultiProcess}.
 */
public class WatchedFileHandler extends FileHandler {
    // Set by open(), which FileHandler's constructor calls first: must have no initialiser.
    private Object openedFileKey;

    /** Appends to {@code filename}, opening it now. */
    public WatchedFileHandler(String filename) {
        this(filename, "a", null, false, null);
    }

    /** Python's full constructor; see {@link FileHandler#FileHandler(String, String, String, boolean, String)}. */
    public WatchedFileHandler(String filename, String mode, String encoding, boolean delay, String errors) {
        super(filename, mode, encoding, delay, errors);
    }

    @Override
    protected OutputStream open() throws IOException {
        Path path = Path.of(getBaseFilename());
        Object before = FileIdentity.of(path);
        OutputStream out = super.open();
        openedFileKey = FileIdentity.afterOpen(before, path);
        return out;
    }

    /**
     * Python's {@code reopenIfNeeded()}: if the file has been moved, replaced or deleted since it
     * was opened, flushes and closes the old stream and opens the name again. Nothing happens
     * while no file is open (delay): the next record opens it anyway.
     */
    public void reopenIfNeeded() throws IOException {
        lock.lock();
        try {
            OutputStream old = stream;
            if (old == null || FileIdentity.stillAt(openedFileKey, Path.of(getBaseFilename()))) return;
            old.flush();
            old.close();
            stream = null; // Python's issue 21742: open() might fail.
            stream = open();
        } finally {
            lock.unlock();
        }
    }

    @Override
    protected void emit(LogRecord record) throws Exception {
        reopenIfNeeded();
        super.emit(record);
    }
}
