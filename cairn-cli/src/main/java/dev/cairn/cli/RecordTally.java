package dev.cairn.cli;

import dev.cairn.cli.read.LogEntry;

/** Counts of records and errors with their time span, added one record at a time; subclassed by the summaries that need them. Not thread safe. */
public class RecordTally {

    private long records;
    private long errors;
    private long first = LogEntry.NO_TIME;
    private long last = LogEntry.NO_TIME;

    /** Counts one record, its error and its time. */
    public void add(LogEntry e) {
        records++;
        if (e.isError()) {
            errors++;
        }
        long t = e.time();
        if (t != LogEntry.NO_TIME) {
            first = first == LogEntry.NO_TIME ? t : Math.min(first, t);
            last = last == LogEntry.NO_TIME ? t : Math.max(last, t);
        }
    }

    /** The records counted. */
    public long records() {
        return records;
    }

    /** The error records among them. */
    public long errors() {
        return errors;
    }

    /** Time of the earliest record, epoch millis, or {@link LogEntry#NO_TIME}. */
    public long first() {
        return first;
    }

    /** Time of the latest record, epoch millis, or {@link LogEntry#NO_TIME}. */
    public long last() {
        return last;
    }

    /** From the earliest to the latest record, in milliseconds; 0 without times. */
    public long duration() {
        return first == LogEntry.NO_TIME ? 0 : last - first;
    }
}
