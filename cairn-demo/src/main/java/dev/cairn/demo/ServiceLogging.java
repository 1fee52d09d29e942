package dev.cairn.demo;

import dev.cairn.Logging;
import dev.cairn.config.RunningConfiguration;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How each service configures Cairn, three ways: the gateway from a YAML file named by
 * {@code CAIRN_CONFIG} (applied when {@code Logging} starts), orders and payments from
 * dictConfig maps built in code, one writing Python-style text and one JSON with the ECS preset.
 * Every service writes to a small RotatingFileHandler whose backups are gzipped.
 */
final class ServiceLogging {

    /** Bytes after which a service's file rotates. */
    static final int MAX_BYTES = 32 * 1024;

    private ServiceLogging() {
    }

    /** Configures logging for service {@code name}, writing into {@code logDir}. */
    static void configure(String name, Path logDir) {
        switch (name) {
            case "gateway" -> {
                Logging.getLogger();  // starts Logging, which applies CAIRN_CONFIG
                if (RunningConfiguration.file() == null) {
                    throw new IllegalStateException("the gateway is configured by the file CAIRN_CONFIG names, and none was applied");
                }
            }
            case "orders" -> Logging.dictConfig(orders(logDir));
            case "payments" -> Logging.dictConfig(payments(logDir));
            default -> throw new IllegalArgumentException("no service " + name);
        }
    }

    /**
     * Python-style text lines with the trace and request ids in brackets, as OpenTelemetry's
     * Python logging instrumentation writes them; {@code defaults} (Python 3.10's) fills them in
     * outside a request. Cairn's TextFormatter escapes control characters and indents tracebacks.
     */
    static Map<String, Object> orders(Path logDir) {
        return dictConfig("orders", logDir, Map.of(
                "()", "dev.cairn.text.TextFormatter",
                "format", "%(asctime)s %(levelname)-8s [%(name)s] [trace_id=%(trace_id)s request_id=%(request_id)s] %(message)s",
                "defaults", Map.of("trace_id", "0", "request_id", "-"),
                "multiline", "indent"));
    }

    /** JSON lines in Elastic's ECS layout, with the service name as a static field. */
    static Map<String, Object> payments(Path logDir) {
        return dictConfig("payments", logDir, Map.of(
                "()", "dev.cairn.json.JsonFormatter",
                "preset", "ecs",
                "static", Map.of("service.name", "payments")));
    }

    /** The service's loggers at DEBUG, everything else at WARNING, all into {@code SERVICE.log} through {@code formatter}. */
    private static Map<String, Object> dictConfig(String service, Path logDir, Map<String, Object> formatter) {
        return Map.of(
                "version", 1,
                "formatters", Map.of(service, formatter),
                "handlers", Map.of("file", rotating(logDir.resolve(service + ".log"), service)),
                "loggers", Map.of(service, Map.of("level", "DEBUG")),
                "root", Map.of("level", "WARNING", "handlers", List.of("file")));
    }

    private static Map<String, Object> rotating(Path file, String formatter) {
        return Map.of(
                "class", "logging.handlers.RotatingFileHandler",
                "filename", file.toString(),
                "maxBytes", MAX_BYTES,
                "backupCount", 20,
                "compression", "gzip",
                "formatter", formatter);
    }
}
