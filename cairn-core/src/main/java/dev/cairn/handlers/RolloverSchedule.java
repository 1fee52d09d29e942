package dev.cairn.handlers;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * When a {@link TimedRotatingFileHandler} rolls over: Python's {@code when}/{@code interval}/
 * {@code utc}/{@code atTime} settings, the suffix and the pattern of rotated names they imply,
 * and CPython 3.11's {@code computeRollover}, DST corrections included. Times are whole epoch
 * seconds, as Python's {@code int(time.time())}. Local time is the zone the JVM had when the
 * schedule was made (Python's {@code time.localtime}, which follows {@code TZ}). Immutable.
 */
final class RolloverSchedule {
    /** Python's {@code _MIDNIGHT}: seconds in a day. */
    static final long MIDNIGHT = 24 * 60 * 60;

    final String when;
    final long interval;
    final boolean utc;
    final LocalTime atTime;
    final String suffix;
    final Pattern extMatch;
    private final int dayOfWeek;
    private final ZoneId zone;

    /**
     * The schedule for Python's {@code when} (S, M, H, D, MIDNIGHT, W0-W6, any case) and a
     * positive number of those units.
     *
     * @throws IllegalArgumentException with Python's message for a bad {@code when}, or for an
     *     interval below 1 (where Python would loop forever at the first rollover)
     */
    RolloverSchedule(String when, int interval, boolean utc, LocalTime atTime) {
        this.when = when.toUpperCase(Locale.ROOT);
        this.utc = utc;
        this.atTime = atTime;
        this.zone = ZoneId.systemDefault();
        long unit;
        int day = -1;
        // TimedRotatingFileHandler.__init__
        if (this.when.equals("S")) {
            unit = 1;
            suffix = "%Y-%m-%d_%H-%M-%S";
            extMatch = compile("^\\d{4}-\\d{2}-\\d{2}_\\d{2}-\\d{2}-\\d{2}(\\.\\w+)?$");
        } else if (this.when.equals("M")) {
            unit = 60;
            suffix = "%Y-%m-%d_%H-%M";
            extMatch = compile("^\\d{4}-\\d{2}-\\d{2}_\\d{2}-\\d{2}(\\.\\w+)?$");
        } else if (this.when.equals("H")) {
            unit = 60 * 60;
            suffix = "%Y-%m-%d_%H";
            extMatch = compile("^\\d{4}-\\d{2}-\\d{2}_\\d{2}(\\.\\w+)?$");
        } else if (this.when.equals("D") || this.when.equals("MIDNIGHT")) {
            unit = MIDNIGHT;
            suffix = "%Y-%m-%d";
            extMatch = compile("^\\d{4}-\\d{2}-\\d{2}(\\.\\w+)?$");
        } else if (this.when.startsWith("W")) {
            unit = 7 * MIDNIGHT;
            if (this.when.length() != 2) {
                throw new IllegalArgumentException("You must specify a day for weekly rollover from 0 to 6 (0 is Monday): " + this.when);
            }
            char d = this.when.charAt(1);
            if (d < '0' || d > '6') throw new IllegalArgumentException("Invalid day specified for weekly rollover: " + this.when);
            day = d - '0';
            suffix = "%Y-%m-%d";
            extMatch = compile("^\\d{4}-\\d{2}-\\d{2}(\\.\\w+)?$");
        } else {
            throw new IllegalArgumentException("Invalid rollover interval specified: " + this.when);
        }
        if (interval < 1) throw new IllegalArgumentException("interval must be 1 or more, got " + interval);
        this.dayOfWeek = day;
        this.interval = unit * interval;
    }

    /** Python's extMatch is compiled with {@code re.ASCII}; {@code $} may precede only a final {@code \n}. */
    private static Pattern compile(String regex) {
        return Pattern.compile(regex, Pattern.UNIX_LINES);
    }

    /** Whether rollovers fall at a time of day (midnight, atTime, weekday) rather than every interval. */
    boolean isTimeOfDay() {
        return when.equals("MIDNIGHT") || when.startsWith("W");
    }

    /** CPython 3.11's {@code computeRollover(currentTime)}: the first rollover time after {@code currentTime}. */
    long computeRollover(long currentTime) {
        long result = currentTime + interval;
        if (!isTimeOfDay()) return result;
        ZonedDateTime t = timeTuple(currentTime);
        int currentDay = t.getDayOfWeek().getValue() - 1;
        long rotateTs = atTime == null ? MIDNIGHT
                : (atTime.getHour() * 60L + atTime.getMinute()) * 60 + atTime.getSecond();
        long r = rotateTs - ((t.getHour() * 60L + t.getMinute()) * 60 + t.getSecond());
        if (r < 0) {
            // The rotation time is before the current time of day: it is tomorrow's.
            r += MIDNIGHT;
            currentDay = (currentDay + 1) % 7;
        }
        result = currentTime + r;
        if (when.startsWith("W") && currentDay != dayOfWeek) {
            int daysToWait = currentDay < dayOfWeek ? dayOfWeek - currentDay : 6 - currentDay + dayOfWeek + 1;
            long newRolloverAt = result + daysToWait * MIDNIGHT;
            if (!utc) newRolloverAt += dstCorrection(isDst(currentTime), newRolloverAt);
            result = newRolloverAt;
        }
        return result;
    }

    /**
     * Python's DST adjustment of a rollover time: -3600 when DST starts before {@code rolloverAt},
     * +3600 when it ends, 0 otherwise.
     */
    long dstCorrection(boolean dstNow, long rolloverAt) {
        boolean dstAtRollover = isDst(rolloverAt);
        if (dstNow == dstAtRollover) return 0;
        return dstNow ? 3600 : -3600;
    }

    /**
     * The time whose strftime names the file rotated at {@code currentTime}: the start of the
     * interval ending at {@code rolloverAt}, shifted an hour when DST changed in between
     * (CPython's {@code doRollover}).
     */
    ZonedDateTime nameTime(long rolloverAt, long currentTime) {
        long t = rolloverAt - interval;
        if (utc) return timeTuple(t);
        boolean dstNow = isDst(currentTime);
        boolean dstThen = isDst(t);
        if (dstNow != dstThen) return timeTuple(t + (dstNow ? 3600 : -3600));
        return timeTuple(t);
    }

    /** Python's {@code time.gmtime(t)} or {@code time.localtime(t)}, as the schedule is UTC or not. */
    ZonedDateTime timeTuple(long t) {
        return ZonedDateTime.ofInstant(Instant.ofEpochSecond(t), utc ? ZoneOffset.UTC : zone);
    }

    /** {@code time.localtime(t).tm_isdst}. */
    boolean isDst(long t) {
        return zone.getRules().isDaylightSavings(Instant.ofEpochSecond(t));
    }
}
