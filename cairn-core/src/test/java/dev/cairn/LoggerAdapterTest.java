package dev.cairn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoggerAdapterTest {
    @BeforeEach
    void reset() {
        Logging.reset();
    }

    @Test
    void adapterExtraAppearsOnEveryRecord() {
        Capture out = Capture.handler("[%(request_id)s] %(message)s");
        Logger logger = Logging.getLogger("a1");
        logger.addHandler(out);
        LoggerAdapter adapter = new LoggerAdapter(logger, Map.of("request_id", "r-2"));
        adapter.warning("slow request %dms", 1234);
        assertThat(out.text()).isEqualTo("[r-2] slow request 1234ms\n");
    }

    @Test
    void adapterExtraReplacesCallExtraAsInPython311() {
        Capture out = Capture.handler("%(user)s %(message)s");
        Logger logger = Logging.getLogger("a2");
        logger.addHandler(out);
        LoggerAdapter adapter = new LoggerAdapter(logger, Map.of("user", "adapter"));
        adapter.log(Level.WARNING, "m", new Object[0], null, Map.of("user", "call"));
        assertThat(out.text()).isEqualTo("adapter m\n");
    }

    @Test
    void mergeExtraLetsCallFieldsWinAsInPython313() {
        Capture out = Capture.handler("%(user)s %(app)s %(message)s");
        Logger logger = Logging.getLogger("a3");
        logger.addHandler(out);
        LoggerAdapter adapter = new LoggerAdapter(logger, Map.of("user", "adapter", "app", "shop"), true);
        adapter.log(Level.WARNING, "m", new Object[0], null, Map.of("user", "call"));
        assertThat(out.text()).isEqualTo("call shop m\n");
    }

    @Test
    void callerLocationIsTheAdaptersCaller() {
        Capture out = Capture.handler("%(funcName)s %(message)s");
        Logger logger = Logging.getLogger("a4");
        logger.addHandler(out);
        new LoggerAdapter(logger, Map.of()).warning("here");
        assertThat(out.text()).isEqualTo("callerLocationIsTheAdaptersCaller here\n");
    }

    @Test
    void disabledLevelsDoNothing() {
        Capture out = Capture.handler("%(message)s");
        Logger logger = Logging.getLogger("a5");
        logger.addHandler(out);
        LoggerAdapter adapter = new LoggerAdapter(logger, Map.of());
        adapter.debug("hidden");
        assertThat(adapter.isEnabledFor(Level.DEBUG)).isFalse();
        assertThat(out.text()).isEmpty();
    }
}
