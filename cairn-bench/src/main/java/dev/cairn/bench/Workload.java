package dev.cairn.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * What every benchmark logs, identical for the three libraries: the logger names, one message
 * with two arguments in each library's placeholder syntax, the line layout, the five context
 * fields of the JSON case, and where the files go.
 */
public final class Workload {
    private Workload() {}

    public static final String DISABLED_LOGGER = "bench.disabled";
    public static final String SYNC_LOGGER = "bench.sync";
    public static final String ASYNC_LOGGER = "bench.async";
    public static final String JSON_LOGGER = "bench.json";

    /** Python's %-style message, for Cairn. */
    public static final String CAIRN_MESSAGE = "Request %s served in %s ms";
    /** The same message with SLF4J's and Log4j 2's {} placeholders. */
    public static final String BRACES_MESSAGE = "Request {} served in {} ms";
    public static final String ARG1 = "user-42";
    /** A cached Integer, so no library pays for boxing. */
    public static final Integer ARG2 = 7;

    /** The format: "%(asctime)s %(levelname)s %(name)s: %(message)s". */
    public static final String CAIRN_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s";
    /** The same line in Log4j 2's PatternLayout. */
    public static final String LOG4J_PATTERN = "%d{yyyy-MM-dd HH:mm:ss,SSS} %p %c: %m%n";
    /** The same line in Logback's PatternLayout. */
    public static final String LOGBACK_PATTERN = "%d{\"yyyy-MM-dd HH:mm:ss,SSS\"} %level %logger: %msg%n";

    /** The five fields of the JSON case, put in each library's thread context (LogContext, ThreadContext, MDC). */
    public static final String[][] FIELDS = {
        {"user_id", "u-1234"},
        {"request_id", "req-5f2a9c"},
        {"http_method", "GET"},
        {"http_path", "/api/orders"},
        {"tenant", "acme"},
    };

    /** Queue capacity of every asynchronous setup: Log4j 2's default ring buffer size. */
    public static final int ASYNC_CAPACITY = 256 * 1024;

    /**
     * A fresh file for one library and case, in {@code -Dbench.dir} or a new temporary folder on
     * the local disk (java.io.tmpdir).
     */
    public static Path file(String library, String benchCase) {
        try {
            String dir = System.getProperty("bench.dir");
            Path base = dir != null ? Files.createDirectories(Paths.get(dir))
                    : Files.createTempDirectory("cairn-bench-");
            Path f = base.resolve(benchCase + "-" + library + ".log");
            Files.deleteIfExists(f);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a benchmark file (they grow to gigabytes); never fails. */
    public static void delete(Path file) {
        try {
            if (file != null) Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A leftover file in a temp folder is harmless.
        }
    }
}
