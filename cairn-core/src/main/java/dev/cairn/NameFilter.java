package dev.cairn;

/**
 * Python's {@code logging.Filter}: passes records whose logger is {@code name} or below it in
 * the dotted hierarchy ({@code "a.b"} passes {@code "a.b"} and {@code "a.b.c"}, not
 * {@code "a.bc"}); an empty name passes everything.
 */
public class NameFilter implements Filter {
    private final String name;

    /** A filter for the subtree rooted at {@code name} ({@code ""} or null for all records). */
    public NameFilter(String name) {
        this.name = name == null ? "" : name;
    }

    public String getName() {
        return name;
    }

    @Override
    public boolean filter(LogRecord record) {
        // Filter.filter in CPython, character for character.
        int length = name.length();
        if (length == 0) return true;
        String recordName = record.getName();
        if (recordName.equals(name)) return true;
        if (!recordName.startsWith(name)) return false;
        return recordName.length() > length && recordName.charAt(length) == '.';
    }

    @Override
    public String toString() {
        return "NameFilter(" + name + ")";
    }
}
