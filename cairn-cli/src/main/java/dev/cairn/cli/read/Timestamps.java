package dev.cairn.cli.read;

import java.time.ZoneOffset;

/**
 * Reads the timestamps log files carry into epoch milliseconds without building parser objects:
 * ISO-8601 and its common relatives ({@code 2024-05-01 12:00:00,123}, {@code T}, {@code Z},
 * offsets), Python's {@code created} and other epoch numbers in seconds or milliseconds.
 * Times without an offset are read as UTC.
 */
public final class Timestamps {

    private Timestamps() {
    }

    /** Epoch milliseconds for {@code text}, or {@link LogEntry#NO_TIME} if it is not a time. */
    public static long parse(CharSequence text) {
        if (text == null) {
            return LogEntry.NO_TIME;
        }
        int n = text.length();
        if (n >= 19 && isDigits(text, 0, 4) && text.charAt(4) == '-' && isDigits(text, 5, 7)
                && text.charAt(7) == '-' && isDigits(text, 8, 10)) {
            return parseIso(text, n);
        }
        return parseEpoch(text, n);
    }

    private static long parseIso(CharSequence s, int n) {
        char sep = s.charAt(10);
        if ((sep != 'T' && sep != ' ' && sep != 't') || !isDigits(s, 11, 13) || s.charAt(13) != ':'
                || !isDigits(s, 14, 16) || s.charAt(16) != ':' || !isDigits(s, 17, 19)) {
            return LogEntry.NO_TIME;
        }
        int year = number(s, 0, 4);
        int month = number(s, 5, 7);
        int day = number(s, 8, 10);
        if (month < 1 || month > 12 || day < 1 || day > 31) {
            return LogEntry.NO_TIME;
        }
        long days = epochDay(year, month, day);
        long millis = days * 86_400_000L + number(s, 11, 13) * 3_600_000L + number(s, 14, 16) * 60_000L
                + number(s, 17, 19) * 1000L;
        int i = 19;
        if (i < n && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
            i++;
            int digits = 0;
            int fraction = 0;
            while (i < n && Character.isDigit(s.charAt(i))) {
                if (digits < 3) {
                    fraction = fraction * 10 + (s.charAt(i) - '0');
                }
                digits++;
                i++;
            }
            for (int d = digits; d < 3; d++) {
                fraction *= 10;
            }
            millis += fraction;
        }
        while (i < n && s.charAt(i) == ' ') {
            i++;
        }
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-') && i + 3 <= n && isDigits(s, i + 1, i + 3)) {
            int sign = s.charAt(i) == '-' ? -1 : 1;
            int hours = number(s, i + 1, i + 3);
            int j = i + 3;
            if (j < n && s.charAt(j) == ':') {
                j++;
            }
            int minutes = j + 2 <= n && isDigits(s, j, j + 2) ? number(s, j, j + 2) : 0;
            millis -= sign * (hours * 3_600_000L + minutes * 60_000L);
        }
        return millis;
    }

    private static long parseEpoch(CharSequence s, int n) {
        int i = 0;
        long whole = 0;
        int digits = 0;
        while (i < n && Character.isDigit(s.charAt(i))) {
            whole = whole * 10 + (s.charAt(i) - '0');
            i++;
            digits++;
        }
        if (digits < 9 || digits > 13) {
            return LogEntry.NO_TIME;
        }
        long fraction = 0;
        if (i < n && s.charAt(i) == '.') {
            i++;
            int scale = 0;
            while (i < n && Character.isDigit(s.charAt(i))) {
                if (scale < 3) {
                    fraction = fraction * 10 + (s.charAt(i) - '0');
                    scale++;
                }
                i++;
            }
            for (; scale < 3; scale++) {
                fraction *= 10;
            }
        }
        if (i != n) {
            return LogEntry.NO_TIME;
        }
        // Ten digits are seconds (until 2286); thirteen are milliseconds.
        return digits >= 12 ? whole : whole * 1000 + fraction;
    }

    private static final java.util.List<String> MONTHS = java.util.List.of(
            "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

    /**
     * Epoch milliseconds for the looser shapes log headers use, or {@link LogEntry#NO_TIME}:
     * anything {@link #parse} reads, {@code yyMMdd HHmmss}, {@code yyyyMMdd-HH:mm:ss:SSS},
     * {@code yy/MM/dd HH:mm:ss}, {@code Jun 14 15:16:01} and {@code Sun Dec 04 04:47:44 2005}.
     * A date without a year is placed in 1970, so such times order within a file but not across years.
     */
    public static long parseLoose(String text) {
        long strict = parse(text);
        if (strict != LogEntry.NO_TIME || text == null) {
            return strict;
        }
        java.util.List<String> runs = new java.util.ArrayList<>();
        int month = -1;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d+|[A-Za-z]{3,}").matcher(text);
        while (m.find()) {
            String run = m.group();
            if (Character.isDigit(run.charAt(0))) {
                runs.add(run);
            } else if (month < 0 && MONTHS.contains(run.substring(0, 3).toLowerCase(java.util.Locale.ROOT))) {
                month = MONTHS.indexOf(run.substring(0, 3).toLowerCase(java.util.Locale.ROOT)) + 1;
            }
        }
        int[] f = new int[7];  // year month day hour minute second millis
        if (month > 0 && runs.size() >= 4) {
            f[1] = month;
            f[2] = Integer.parseInt(runs.get(0));
            for (int k = 0; k < 3; k++) {
                f[3 + k] = Integer.parseInt(runs.get(1 + k));
            }
            f[0] = runs.size() > 4 && runs.get(4).length() == 4 ? Integer.parseInt(runs.get(4)) : 1970;
        } else if (runs.size() >= 2 && runs.get(0).length() == 6 && runs.get(1).length() == 6) {
            String d = runs.get(0);
            String t = runs.get(1);
            f = new int[] {2000 + num(d, 0), num(d, 2), num(d, 4), num(t, 0), num(t, 2), num(t, 4), 0};
        } else if (runs.size() >= 4 && runs.get(0).length() == 8) {
            String d = runs.get(0);
            f = new int[] {Integer.parseInt(d.substring(0, 4)), num(d, 4), num(d, 6),
                Integer.parseInt(runs.get(1)), Integer.parseInt(runs.get(2)), Integer.parseInt(runs.get(3)),
                runs.size() > 4 ? Integer.parseInt(runs.get(4)) : 0};
        } else if (runs.size() >= 6 && runs.get(1).length() <= 2 && runs.get(2).length() <= 2) {
            for (int k = 0; k < 6; k++) {
                f[k] = Integer.parseInt(runs.get(k));
            }
            f[0] = f[0] < 100 ? 2000 + f[0] : f[0];
            f[6] = runs.size() > 6 && runs.get(6).length() <= 3 ? Integer.parseInt(runs.get(6)) : 0;
        } else {
            return LogEntry.NO_TIME;
        }
        if (f[1] < 1 || f[1] > 12 || f[2] < 1 || f[2] > 31 || f[3] > 23 || f[4] > 59 || f[5] > 60) {
            return LogEntry.NO_TIME;
        }
        return epochDay(f[0], f[1], f[2]) * 86_400_000L + f[3] * 3_600_000L + f[4] * 60_000L + f[5] * 1000L + f[6];
    }

    private static int num(String s, int at) {
        return (s.charAt(at) - '0') * 10 + (s.charAt(at + 1) - '0');
    }

    /** Formats epoch milliseconds as ISO-8601 UTC with milliseconds, for output. */
    public static String format(long millis) {
        if (millis == LogEntry.NO_TIME) {
            return "-";
        }
        return java.time.format.DateTimeFormatter.ISO_INSTANT
                .format(java.time.Instant.ofEpochMilli(millis).atOffset(ZoneOffset.UTC).toInstant());
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil), allocation free. */
    static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468;
    }

    private static boolean isDigits(CharSequence s, int from, int to) {
        if (to > s.length()) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int number(CharSequence s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (s.charAt(i) - '0');
        }
        return value;
    }
}
