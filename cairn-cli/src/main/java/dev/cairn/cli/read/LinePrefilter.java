package dev.cairn.cli.read;

import java.util.function.Predicate;

/**
 * A test on the raw bytes of a line that lets a reader skip records without decoding or parsing
 * them; search and trace use it to read hundreds of megabytes a second. The reader applies it to
 * lines of JSON files that start with '{'. A skipped record is read after all when the lines after
 * it turn out to be its continuation (a stack trace), so a prefilter judges a line alone.
 */
@FunctionalInterface
public interface LinePrefilter {

    /**
     * False only when {@code bytes[from, to)} (a line without its line end) is certainly one whole
     * record of the file's format that, on its own, does not match; true to read it as usual.
     * {@code bytes} is lent for the call only.
     */
    boolean mayMatch(byte[] bytes, int from, int to, String source, long lineNumber);

    /**
     * A prefilter from a test on the decoded text of a line, applied to lines that look like one JSON
     * object. Skipping a line the format would not read as a record is harmless here: the reader
     * then counts it as malformed, if a continuation line makes it read it after all.
     */
    static LinePrefilter ofText(Predicate<String> test) {
        return (bytes, from, to, source, lineNumber) -> to - from < 2 || bytes[to - 1] != '}'
                || test.test(LineSource.decode(bytes, from, to));
    }
}
