package dev.cairn.handlers;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An exclusive lock on a lock file shared by every process (an OS file lock) and every thread of
 * this JVM (a reentrant lock), for rotating handlers in multi-process mode. There is one instance
 * and one open channel per lock file in the JVM, counted by its users, because closing any
 * channel on a file drops all of the process's locks on it (POSIX {@code fcntl} semantics).
 * The lock file itself is never deleted: deleting it would let two processes lock different files.
 */
final class SharedFileLock {
    private static final Map<Path, SharedFileLock> OPEN = new HashMap<>();

    private final Path path;
    private final ReentrantLock local = new ReentrantLock();
    private FileChannel channel;
    private FileLock held;
    private int users;

    /** A held lock; closing it releases one hold. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    private SharedFileLock(Path path) {
        this.path = path;
    }

    /** The lock for {@code lockFile}, shared with other users in this JVM; call {@link #close} when done. */
    static SharedFileLock open(Path lockFile) {
        Path key = lockFile.toAbsolutePath().normalize();
        synchronized (OPEN) {
            SharedFileLock lock = OPEN.computeIfAbsent(key, SharedFileLock::new);
            lock.users++;
            return lock;
        }
    }

    /**
     * Blocks until this thread holds the lock across threads and processes. Reentrant. The
     * thread's interrupt status is set aside while waiting, since an interrupt would close the
     * channel for every user.
     */
    Held acquire() throws IOException {
        local.lock();
        if (local.getHoldCount() > 1) return local::unlock;
        boolean interrupted = Thread.interrupted();
        try {
            held = lockChannel();
            return this::release;
        } catch (IOException | RuntimeException | Error e) {
            local.unlock();
            throw e;
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    private FileLock lockChannel() throws IOException {
        for (int attempt = 0; ; attempt++) {
            try {
                if (channel == null || !channel.isOpen()) {
                    channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                }
                return channel.lock();
            } catch (ClosedChannelException e) {
                if (attempt > 0) throw e;
            }
        }
    }

    private void release() {
        try {
            FileLock l = held;
            held = null;
            if (l != null && l.isValid()) l.release();
        } catch (IOException e) {
            // The channel is gone; the OS released the lock with it.
        } finally {
            local.unlock();
        }
    }

    /** Drops one user; the last one closes the channel. */
    void close() {
        synchronized (OPEN) {
            if (--users > 0) return;
            OPEN.remove(path);
        }
        local.lock();
        try {
            if (channel != null) channel.close();
        } catch (IOException e) {
            // Closing releases the lock whatever happens; nothing is lost.
        } finally {
            channel = null;
            local.unlock();
        }
    }
}
