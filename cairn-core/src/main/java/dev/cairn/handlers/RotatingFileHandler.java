package dev.cairn.handlers;

import dev.cairn.LogRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Python's {@code logging.handlers.RotatingFileHandler}: when the next record would bring the
 * file to {@code maxBytes}, renames {@code app.log} to {@code app.log.1} (after shifting
 * {@code app.log.1} to {@code .2} and so on up to {@code backupCount}) and starts a new file. As
 * in Python, nothing rotates when either {@code maxBytes} or {@code backupCount} is 0, and the size
 * test counts the record's characters plus one, not its encoded bytes.
 */
public class RotatingFileHandler extends BaseRotatingHandler {
    private final long maxBytes;
    private final int backupCount;

    /** Appends to {@code filename}, rotating before it reaches {@code maxBytes}, keeping {@code backupCount} backups. */
    public RotatingFileHandler(String filename, long maxBytes, int backupCount) {
        this(filename, "a", maxBytes, backupCount, null, false, null);
    }

    /**
     * Python's full constructor, in Python's argument order. The mode is forced to {@code a}
     * when {@code maxBytes} is positive, since truncating would lose earlier runs' logs.
     *
     * @throws java.io.UncheckedIOException if the file cannot be opened and {@code delay} is false
     */
    public RotatingFileHandler(String filename, String mode, long maxBytes, int backupCount, String encoding,
                               boolean delay, String errors) {
        super(filename, maxBytes > 0 ? "a" : mode, encoding, delay, errors);
        this.maxBytes = maxBytes;
        this.backupCount = backupCount;
    }

    @Override
    protected boolean shouldRollover(LogRecord record, Text formatted) throws IOException {
        Path base = Path.of(getBaseFilename());
        // bpo-45401: never roll over anything but a regular file (/dev/null, a FIFO).
        if (Files.exists(base) && !Files.isRegularFile(base)) return false;
        if (stream == null) stream = open();
        if (maxBytes > 0) {
            // "%s\n" % self.format(record): len() counts code points, and "\n" whatever the terminator.
            String text = formatted.get();
            long length = text.codePointCount(0, text.length()) + 1;
            return streamPosition() + length >= maxBytes;
        }
        return false;
    }

    /** Python's {@code doRollover}: shifts {@code .1..N-1} up by one, renames the file to {@code .1}, reopens. */
    @Override
    public void doRollover() throws IOException {
        beforeRollover();
        closeStream();
        if (backupCount > 0) {
            String base = getBaseFilename();
            for (int i = backupCount - 1; i > 0; i--) {
                moveBackup(rotationFilename(base + "." + i), rotationFilename(base + "." + (i + 1)));
            }
            String dfn = rotationFilename(base + ".1");
            if (Files.exists(Path.of(dfn))) remove(Path.of(dfn));
            rotate(base, dfn);
        }
        reopenAfterRollover();
        afterRollover();
    }

    /** {@code .1}, {@code .2}, ... as named by the namer, up to backupCount and beyond while they exist. */
    @Override
    protected List<Path> rotatedFiles() {
        List<Path> files = new ArrayList<>();
        String base = getBaseFilename();
        for (int i = 1; ; i++) {
            Path file = Path.of(rotationFilename(base + "." + i));
            Path pending = Compressor.pendingOf(file);
            boolean found = false;
            if (Files.exists(file)) {
                files.add(file);
                found = true;
            } else if (getCompression() != Compression.NONE && Files.exists(pending)) {
                files.add(pending);
                found = true;
            }
            if (!found && i >= backupCount) return files;
        }
    }

    public long getMaxBytes() {
        return maxBytes;
    }

    public int getBackupCount() {
        return backupCount;
    }
}
