package dev.cairn.handlers;

import dev.cairn.Handler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;

/**
 * Limits on the rotated files a handler keeps, on top of Python's {@code backupCount}: at most
 * a number of files, files no older than an age (by modification time, the time of their last
 * record), and/or a total size in bytes. Walking the rotated files newest first, the first file
 * that breaks a limit and every older one are deleted; the live log file is never counted or
 * touched, nor is a file still waiting for compression. Immutable.
 */
public final class Retention {
    private static final Retention NONE = new Retention(-1, null, -1);

    private final int maxFiles;
    private final Duration maxAge;
    private final long maxTotalBytes;

    private Retention(int maxFiles, Duration maxAge, long maxTotalBytes) {
        this.maxFiles = maxFiles;
        this.maxAge = maxAge;
        this.maxTotalBytes = maxTotalBytes;
    }

    /** No limit at all; add limits with the {@code with} methods. */
    public static Retention none() {
        return NONE;
    }

    /** Keeps at most {@code count} rotated files (0 keeps none). */
    public Retention withMaxFiles(int count) {
        if (count < 0) throw new IllegalArgumentException("maxFiles must be 0 or more, got " + count);
        return new Retention(count, maxAge, maxTotalBytes);
    }

    /** Deletes rotated files last written more than {@code age} ago. */
    public Retention withMaxAge(Duration age) {
        if (age == null || age.isNegative()) throw new IllegalArgumentException("maxAge must be 0 or more, got " + age);
        return new Retention(maxFiles, age, maxTotalBytes);
    }

    /** Keeps the rotated files' sizes within {@code bytes} in total, deleting the oldest first. */
    public Retention withMaxTotalBytes(long bytes) {
        if (bytes < 0) throw new IllegalArgumentException("maxTotalBytes must be 0 or more, got " + bytes);
        return new Retention(maxFiles, maxAge, bytes);
    }

    /** The file count limit, or -1 for none. */
    public int maxFiles() {
        return maxFiles;
    }

    /** The age limit, or null for none. */
    public Duration maxAge() {
        return maxAge;
    }

    /** The total size limit in bytes, or -1 for none. */
    public long maxTotalBytes() {
        return maxTotalBytes;
    }

    /**
     * Deletes what breaks the limits among {@code newestFirst}, judging age at {@code now}
     * (epoch seconds). Files that vanish meanwhile are skipped; a file that cannot be deleted is
     * reported to {@code errors} and the others are still processed.
     */
    void apply(List<Path> newestFirst, double now, Handler errors) {
        int kept = 0;
        long total = 0;
        boolean cut = false;
        for (Path file : newestFirst) {
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(file, BasicFileAttributes.class);
            } catch (IOException e) {
                continue;
            }
            long size = attributes.size();
            double modified = attributes.lastModifiedTime().toMillis() / 1000.0;
            cut = cut || (maxFiles >= 0 && kept >= maxFiles)
                    || (maxAge != null && now - modified > maxAge.toMillis() / 1000.0)
                    || (maxTotalBytes >= 0 && total + size > maxTotalBytes);
            if (cut && !file.getFileName().toString().endsWith(Compressor.PENDING)) {
                try {
                    Files.delete(file);
                } catch (NoSuchFileException e) {
                    // Deleted meanwhile (another process, or the compressor's own pass).
                } catch (IOException e) {
                    errors.handleError(null, e);
                }
            } else {
                kept++;
                total += size;
            }
        }
    }

    @Override
    public String toString() {
        return "Retention[maxFiles=" + maxFiles + ", maxAge=" + maxAge + ", maxTotalBytes=" + maxTotalBytes + "]";
    }
}
