package dev.cairn.cli.read;

/** One way of reading a line into a record; implementations are immutable and thread safe. */
public interface LineFormat {

    /** A short name for messages and {@code --json} output, such as {@code json} or {@code logfmt}. */
    String name();

    /**
     * The record that starts on {@code line}, or null when the line does not start a record in this
     * format (it may then be a continuation of the previous record, or malformed).
     */
    LogEntry parse(String line, String source, long lineNumber);
}
