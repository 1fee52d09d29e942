package dev.cairn.handlers;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Compresses the rotated files of one handler on a background thread, so that a crash at any
 * moment loses nothing. A rollover renames the log file to {@code D.pending} (where {@code D} is
 * the final name, such as {@code app.log.1.gz}); the worker then writes {@code D.tmp}, syncs it, renames it to
 * {@code D}, syncs the directory, and only then deletes {@code D.pending}. Every pass of the
 * worker (a "scan") finishes all pending files it finds, which is also how work left by a
 * crashed run is recovered: a pending file whose {@code D} exists was already compressed; any
 * other is compressed again from the start. The worker thread is a daemon that exits when idle.
 */
final class Compressor {
    static final String PENDING = ".pending";
    static final String TEMP = ".tmp";

    private final BaseRotatingHandler handler;
    private final Compression compression;
    private final Path base;
    private final Set<Path> directories = new TreeSet<>();
    private final ThreadPoolExecutor worker;

    Compressor(BaseRotatingHandler handler, Compression compression, Path base) {
        this.handler = handler;
        this.compression = compression;
        this.base = base;
        this.directories.add(base.getParent());
        this.worker = new ThreadPoolExecutor(1, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "cairn-compress " + base.getFileName());
            t.setDaemon(true);
            return t;
        });
        this.worker.allowCoreThreadTimeOut(true);
    }

    /** The pending name of the rotated file whose final name is {@code dest}. */
    static Path pendingOf(Path dest) {
        return dest.resolveSibling(dest.getFileName() + PENDING);
    }

    /**
     * The rotation step, on the logging thread: renames {@code source} to {@code dest}'s pending
     * name. Refuses (throws) rather than overwrite a pending file whose compression failed.
     */
    void rotate(Path source, Path dest) throws IOException {
        if (!Files.exists(source)) return;
        Path pending = pendingOf(dest);
        if (Files.exists(pending)) {
            throw new java.nio.file.FileAlreadyExistsException(pending.toString(), null,
                    "an earlier compression of this name has not finished; not overwriting it");
        }
        BaseRotatingHandler.rename(source, pending);
        synchronized (directories) {
            directories.add(dest.getParent());
        }
    }

    /** Queues a scan: finish every pending file, then apply the handler's retention. */
    void submitScan() {
        worker.execute(this::scan);
    }

    Compression compression() {
        return compression;
    }

    /** Waits until every queued scan has finished: a rollover must not move files under it. */
    void awaitIdle() throws IOException {
        try {
            worker.submit(() -> { }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting for compression");
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        }
    }

    /** Waits up to a minute for queued work; what is not done by then, the next run finishes. */
    void shutdown() {
        Future<?> done = worker.submit(() -> { });
        try {
            done.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Left pending on disk; recovered at the next start.
        }
    }

    private void scan() {
        SharedFileLock shared = handler.sharedLock();
        try (SharedFileLock.Held held = shared != null ? shared.acquire() : null) {
            for (Path pending : pendingFiles()) {
                try {
                    finish(pending, compression);
                } catch (IOException | RuntimeException e) {
                    handler.handleError(null, e);
                }
            }
            handler.applyRetention();
        } catch (IOException | RuntimeException e) {
            handler.handleError(null, e);
        }
    }

    private Set<Path> pendingFiles() throws IOException {
        Set<Path> found = new TreeSet<>();
        String prefix = stem(base.getFileName().toString()) + ".";
        Path[] dirs;
        synchronized (directories) {
            dirs = directories.toArray(new Path[0]);
        }
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) continue;
            try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
                for (Path p : s) {
                    String name = p.getFileName().toString();
                    boolean ours = dir.equals(base.getParent()) ? name.startsWith(prefix) : true;
                    if (ours && name.endsWith(compression.suffix() + PENDING)) found.add(p);
                }
            }
        }
        return found;
    }

    /** Brings one pending file to its final compressed name; safe to repeat after a crash at any step. */
    static void finish(Path pending, Compression compression) throws IOException {
        String name = pending.getFileName().toString();
        Path dest = pending.resolveSibling(name.substring(0, name.length() - PENDING.length()));
        Path temp = dest.resolveSibling(dest.getFileName() + TEMP);
        if (Files.exists(dest)) {
            // The rename to dest happened (it follows the sync); only the cleanup was cut short.
            Files.deleteIfExists(temp);
            Files.deleteIfExists(pending);
            return;
        }
        FileTime modified = Files.getLastModifiedTime(pending);
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            // Closing the codec's stream ends the compressed data; the channel stays open to be synced.
            try (OutputStream z = compression.compress(unclosable(Channels.newOutputStream(out)))) {
                Files.copy(pending, z);
            }
            out.force(true);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        // Retention by age reads the rotated file's time, which is that of its last record.
        Files.setLastModifiedTime(temp, modified);
        BaseRotatingHandler.rename(temp, dest);
        syncDirectory(dest.getParent());
        Files.delete(pending);
    }

    private static OutputStream unclosable(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // Not every file system lets a directory be synced; the rename is still atomic.
        }
    }

    /** Python's {@code os.path.splitext(name)[0]}: leading dots do not start an extension. */
    static String stem(String name) {
        int dot = name.lastIndexOf('.');
        if (dot <= 0) return name;
        for (int i = 0; i < dot; i++) {
            if (name.charAt(i) != '.') return name.substring(0, dot);
        }
        return name;
    }
}
