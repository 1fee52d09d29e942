package dev.cairn.handlers;

import dev.cairn.FileHandler;
import dev.cairn.LogRecord;
import dev.cairn.Logging;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Python's {@code logging.handlers.BaseRotatingHandler}: a file handler that asks
 * {@link #shouldRollover} before each record and calls {@link #doRollover} when it says so,
 * with Python's {@code namer} and {@code rotator} hooks. Cairn adds three optional behaviours,
 * all off by default so the files are Python's byte for byte:
 * <ul>
 * <li>{@link #setCompression} gzips rotated files on a background thread, crash-safely;</li>
 * <li>{@link #setRetention} deletes rotated files beyond a count, an age or a total size;</li>
 * <li>{@link #setMultiProcess} makes writing and rotating safe when several processes share the
 *     file, by holding a lock file around each write and rollover.</li>
 * </ul>
 * All methods run under the handler's lock; a failed rollover is reported through
 * {@link #handleError} and the record is still written to the current file.
 */
public abstract class BaseRotatingHandler extends FileHandler {
    /** Python's {@code namer}: maps the default name of a rotated file to the name to use. */
    @FunctionalInterface
    public interface Namer {
        String name(String defaultName);
    }

    /** Python's {@code rotator}: moves the file {@code source} to {@code dest} (both absolute paths). */
    @FunctionalInterface
    public interface Rotator {
        void rotate(String source, String dest) throws IOException;
    }

    private final boolean delay;
    private volatile Namer namer;
    private volatile Rotator rotator;
    private volatile Compressor compressor;
    private volatile Retention retention;
    private volatile boolean multiProcess;
    private volatile SharedFileLock sharedLock;
    // Set by open(), which FileHandler's constructor calls before this class's fields are
    // initialised: these two must not have initialisers.
    private Object openedFileKey;
    private long position;

    protected BaseRotatingHandler(String filename, String mode, String encoding, boolean delay, String errors) {
        super(filename, mode, encoding, delay, errors);
        this.delay = delay;
    }

    /**
     * A record's formatted text, made at most once per emit: Python formats a record in
     * {@code shouldRollover} and again in {@code emit}; Cairn formats once, at the first of the
     * two points where Python would, so a formatting error surfaces at the same step.
     */
    protected final class Text {
        private final LogRecord record;
        private String text;

        Text(LogRecord record) {
            this.record = record;
        }

        /** The formatted record; throws what the formatter throws. */
        public String get() {
            if (text == null) text = format(record);
            return text;
        }
    }

    /** Python's {@code shouldRollover(record)}: whether writing {@code record} must first roll the file over. */
    public boolean shouldRollover(LogRecord record) throws IOException {
        return shouldRollover(record, new Text(record));
    }

    /** {@link #shouldRollover(LogRecord)} with the record's text formatted on demand, once per emit. */
    protected abstract boolean shouldRollover(LogRecord record, Text formatted) throws IOException;

    /** Python's {@code doRollover()}: closes the file, moves it and older backups aside, reopens. */
    public abstract void doRollover() throws IOException;

    /** The rotated files this handler owns, newest first, for {@link Retention}; may include pending ones. */
    protected abstract List<Path> rotatedFiles() throws IOException;

    @Override
    protected void emit(LogRecord record) throws Exception {
        Text text = new Text(record);
        if (!multiProcess) {
            write(record, text);
            return;
        }
        try (SharedFileLock.Held held = sharedLock().acquire()) {
            if (stream == null || !FileIdentity.stillAt(openedFileKey, Path.of(getBaseFilename()))) {
                // Another process rotated the file (or we never opened it): write where the name points now.
                closeStream();
                stream = open();
                adoptedFile();
            }
            position = sizeOrZero(Path.of(getBaseFilename()));
            write(record, text);
        }
    }

    private void write(LogRecord record, Text text) throws Exception {
        boolean rollover = shouldRollover(record, text);
        if (rollover) {
            try {
                doRollover();
            } catch (IOException | RuntimeException e) {
                // Python loses the record when doRollover fails; Cairn reports the failure and still writes it.
                handleError(record, e);
            }
        }
        OutputStream out = currentStream();
        if (out == null) return;
        byte[] bytes = getEncoding().encode(text.get() + getTerminator());
        out.write(bytes);
        out.flush();
        position += bytes.length;
    }

    /**
     * Called in multi-process mode after the handler opened a file it did not create by its own
     * rollover (another process rotated); the timed handler re-reads its schedule here.
     */
    protected void adoptedFile() throws IOException {
    }

    @Override
    protected OutputStream open() throws IOException {
        Path path = Path.of(getBaseFilename());
        Object before = FileIdentity.of(path);
        OutputStream out = super.open();
        openedFileKey = FileIdentity.afterOpen(before, path);
        position = sizeOrZero(path);
        return out;
    }

    /** Python's {@code tell()} after {@code seek(0, 2)}: the size of the open file. */
    protected long streamPosition() {
        return position;
    }

    /** Closes the open file, if any, as the first step of a rollover. */
    protected void closeStream() throws IOException {
        OutputStream out = stream;
        stream = null;
        if (out != null) out.close();
    }

    /**
     * Reopens the file after a rollover unless {@code delay} was given, as Python's
     * {@code if not self.delay: self.stream = self._open()}. In multi-process mode the file is
     * always reopened, so its identity is known before another process can rotate it.
     */
    protected void reopenAfterRollover() throws IOException {
        if (!delay || multiProcess) stream = open();
    }

    /** Python's {@code rotation_filename}: the namer's name for {@code defaultName}, plus the compression's suffix ({@code .gz}). */
    public String rotationFilename(String defaultName) {
        Namer n = namer;
        String name = n == null ? defaultName : n.name(defaultName);
        return compressor != null && rotator == null ? name + compressor.compression().suffix() : name;
    }

    /**
     * Python's {@code rotate(source, dest)}: the rotator if one is set; else, when compressing,
     * a rename to a pending name and gzip on the background thread; else a rename, skipped when
     * the source does not exist (a delayed file never opened, Python's issue 18940).
     */
    public void rotate(String source, String dest) throws IOException {
        Rotator r = rotator;
        if (r != null) {
            r.rotate(source, dest);
        } else if (compressor != null) {
            compressor.rotate(Path.of(source), Path.of(dest));
        } else if (Files.exists(Path.of(source))) {
            rename(Path.of(source), Path.of(dest));
        }
    }

    /** Python's {@code os.rename}: atomic, replacing {@code dest} if it exists. */
    static void rename(Path source, Path dest) throws IOException {
        Files.move(source, dest, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Moves the backup {@code source} to {@code dest} when it exists, replacing {@code dest}: the
     * step of Python's shifting loop. When compressing, a backup whose compression failed (still
     * pending) moves along with the numbering, so the next rollover cannot overwrite it.
     */
    protected void moveBackup(String source, String dest) throws IOException {
        Path s = Path.of(source);
        Path d = Path.of(dest);
        boolean moved = Files.exists(s);
        if (moved) {
            if (Files.exists(d)) remove(d);
            rename(s, d);
        }
        Path pending = Compressor.pendingOf(s);
        if (compressor != null && Files.exists(pending)) {
            // Its data is newer than dest's: drop dest, or the compressor would take it for the finished copy.
            if (!moved && Files.exists(d)) remove(d);
            Path pendingDest = Compressor.pendingOf(d);
            if (Files.exists(pendingDest)) remove(pendingDest);
            rename(pending, pendingDest);
        }
    }

    /** Python's {@code os.remove}: deletes a file; unlike {@link Files#delete}, refuses a directory. */
    static void remove(Path file) throws IOException {
        if (Files.isDirectory(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new java.nio.file.FileSystemException(file.toString(), null, "Is a directory");
        }
        Files.delete(file);
    }

    /**
     * The first step of every rollover besides Python's: waits for the previous compression, so
     * no file moves under it. In multi-process mode the compressor works under the lock file,
     * which the caller holds, so there is nothing to wait for (and waiting would deadlock).
     */
    protected void beforeRollover() throws IOException {
        if (compressor != null && !multiProcess) compressor.awaitIdle();
    }

    /** The last step of every rollover besides Python's: compression and retention. */
    protected void afterRollover() throws IOException {
        if (compressor != null) {
            compressor.submitScan();
        } else {
            applyRetention();
        }
    }

    /** Deletes rotated files beyond the retention limits; a no-op without {@link #setRetention}. */
    void applyRetention() throws IOException {
        Retention r = retention;
        if (r != null) r.apply(rotatedFiles(), Logging.clock().time(), this);
    }

    /** Whether {@link #setMultiProcess} is on (then an existing rotated name is kept, never replaced). */
    public boolean isMultiProcess() {
        return multiProcess;
    }

    public Namer getNamer() {
        return namer;
    }

    /** Python's {@code handler.namer = ...}; null restores the default names. */
    public void setNamer(Namer namer) {
        this.namer = namer;
    }

    public Rotator getRotator() {
        return rotator;
    }

    /** Python's {@code handler.rotator = ...}; null restores the default rename (or compression). */
    public void setRotator(Rotator rotator) {
        this.rotator = rotator;
    }

    /**
     * Compresses every rotated file with {@code compression} (rotated names gain its suffix, such
     * as {@code .gz}) on a background thread: the file is renamed to {@code NAME.gz.pending},
     * compressed to {@code NAME.gz.tmp}, synced, renamed to {@code NAME.gz}, and only then is the pending file
     * deleted, so a crash at any point loses nothing. Setting it also finishes, in the background,
     * any compression a previous run left half done. A custom {@link #setRotator rotator} takes
     * precedence. {@link Compression#NONE} turns compression off.
     */
    public void setCompression(Compression compression) {
        lock.lock();
        try {
            if (compressor != null) compressor.shutdown();
            compressor = compression == null || compression == Compression.NONE ? null
                    : new Compressor(this, compression, Path.of(getBaseFilename()));
            if (compressor != null) compressor.submitScan();
        } finally {
            lock.unlock();
        }
    }

    public Compression getCompression() {
        Compressor c = compressor;
        return c == null ? Compression.NONE : c.compression();
    }

    /**
     * Keeps rotated files within {@code retention}'s limits, applied now and after every
     * rollover (after compression, when compressing); null keeps everything Python's
     * {@code backupCount} keeps.
     */
    public void setRetention(Retention retention) {
        lock.lock();
        try {
            this.retention = retention;
            if (retention == null) return;
            if (compressor != null) {
                compressor.submitScan();
            } else try {
                applyRetention();
            } catch (IOException e) {
                handleError(null, e);
            }
        } finally {
            lock.unlock();
        }
    }

    public Retention getRetention() {
        return retention;
    }

    /**
     * Makes writes and rollovers safe when several processes (or several handlers) write this
     * file: each record is written holding an exclusive lock on {@code FILE.lock}, after checking
     * the file's size and identity again, so a process that finds the file rotated by another
     * reopens it instead of rotating twice. Costs a lock and a stat per record, as Logback's
     * prudent mode. Off by default, as in Python.
     *
     * @throws IllegalStateException if the file's mode is not {@code a}
     */
    public void setMultiProcess(boolean enabled) {
        if (enabled && !getMode().equals("a")) {
            throw new IllegalStateException("multi-process mode needs mode 'a', not '" + getMode() + "': reopening would truncate");
        }
        lock.lock();
        try {
            multiProcess = enabled;
            if (!enabled) releaseSharedLock();
        } finally {
            lock.unlock();
        }
    }

    /** The lock held around writes in multi-process mode (opened on first use), or null; compression holds it too. */
    SharedFileLock sharedLock() {
        if (!multiProcess) return null;
        synchronized (this) {
            if (sharedLock == null) sharedLock = SharedFileLock.open(Path.of(getBaseFilename() + ".lock"));
            return sharedLock;
        }
    }

    private synchronized void releaseSharedLock() {
        if (sharedLock != null) sharedLock.close();
        sharedLock = null;
    }

    /**
     * Closes the file, waits (up to a minute) for compressions in progress, and releases the
     * lock file. Compression cut short here is finished by the next run.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            if (compressor != null) compressor.shutdown();
            releaseSharedLock();
        } finally {
            lock.unlock();
            super.close();
        }
    }

    static long sizeOrZero(Path path) {
        try {
            return Files.size(path);
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
