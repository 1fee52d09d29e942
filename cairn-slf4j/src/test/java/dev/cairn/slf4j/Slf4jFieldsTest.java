package dev.cairn.slf4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.Level;
import dev.cairn.LogRecord;
import dev.cairn.Logging;
import dev.cairn.context.LogContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/** Markers, the fluent API's key/value pairs, and the MDC reach Cairn's records. */
class Slf4jFieldsTest {
    private Records records;
    private final Logger logger = LoggerFactory.getLogger("fields");

    @BeforeEach
    void attach() {
        records = Records.on("fields", Level.DEBUG);
    }

    @AfterEach
    void reset() {
        MDC.clear();
        Logging.reset();
    }

    @Test
    void aMarkerIsTheMarkerField() {
        Marker security = MarkerFactory.getMarker("SECURITY");
        logger.warn(security, "login failed for {}", "ana");
        LogRecord record = records.only();
        assertThat(record.getMessage()).isEqualTo("login failed for ana");
        assertThat(record.getFields().get("marker")).isEqualTo("SECURITY");
        assertThat(record.get("marker")).isEqualTo("SECURITY");
    }

    @Test
    void severalFluentMarkersAreAListOfNames() {
        logger.atInfo().addMarker(MarkerFactory.getMarker("A")).addMarker(MarkerFactory.getMarker("B")).log("two");
        assertThat(records.only().getFields().get("marker")).isEqualTo(List.of("A", "B"));
    }

    @Test
    void fluentKeyValuesAreFieldsWithTheirTypes() {
        IllegalStateException error = new IllegalStateException("boom");
        logger.atInfo().addKeyValue("user", "ana").addKeyValue("ms", 12).addKeyValue("ok", true)
                .setCause(error).addArgument(7).log("done {}");
        LogRecord record = records.only();
        assertThat(record.getMessage()).isEqualTo("done 7");
        assertThat(record.getFields()).containsExactly(Map.entry("user", "ana"), Map.entry("ms", 12), Map.entry("ok", true));
        assertThat(record.getExcInfo()).isSameAs(error);
    }

    @Test
    void fluentTrailingThrowableArgumentIsTheException() {
        RuntimeException error = new RuntimeException("x");
        logger.atError().log("failed {}", "job", error);
        assertThat(records.only().getMessage()).isEqualTo("failed job");
        assertThat(records.only().getExcInfo()).isSameAs(error);
    }

    @Test
    void fluentSuppliersAreCalledOnlyWhenEnabled() {
        logger.atTrace().setMessage(() -> { throw new AssertionError("called"); }).log();
        logger.atDebug().setMessage(() -> "built {}").addArgument(() -> "late").log();
        assertThat(records.only().getMessage()).isEqualTo("built late");
    }

    @Test
    void mdcIsLogContext() {
        MDC.put("request", "r-1");
        assertThat(LogContext.get("request")).isEqualTo("r-1");
        LogContext.put("tenant", 42);
        assertThat(MDC.get("tenant")).isEqualTo("42");
        logger.info("with context");
        assertThat(records.only().getContext()).containsEntry("request", "r-1").containsEntry("tenant", 42);
        assertThat(records.only().get("request")).isEqualTo("r-1");
        assertThat(MDC.getCopyOfContextMap()).containsExactly(Map.entry("request", "r-1"), Map.entry("tenant", "42"));
        MDC.remove("request");
        assertThat(LogContext.get("request")).isNull();
        MDC.clear();
        assertThat(LogContext.current()).isEmpty();
        assertThat(MDC.getCopyOfContextMap()).isEmpty();
    }

    @Test
    void mdcCopyIsIndependentAndSetContextMapReplaces() {
        MDC.put("a", "1");
        Map<String, String> copy = MDC.getCopyOfContextMap();
        MDC.put("a", "2");
        assertThat(copy).containsExactly(Map.entry("a", "1"));
        MDC.setContextMap(Map.of("b", "3"));
        assertThat(MDC.get("a")).isNull();
        assertThat(MDC.get("b")).isEqualTo("3");
        try (MDC.MDCCloseable ignored = MDC.putCloseable("c", "4")) {
            assertThat(LogContext.get("c")).isEqualTo("4");
        }
        assertThat(LogContext.get("c")).isNull();
    }

    @Test
    void mdcIsPerThread() throws Exception {
        MDC.put("owner", "main");
        String seen = CompletableFuture.supplyAsync(() -> {
            MDC.put("owner", "worker");
            return MDC.get("owner");
        }).get();
        assertThat(seen).isEqualTo("worker");
        assertThat(MDC.get("owner")).isEqualTo("main");
    }

    @Test
    void mdcNullKeyIsRefusedAsSlf4jSpecifies() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MDC.put(null, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mdcStacksByKey() {
        MDC.pushByKey("path", "a");
        MDC.pushByKey("path", "b");
        assertThat(MDC.getMDCAdapter().getCopyOfDequeByKey("path")).containsExactly("b", "a");
        assertThat(MDC.popByKey("path")).isEqualTo("b");
        MDC.getMDCAdapter().clearDequeByKey("path");
        assertThat(MDC.popByKey("path")).isNull();
    }
}
