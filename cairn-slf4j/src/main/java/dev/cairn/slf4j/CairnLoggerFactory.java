package dev.cairn.slf4j;

import dev.cairn.Logging;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;

/**
 * SLF4J's logger factory over Cairn's hierarchy: one {@link Slf4jLogger} per name, wrapping
 * {@code Logging.getLogger(name)}. SLF4J's {@code ROOT} is Cairn's root logger. Thread-safe.
 */
public final class CairnLoggerFactory implements ILoggerFactory {
    private final ConcurrentMap<String, Slf4jLogger> loggers = new ConcurrentHashMap<>();

    @Override
    public org.slf4j.Logger getLogger(String name) {
        String cairnName = org.slf4j.Logger.ROOT_LOGGER_NAME.equalsIgnoreCase(name) ? "" : name;
        return loggers.computeIfAbsent(cairnName, n -> new Slf4jLogger(Logging.getLogger(n)));
    }
}
