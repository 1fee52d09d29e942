package dev.cairn.cli.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Level names of the common logging libraries mapped to Python's numbers, and small name helpers. */
public final class Levels {

    /** Python's {@code logging.ERROR}. */
    public static final int ERROR = 40;

    private Levels() {
    }

    /** Python's number for a level name (any case, any library's spelling), or 0 when unknown. */
    public static int number(String level) {
        if (level == null || level.isEmpty()) {
            return 0;
        }
        switch (level.toUpperCase(Locale.ROOT)) {
            case "TRACE", "FINEST", "FINER", "FINE":
                return 5;
            case "DEBUG", "D", "CONFIG":
                return 10;
            case "INFO", "I", "INFORMATION", "NOTICE", "LOG":  // PostgreSQL's LOG: routine server messages
                return 20;
            case "WARN", "WARNING", "W":
                return 30;
            case "ERROR", "ERR", "E", "SEVERE", "FAILURE":
                return 40;
            case "CRITICAL", "FATAL", "CRIT", "ALERT", "EMERG", "EMERGENCY", "PANIC", "SEVERE_ERROR":
                return 50;
            default:
                return syslogNumber(level);
        }
    }

    /** GELF and syslog carry severities as numbers, 0 (emergency) to 7 (debug). */
    private static int syslogNumber(String level) {
        if (level.length() == 1 && level.charAt(0) >= '0' && level.charAt(0) <= '7') {
            return new int[] {50, 50, 50, 40, 30, 20, 20, 10}[level.charAt(0) - '0'];
        }
        return 0;
    }

    private static final List<String> SPELLINGS = List.of("TRACE", "FINEST", "FINER", "FINE", "DEBUG", "CONFIG",
            "INFO", "INFORMATION", "NOTICE", "LOG", "WARN", "WARNING", "ERROR", "ERR", "SEVERE", "FAILURE", "CRITICAL",
            "FATAL", "CRIT", "ALERT", "EMERG", "EMERGENCY", "PANIC");

    /**
     * Every spelling of every level at {@code min} or worse, in upper, lower and capitalised case,
     * plus the syslog digits GELF uses, quoted as they appear in JSON; for pre-filtering raw lines.
     */
    public static List<String> namesAtLeast(int min) {
        List<String> out = new ArrayList<>();
        for (String name : SPELLINGS) {
            if (number(name) >= min) {
                out.add(name);
                out.add(name.toLowerCase(Locale.ROOT));
                out.add(name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT));
            }
        }
        for (int digit = 0; digit <= 7; digit++) {
            if (number(Integer.toString(digit)) >= min) {
                out.add(":" + digit);
                out.add(": " + digit);
                out.add("\"" + digit + "\"");
            }
        }
        return List.copyOf(out);
    }

    /** The canonical upper-case name for a level number, for display. */
    public static String name(int number) {
        if (number >= 50) {
            return "CRITICAL";
        } else if (number >= 40) {
            return "ERROR";
        } else if (number >= 30) {
            return "WARNING";
        } else if (number >= 20) {
            return "INFO";
        } else if (number >= 10) {
            return "DEBUG";
        }
        return number > 0 ? "TRACE" : "NOTSET";
    }

    // Compiled once: baseName runs for every record whose service is its file (stats, trace, report).
    private static final java.util.regex.Pattern COMPRESSION = java.util.regex.Pattern.compile("\\.(gz|zst)$");
    private static final java.util.regex.Pattern ROTATION = java.util.regex.Pattern.compile("\\.\\d+$");
    private static final java.util.regex.Pattern LOG_EXTENSION = java.util.regex.Pattern.compile("\\.(log|json|jsonl|txt|ndjson)$");

    /** A file's name without folders, rotation numbers and compression suffixes: {@code app} for {@code logs/app.log.1.gz}. */
    public static String baseName(String path) {
        if (path == null) {
            return "";
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        name = COMPRESSION.matcher(name).replaceFirst("");
        name = ROTATION.matcher(name).replaceFirst("");
        return LOG_EXTENSION.matcher(name).replaceFirst("");
    }
}
