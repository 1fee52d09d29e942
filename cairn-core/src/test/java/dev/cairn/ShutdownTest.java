package dev.cairn;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShutdownTest {
    @TempDir
    Path dir;

    @BeforeEach
    void reset() {
        Logging.reset();
    }

    /** Records flush and close calls in order. */
    static final class Tracking extends Handler {
        final String name;
        final List<String> events;

        Tracking(String name, List<String> events) {
            this.name = name;
            this.events = events;
        }

        @Override protected void emit(LogRecord record) { }
        @Override public void flush() { events.add("flush " + name); }
        @Override public void close() {
            events.add("close " + name);
            super.close();
        }
    }

    @Test
    void shutdownFlushesAndClosesNewestFirst() {
        List<String> events = new ArrayList<>();
        Tracking first = new Tracking("first", events);
        Tracking second = new Tracking("second", events);
        Logging.getLogger("s1").addHandler(first);
        Logging.getLogger("s1").addHandler(second);
        Logging.shutdown();
        int i = events.indexOf("flush second");
        assertThat(i).isGreaterThanOrEqualTo(0);
        assertThat(events.subList(i, i + 4)).containsExactly("flush second", "close second", "flush first", "close first");
    }

    /** Run in a child JVM: logs through a handler that only writes on close, then exits without calling shutdown. */
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Logger logger = Logging.getLogger("child");
        logger.addHandler(new Handler() {
            private final StringBuilder pending = new StringBuilder();
            @Override protected void emit(LogRecord record) {
                pending.append(format(record)).append('\n');
            }
            @Override public void close() {
                try {
                    Files.writeString(out, pending);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                super.close();
            }
        });
        logger.warning("written by the shutdown hook %d", 1);
    }

    @Test
    void jvmExitRunsShutdownThroughTheHook() throws Exception {
        Path out = dir.resolve("out.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ShutdownTest.class.getName(), out.toString())
                .inheritIO().start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(Files.readString(out)).isEqualTo("written by the shutdown hook 1\n");
    }
}
