package dev.cairn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The small hooks bridges from other logging APIs use: level listeners, formatMessage, needsCallerLocation. */
class BridgeHooksTest {
    @BeforeEach
    void reset() {
        Logging.reset();
    }

    @Test
    void levelListenersRunAfterEveryLevelChangeAndSeeTheNewState() {
        Logger logger = Logging.getLogger("hooks.a");
        List<Integer> seen = new ArrayList<>();
        Runnable listener = () -> seen.add(logger.getEffectiveLevel());
        Logging.addLevelListener(listener);
        try {
            logger.setLevel(Level.DEBUG);
            Logging.getLogger().setLevel(Level.ERROR);
            logger.setLevel(Level.NOTSET);
            Logging.disable(Level.INFO);
            Logging.disable(Level.NOTSET);
        } finally {
            Logging.removeLevelListener(listener);
        }
        logger.setLevel(Level.INFO);
        assertThat(seen).containsExactly(Level.DEBUG, Level.DEBUG, Level.ERROR, Level.ERROR, Level.ERROR);
    }

    @Test
    void aFailingLevelListenerDoesNotStopTheChange() throws Exception {
        AtomicInteger after = new AtomicInteger();
        Runnable bad = () -> { throw new IllegalStateException("listener bug"); };
        Runnable good = after::incrementAndGet;
        Logging.addLevelListener(bad);
        Logging.addLevelListener(good);
        try {
            Capture.quietly(() -> {
                Logging.getLogger("hooks.b").setLevel(Level.DEBUG);
                return null;
            });
        } finally {
            Logging.removeLevelListener(bad);
            Logging.removeLevelListener(good);
        }
        assertThat(Logging.getLogger("hooks.b").getLevel()).isEqualTo(Level.DEBUG);
        assertThat(after).hasValue(1);
    }

    @Test
    void aRecordSubclassFormatsItsOwnMessageOnceAndOnlyWhenAsked() {
        AtomicInteger formatted = new AtomicInteger();
        LogRecord record = new LogRecord("hooks.c", Level.INFO, null, "hello {}", new Object[] {"x"}, null, null, null, 0) {
            @Override
            protected String formatMessage() {
                formatted.incrementAndGet();
                return getMsg().replace("{}", String.valueOf(getArgs()[0]));
            }
        };
        assertThat(formatted).hasValue(0);
        Capture out = Capture.handler("%(levelname)s %(message)s");
        Logging.getLogger("hooks.c").addHandler(out);
        Logging.getLogger("hooks.c").handle(record);
        assertThat(record.getMessage()).isEqualTo("hello x");
        assertThat(out.text()).isEqualTo("INFO hello x\n");
        assertThat(formatted).hasValue(1);
    }

    @Test
    void needsCallerLocationFollowsTheFormattersOnThePath() {
        Logger logger = Logging.getLogger("hooks.d");
        assertThat(logger.needsCallerLocation()).isFalse();
        Capture out = Capture.handler("%(filename)s:%(lineno)d %(message)s");
        Logging.getLogger().addHandler(out);
        assertThat(logger.needsCallerLocation()).isTrue();
        logger.setPropagate(false);
        assertThat(logger.needsCallerLocation()).isFalse();
    }
}
