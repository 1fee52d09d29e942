package dev.cairn;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;

/**
 * Python's {@code logging.FileHandler}: a stream handler on a file opened in mode {@code "a"}
 * (append, the default), {@code "w"} (truncate) or {@code "x"} (must not exist), optionally only
 * when the first record arrives ({@code delay}). The file's absolute path is fixed at
 * construction, as Python's {@code baseFilename}.
 */
public class FileHandler extends StreamHandler {
    private final String baseFilename;
    private final String mode;
    private boolean closed;

    /** Appends to {@code filename}, opening it now. */
    public FileHandler(String filename) {
        this(filename, "a", null, false, null);
    }

    /**
     * The full form of Python's constructor: {@code mode} is {@code a}, {@code w} or {@code x}
     * (a {@code b} or {@code t} in it is ignored); {@code encoding} and {@code errors} are
     * Python's names, null for UTF-8 and strict.
     *
     * @throws UncheckedIOException if the file cannot be opened (and {@code delay} is false),
     *     with the path in the message
     * @throws IllegalArgumentException for an unknown mode or encoding
     */
    public FileHandler(String filename, String mode, String encoding, boolean delay, String errors) {
        super((OutputStream) null);
        if (filename == null || filename.isEmpty()) throw new IllegalArgumentException("filename must not be empty");
        this.baseFilename = new File(filename).getAbsolutePath();
        this.mode = mode == null ? "a" : mode.replace("b", "").replace("t", "");
        if (!this.mode.equals("a") && !this.mode.equals("w") && !this.mode.equals("x")) {
            throw new IllegalArgumentException("invalid mode: '" + mode + "' (expected 'a', 'w' or 'x')");
        }
        setEncoding(TextEncoding.of(encoding, errors));
        stream = null;
        if (!delay) {
            try {
                stream = open();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open log file " + baseFilename + ": " + e.getMessage(), e);
            }
        }
    }

    /** Opens the file in this handler's mode; subclasses that rotate call it to reopen. */
    protected OutputStream open() throws IOException {
        File file = new File(baseFilename);
        if (mode.equals("x") && !file.createNewFile()) {
            throw new FileAlreadyExistsException(baseFilename);
        }
        return new FileOutputStream(file, mode.equals("a"));
    }

    @Override
    protected OutputStream currentStream() throws IOException {
        // FileHandler.emit: a closed 'w' handler must not reopen and truncate its file again.
        if (stream == null && (!mode.equals("w") || !closed)) {
            stream = open();
        }
        return stream;
    }

    /** Flushes and closes the file; a later record reopens it (except in mode {@code w}), as in Python. */
    @Override
    public void close() {
        lock.lock();
        try {
            OutputStream out = stream;
            stream = null;
            closed = true;
            if (out != null) {
                try {
                    out.flush();
                    out.close();
                } catch (IOException e) {
                    handleError(null, e);
                }
            }
        } finally {
            lock.unlock();
            super.close();
        }
    }

    /** The absolute path of the file, Python's {@code baseFilename}. */
    public String getBaseFilename() {
        return baseFilename;
    }

    public String getMode() {
        return mode;
    }

    @Override
    public String toString() {
        return "<" + getClass().getSimpleName() + " " + baseFilename + " (" + Level.getLevelName(getLevel()) + ")>";
    }
}
