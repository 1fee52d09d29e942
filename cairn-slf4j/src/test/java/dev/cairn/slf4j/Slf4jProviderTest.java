package dev.cairn.slf4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.Level;
import dev.cairn.Logging;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** SLF4J finds the provider and its level checks are Cairn's. */
class Slf4jProviderTest {
    @AfterEach
    void reset() {
        Logging.reset();
    }

    @Test
    void slf4jFindsCairnThroughServiceLoader() {
        assertThat(LoggerFactory.getILoggerFactory()).isInstanceOf(CairnLoggerFactory.class);
        Logger logger = LoggerFactory.getLogger("provider.found");
        assertThat(logger).isInstanceOf(Slf4jLogger.class);
        assertThat(((Slf4jLogger) logger).cairnLogger()).isSameAs(Logging.getLogger("provider.found"));
        assertThat(LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME).getName()).isEqualTo("root");
    }

    @Test
    void traceIsLevelFiveNamedTrace() {
        LoggerFactory.getILoggerFactory();
        assertThat(Level.getLevelName(5)).isEqualTo("TRACE");
        Records records = Records.on("provider.trace", 5);
        LoggerFactory.getLogger("provider.trace").trace("fine detail");
        assertThat(records.only().getLevelno()).isEqualTo(5);
        assertThat(records.only().getLevelname()).isEqualTo("TRACE");
    }

    @Test
    void eachSlf4jLevelMapsToPythonsLevel() {
        Records records = Records.on("provider.levels", 1);
        Logger logger = LoggerFactory.getLogger("provider.levels");
        logger.trace("t");
        logger.debug("d");
        logger.info("i");
        logger.warn("w");
        logger.error("e");
        assertThat(records.list).extracting(r -> r.getLevelno()).containsExactly(5, 10, 20, 30, 40);
        assertThat(records.list).extracting(r -> r.getLevelname())
                .containsExactly("TRACE", "DEBUG", "INFO", "WARNING", "ERROR");
    }

    @Test
    void levelChecksFollowCairnsLevelsAsTheyChange() {
        Logger logger = LoggerFactory.getLogger("provider.check.child");
        Logging.getLogger("provider.check").setLevel(Level.WARNING);
        assertThat(logger.isInfoEnabled()).isFalse();
        assertThat(logger.isWarnEnabled()).isTrue();
        Logging.getLogger("provider.check").setLevel(Level.DEBUG);
        assertThat(logger.isDebugEnabled()).isTrue();
        assertThat(logger.isTraceEnabled()).isFalse();
        assertThat(logger.atTrace().getClass().getSimpleName()).isEqualTo("NOPLoggingEventBuilder");
        Logging.disable(Level.CRITICAL);
        assertThat(logger.isErrorEnabled()).isFalse();
    }

    @Test
    void disabledCallsNeitherFormatNorStringifyArguments() {
        AtomicInteger formatted = new AtomicInteger();
        Object argument = new Object() {
            @Override public String toString() {
                formatted.incrementAndGet();
                return "costly";
            }
        };
        Records records = Records.on("provider.lazy", Level.INFO);
        Logger logger = LoggerFactory.getLogger("provider.lazy");
        logger.debug("value {}", argument);
        logger.atDebug().addKeyValue("k", argument).log("value {}", argument);
        assertThat(formatted).hasValue(0);
        assertThat(records.list).isEmpty();
        logger.info("value {}", argument);
        assertThat(formatted).hasValue(1);
    }

    @Test
    void callerIsTheCodeThatCalledSlf4j() {
        Records records = Records.on("provider.caller", Level.DEBUG);
        Logger logger = LoggerFactory.getLogger("provider.caller");
        logger.info("classic {}", 1);
        logger.atInfo().addKeyValue("k", 1).log("fluent");
        logger.info(org.slf4j.MarkerFactory.getMarker("M"), "with marker");
        assertThat(records.list).extracting(r -> r.getFuncName())
                .containsOnly("callerIsTheCodeThatCalledSlf4j");
        assertThat(records.list).extracting(r -> r.getFilename()).containsOnly("Slf4jProviderTest.java");
    }
}
