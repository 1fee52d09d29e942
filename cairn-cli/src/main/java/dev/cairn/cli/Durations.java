package dev.cairn.cli;

/** Short readable durations for output: {@code 850 ms}, {@code 1.532 s}, {@code 3 min 04 s}, {@code 2 h 05 min}, {@code 3 d 04 h}. */
public final class Durations {

    private Durations() {
    }

    /** {@code millis} as a short readable duration; negative values keep their sign. */
    public static String format(long millis) {
        if (millis < 0) {
            return "-" + format(-millis);
        }
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(java.util.Locale.ROOT, "%.3f s", millis / 1000.0);
        }
        long seconds = millis / 1000;
        if (seconds < 3600) {
            return String.format(java.util.Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        if (seconds < 86_400) {
            return String.format(java.util.Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
        }
        return String.format(java.util.Locale.ROOT, "%d d %02d h", seconds / 86_400, seconds % 86_400 / 3600);
    }

    /**
     * Parses a duration as given on the command line: a number with an optional unit {@code ms},
     * {@code s}, {@code m} or {@code h} ({@code 500ms}, {@code 2s}, {@code 1.5m}); a bare number is
     * milliseconds. Throws {@link IllegalArgumentException} for anything else.
     */
    public static long parse(String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        int split = 0;
        while (split < t.length() && (Character.isDigit(t.charAt(split)) || t.charAt(split) == '.')) {
            split++;
        }
        if (split == 0) {
            throw new IllegalArgumentException("not a duration: '" + text + "' (write 500ms, 2s, 1m or 1h)");
        }
        double number = Double.parseDouble(t.substring(0, split));
        double unit = switch (t.substring(split).strip()) {
            case "", "ms" -> 1;
            case "s", "sec" -> 1000;
            case "m", "min" -> 60_000;
            case "h" -> 3_600_000;
            default -> throw new IllegalArgumentException("not a duration: '" + text + "' (write 500ms, 2s, 1m or 1h)");
        };
        return Math.round(number * unit);
    }

    /** A width of time in words, for "per ..." labels: "minute", "5 minutes", "2 hours", "day"; odd widths as {@link #format}. */
    public static String unit(long millis) {
        long[] units = {86_400_000L, 3_600_000L, 60_000L, 1000L};
        String[] names = {"day", "hour", "minute", "second"};
        for (int i = 0; i < units.length; i++) {
            if (millis > 0 && millis % units[i] == 0) {
                long n = millis / units[i];
                return n == 1 ? names[i] : n + " " + names[i] + "s";
            }
        }
        return format(millis);
    }
}
