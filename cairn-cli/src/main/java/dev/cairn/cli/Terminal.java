package dev.cairn.cli;

/**
 * Colours and terminal detection: ANSI colours are used only when output goes to a terminal and
 * {@code NO_COLOR} is not set, so redirected output is plain text.
 */
public final class Terminal {

    private static final boolean COLOUR = System.console() != null && System.getenv("NO_COLOR") == null
            && !"dumb".equals(System.getenv("TERM"));

    private Terminal() {
    }

    /** True when the process is attached to a terminal. */
    public static boolean isInteractive() {
        return System.console() != null;
    }

    /** True when ANSI colours are written: on a terminal, unless {@code NO_COLOR} is set or the terminal is dumb. */
    public static boolean colours() {
        return COLOUR;
    }

    /** Text in red, when colours are on. */
    public static String red(String text) {
        return colour("31", text);
    }

    /** Text in yellow, when colours are on. */
    public static String yellow(String text) {
        return colour("33", text);
    }

    /** Text in bold, when colours are on. */
    public static String bold(String text) {
        return colour("1", text);
    }

    /** Text dimmed, when colours are on. */
    public static String dim(String text) {
        return colour("2", text);
    }

    /** Colours a level name by severity: red for ERROR and worse, yellow for WARNING. */
    public static String level(String level, int number) {
        String text = level == null ? "-" : level;
        return number >= 40 ? red(text) : number >= 30 ? yellow(text) : text;
    }

    private static String colour(String code, String text) {
        return COLOUR ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
