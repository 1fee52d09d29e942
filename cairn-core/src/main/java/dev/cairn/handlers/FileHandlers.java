package dev.cairn.handlers;

import dev.cairn.Handler;
import dev.cairn.Level;
import dev.cairn.LogRecord;
import dev.cairn.config.ConfigException;
import dev.cairn.config.ConfigNode;
import dev.cairn.config.HandlerOptions;
import dev.cairn.config.HandlerProvider;
import dev.cairn.config.HandlerRegistry;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Registers the file and buffering handlers for dictConfig under Python's names
 * ({@code logging.handlers.RotatingFileHandler}, {@code TimedRotatingFileHandler},
 * {@code WatchedFileHandler}, {@code MemoryHandler}, {@code BufferingHandler},
 * {@code QueueHandler}) and their Java class names, with Python's option names. Cairn's own
 * options for the rotating handlers are {@code compression} ({@code gzip}), {@code retention}
 * (a mapping of {@code maxFiles}, {@code maxDays}, {@code maxTotalBytes}) and
 * {@code multiProcess}; {@code atTime} is written {@code "HH:MM[:SS]"}. A QueueHandler takes
 * Python 3.12's {@code handlers} and {@code respect_handler_level}, and a {@code queue} (a
 * BlockingQueue through {@code ext://}) or Cairn's {@code maxsize}. Found through
 * {@link java.util.ServiceLoader}.
 */
public final class FileHandlers implements HandlerProvider {
    private static final Set<String> RETENTION_KEYS = Set.of("maxFiles", "maxDays", "maxTotalBytes");

    @Override
    public void registerHandlers(HandlerRegistry registry) {
        registry.register(RotatingFileHandler.class.getName(), "logging.handlers.RotatingFileHandler", o -> {
            Extras extras = Extras.read(o);
            String mode = o.string("mode", "a");
            long maxBytes = o.longValue("maxBytes", 0);
            if (extras.multiProcess && maxBytes <= 0 && !mode.replace("b", "").replace("t", "").equals("a")) {
                throw new ConfigException(o.node().pathOf("multiProcess"), "multi-process mode needs mode 'a', not '" + mode + "'");
            }
            RotatingFileHandler h = new RotatingFileHandler(o.string("filename"), mode, maxBytes,
                    o.integer("backupCount", 0), o.string("encoding", null), o.bool("delay", false), o.string("errors", null));
            return extras.applyTo(h);
        });
        registry.register(TimedRotatingFileHandler.class.getName(), "logging.handlers.TimedRotatingFileHandler", o -> {
            LocalTime atTime = atTime(o);
            String when = o.string("when", "h");
            int interval = o.integer("interval", 1);
            try {
                new RolloverSchedule(when, interval, false, null);
            } catch (IllegalArgumentException e) {
                String key = e.getMessage().startsWith("interval") ? "interval" : "when";
                throw new ConfigException(o.node().pathOf(key), e.getMessage());
            }
            Extras extras = Extras.read(o);
            TimedRotatingFileHandler h = new TimedRotatingFileHandler(o.string("filename"), when, interval,
                    o.integer("backupCount", 0), o.string("encoding", null), o.bool("delay", false),
                    o.bool("utc", false), atTime, o.string("errors", null));
            return extras.applyTo(h);
        });
        registry.register(WatchedFileHandler.class.getName(), "logging.handlers.WatchedFileHandler",
                o -> new WatchedFileHandler(o.string("filename"), o.string("mode", "a"), o.string("encoding", null),
                        o.bool("delay", false), o.string("errors", null)));
        registry.register(MemoryHandler.class.getName(), "logging.handlers.MemoryHandler", o -> {
            Handler target = o.handler("target");
            Integer flushLevel = o.level("flushLevel");
            return new MemoryHandler(capacity(o), flushLevel != null ? flushLevel : Level.ERROR, target,
                    o.bool("flushOnClose", true));
        });
        registry.register(BufferingHandler.class.getName(), "logging.handlers.BufferingHandler",
                o -> new BufferingHandler(capacity(o)));
        registry.register(QueueHandler.class.getName(), "logging.handlers.QueueHandler", FileHandlers::queueHandler);
    }

    private static int capacity(HandlerOptions o) {
        if (!o.has("capacity")) throw new ConfigException(o.node().pathOf("capacity"), "is required");
        return o.integer("capacity", 0);
    }

    private static LocalTime atTime(HandlerOptions o) {
        String text = o.string("atTime", null);
        if (text == null) return null;
        try {
            return LocalTime.parse(text.length() == 5 ? text + ":00" : text);
        } catch (DateTimeParseException e) {
            throw new ConfigException(o.node().pathOf("atTime"), "expected a time of day as \"HH:MM\" or \"HH:MM:SS\", got \"" + text + "\"");
        }
    }

    private static QueueHandler queueHandler(HandlerOptions o) {
        List<Handler> targets = o.handlers("handlers");
        boolean respect = o.bool("respect_handler_level", false);
        Object configured = o.get("queue");
        BlockingQueue<LogRecord> queue;
        if (configured == null) {
            int maxsize = o.integer("maxsize", 0);
            if (maxsize < 0) throw new ConfigException(o.node().pathOf("maxsize"), "expected 0 (unbounded) or more, got " + maxsize);
            queue = maxsize == 0 ? new LinkedBlockingQueue<>() : new ArrayBlockingQueue<>(maxsize);
        } else if (configured instanceof BlockingQueue) {
            @SuppressWarnings("unchecked")
            BlockingQueue<LogRecord> q = (BlockingQueue<LogRecord>) configured;
            queue = q;
        } else {
            throw new ConfigException(o.node().pathOf("queue"), "expected a java.util.concurrent.BlockingQueue "
                    + "(such as ext://com.example.App.LOG_QUEUE), got " + configured.getClass().getName());
        }
        QueueHandler handler = new QueueHandler(queue);
        if (!targets.isEmpty()) {
            QueueListener listener = new QueueListener(queue, respect, targets.toArray(new Handler[0]));
            handler.setListener(listener);
            listener.start();
        }
        return handler;
    }

    /** Cairn's options of the rotating handlers, read (and checked) before the file is opened. */
    private static final class Extras {
        final Compression compression;
        final Retention retention;
        final boolean multiProcess;

        private Extras(Compression compression, Retention retention, boolean multiProcess) {
            this.compression = compression;
            this.retention = retention;
            this.multiProcess = multiProcess;
        }

        static Extras read(HandlerOptions o) {
            Compression compression = Compression.NONE;
            String name = o.string("compression", null);
            if (name != null) {
                try {
                    compression = Compression.parse(name);
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(o.node().pathOf("compression"), e.getMessage());
                }
            }
            return new Extras(compression, retention(o.node().node("retention")), o.bool("multiProcess", false));
        }

        private static Retention retention(ConfigNode node) {
            if (node == null) return null;
            Retention r = Retention.none();
            if (node.has("maxFiles")) r = r.withMaxFiles((int) nonNegative(node, "maxFiles", node.integer("maxFiles", 0)));
            if (node.has("maxDays")) {
                double days = nonNegative(node, "maxDays", node.number("maxDays", 0));
                r = r.withMaxAge(Duration.ofMillis(Math.round(days * 86_400_000)));
            }
            if (node.has("maxTotalBytes")) {
                long bytes = node.longValue("maxTotalBytes", 0);
                nonNegative(node, "maxTotalBytes", bytes);
                r = r.withMaxTotalBytes(bytes);
            }
            node.rejectUnknown("retention", RETENTION_KEYS);
            return r;
        }

        private static double nonNegative(ConfigNode node, String key, double value) {
            if (value < 0) {
                String shown = value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
                throw new ConfigException(node.pathOf(key), "expected 0 or more, got " + shown);
            }
            return value;
        }

        <H extends BaseRotatingHandler> H applyTo(H handler) {
            handler.setMultiProcess(multiProcess);
            if (compression != Compression.NONE) handler.setCompression(compression);
            if (retention != null) handler.setRetention(retention);
            return handler;
        }
    }
}
