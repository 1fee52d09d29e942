package dev.cairn.cli.read;

/**
 * Finds a timestamp at a given place in a line, in one of the shapes log headers are written in,
 * and reads it into epoch milliseconds without regular expressions:
 * <ul>
 *   <li>a numeric date, then a time: {@code 2024-05-01 12:00:00,123}, {@code 2024-05-01T12:00:00.123+02:00},
 *       {@code 2024/05/01 12:00:00}, {@code 17/06/09 20:10:40} (yy/MM/dd), {@code 081109 203615} (yyMMdd HHmmss),
 *       {@code 20171223-22:15:29:606} and {@code 20171223-22:32:0:95} (the last number counting milliseconds),
 *       {@code 2005-06-03-15.42.50.675872};</li>
 *   <li>a month name: {@code 10/Oct/2000:13:55:36 -0700} (access logs), {@code 01-May-2024 12:00:00.123},
 *       {@code 01 May 2024 12:00:00.123} (Redis), {@code Wed, 01 May 2024 12:00:00 +0000} (RFC 2822),
 *       {@code Dec 10 06:55:46} and {@code Dec  1 06:55:46} (syslog), {@code Sun Dec 04 04:47:44 2005}
 *       (ctime, Apache), {@code Tue May 01 12:00:00 UTC 2024} (Java's {@code Date});</li>
 *   <li>a time alone, {@code 12:00:00.123} (Logback's default), or epoch seconds (ten digits, optional
 *       fraction) or milliseconds (thirteen digits).</li>
 * </ul>
 * A time without an offset is read as UTC; a shape without a year is placed in 1970 and one without
 * a date on 1970-01-01, as {@link Timestamps#parseLoose} does, so such times order within a file. A
 * timestamp must end where a word ends (not inside a longer run of letters or digits). Stateless.
 */
final class TimeScanner {

    /** A timestamp found by {@link #scan}: where it ends in the line, and its value. */
    record Found(int end, long millis) {
    }

    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

    private TimeScanner() {
    }

    /** The timestamp that starts at {@code at} in {@code s}, or null when none of the known shapes starts there. */
    static Found scan(CharSequence s, int at) {
        if (at >= s.length()) {
            return null;
        }
        Found found = isDigit(s.charAt(at)) ? numeric(s, at) : named(s, at);
        return found != null && endsWord(s, found.end) ? found : null;
    }

    private static Found numeric(CharSequence s, int at) {
        int run = digitRun(s, at);
        int after = at + run;
        char next = charAt(s, after);
        if (run == 4 && (next == '-' || next == '/' || next == '.')) {
            // yyyy-MM-dd, yyyy/MM/dd, yyyy.MM.dd
            int month = digitRun(s, after + 1);
            int monthEnd = after + 1 + month;
            if (month < 1 || month > 2 || charAt(s, monthEnd) != next) {
                return null;
            }
            int day = digitRun(s, monthEnd + 1);
            if (day < 1 || day > 2) {
                return null;
            }
            return dateThenTime(s, monthEnd + 1 + day, number(s, at, after), number(s, after + 1, monthEnd),
                    number(s, monthEnd + 1, monthEnd + 1 + day));
        }
        if (run == 2 && next == '/' && digitRun(s, after + 1) == 2 && charAt(s, after + 3) == '/'
                && digitRun(s, after + 4) == 2) {
            // yy/MM/dd, as log4j's %d{yy/MM/dd HH:mm:ss} writes it (Spark)
            return dateThenTime(s, after + 6, 2000 + number(s, at, after), number(s, after + 1, after + 3),
                    number(s, after + 4, after + 6));
        }
        if (run >= 1 && run <= 2 && (next == '/' || next == '-' || next == ' ') && month(s, after + 1) > 0
                && charAt(s, after + 4) == next && digitRun(s, after + 5) == 4) {
            // dd/MMM/yyyy (access logs), dd-MMM-yyyy (Tomcat), dd MMM yyyy (Redis, RFC 2822 after its day)
            return dateThenTime(s, after + 9, number(s, after + 5, after + 9), month(s, after + 1), number(s, at, after));
        }
        if (run == 8 && (next == '-' || next == ' ' || next == 'T')) {
            // yyyyMMdd-HH:mm:ss
            return dateThenTime(s, after, number(s, at, at + 4), number(s, at + 4, at + 6), number(s, at + 6, at + 8));
        }
        if (run == 6 && next == ' ' && digitRun(s, after + 1) == 6) {
            // yyMMdd HHmmss
            int t = after + 1;
            return value(s, t + 6, 2000 + number(s, at, at + 2), number(s, at + 2, at + 4), number(s, at + 4, at + 6),
                    number(s, t, t + 2), number(s, t + 2, t + 4), number(s, t + 4, t + 6), 0);
        }
        if (run == 10 || run == 13) {
            return epoch(s, at, run);
        }
        if (run >= 1 && run <= 2 && next == ':') {
            return clock(s, at, 1970, 1, 1);
        }
        return null;
    }

