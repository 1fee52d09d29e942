package dev.cairn.handlers;

import dev.cairn.Clock;
import dev.cairn.Handler;
import dev.cairn.Level;
import dev.cairn.LogRecord;
import dev.cairn.Logging;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** Helpers for the file handler tests: records stamped by the test clock, and reading back what was written. */
final class LogFiles {
    private LogFiles() {}

    /** A clock the test moves by hand, installed with {@link #install}. */
    static final class FakeClock implements Clock {
        private volatile double now;

        FakeClock(double start) {
            this.now = start;
        }

        @Override
        public double time() {
            return now;
        }

        void set(double seconds) {
            now = seconds;
        }

        FakeClock install() {
            Logging.setClock(this);
            return this;
        }
    }

    /** An INFO record with {@code msg} made now by the logging clock. */
    static LogRecord record(String msg) {
        return new LogRecord("test", Level.INFO, null, msg, null, null, null, null, Logging.clock().time());
    }

    static void log(Handler h, String msg) {
        h.handle(record(msg));
    }

    /** The text of a log file, gunzipped when its name ends in {@code .gz}. */
    static String text(Path file) throws IOException {
        if (!file.getFileName().toString().endsWith(".gz")) return Files.readString(file);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static List<String> lines(Path file) throws IOException {
        String t = text(file);
        List<String> result = new ArrayList<>(List.of(t.split("\n", -1)));
        if (!result.isEmpty() && result.get(result.size() - 1).isEmpty()) result.remove(result.size() - 1);
        return result;
    }

    /** The names of the files in {@code dir}, sorted. */
    static TreeSet<String> names(Path dir) throws IOException {
        TreeSet<String> names = new TreeSet<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.forEach(p -> names.add(p.getFileName().toString()));
        }
        return names;
    }
}
