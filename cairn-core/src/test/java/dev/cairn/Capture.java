package dev.cairn;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/** A real StreamHandler writing into memory, and a way to capture System.err around a block. */
final class Capture extends StreamHandler {
    private final ByteArrayOutputStream bytes;

    private Capture(ByteArrayOutputStream bytes, String format) {
        super(bytes);
        this.bytes = bytes;
        if (format != null) setFormatter(new Formatter(format));
    }

    static Capture handler(String format) {
        return new Capture(new ByteArrayOutputStream(), format);
    }

    String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Runs {@code body} with System.err captured; returns what was written to it. */
    static String stderrOf(Runnable body) {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.setErr(old);
        }
        return err.toString(StandardCharsets.UTF_8);
    }

    static <T> T quietly(Callable<T> body) throws Exception {
        PrintStream old = System.err;
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            return body.call();
        } finally {
            System.setErr(old);
        }
    }
}
