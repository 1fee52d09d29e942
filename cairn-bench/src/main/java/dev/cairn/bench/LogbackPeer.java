package dev.cairn.bench;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Logback configured for each case from XML (logback.xml syntax), reached through SLF4J as its users do. */
public final class LogbackPeer {
    private LogbackPeer() {}

    /** A logger at INFO; the DEBUG call is refused by the level check. */
    public static Logger disabled(Path file) {
        return start(Workload.DISABLED_LOGGER, fileAppender("file", file, true, patternEncoder()) + root("file"));
    }

    /** FileAppender with immediateFlush=true, Logback's default: one flush per event. */
    public static Logger syncFile(Path file) {
        return start(Workload.SYNC_LOGGER, fileAppender("file", file, true, patternEncoder()) + root("file"));
    }

    /**
     * AsyncAppender over a FileAppender: the same queue size as the others, blocking when full
     * (neverBlock=false) and never discarding (discardingThreshold=0, where the default would
     * silently drop INFO records once the queue is 80% full). The FileAppender does not flush
     * per event (Logback has no end-of-batch flush, so it writes every 8 KiB).
     */
    public static Logger asyncFile(Path file) {
        return asyncFile(file, Workload.ASYNC_CAPACITY);
    }

    /** As {@link #asyncFile(Path)} with a queue of {@code capacity} events. */
    public static Logger asyncFile(Path file, int capacity) {
        String xml = fileAppender("file", file, false, patternEncoder())
                + "<appender name=\"async\" class=\"ch.qos.logback.classic.AsyncAppender\">"
                + "<queueSize>" + capacity + "</queueSize><discardingThreshold>0</discardingThreshold>"
                + "<neverBlock>false</neverBlock><includeCallerData>false</includeCallerData>"
                + "<appender-ref ref=\"file\"/></appender>" + root("async");
        return start(Workload.ASYNC_LOGGER, xml);
    }

    /** logstash-logback-encoder's composite encoder with the same members as Cairn's JSON line, the MDC flattened in. */
    public static Logger json(Path file) {
        String encoder = "<encoder class=\"net.logstash.logback.encoder.LoggingEventCompositeJsonEncoder\"><providers>"
                + "<timestamp><fieldName>timestamp</fieldName><pattern>yyyy-MM-dd'T'HH:mm:ss.SSS'Z'</pattern><timeZone>UTC</timeZone></timestamp>"
                + "<logLevel><fieldName>level</fieldName></logLevel>"
                + "<loggerName><fieldName>logger</fieldName></loggerName>"
                + "<message/>"
                + "<threadName><fieldName>thread</fieldName></threadName>"
                + "<mdc/>"
                + "</providers></encoder>";
        return start(Workload.JSON_LOGGER, fileAppender("file", file, true, encoder) + root("file"));
    }

    /** Puts the five JSON fields in the calling thread's MDC. */
    public static void putFields() {
        for (String[] f : Workload.FIELDS) MDC.put(f[0], f[1]);
    }

    /** Stops the context: drains the AsyncAppender and closes the file. */
    public static void stop() {
        ((LoggerContext) LoggerFactory.getILoggerFactory()).stop();
    }

    private static String patternEncoder() {
        return "<encoder><pattern>" + Workload.LOGBACK_PATTERN + "</pattern></encoder>";
    }

    private static String fileAppender(String name, Path file, boolean immediateFlush, String encoder) {
        return "<appender name=\"" + name + "\" class=\"ch.qos.logback.core.FileAppender\">"
                + "<file>" + Log4jPeer.xmlEscape(file.toString()) + "</file><append>false</append>"
                + "<immediateFlush>" + immediateFlush + "</immediateFlush>" + encoder + "</appender>";
    }

    private static String root(String appender) {
        return "<root level=\"INFO\"><appender-ref ref=\"" + appender + "\"/></root>";
    }

    private static Logger start(String name, String body) {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        ctx.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(ctx);
        try {
            configurator.doConfigure(new ByteArrayInputStream(("<configuration>" + body + "</configuration>")
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (JoranException e) {
            throw new IllegalStateException(e);
        }
        // A context stopped by an earlier stop() is not restarted by reset() and doConfigure();
        // left stopped, its next stop() lost the AsyncAppender's last records (SameOutputTest).
        if (!ctx.isStarted()) ctx.start();
        for (Status s : ctx.getStatusManager().getCopyOfStatusList()) {
            if (s.getEffectiveLevel() >= Status.WARN) throw new IllegalStateException("Logback configuration: " + s);
        }
        return ctx.getLogger(name);
    }
}
