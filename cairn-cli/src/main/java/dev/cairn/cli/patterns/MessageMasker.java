package dev.cairn.cli.patterns;

import java.util.Arrays;
import java.util.Set;

/**
 * Turns a log message into its masked key: whitespace-separated tokens in which every
 * variable-looking part is replaced by {@code <*>}, joined by single spaces.
 *
 * <p>A token is split into words at punctuation ({@code = : , ; ( ) [ ] { } < > " ' | # @} and
 * runs of dots); a word is variable when it holds a digit or looks like a path. Whole tokens
 * made of hex groups ({@code FF:F2:9F:16}, MAC and IPv6 addresses) are one variable. A number
 * followed by a unit ({@code 5.2 KB}) is one variable, as is a date written with month and day
 * names, and a run of variables collapses to one so that lists of any length share a key.
 *
 * <p>This is the miner's hot path: it allocates nothing per message once its buffers have
 * grown. Not thread safe; the buffers it exposes are overwritten by the next call.
 */
public final class MessageMasker {

    /** The text that stands for one variable part. */
    public static final String WILDCARD = "<*>";

    private static final Set<String> UNITS = Set.of(
            "B", "KB", "MB", "GB", "TB", "KiB", "MiB", "GiB", "ms", "us", "ns", "s", "sec");
    private static final Set<String> MONTHS = Set.of(
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");
    private static final Set<String> DAYS = Set.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");

    private static final boolean[] DELIMITER = new boolean[128];

    static {
        for (char c : "=:,;()[]{}<>\"'|#@".toCharArray()) {
            DELIMITER[c] = true;
        }
    }

    // Phase one: masked tokens written one after another, with their bounds.
    private char[] masked = new char[256];
    private int maskedLength;
    private int[] start = new int[32];
    private int[] end = new int[32];
    private int tokens;

    // Phase two: each final token is masked[start,end) followed by masked[tailStart,tailEnd).
    private int[] tailStart = new int[32];
    private int[] tailEnd = new int[32];
    private boolean[] wild = new boolean[32];

    private char[] key = new char[256];
    private int keyLength;
    private int keyTokens;

    /**
     * Masks {@code message}; the result is then read through {@link #key()},
     * {@link #keyLength()} and {@link #keyTokenCount()}.
     */
    public void mask(CharSequence message) {
        maskedLength = 0;
        tokens = 0;
        int n = message.length();
        int i = 0;
        while (i < n) {
            while (i < n && isSpace(message.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int from = i;
            while (i < n && !isSpace(message.charAt(i))) {
                i++;
            }
            maskToken(message, from, i);
        }
        foldUnits();
        maskDates();
        writeKey();
    }

    /** The masked key's characters; valid up to {@link #keyLength()} until the next call. */
    public char[] key() {
        return key;
    }

    /** Length of the masked key in {@link #key()}. */
    public int keyLength() {
        return keyLength;
    }

    /** Number of space-separated tokens in the masked key. */
    public int keyTokenCount() {
        return keyTokens;
    }

    /** The masked key as a new string, for callers off the hot path. */
    public String keyString() {
        return new String(key, 0, keyLength);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    private static boolean isDelimiter(CharSequence s, int i, int to) {
        char c = s.charAt(i);
        if (c < 128 && DELIMITER[c]) {
            return true;
        }
        // A run of dots is padding ("processor.........0"), not part of a dotted name.
        return c == '.' && i + 1 < to && s.charAt(i + 1) == '.';
    }

    private void maskToken(CharSequence s, int from, int to) {
        ensureTokenCapacity(tokens + 1);
        ensureMaskedCapacity(maskedLength + (to - from) + 3);
        start[tokens] = maskedLength;
        if (isHexGroups(s, from, to)) {
            appendWildcard();
        } else {
            int word = from;
            for (int i = from; i < to; i++) {
                if (isDelimiter(s, i, to)) {
                    appendWord(s, word, i);
                    masked[maskedLength++] = s.charAt(i);
                    word = i + 1;
                }
            }
            appendWord(s, word, to);
        }
        end[tokens] = maskedLength;
        tokens++;
    }

    private void appendWord(CharSequence s, int from, int to) {
        if (from >= to) {
            return;
        }
        if (isVariableWord(s, from, to)) {
            ensureMaskedCapacity(maskedLength + 3);
            appendWildcard();
        } else {
            for (int i = from; i < to; i++) {
                masked[maskedLength++] = s.charAt(i);
            }
        }
    }

    private void appendWildcard() {
        masked[maskedLength++] = '<';
        masked[maskedLength++] = '*';
        masked[maskedLength++] = '>';
    }

    /** A word with a digit is a number, id or address; one shaped like a path is a file name. */
    static boolean isVariableWord(CharSequence s, int from, int to) {
        int slashes = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
            if (c == '/') {
                slashes++;
            }
        }
        if (slashes == 0) {
            return false;
        }
        char first = s.charAt(from);
        if (first == '/' || slashes >= 2) {
            return true;
        }
        return startsWith(s, from, to, "./") || startsWith(s, from, to, "../")
                || startsWith(s, from, to, "~/");
    }

    private static boolean startsWith(CharSequence s, int from, int to, String prefix) {
        if (to - from < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (s.charAt(from + i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** At least four groups of up to four hex digits separated by ':', '.' or '-', with a digit. */
    static boolean isHexGroups(CharSequence s, int from, int to) {
        int groups = 0;
        int groupLength = 0;
        boolean digit = false;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
                groupLength++;
            } else if ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')) {
                groupLength++;
            } else if (c == ':' || c == '.' || c == '-') {
                if (groupLength == 0 && c != ':') {
                    return false;  // only IPv6 may leave a group empty ("fe80::1")
                }
                groups++;
                groupLength = 0;
                continue;
            } else {
                return false;
            }
            if (groupLength > 4) {
                return false;
            }
        }
        if (groupLength == 0) {
            return false;
        }
        return digit && groups + 1 >= 4;
    }

    /** Folds "{@code <*> KB,}" into one token "{@code <*>,}" so that the unit is part of the value. */
    private void foldUnits() {
        int out = 0;
        for (int i = 0; i < tokens; i++) {
            if (out > 0 && tailStart[out - 1] == tailEnd[out - 1] && isWildcard(start[out - 1], end[out - 1])) {
                int coreEnd = end[i];
                while (coreEnd > start[i] && isTrailer(masked[coreEnd - 1])) {
                    coreEnd--;
                }
                if (isOneOf(UNITS, start[i], coreEnd)) {
                    tailStart[out - 1] = coreEnd;
                    tailEnd[out - 1] = end[i];
                    continue;
                }
            }
            start[out] = start[i];
            end[out] = end[i];
            tailStart[out] = 0;
            tailEnd[out] = 0;
            out++;
        }
        tokens = out;
    }

    private static boolean isTrailer(char c) {
        return c == ',' || c == ';' || c == ')';
    }

    /** Masks month names before a number and day names before a masked month or number. */
    private void maskDates() {
        for (int i = 0; i < tokens; i++) {
            wild[i] = tailStart[i] == tailEnd[i] && isWildcard(start[i], end[i]);
        }
        for (int i = 0; i + 1 < tokens; i++) {
            if (!wild[i] && isOneOf(MONTHS, start[i], end[i]) && startsWithWildcard(i + 1)) {
                wild[i] = true;
            }
        }
        for (int i = 0; i + 1 < tokens; i++) {
            if (!wild[i] && wild[i + 1] && isOneOf(DAYS, start[i], end[i])) {
                wild[i] = true;
            }
        }
    }

    private boolean startsWithWildcard(int token) {
        int s = start[token];
        return end[token] - s >= 3 && masked[s] == '<' && masked[s + 1] == '*' && masked[s + 2] == '>';
    }

    private boolean isWildcard(int from, int to) {
        return to - from == 3 && masked[from] == '<' && masked[from + 1] == '*' && masked[from + 2] == '>';
    }

    private boolean isOneOf(Set<String> words, int from, int to) {
        int length = to - from;
        if (length < 1 || length > 3) {
            return false;
        }
        return words.contains(new String(masked, from, length));
    }

    private void writeKey() {
        ensureKeyCapacity(maskedLength + 4 * tokens + 4);
        keyLength = 0;
        keyTokens = 0;
        boolean previousWild = false;
        for (int i = 0; i < tokens; i++) {
            if (wild[i] && previousWild) {
                continue;  // a list of values of any length is one parameter
            }
            if (keyTokens > 0) {
                key[keyLength++] = ' ';
            }
            if (wild[i]) {
                key[keyLength++] = '<';
                key[keyLength++] = '*';
                key[keyLength++] = '>';
            } else {
                keyLength = copy(start[i], end[i], keyLength);
                keyLength = copy(tailStart[i], tailEnd[i], keyLength);
            }
            previousWild = wild[i];
            keyTokens++;
        }
    }

    private int copy(int from, int to, int at) {
        int length = to - from;
        System.arraycopy(masked, from, key, at, length);
        return at + length;
    }

    private void ensureTokenCapacity(int needed) {
        if (needed > start.length) {
            int size = Math.max(needed, start.length * 2);
            start = Arrays.copyOf(start, size);
            end = Arrays.copyOf(end, size);
            tailStart = Arrays.copyOf(tailStart, size);
            tailEnd = Arrays.copyOf(tailEnd, size);
            wild = Arrays.copyOf(wild, size);
        }
    }

    private void ensureMaskedCapacity(int needed) {
        if (needed > masked.length) {
            masked = Arrays.copyOf(masked, Math.max(needed, masked.length * 2));
        }
    }

    private void ensureKeyCapacity(int needed) {
        if (needed > key.length) {
            key = Arrays.copyOf(key, Math.max(needed, key.length * 2));
        }
    }
}
