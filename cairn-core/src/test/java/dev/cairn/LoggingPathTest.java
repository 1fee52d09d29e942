package dev.cairn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The path of one call: level check, record, logger filters, handlers up the hierarchy, last resort. */
class LoggingPathTest {
    @BeforeEach
    void reset() {
        Logging.reset();
        Logging.setClock(Clock.SYSTEM);
    }

    @Test
    void recordsPropagateToAncestorHandlersUntilPropagateIsFalse() {
        Capture rootOut = Capture.handler("root:%(name)s:%(message)s");
        Capture appOut = Capture.handler("app:%(name)s:%(message)s");
        Logging.getLogger().addHandler(rootOut);
        Logger app = Logging.getLogger("p1");
        app.addHandler(appOut);
        app.setLevel(Level.DEBUG);
        Logging.getLogger("p1.db").debug("one %s", "x");
        app.setPropagate(false);
        Logging.getLogger("p1.db").info("two");
        assertThat(appOut.text()).isEqualTo("app:p1.db:one x\napp:p1.db:two\n");
        assertThat(rootOut.text()).isEqualTo("root:p1.db:one x\n");
    }

    @Test
    void handlerLevelIsCheckedBeforeItsFilters() {
        Capture out = Capture.handler("%(message)s");
        out.setLevel(Level.ERROR);
        List<String> seen = new ArrayList<>();
        out.addFilter(r -> seen.add(r.getMsg()));
        Logger logger = Logging.getLogger("p2");
        logger.addHandler(out);
        logger.warning("low");
        logger.error("high");
        assertThat(seen).containsExactly("high");
        assertThat(out.text()).isEqualTo("high\n");
    }

    @Test
    void loggerFiltersApplyOnlyToRecordsLoggedThere() {
        Capture out = Capture.handler("%(name)s %(message)s");
        Logging.getLogger().addHandler(out);
        Logger parent = Logging.getLogger("p3");
        parent.addFilter(r -> false);
        parent.warning("dropped at its own logger");
        Logging.getLogger("p3.child").warning("passes: parent filters do not run on propagation");
        assertThat(out.text()).isEqualTo("p3.child passes: parent filters do not run on propagation\n");
    }

    @Test
    void nameFilterPassesSubtreeOnly() {
        Filter f = Filter.named("a.b");
        assertThat(f.filter(record("a.b"))).isTrue();
        assertThat(f.filter(record("a.b.c"))).isTrue();
        assertThat(f.filter(record("a.bc"))).isFalse();
        assertThat(f.filter(record("a"))).isFalse();
        assertThat(Filter.named("").filter(record("anything"))).isTrue();
    }

    @Test
    void lastResortPrintsBareMessageOfWarningsWhenNoHandlerExists() {
        String err = Capture.stderrOf(() -> {
            Logger lonely = Logging.getLogger("p4");
            lonely.info("not shown");
            lonely.warning("shown %d", 1);
        });
        assertThat(err).isEqualTo("shown 1\n");
    }

    @Test
    void messageIsFormattedOnlyWhenAHandlerNeedsIt() {
        int[] conversions = {0};
        Object counted = new Object() {
            @Override public String toString() {
                conversions[0]++;
                return "v";
            }
        };
        Logger logger = Logging.getLogger("p5");
        logger.setLevel(Level.INFO);
        logger.debug("value %s", counted);
        logger.addHandler(new NullHandler());
        logger.info("value %s", counted);
        assertThat(conversions[0]).isZero();
        Capture out = Capture.handler("%(message)s");
        logger.addHandler(out);
        Capture second = Capture.handler("%(message)s!");
        logger.addHandler(second);
        logger.info("value %s", counted);
        assertThat(conversions[0]).as("formatted once, shared by both handlers").isEqualTo(1);
        assertThat(second.text()).isEqualTo("value v!\n");
    }

