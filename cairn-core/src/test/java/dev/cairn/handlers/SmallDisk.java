package dev.cairn.handlers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A tiny tmpfs mounted for a test, to run out of disk space for real. Needs root and a kernel
 * that allows the mount (a container may not): the test is skipped otherwise.
 */
final class SmallDisk implements AutoCloseable {
    private final Path path;

    private SmallDisk(Path path) {
        this.path = path;
    }

    static SmallDisk mount(Path dir, int bytes) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        int rc = run("mount", "-t", "tmpfs", "-o", "size=" + bytes, "tmpfs", dir.toString());
        Assumptions.assumeTrue(rc == 0, "cannot mount a tmpfs here (needs root)");
        return new SmallDisk(dir);
    }

    Path path() {
        return path;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("umount", "-l", path.toString());
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
