package dev.cairn.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Polls a configuration file and hands a changed file to {@link RunningConfiguration#reload}.
 * It compares contents rather than modification times (which many file systems keep to the
 * second), and waits until a changed file reads the same twice, so an editor's half-written save
 * is not taken for a broken configuration. A rejected file is reported once on stderr; the
 * running configuration stays until the file changes again. One daemon thread per watcher.
 */
final class ConfigWatcher implements Runnable {
    private static final long SETTLE_MILLIS = 50;

    private final Path path;
    private final double seconds;
    private final Thread thread;
    private volatile boolean running = true;
    private byte[] lastSeen;

    private ConfigWatcher(Path path, double seconds) {
        this.path = path;
        this.seconds = seconds;
        this.lastSeen = read();
        this.thread = new Thread(this, "cairn-config-watch");
        thread.setDaemon(true);
    }

    /** Starts watching {@code path} every {@code seconds}; the current contents count as applied. */
    static ConfigWatcher start(Path path, double seconds) {
        ConfigWatcher w = new ConfigWatcher(path, seconds);
        w.thread.start();
        return w;
    }

    Path path() {
        return path;
    }

    double intervalSeconds() {
        return seconds;
    }

    /** Stops the thread; it may finish a reload already under way. */
    void stop() {
        running = false;
        thread.interrupt();
    }

    @Override
    public void run() {
        long interval = Math.max(1, Math.round(seconds * 1000));
        while (running) {
            try {
                Thread.sleep(interval);
                byte[] now = read();
                if (Arrays.equals(now, lastSeen)) continue;
                Thread.sleep(SETTLE_MILLIS);
                if (!Arrays.equals(now, read())) continue;
                lastSeen = now;
                if (now == null) {
                    RunningConfiguration.report("the watched configuration file " + path
                            + " is gone; the running configuration stays");
                    continue;
                }
                ConfigException rejected = RunningConfiguration.reload(this);
                if (rejected != null && running) {
                    RunningConfiguration.report("rejected the changed configuration, the running configuration stays: "
                            + rejected.getMessage());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | java.util.ServiceConfigurationError e) {
                RunningConfiguration.report("could not reload " + path + ": " + e);
            }
        }
    }

    /** The file's bytes, or null when it cannot be read (being replaced, deleted). */
    private byte[] read() {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            return null;
        }
    }
}
