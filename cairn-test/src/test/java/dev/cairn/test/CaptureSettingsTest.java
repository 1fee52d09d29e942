package dev.cairn.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.Level;
import dev.cairn.Logger;
import dev.cairn.Logging;
import dev.cairn.NullHandler;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What a capture changes while it is open (level, disabled, Logging.disable, handlers, propagate) and puts back. */
@ExtendWith(FreshLogging.class)
class CaptureSettingsTest {
    @Test
    void aDisabledLoggerIsEnabledWhileCapturedAndDisabledAgainAfter() {
        Logger logger = Logging.getLogger("set.off");
        logger.setDisabled(true);
        try (LogCapture logs = LogCapture.start("set.off", Level.INFO)) {
            assertThat(logger.isDisabled()).isFalse();
            logger.info("seen");
            assertThat(logs.messages()).containsExactly("seen");
        }
        assertThat(logger.isDisabled()).isTrue();
    }

    @Test
    void loggingDisableIsLiftedAsFarAsTheCaptureNeedsAndPutBack() {
        Logging.disable(Level.WARNING);
        try (LogCapture logs = LogCapture.start("set.global", Level.INFO)) {
            Logging.getLogger("set.global").info("seen");
            Logging.getLogger("set.global").debug("still disabled");
            assertThat(logs.messages()).containsExactly("seen");
        }
        assertThat(Logging.getDisableLevel()).isEqualTo(Level.WARNING);
    }

    @Test
    void handlersAndPropagateComeBackWithHandlersAddedMeanwhile() {
        Logger logger = Logging.getLogger("set.h");
        ListHandler own = new ListHandler();
        ListHandler added = new ListHandler();
        logger.addHandler(own);
        logger.setPropagate(false);
        try (LogCapture logs = LogCapture.on("set.h").level(Level.INFO).exclusive().start()) {
            logger.addHandler(added);
            logger.info("captured, and seen by the handler added meanwhile");
            assertThat(logs.messages()).hasSize(1);
        }
        assertThat(logger.getHandlers()).containsExactly(added, own);
        assertThat(logger.getPropagate()).isFalse();
        assertThat(own.messages).isEmpty();
        assertThat(added.messages).hasSize(1);
    }

    @Test
    void aReconfigurationDuringTheCaptureStaysAfterIt() {
        Logger logger = Logging.getLogger("set.cfg");
        ListHandler before = new ListHandler();
        logger.addHandler(before);
        try (LogCapture logs = LogCapture.start("set.cfg", Level.INFO)) {
            Logging.dictConfig(Map.of("version", 1, "incremental", false,
                    "handlers", Map.of("n", Map.of("class", "logging.NullHandler")),
                    "loggers", Map.of("set.cfg", Map.of("handlers", List.of("n"), "propagate", false))));
            logger.info("after the reconfiguration");
            assertThat(logs.records()).isEmpty();
        }
        assertThat(logger.getHandlers()).hasSize(1).noneMatch(h -> h == before);
        assertThat(logger.getPropagate()).isFalse();
    }

    @Test
    void overlappingCapturesRestoreInAnyOrder() {
        Logger logger = Logging.getLogger("set.overlap");
        ListHandler own = new ListHandler();
        logger.addHandler(own);
        LogCapture debug = LogCapture.start("set.overlap", Level.DEBUG);
        LogCapture info = LogCapture.on("set.overlap").level(Level.INFO).exclusive().start();
        assertThat(logger.getLevel()).isEqualTo(Level.DEBUG);
        debug.close();
        assertThat(logger.getLevel()).isEqualTo(Level.INFO);
        logger.debug("no longer wanted by anyone");
        logger.info("still wanted");
        info.close();
        assertThat(logger.getLevel()).isEqualTo(Level.NOTSET);
        assertThat(logger.getHandlers()).containsExactly(own);
        assertThat(logger.getPropagate()).isTrue();
        assertThat(info.messages()).containsExactly("still wanted");
        assertThat(debug.messages()).isEmpty();
        assertThat(own.messages).isEmpty();
    }

    @Test
    void anAdditiveCaptureLetsRecordsGoOnAsBefore() {
        Logger logger = Logging.getLogger("set.add");
        ListHandler own = new ListHandler();
        ListHandler root = new ListHandler();
        logger.addHandler(own);
        Logging.getLogger().addHandler(root);
        try (LogCapture logs = LogCapture.start("set.add", Level.INFO)) {
            Logging.getLogger("set.add.child").warning("everywhere");
            assertThat(logs.messages()).containsExactly("everywhere");
        }
        assertThat(own.messages).containsExactly("everywhere");
        assertThat(root.messages).containsExactly("everywhere");
    }
}
