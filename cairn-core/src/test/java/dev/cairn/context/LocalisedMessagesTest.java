package dev.cairn.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.Level;
import dev.cairn.LogRecord;
import dev.cairn.Logger;
import dev.cairn.Logging;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Messages looked up by key in a ResourceBundle, with the key kept on the record. */
class LocalisedMessagesTest {
    private final RecordList out = new RecordList();
    private Logger log;

    @BeforeEach
    void setUp() {
        Logging.reset();
        log = Logging.getLogger("i18n");
        log.setLevel(Level.DEBUG);
        log.addHandler(out);
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle("dev.cairn.context.LogMessages", locale);
    }

    @Test
    void theBundlesPatternIsMergedWithTheArgumentsAndTheKeyIsKept() {
        log.atInfo().logKey(bundle(Locale.ROOT), "order.placed", 42, "ann");
        log.atInfo().logKey(bundle(Locale.FRENCH), "order.placed", 42, "ann");
        log.atWarning().logKey(bundle(Locale.ROOT), "order.failed", Map.of("id", 7, "why", "no stock"));
        assertThat(out.records).extracting(LogRecord::getMessage)
                .containsExactly("order 42 placed by ann", "commande 42 passée par ann", "order 7 failed: no stock");
        assertThat(out.records).allSatisfy(r -> assertThat(r.getFields()).containsKey("message_key"));
        assertThat(out.records.get(1).getFields()).containsEntry("message_key", "order.placed");
    }

    @Test
    void aMissingKeyLogsTheKeyAndSaysSo() {
        log.atError().logKey(bundle(Locale.ROOT), "no.such.key");
        assertThat(out.records.get(0).getMessage()).isEqualTo("no.such.key");
        assertThat(out.records.get(0).getFields()).containsEntry("message_key_missing", true);
    }

    @Test
    void disabledCallsDoNotTouchTheBundle() {
        log.setLevel(Level.ERROR);
        log.atInfo().logKey(null, "order.placed", 1, 2);
        assertThat(out.records).isEmpty();
    }
}
