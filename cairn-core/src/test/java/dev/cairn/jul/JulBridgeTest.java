package dev.cairn.jul;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.Formatter;
import dev.cairn.Level;
import dev.cairn.LogRecord;
import dev.cairn.Logging;
import dev.cairn.StreamHandler;
import dev.cairn.redact.Redactor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** JUL records reaching Cairn through JulBridge.install(): names, levels, messages, callers, and JUL's levels kept in step. */
class JulBridgeTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final List<LogRecord> records = new ArrayList<>();

    @BeforeEach
    void install() {
        Logging.reset();
        StreamHandler out = new StreamHandler(bytes);
        out.setFormatter(new Formatter("%(levelname)s:%(name)s:%(message)s"));
        Logging.getLogger().addHandler(out);
        Logging.getLogger().addHandler(new dev.cairn.Handler() {
            @Override
            protected void emit(LogRecord record) {
                records.add(record);
            }
        });
        JulBridge.install();
    }

    @AfterEach
    void uninstall() {
        JulBridge.uninstall();
        Logging.reset();
    }

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void julRecordsArriveUnderTheirLoggerNameWithMappedLevelNames() {
        Logging.getLogger().setLevel(Level.NOTSET);
        java.util.logging.Logger jul = java.util.logging.Logger.getLogger("julapp.names");
        jul.severe("severe");
        jul.warning("warning");
        jul.info("info");
        jul.config("config");
        jul.fine("fine");
        jul.finer("finer");
        jul.finest("finest");
        java.util.logging.Logger.getLogger("").info("from the root");
        assertThat(text()).isEqualTo("ERROR:julapp.names:severe\nWARNING:julapp.names:warning\nINFO:julapp.names:info\n"
                + "CONFIG:julapp.names:config\nDEBUG:julapp.names:fine\nFINER:julapp.names:finer\nTRACE:julapp.names:finest\n"
                + "INFO:root:from the root\n");
    }

    @Test
    void messagesAreFormattedByJulRulesAndKeepTheException() {
        java.util.logging.Logger jul = java.util.logging.Logger.getLogger("julapp.msg");
        IllegalStateException error = new IllegalStateException("boom");
        jul.log(java.util.logging.Level.WARNING, "user {0} has {1} items", new Object[] {"ann", 3});
        jul.log(java.util.logging.Level.WARNING, "no placeholder, 100% literal {x}", "ignored");
        jul.log(java.util.logging.Level.SEVERE, "failed", error);
        assertThat(text()).startsWith("WARNING:julapp.msg:user ann has 3 items\n"
                + "WARNING:julapp.msg:no placeholder, 100% literal {x}\nERROR:julapp.msg:failed\n")
                .contains("IllegalStateException: boom");
        assertThat(records.get(0).getMsg()).isEqualTo("user {0} has {1} items");
        assertThat(records.get(0).getArgs()).containsExactly("ann", 3);
        assertThat(records.get(2).getExcInfo()).isSameAs(error);
    }

    @Test
    void theCallerIsTheApplicationCodeNotJul() {
        Logging.getLogger().getHandlers().get(0).setFormatter(new Formatter("%(module)s.%(funcName)s %(message)s"));
        java.util.logging.Logger.getLogger("julapp.caller").warning("direct");
        System.getLogger("julapp.system").log(System.Logger.Level.WARNING, "through System.Logger {0}", "x");
        assertThat(text()).isEqualTo("JulBridgeTest.theCallerIsTheApplicationCodeNotJul direct\n"
                + "JulBridgeTest.theCallerIsTheApplicationCodeNotJul through System.Logger x\n");
    }

    @Test
    void julLevelsFollowCairnLevelsSoDisabledCallsStopInJul() {
        java.util.logging.Logger jul = java.util.logging.Logger.getLogger("julapp.levels");
        assertThat(jul.isLoggable(java.util.logging.Level.INFO)).isFalse();
        assertThat(jul.isLoggable(java.util.logging.Level.WARNING)).isTrue();

        Logging.getLogger("julapp").setLevel(Level.DEBUG);
        assertThat(jul.isLoggable(java.util.logging.Level.FINE)).isTrue();
        assertThat(jul.isLoggable(java.util.logging.Level.FINER)).isFalse();
        java.util.logging.Logger later = java.util.logging.Logger.getLogger("julapp.levels.created.later");
        assertThat(later.isLoggable(java.util.logging.Level.FINE)).isTrue();

        AtomicInteger built = new AtomicInteger();
        jul.finer(() -> "never built " + built.incrementAndGet());
        assertThat(built).hasValue(0);

        Logging.getLogger("julapp").setLevel(Level.NOTSET);
        assertThat(jul.isLoggable(java.util.logging.Level.FINE)).isFalse();
        Logging.getLogger().setLevel(JulLevels.TRACE);
        assertThat(jul.isLoggable(java.util.logging.Level.FINEST)).isTrue();
        Logging.disable(Level.WARNING);
        assertThat(jul.isLoggable(java.util.logging.Level.WARNING)).isFalse();
        assertThat(jul.isLoggable(java.util.logging.Level.SEVERE)).isTrue();
    }

    @Test
    void installClearsLevelsSetInJulItself() {
        java.util.logging.Logger jul = java.util.logging.Logger.getLogger("julapp.preset");
        jul.setLevel(java.util.logging.Level.OFF);
        JulBridge.install();
        assertThat(jul.getLevel()).isNull();
        assertThat(jul.isLoggable(java.util.logging.Level.WARNING)).isTrue();
    }

    @Test
    void aReplacedRecordFactorySeesTheFinishedMessage() {
        new Redactor().install();
        java.util.logging.Logger.getLogger("julapp.redact")
                .log(java.util.logging.Level.WARNING, "mail {0}", "ann@example.com");
        assertThat(text()).doesNotContain("ann@example.com").startsWith("WARNING:julapp.redact:mail ");
    }

    @Test
    void uninstallPutsJulsDefaultBack() throws IOException {
        JulBridge.uninstall();
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        assertThat(root.getHandlers()).hasSize(1).allMatch(h -> h instanceof java.util.logging.ConsoleHandler);
        assertThat(root.getLevel()).isEqualTo(java.util.logging.Level.INFO);
        assertThat(JulBridge.isInstalled()).isFalse();
        JulBridge.install();
        assertThat(root.getHandlers()).hasSize(1).allMatch(h -> h instanceof JulHandler);
    }

    @Test
    void levelMappingIsMonotonicAndToJulIsItsInverse() {
        int[] julValues = {Integer.MIN_VALUE, 200, 300, 350, 400, 500, 600, 700, 800, 850, 900, 1000, 1100};
        for (int threshold = 0; threshold <= 55; threshold++) {
            java.util.logging.Level jul = JulLevels.toJul(threshold);
            for (int v : julValues) {
                java.util.logging.Level level = new CustomLevel(v);
                boolean julPasses = v >= jul.intValue();
                boolean cairnPasses = JulLevels.toCairn(level) >= threshold;
                assertThat(julPasses).as("threshold %d, JUL value %d", threshold, v).isEqualTo(cairnPasses);
            }
        }
    }

    private static final class CustomLevel extends java.util.logging.Level {
        CustomLevel(int value) {
            super("CUSTOM" + value, value);
        }
    }
}
