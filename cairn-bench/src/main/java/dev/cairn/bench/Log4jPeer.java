package dev.cairn.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.async.AsyncLoggerContext;
import org.apache.logging.log4j.core.config.ConfigurationFactory;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Log4j 2 configured for each case from XML, as its users do. The asynchronous case uses
 * all-async loggers (LMAX Disruptor). JMH runs each benchmark method in its own JVM, so the
 * garbage-free system properties below are in force before Log4j starts.
 */
public final class Log4jPeer {
    private Log4jPeer() {}

    private static LoggerContext context;

    static {
        // Garbage-free mode is the default outside web apps; these say so explicitly.
        System.setProperty("log4j2.enableThreadlocals", "true");
        System.setProperty("log4j2.enableDirectEncoders", "true");
        System.setProperty("log4j2.garbagefreeThreadContextMap", "true");
        System.setProperty("log4j2.isWebapp", "false");
    }

    /** A logger at INFO with no appender output for DEBUG. */
    public static Logger disabled(Path file) {
        return start(Workload.DISABLED_LOGGER, fileConfig(file, "true", layout()));
    }

    /** FileAppender with immediateFlush=true, Log4j 2's default: one write per event. */
    public static Logger syncFile(Path file) {
        return start(Workload.SYNC_LOGGER, fileConfig(file, "true", layout()));
    }

    /**
     * All loggers asynchronous: an {@link AsyncLoggerContext}, what the AsyncLoggerContextSelector
     * gives every caller (made here directly, so it does not matter which selector an earlier
     * use of Log4j in this JVM picked), with the default 256Ki-slot ring buffer and the default
     * full-queue policy (wait). The FileAppender does not flush per event but at the end of each
     * batch, as Log4j's manual recommends for async loggers.
     */
    public static Logger asyncFile(Path file) {
        return asyncFile(file, Workload.ASYNC_CAPACITY);
    }

    /** As {@link #asyncFile(Path)} with a ring buffer of {@code capacity} slots. */
    public static Logger asyncFile(Path file, int capacity) {
        System.setProperty("log4j2.asyncLoggerRingBufferSize", String.valueOf(capacity));
        AsyncLoggerContext ctx = new AsyncLoggerContext("cairn-bench-async");
        ctx.start(ConfigurationFactory.getInstance().getConfiguration(ctx, source(fileConfig(file, "false", layout()))));
        context = ctx;
        return ctx.getLogger(Workload.ASYNC_LOGGER);
    }

    /** JsonTemplateLayout with the same members as Cairn's JSON line, the ThreadContext flattened in. */
    public static Logger json(Path file) {
        String template = "{\"timestamp\":{\"$resolver\":\"timestamp\",\"pattern\":{\"format\":\"yyyy-MM-dd'T'HH:mm:ss.SSS'Z'\",\"timeZone\":\"UTC\"}},"
                + "\"level\":{\"$resolver\":\"level\",\"field\":\"name\"},"
                + "\"logger\":{\"$resolver\":\"logger\",\"field\":\"name\"},"
                + "\"message\":{\"$resolver\":\"message\",\"stringified\":true},"
                + "\"thread\":{\"$resolver\":\"thread\",\"field\":\"name\"},"
                + "\"mdc\":{\"$resolver\":\"mdc\",\"flatten\":true,\"stringified\":true}}";
        String layout = "<JsonTemplateLayout eventTemplate=\"" + xmlEscape(template) + "\"/>";
        return start(Workload.JSON_LOGGER, fileConfig(file, "true", layout));
    }

    /** Puts the five JSON fields in the calling thread's ThreadContext. */
    public static void putFields() {
        for (String[] f : Workload.FIELDS) ThreadContext.put(f[0], f[1]);
    }

    /** Stops the context, which drains the ring buffer and closes the file. */
    public static void stop() {
        if (context != null) Configurator.shutdown(context);
        context = null;
    }

    private static String layout() {
        return "<PatternLayout pattern=\"" + Workload.LOG4J_PATTERN + "\"/>";
    }

    private static String fileConfig(Path file, String immediateFlush, String layout) {
        return "<Configuration status=\"error\">"
                + "<Appenders><File name=\"file\" fileName=\"" + xmlEscape(file.toString()) + "\" append=\"false\""
                + " immediateFlush=\"" + immediateFlush + "\" bufferedIO=\"true\" bufferSize=\"8192\">" + layout + "</File></Appenders>"
                + "<Loggers><Root level=\"info\"><AppenderRef ref=\"file\"/></Root></Loggers>"
                + "</Configuration>";
    }

    private static Logger start(String name, String xml) {
        context = Configurator.initialize(Log4jPeer.class.getClassLoader(), source(xml));
        return context.getLogger(name);
    }

    private static ConfigurationSource source(String xml) {
        try {
            return new ConfigurationSource(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String xmlEscape(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
