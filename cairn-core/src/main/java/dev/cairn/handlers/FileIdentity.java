package dev.cairn.handlers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Which file a path names: the device and inode on Unix (the JDK's {@code fileKey()}), Python's
 * {@code (st_dev, st_ino)}. Used to notice that a log file was moved or replaced under a handler.
 */
final class FileIdentity {
    private FileIdentity() {}

    /** The identity of the file at {@code path}, or null if there is none (or the platform has no file keys). */
    static Object of(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The identity of the file just opened at {@code path}, given the identity {@code before}
     * the open: Java cannot fstat an open stream, so a file replaced between the open and the
     * stat is detected by comparing the two, and reported as unknown (null).
     */
    static Object afterOpen(Object before, Path path) {
        Object after = of(path);
        return before == null || before.equals(after) ? after : null;
    }

    /**
     * Whether {@code path} still names the file whose identity was {@code opened}; false when the
     * file is gone or when the identity was never known (reopening is then the safe choice).
     */
    static boolean stillAt(Object opened, Path path) {
        return opened != null && opened.equals(of(path));
    }
}