    /** After a date ending at {@code at}: a separator ({@code ' ', T, -, :, _}) and a time are required. */
    private static Found dateThenTime(CharSequence s, int at, int year, int month, int day) {
        char sep = charAt(s, at);
        if (sep != ' ' && sep != 'T' && sep != '-' && sep != ':' && sep != '_') {
            return null;
        }
        return clock(s, at + 1, year, month, day);
    }

    /** {@code H:mm:ss} or {@code H.mm.ss} with a fraction and an offset, on the given day. */
    private static Found clock(CharSequence s, int at, int year, int month, int day) {
        int hour = digitRun(s, at);
        char sep = charAt(s, at + hour);
        if (hour < 1 || hour > 2 || (sep != ':' && sep != '.')) {
            return null;
        }
        int m = at + hour + 1;
        int minute = digitRun(s, m);
        if (minute < 1 || minute > 2 || charAt(s, m + minute) != sep) {
            return null;
        }
        int sec = m + minute + 1;
        int second = digitRun(s, sec);
        if (second < 1 || second > 2) {
            return null;
        }
        int i = sec + second;
        int millis = 0;
        char f = charAt(s, i);
        int fraction = digitRun(s, i + 1);
        if ((f == '.' || f == ',') && fraction > 0) {
            millis = fractionMillis(s, i + 1, fraction);
            i += 1 + fraction;
        } else if (f == ':' && sep == ':' && fraction >= 1 && fraction <= 3) {
            millis = number(s, i + 1, i + 1 + fraction);  // HealthApp's :606 and :95 count milliseconds
            i += 1 + fraction;
        }
        Found local = value(s, i, year, month, day, number(s, at, at + hour), number(s, m, m + minute),
                number(s, sec, sec + second), millis);
        return local == null ? null : offset(s, local);
    }

    /** Applies a {@code Z}, {@code +02:00}, {@code +0200}, {@code  -0700} or {@code  UTC} offset after the time, if there is one. */
    private static Found offset(CharSequence s, Found local) {
        int i = local.end;
        char c = charAt(s, i);
        if (c == 'Z') {
            return new Found(i + 1, local.millis);
        }
        if (c == ' ' && (matches(s, i + 1, "UTC") || matches(s, i + 1, "GMT")) && !Character.isLetter(charAt(s, i + 4))) {
            return new Found(i + 4, local.millis);  // PostgreSQL's "%m": 2024-05-01 12:00:00.123 UTC
        }
        int sign = i;
        if (c == ' ' && (charAt(s, i + 1) == '+' || charAt(s, i + 1) == '-') && digitRun(s, i + 2) == 4) {
            sign = i + 1;  // the access log's " -0700"
        } else if (c != '+' && c != '-') {
            return local;
        }
        int digits = digitRun(s, sign + 1);
        int hours;
        int minutes;
        int end;
        if (digits == 4) {
            hours = number(s, sign + 1, sign + 3);
            minutes = number(s, sign + 3, sign + 5);
            end = sign + 5;
        } else if (digits == 2 && charAt(s, sign + 3) == ':' && digitRun(s, sign + 4) == 2) {
            hours = number(s, sign + 1, sign + 3);
            minutes = number(s, sign + 4, sign + 6);
            end = sign + 6;
        } else if (digits == 2 && !isDigit(charAt(s, sign + 3))) {
            hours = number(s, sign + 1, sign + 3);
            minutes = 0;
            end = sign + 3;
        } else {
            return local;
        }
        if (hours > 18 || minutes > 59) {
            return local;
        }
        long shift = (hours * 60L + minutes) * 60_000L;
        return new Found(end, charAt(s, sign) == '-' ? local.millis + shift : local.millis - shift);
    }

