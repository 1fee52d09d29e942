package dev.cairn.text;

import java.util.Map;

/**
 * A {@link TextFormatter} for people at a terminal: time, padded level, logger and message,
 * coloured by level when there is a console and {@code NO_COLOR} is unset, the context and
 * fluent fields appended as {@code key=value}, and multi-line values and tracebacks indented
 * (every continuation line starts with four spaces, so it cannot pass for a record). Options
 * as {@link TextFormatter}'s override these defaults.
 */
public class ConsoleFormatter extends TextFormatter {
    private static final Map<String, Object> DEFAULTS = Map.of(
            "format", "%(asctime)s %(levelname)-8s %(name)s: %(message)s",
            "multiline", "indent",
            "colour", "auto",
            "show_fields", true);

    public ConsoleFormatter() {
        this(Map.of());
    }

    public ConsoleFormatter(Map<String, ?> options) {
        super(options, DEFAULTS);
    }
}