    @Test
    void callerLocationIsCapturedOnlyWhenAFormatterUsesIt() {
        Logger logger = Logging.getLogger("p6");
        List<LogRecord> records = new ArrayList<>();
        Capture plain = Capture.handler("%(message)s");
        plain.addFilter(records::add);
        logger.addHandler(plain);
        logger.warning("no location");
        assertThat(records.get(0).getLineno()).isZero();
        assertThat(records.get(0).getFuncName()).isEqualTo("(unknown function)");

        Capture located = Capture.handler("%(filename)s:%(lineno)d %(funcName)s %(module)s");
        Logging.getLogger().addHandler(located);
        logger.warning("with location"); int line = new Throwable().getStackTrace()[0].getLineNumber();
        assertThat(located.text()).isEqualTo("LoggingPathTest.java:" + line + " callerLocationIsCapturedOnlyWhenAFormatterUsesIt LoggingPathTest\n");
        assertThat(records.get(1).getPathname()).isEqualTo("dev/cairn/LoggingPathTest.java");
    }

    @Test
    void exceptionAppendsStackTraceAndStackInfoAppendsCallerStack() {
        Capture out = Capture.handler("%(levelname)s %(message)s");
        Logger logger = Logging.getLogger("p7");
        logger.addHandler(out);
        logger.exception(new IllegalStateException("boom"), "failed %s", "job");
        logger.at(Level.WARNING).stackInfo(true).log("where");
        String text = out.text();
        assertThat(text).startsWith("ERROR failed job\njava.lang.IllegalStateException: boom\n\tat dev.cairn.LoggingPathTest.");
        assertThat(text).contains("WARNING where\nStack (most recent call last):\n");
        assertThat(text).containsPattern("  at dev\\.cairn\\.LoggingPathTest\\.exceptionAppendsStackTraceAndStackInfoAppendsCallerStack\\(LoggingPathTest\\.java:\\d+\\)\n$");
    }

    @Test
    void extraFieldsAreUsableInFormatsAndMayNotOverwriteRecordAttributes() {
        Capture out = Capture.handler("%(user)s %(message)s");
        Logger logger = Logging.getLogger("p8");
        logger.addHandler(out);
        logger.at(Level.WARNING).extra("user", "alice").log("hi");
        assertThat(out.text()).isEqualTo("alice hi\n");
        assertThatThrownBy(() -> logger.log(Level.WARNING, "x", new Object[0], null, false, Map.of("msg", 1), 1))
                .hasMessage("Attempt to overwrite 'msg' in LogRecord");
    }

    @Test
    void singleMappingArgumentFillsNamedConversions() {
        Capture out = Capture.handler("%(message)s");
        Logger logger = Logging.getLogger("p9");
        logger.addHandler(out);
        logger.warning("%(user)s has %(n)d", Map.of("user", "bob", "n", 3));
        assertThat(out.text()).isEqualTo("bob has 3\n");
    }

    @Test
    void withoutArgumentsPercentSignsAreLeftAlone() {
        Capture out = Capture.handler("%(message)s");
        Logger logger = Logging.getLogger("p10");
        logger.addHandler(out);
        logger.warning("100%% sure, 5%");
        assertThat(out.text()).isEqualTo("100%% sure, 5%\n");
    }

    @Test
    void fixedClockDrivesCreatedMsecsAndRelativeCreated() {
        double[] now = {1700000000.0};
        Logging.setClock(() -> now[0]);
        now[0] = 1700000001.25;
        List<LogRecord> records = new ArrayList<>();
        Logger logger = Logging.getLogger("p11");
        NullHandler sink = new NullHandler() {
            @Override public boolean handle(LogRecord record) { return records.add(record); }
        };
        logger.addHandler(sink);
        logger.warning("tick");
        LogRecord r = records.get(0);
        assertThat(r.getCreated()).isEqualTo(1700000001.25);
        assertThat(r.getMsecs()).isEqualTo(250.0);
        assertThat(r.getRelativeCreated()).isEqualTo(1250.0);
    }

    private static LogRecord record(String name) {
        return new LogRecord(name, Level.INFO, null, "m", null, null, null, null, 0);
    }
}
