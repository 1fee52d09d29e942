package dev.cairn.slf4j;

import dev.cairn.CallerLocation;
import dev.cairn.Level;
import dev.cairn.LogCall;
import dev.cairn.Logger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.LoggingEvent;
import org.slf4j.helpers.AbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NormalizedParameters;
import org.slf4j.spi.LocationAwareLogger;
import org.slf4j.spi.LoggingEventAware;

/**
 * An SLF4J logger backed by a Cairn {@link Logger} of the same name. Level checks are Cairn's
 * {@link Logger#isEnabledFor} (one field read and one compare); a call that passes it becomes a
 * Cairn record whose message is the text SLF4J's {@link MessageFormatter} makes of the
 * {@code {}} pattern and its arguments, formatted only then, and whose exception is the
 * throwable given or a trailing throwable argument, as SLF4J 2 specifies.
 *
 * <p>Markers become the fluent field {@value #MARKER_FIELD} (the marker's name; a list of names
 * when the fluent API added several), the fluent API's key/value pairs become fluent fields,
 * and the MDC is Cairn's {@link dev.cairn.context.LogContext}, which every record carries.
 * Also a {@link LocationAwareLogger}, so wrappers such as {@code jcl-over-slf4j} report their
 * caller. Thread-safe.
 */
public final class Slf4jLogger extends AbstractLogger implements LocationAwareLogger, LoggingEventAware {
    private static final long serialVersionUID = 1L;
    /** The fluent field that holds a record's SLF4J marker names. */
    public static final String MARKER_FIELD = "marker";
    private static final Object[] NO_ARGS = new Object[0];
    /** Wrapper classes already declared as caller boundaries; spares the registry a write per call. */
    private static final Set<String> KNOWN_BOUNDARIES = ConcurrentHashMap.newKeySet();

    // Not serialisable; AbstractLogger.readResolve looks the logger up again by name.
    private final transient Logger logger;

    Slf4jLogger(Logger logger) {
        this.logger = logger;
        this.name = logger.getName();
    }

    /** The Cairn logger that receives this logger's records. */
    public Logger cairnLogger() {
        return logger;
    }

    /** The Cairn level of an SLF4J level: TRACE 5, DEBUG 10, INFO 20, WARN 30, ERROR 40. */
    public static int toCairnLevel(org.slf4j.event.Level level) {
        switch (level) {
            case TRACE: return CairnServiceProvider.TRACE;
            case DEBUG: return Level.DEBUG;
            case INFO: return Level.INFO;
            case WARN: return Level.WARNING;
            default: return Level.ERROR;
        }
    }

    @Override public boolean isTraceEnabled() { return logger.isEnabledFor(CairnServiceProvider.TRACE); }
    @Override public boolean isTraceEnabled(Marker marker) { return logger.isEnabledFor(CairnServiceProvider.TRACE); }
    @Override public boolean isDebugEnabled() { return logger.isEnabledFor(Level.DEBUG); }
    @Override public boolean isDebugEnabled(Marker marker) { return logger.isEnabledFor(Level.DEBUG); }
    @Override public boolean isInfoEnabled() { return logger.isEnabledFor(Level.INFO); }
    @Override public boolean isInfoEnabled(Marker marker) { return logger.isEnabledFor(Level.INFO); }
    @Override public boolean isWarnEnabled() { return logger.isEnabledFor(Level.WARNING); }
    @Override public boolean isWarnEnabled(Marker marker) { return logger.isEnabledFor(Level.WARNING); }
    @Override public boolean isErrorEnabled() { return logger.isEnabledFor(Level.ERROR); }
    @Override public boolean isErrorEnabled(Marker marker) { return logger.isEnabledFor(Level.ERROR); }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    /** Every classic call ({@code info("x {}", a)}) arrives here once AbstractLogger checked the level. */
    @Override
    protected void handleNormalizedLoggingCall(org.slf4j.event.Level level, Marker marker, String pattern,
                                               Object[] args, Throwable error) {
        emit(toCairnLevel(level), marker != null ? marker.getName() : null, pattern, args, error, null);
    }

    /** {@link LocationAwareLogger}: a wrapper's call, with its class as the caller boundary. */
    @Override
    public void log(Marker marker, String fqcn, int level, String pattern, Object[] args, Throwable error) {
        int cairnLevel = toCairnLevel(org.slf4j.event.Level.intToLevel(level));
        if (!logger.isEnabledFor(cairnLevel)) return;
        declareBoundary(fqcn);
        // SLF4J 2: a trailing throwable argument is the exception when none was given.
        NormalizedParameters normalized = NormalizedParameters.normalize(pattern, args, error);
        emit(cairnLevel, marker != null ? marker.getName() : null, normalized.getMessage(),
                normalized.getArguments(), normalized.getThrowable(), null);
    }

    /** The fluent API ({@code atInfo().addKeyValue("k", v).log(...)}), already level-checked by SLF4J. */
    @Override
    public void log(LoggingEvent event) {
        int cairnLevel = toCairnLevel(event.getLevel());
        if (!logger.isEnabledFor(cairnLevel)) return;
        declareBoundary(event.getCallerBoundary());
        NormalizedParameters normalized = NormalizedParameters.normalize(event);
        emit(cairnLevel, markerNames(event.getMarkers()), normalized.getMessage(), normalized.getArguments(),
                normalized.getThrowable(), event.getKeyValuePairs());
    }

    private void emit(int level, Object markers, String pattern, Object[] args, Throwable error,
                      List<KeyValuePair> keyValues) {
        // Preformatted and passed without arguments, so Cairn's %-formatting never sees the text.
        String message = args == null || args.length == 0 ? pattern : MessageFormatter.basicArrayFormat(pattern, args);
        if (markers == null && (keyValues == null || keyValues.isEmpty())) {
            logger.log(level, message, NO_ARGS, error, false, null, 1);
            return;
        }
        LogCall call = logger.at(level).cause(error);
        if (markers != null) call.field(MARKER_FIELD, markers);
        if (keyValues != null) {
            for (KeyValuePair pair : keyValues) call.field(pair.key, pair.value);
        }
        call.log(message);
    }

    private static Object markerNames(List<Marker> markers) {
        if (markers == null || markers.isEmpty()) return null;
        if (markers.size() == 1) return markers.get(0).getName();
        List<String> names = new ArrayList<>(markers.size());
        for (Marker m : markers) names.add(m.getName());
        return List.copyOf(names);
    }

    private static void declareBoundary(String fqcn) {
        if (fqcn != null && KNOWN_BOUNDARIES.add(fqcn)) CallerLocation.addBoundary(fqcn);
    }
}
