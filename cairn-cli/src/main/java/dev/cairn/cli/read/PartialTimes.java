package dev.cairn.cli.read;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Puts the times of one file that were written without a year (syslog's {@code Dec 10 06:55:46},
 * glog) or without a date (Logback's {@code 12:00:00.123}) into the year and day the file was
 * written, as rsyslog's readers, lnav and journalctl do. {@link TimeScanner} places such times in
 * 1970 so that they order within their file; merged with dated files, or against {@code --since},
 * they need their year.
 *
 * <p>The year is that of the file's last modification, or the year before when that would put the
 * record more than a day after the file was last written (a December line in a file last written
 * in January). A time of day goes on the day of the last modification, or the day before when it
 * would be after it. A file whose times include any day after 1970-01-01 is read as yearless
 * throughout, so its 1 January lines are dates, not times of day. Not thread safe: one per file.
 */
final class PartialTimes {

    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;
    /** Times before this were read without a year; no file of this century holds real ones. */
    private static final long YEAR_1971 = 365 * DAY;

    private final long reference;
    private final int referenceYear;
    private boolean yearless;

    /** For a file last modified at {@code reference} (epoch milliseconds). */
    PartialTimes(long reference) {
        this.reference = reference;
        this.referenceYear = LocalDateTime.ofInstant(Instant.ofEpochMilli(reference), ZoneOffset.UTC).getYear();
    }

    /** {@code entry} with its time placed, or {@code entry} itself when its time is complete or absent. */
    LogEntry place(LogEntry entry) {
        long time = entry.time();
        if (time == LogEntry.NO_TIME || time < 0 || time >= YEAR_1971 || reference < YEAR_1971) {
            return entry;
        }
        return entry.withTime(place(time));
    }

    private long place(long time) {
        yearless |= time >= DAY;
        if (!yearless) {
            long placed = Math.floorDiv(reference, DAY) * DAY + time;
            // The file was written after its last line: a later time of day is from the day before.
            return placed > reference + HOUR ? placed - DAY : placed;
        }
        LocalDateTime read = LocalDateTime.ofInstant(Instant.ofEpochMilli(time), ZoneOffset.UTC);
        long placed = read.withYear(referenceYear).toInstant(ZoneOffset.UTC).toEpochMilli();
        return placed > reference + DAY ? read.withYear(referenceYear - 1).toInstant(ZoneOffset.UTC).toEpochMilli() : placed;
    }
}
