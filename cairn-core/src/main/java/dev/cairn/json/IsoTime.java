package dev.cairn.json;

/**
 * Writes an instant as ISO-8601 / RFC 3339 UTC text with milliseconds
 * ({@code 2024-05-01T10:00:00.123Z}) straight into a builder: the civil date comes from the
 * day number by Howard Hinnant's {@code civil_from_days}, so nothing is allocated. Stateless.
 */
final class IsoTime {
    private IsoTime() {}

    /** Appends the UTC time of {@code epochMillis}. */
    static void appendMillis(StringBuilder out, long epochMillis) {
        long days = Math.floorDiv(epochMillis, 86_400_000L);
        int msOfDay = (int) Math.floorMod(epochMillis, 86_400_000L);
        // civil_from_days (http://howardhinnant.github.io/date_algorithms.html)
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long y = yoe + era * 400;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int d = (int) (doy - (153 * mp + 2) / 5 + 1);
        int m = (int) (mp < 10 ? mp + 3 : mp - 9);
        if (m <= 2) y++;
        if (y < 0 || y > 9999) {
            // Outside what four digits hold; java.time writes the expanded form.
            out.append(java.time.Instant.ofEpochMilli(epochMillis));
            return;
        }
        pad(out, (int) y, 4);
        out.append('-');
        pad(out, m, 2);
        out.append('-');
        pad(out, d, 2);
        out.append('T');
        pad(out, msOfDay / 3_600_000, 2);
        out.append(':');
        pad(out, msOfDay / 60_000 % 60, 2);
        out.append(':');
        pad(out, msOfDay / 1000 % 60, 2);
        out.append('.');
        pad(out, msOfDay % 1000, 3);
        out.append('Z');
    }

    /** Milliseconds since the epoch of a Python {@code created} (seconds as a double), rounded. */
    static long millis(double created) {
        return Math.round(created * 1000.0);
    }

    /** Nanoseconds since the epoch of {@code created}, rounded to the microsecond a double can hold. */
    static long nanos(double created) {
        long seconds = (long) Math.floor(created);
        long micros = Math.round((created - seconds) * 1_000_000.0);
        return seconds * 1_000_000_000L + micros * 1000L;
    }

    private static void pad(StringBuilder out, int value, int width) {
        int digits = value < 10 ? 1 : value < 100 ? 2 : value < 1000 ? 3 : 4;
        for (int i = digits; i < width; i++) out.append('0');
        out.append(value);
    }
}