    private static Found epoch(CharSequence s, int at, int run) {
        long whole = 0;
        for (int i = at; i < at + run; i++) {
            whole = whole * 10 + (s.charAt(i) - '0');
        }
        if (run == 13) {
            return new Found(at + run, whole);
        }
        int i = at + run;
        int fraction = charAt(s, i) == '.' ? digitRun(s, i + 1) : 0;
        long millis = whole * 1000 + (fraction > 0 ? fractionMillis(s, i + 1, fraction) : 0);
        return new Found(fraction > 0 ? i + 1 + fraction : i, millis);
    }

    /** Shapes that start with a day or month name. */
    private static Found named(CharSequence s, int at) {
        int i = at;
        if (isOneOf(s, i, DAYS)) {
            i += 3;
            if (charAt(s, i) == ',') {
                i++;
            }
            if (charAt(s, i) != ' ') {
                return null;
            }
            i++;
            if (isDigit(charAt(s, i))) {
                return numeric(s, i);  // RFC 2822: "Wed, 01 May 2024 12:00:00 +0000"
            }
        }
        int month = month(s, i);
        if (month == 0 || charAt(s, i + 3) != ' ') {
            return null;
        }
        i += 4;
        if (charAt(s, i) == ' ') {
            i++;  // syslog pads a one-digit day with a space: "Dec  1"
        }
        int day = digitRun(s, i);
        if (day < 1 || day > 2 || charAt(s, i + day) != ' ') {
            return null;
        }
        int dayOfMonth = number(s, i, i + day);
        Found time = clock(s, i + day + 1, 1970, month, dayOfMonth);
        if (time == null) {
            return null;
        }
        // A year after the time (ctime), perhaps after a zone name (Java's Date.toString).
        int j = time.end;
        if (charAt(s, j) == ' ' && isUpperLetters(s, j + 1, 3) && (charAt(s, j + 4) == ' '
                || isUpperLetter(charAt(s, j + 4)) && charAt(s, j + 5) == ' ')) {
            j = charAt(s, j + 4) == ' ' ? j + 4 : j + 5;
        }
        if (charAt(s, j) == ' ' && digitRun(s, j + 1) == 4) {
            long days = Timestamps.epochDay(number(s, j + 1, j + 5), month, dayOfMonth)
                    - Timestamps.epochDay(1970, month, dayOfMonth);
            return new Found(j + 5, time.millis + days * 86_400_000L);
        }
        return time;
    }

    private static Found value(CharSequence s, int end, int year, int month, int day, int hour, int minute,
                               int second, int millis) {
        if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) {
            return null;
        }
        return new Found(end, Timestamps.epochDay(year, month, day) * 86_400_000L + hour * 3_600_000L
                + minute * 60_000L + second * 1000L + millis);
    }

    /** The month (1-12) whose English abbreviation starts at {@code at}, or 0. */
    private static int month(CharSequence s, int at) {
        for (int m = 0; m < MONTHS.length; m++) {
            if (matches(s, at, MONTHS[m])) {
                return m + 1;
            }
        }
        return 0;
    }

    private static boolean isOneOf(CharSequence s, int at, String[] words) {
        for (String w : words) {
            if (matches(s, at, w)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(CharSequence s, int at, String word) {
        if (at + word.length() > s.length()) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if (s.charAt(at + k) != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean endsWord(CharSequence s, int end) {
        return end >= s.length() || !Character.isLetterOrDigit(s.charAt(end));
    }

    private static int fractionMillis(CharSequence s, int at, int digits) {
        int millis = 0;
        for (int k = 0; k < 3; k++) {
            millis = millis * 10 + (k < digits ? s.charAt(at + k) - '0' : 0);
        }
        return millis;
    }

    private static boolean isUpperLetters(CharSequence s, int at, int count) {
        for (int k = 0; k < count; k++) {
            if (!isUpperLetter(charAt(s, at + k))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUpperLetter(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static char charAt(CharSequence s, int i) {
        return i < s.length() ? s.charAt(i) : '\0';
    }

    private static int digitRun(CharSequence s, int at) {
        int i = at;
        while (i < s.length() && isDigit(s.charAt(i))) {
            i++;
        }
        return i - at;
    }

    private static int number(CharSequence s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (s.charAt(i) - '0');
        }
        return value;
    }
}
