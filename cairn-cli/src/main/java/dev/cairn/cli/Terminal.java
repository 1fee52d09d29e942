package dev.cairn.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Colours and terminal detection: ANSI colours are used only when standard output is a terminal
 * and {@code NO_COLOR} is not set, so redirected output is plain text; progress is drawn only when
 * standard error is a terminal.
 */
public final class Terminal {

    private static final boolean OUT = isTerminal(1);
    private static final boolean ERR = isTerminal(2);
    private static final boolean PLAIN = System.getenv("NO_COLOR") != null || "dumb".equals(System.getenv("TERM"));
    private static final boolean COLOUR = OUT && !PLAIN;
    private static final boolean ERR_COLOUR = ERR && !PLAIN;

    private Terminal() {
    }

    /**
     * Whether file descriptor {@code fd} is a terminal. The JDK only says whether both standard
     * input and output are ({@link System#console()}), so on Linux the descriptor's target is read
     * from {@code /proc/self/fd}: a pipe or a file there is not a terminal even when the other
     * streams are.
     */
    static boolean isTerminal(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    /** True when standard error is a terminal, where a progress bar may be drawn. */
    public static boolean isInteractive() {
        return ERR;
    }

    /** True when ANSI colours are written to standard output: on a terminal, unless {@code NO_COLOR} is set or the terminal is dumb. */
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

    /** Text dimmed for standard error, when that is a terminal with colours. */
    public static String dimOnErr(String text) {
        return ERR_COLOUR ? "\u001b[2m" + text + "\u001b[0m" : text;
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
