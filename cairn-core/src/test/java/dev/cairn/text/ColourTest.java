package dev.cairn.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.Level;
import dev.cairn.LogRecord;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Terminal colour: per-level codes, NO_COLOR and non-TTY respected, colorlog-style placement. */
class ColourTest {
    private static LogRecord record(int level, String msg) {
        return new LogRecord("c", level, null, msg, null, null, null, null, 0);
    }

    @Test
    void autoColourNeedsAConsoleAndNoNoColor() {
        assertThat(TextFormatter.colourWanted("auto", Map.of(), true)).isTrue();
        assertThat(TextFormatter.colourWanted("auto", Map.of(), false)).isFalse();
        assertThat(TextFormatter.colourWanted("auto", Map.of("NO_COLOR", "1"), true)).isFalse();
        assertThat(TextFormatter.colourWanted("auto", Map.of("NO_COLOR", ""), true)).isTrue();
        assertThat(TextFormatter.colourWanted("auto", Map.of("TERM", "dumb"), true)).isFalse();
        assertThat(TextFormatter.colourWanted("always", Map.of("NO_COLOR", "1"), false)).isTrue();
        assertThat(TextFormatter.colourWanted("never", Map.of(), true)).isFalse();
    }

    @Test
    void theWholeRecordIsColouredByLevel() {
        TextFormatter f = new TextFormatter(Map.of("format", "%(levelname)s %(message)s", "colour", "always"));
        assertThat(f.format(record(Level.ERROR, "x"))).isEqualTo("\u001b[31mERROR x\u001b[0m");
        assertThat(f.format(record(Level.CRITICAL, "x"))).isEqualTo("\u001b[1;31mCRITICAL x\u001b[0m");
        assertThat(f.format(record(Level.WARNING + 5, "x"))).startsWith("\u001b[33m");
        assertThat(f.format(record(5, "x"))).isEqualTo("Level 5 x");
    }

    @Test
    void colorlogStylePlacementColoursOnlyWhatItSurrounds() {
        TextFormatter f = new TextFormatter(Map.of("format", "%(log_color)s%(levelname)-8s%(reset)s %(message)s",
                "colour", "always", "colours", Map.of("INFO", "1;32")));
        assertThat(f.format(record(Level.INFO, "hi"))).isEqualTo("\u001b[1;32mINFO    \u001b[0m hi");
        TextFormatter off = new TextFormatter(Map.of("format", "%(log_color)s%(levelname)-8s%(reset)s %(message)s",
                "colour", "never"));
        assertThat(off.format(record(Level.INFO, "hi"))).isEqualTo("INFO     hi");
    }

    @Test
    void messagesCannotCarryTheirOwnColour() {
        TextFormatter f = new TextFormatter(Map.of("format", "%(message)s", "colour", "always"));
        assertThat(f.format(record(Level.INFO, "\u001b[0mplain"))).isEqualTo("\u001b[32m\\x1b[0mplain\u001b[0m");
    }

    @Test
    void colourCodesFromConfigurationAreOnlySgrParameters() {
        assertThatThrownBy(() -> new TextFormatter(Map.of("colours", Map.of("INFO", "31m\u001b]0;x"))))
                .hasMessageContaining("SGR");
        assertThatThrownBy(() -> new TextFormatter(Map.of("colour", "sometimes"))).hasMessageContaining("auto, always or never");
        assertThatThrownBy(() -> new TextFormatter(Map.of("multiline", "fold"))).hasMessageContaining("escape, indent or keep");
        assertThatThrownBy(() -> new TextFormatter(Map.of("colur", "never"))).hasMessageContaining("unknown text formatter option");
    }

    @Test
    void textFormattersComeFromDictConfigWithTheirOptions() {
        dev.cairn.Logging.dictConfig(Map.of("version", 1,
                "formatters", Map.of("safe", Map.of("class", "dev.cairn.text.TextFormatter", "format", "%(message)s",
                        "multiline", "indent"), "dev", Map.of("()", "dev.cairn.text.ConsoleFormatter", "colour", "never")),
                "handlers", Map.of("a", Map.of("class", "logging.NullHandler", "formatter", "safe"),
                        "b", Map.of("class", "logging.NullHandler", "formatter", "dev")),
                "root", Map.of("handlers", java.util.List.of("a", "b"))));
        try {
            java.util.List<dev.cairn.Handler> hs = dev.cairn.Logging.getLogger().getHandlers();
            assertThat(hs).extracting(h -> h.getFormatter().getClass().getSimpleName())
                    .containsExactlyInAnyOrder("TextFormatter", "ConsoleFormatter");
            for (dev.cairn.Handler h : hs) {
                if (h.getFormatter() instanceof ConsoleFormatter) {
                    assertThat(((TextFormatter) h.getFormatter()).isColour()).isFalse();
                } else {
                    assertThat(((TextFormatter) h.getFormatter()).getMultiline()).isEqualTo(SafeText.Multiline.INDENT);
                }
            }
        } finally {
            dev.cairn.Logging.reset();
        }
    }
}
