package dev.cairn.handlers;

import static dev.cairn.handlers.LogFiles.log;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.Handler;
import dev.cairn.Level;
import dev.cairn.Logging;
import dev.cairn.config.ConfigException;
import dev.cairn.config.DictConfig;
import dev.cairn.config.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file and buffering handlers built by dictConfig from Python's names and options; bad values named by key path. */
class FileHandlersConfigTest {
    @TempDir
    Path dir;

    @BeforeEach
    void reset() {
        Logging.reset();
    }

    @AfterEach
    void cleanUp() {
        Logging.reset();
    }

    @SuppressWarnings("unchecked")
    private void configure(String handlers) {
        String text = "{'version': 1, 'handlers': " + handlers.replace("$DIR", dir.toString())
                + ", 'root': {'level': 'DEBUG', 'handlers': []}}";
        Logging.dictConfig((Map<String, Object>) Json.parse(text.replace('\'', '"'), "test"));
    }

    private static Handler named(String name) {
        return DictConfig.getHandlers().get(name);
    }

    private void rejected(String handler, String path, String message) {
        assertThatThrownBy(() -> configure("{'h': " + handler + "}"))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).getPath()).isEqualTo(path))
                .hasMessageContaining(message);
    }

    @Test
    void rotatingFileHandlerWithPythonsAndCairnsOptions() {
        configure("{'r': {'class': 'logging.handlers.RotatingFileHandler', 'filename': '$DIR/r.log', 'maxBytes': 100,"
                + " 'backupCount': 3, 'encoding': 'utf-8', 'delay': true, 'compression': 'gzip', 'multiProcess': true,"
                + " 'retention': {'maxFiles': 2, 'maxDays': 1.5, 'maxTotalBytes': 4096}}}");
        RotatingFileHandler h = (RotatingFileHandler) named("r");
        assertThat(h.getMaxBytes()).isEqualTo(100);
        assertThat(h.getBackupCount()).isEqualTo(3);
        assertThat(h.getCompression()).isEqualTo(Compression.GZIP);
        assertThat(h.isMultiProcess()).isTrue();
        assertThat(h.getRetention().maxFiles()).isEqualTo(2);
        assertThat(h.getRetention().maxAge()).isEqualTo(Duration.ofHours(36));
        assertThat(h.getRetention().maxTotalBytes()).isEqualTo(4096);
        assertThat(dir.resolve("r.log")).doesNotExist();
    }

    @Test
    void timedRotatingFileHandlerWithAtTime() {
        configure("{'t': {'class': 'logging.handlers.TimedRotatingFileHandler', 'filename': '$DIR/t.log', 'when': 'midnight',"
                + " 'interval': 1, 'backupCount': 7, 'utc': true, 'atTime': '04:30', 'delay': true}}");
        TimedRotatingFileHandler h = (TimedRotatingFileHandler) named("t");
        assertThat(h.getWhen()).isEqualTo("MIDNIGHT");
        assertThat(h.isUtc()).isTrue();
        assertThat(h.getAtTime()).isEqualTo(LocalTime.of(4, 30));
        assertThat(h.getBackupCount()).isEqualTo(7);
    }

    @Test
    void javaClassNamesWorkToo() {
        configure("{'w': {'class': 'dev.cairn.handlers.WatchedFileHandler', 'filename': '$DIR/w.log'},"
                + " 'b': {'class': 'dev.cairn.handlers.BufferingHandler', 'capacity': 5}}");
        assertThat(named("w")).isInstanceOf(WatchedFileHandler.class);
        assertThat(((BufferingHandler) named("b")).getCapacity()).isEqualTo(5);
    }

    @Test
    void memoryHandlerTargetIsBuiltFirstWhateverTheOrder() throws Exception {
        configure("{'a_mem': {'class': 'logging.handlers.MemoryHandler', 'capacity': 2, 'flushLevel': 'WARNING',"
                + " 'target': 'z_file', 'flushOnClose': false},"
                + " 'z_file': {'class': 'logging.FileHandler', 'filename': '$DIR/m.log'}}");
        MemoryHandler h = (MemoryHandler) named("a_mem");
        assertThat(h.getTarget()).isSameAs(named("z_file"));
        assertThat(h.getFlushLevel()).isEqualTo(Level.WARNING);
        assertThat(h.isFlushOnClose()).isFalse();
    }

    @Test
    void queueHandlerStartsAListenerForItsHandlers() throws Exception {
        configure("{'q': {'class': 'logging.handlers.QueueHandler', 'handlers': ['file'], 'respect_handler_level': true,"
                + " 'maxsize': 100}, 'file': {'class': 'logging.FileHandler', 'filename': '$DIR/q.log', 'level': 'ERROR'}}");
        QueueHandler h = (QueueHandler) named("q");
        assertThat(h.getListener().getHandlers()).containsExactly(named("file"));
        assertThat(h.getListener().isRespectHandlerLevel()).isTrue();
        assertThat(h.getQueue().remainingCapacity()).isEqualTo(100);
        h.handle(new dev.cairn.LogRecord("q", Level.INFO, null, "dropped by level", null, null, null, null, 0));
        h.handle(new dev.cairn.LogRecord("q", Level.ERROR, null, "kept", null, null, null, null, 0));
        Logging.shutdown();
        assertThat(java.nio.file.Files.readString(dir.resolve("q.log"))).isEqualTo("kept\n");
    }

    @Test
    void badValuesAreReportedWithTheirKeyPath() {
        String rotating = "{'class': 'logging.handlers.RotatingFileHandler', 'filename': '" + dir.resolve("x.log") + "', ";
        String timed = "{'class': 'logging.handlers.TimedRotatingFileHandler', 'filename': '" + dir.resolve("x.log") + "', ";
        rejected(rotating + "'maxBytes': 'ten'}", "handlers.h.maxBytes", "expected an integer");
        rejected(rotating + "'compression': 'zip'}", "handlers.h.compression", "unknown compression 'zip'");
        rejected(rotating + "'retention': {'maxFiles': -1}}", "handlers.h.retention.maxFiles", "expected 0 or more, got -1");
        rejected(rotating + "'mode': 'w', 'multiProcess': true}", "handlers.h.multiProcess", "needs mode 'a'");
        rejected(rotating + "'retention': {'maxAge': 3}}", "handlers.h.retention.maxAge", "unknown option");
        rejected(timed + "'when': 'fortnight'}", "handlers.h.when", "Invalid rollover interval specified: FORTNIGHT");
        rejected(timed + "'interval': 0}", "handlers.h.interval", "interval must be 1 or more");
        rejected(timed + "'atTime': '25:00'}", "handlers.h.atTime", "expected a time of day");
        rejected("{'class': 'logging.handlers.MemoryHandler'}", "handlers.h.capacity", "is required");
        rejected("{'class': 'logging.handlers.MemoryHandler', 'capacity': 2, 'target': 'nobody'}", "handlers.h.target",
                "no handler named 'nobody'");
        rejected("{'class': 'logging.handlers.QueueHandler', 'handlers': ['nobody']}", "handlers.h.handlers[0]",
                "no handler named 'nobody'");
        rejected("{'class': 'logging.handlers.QueueHandler', 'queue': 'a queue'}", "handlers.h.queue", "BlockingQueue");
        assertThat(dir.resolve("x.log")).as("options are checked before the file is opened").doesNotExist();
        rejected(rotating + "'maxbytes': 10}", "handlers.h.maxbytes", "unknown option");
    }

    @Test
    void aConfiguredRotatingHandlerRotates() throws Exception {
        configure("{'r': {'class': 'logging.handlers.RotatingFileHandler', 'filename': '$DIR/r.log', 'maxBytes': 8,"
                + " 'backupCount': 1}}");
        Handler h = named("r");
        log(h, "first");
        log(h, "second");
        Logging.shutdown();
        assertThat(LogFiles.names(dir)).containsExactly("r.log", "r.log.1");
    }
}
