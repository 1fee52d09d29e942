package dev.cairn.test;

import dev.cairn.Formatter;
import dev.cairn.Level;
import dev.cairn.LogRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Conditions on captured records, combined with AND, and the assertions that end them:
 *
 * <pre>{@code
 * logs.find().level(Level.ERROR).logger("app.db").messageContains("timeout")
 *     .field("attempt", 3).exception(SocketTimeoutException.class).assertOne();
 * }</pre>
 *
 * Each condition returns a new query, so a partial query can be reused. A failed assertion's
 * message names the conditions and lists every captured record, in Python's assertLogs
 * format, so the failure explains itself. The records are read when an assertion or
 * {@link #records()} runs, not when the query is built.
 */
public final class RecordQuery {
    private static final Formatter LISTING = new Formatter(LogCapture.ASSERT_LOGS_FORMAT);

    /** How many captured records a failure message lists. */
    private static final int LISTED = 50;

    private final Supplier<List<LogRecord>> source;
    private final Supplier<String> whyNothing;
    private final List<Predicate<LogRecord>> conditions;
    private final List<String> descriptions;

    RecordQuery(Supplier<List<LogRecord>> source, Supplier<String> whyNothing) {
        this(source, whyNothing, List.of(), List.of());
    }

    private RecordQuery(Supplier<List<LogRecord>> source, Supplier<String> whyNothing,
                        List<Predicate<LogRecord>> conditions, List<String> descriptions) {
        this.source = source;
        this.whyNothing = whyNothing;
        this.conditions = conditions;
        this.descriptions = descriptions;
    }

    private RecordQuery and(String description, Predicate<LogRecord> condition) {
        List<Predicate<LogRecord>> c = new ArrayList<>(conditions);
        c.add(condition);
        List<String> d = new ArrayList<>(descriptions);
        d.add(description);
        return new RecordQuery(source, whyNothing, List.copyOf(c), List.copyOf(d));
    }

    // ---- conditions ---------------------------------------------------------------------------

    /** Records at exactly {@code level}. */
    public RecordQuery level(int level) {
        return and("level " + Level.getLevelName(level), r -> r.getLevelno() == level);
    }

    /** Records at {@code level} or above. */
    public RecordQuery atLeast(int level) {
        return and("level " + Level.getLevelName(level) + " or higher", r -> r.getLevelno() >= level);
    }

    /** Records of the logger {@code name} or a descendant of it ("" or "root" for all). */
    public RecordQuery logger(String name) {
        if (name.isEmpty() || name.equals("root")) return this;
        String prefix = name + ".";
        return and("logger " + name, r -> r.getName().equals(name) || r.getName().startsWith(prefix));
    }

    /** Records whose message ({@code getMessage()}) is exactly {@code message}. */
    public RecordQuery message(String message) {
        return and("message '" + message + "'", r -> r.getMessage().equals(message));
    }

    /** Records whose message contains {@code text}. */
    public RecordQuery messageContains(String text) {
        return and("message containing '" + text + "'", r -> r.getMessage().contains(text));
    }

    /** Records whose message contains a match of the regular expression {@code regex}. */
    public RecordQuery messageMatches(String regex) {
        Pattern pattern = Pattern.compile(regex);
        return and("message matching /" + regex + "/", r -> pattern.matcher(r.getMessage()).find());
    }

    /**
     * Records where {@code key} has {@code value}, looked up as a format's {@code %(key)s} is:
     * record attribute, {@code extra}, context (MDC), then fluent fields. Values are compared
     * with {@code equals}, so {@code 3} does not match the text {@code "3"}.
     */
    public RecordQuery field(String key, Object value) {
        return and(key + "=" + value, r -> Objects.equals(r.get(key), value));
    }

    /** Records that have {@code key} (see {@link #field}), whatever its value. */
    public RecordQuery hasField(String key) {
        return and("field " + key, r -> r.get(key) != LogRecord.MISSING);
    }

    /** Records carrying an exception that is a {@code type}. */
    public RecordQuery exception(Class<? extends Throwable> type) {
        return and("exception " + type.getName(), r -> type.isInstance(r.getExcInfo()));
    }

    /** Records carrying an exception that is a {@code type} whose message contains {@code text}. */
    public RecordQuery exception(Class<? extends Throwable> type, String text) {
        return and("exception " + type.getName() + " containing '" + text + "'", r -> type.isInstance(r.getExcInfo())
                && r.getExcInfo().getMessage() != null && r.getExcInfo().getMessage().contains(text));
    }

    /** Records without an exception. */
    public RecordQuery noException() {
        return and("no exception", r -> r.getExcInfo() == null);
    }

    /** Records for which {@code condition} holds; {@code description} names it in failures. */
    public RecordQuery matching(String description, Predicate<LogRecord> condition) {
        return and(description, condition);
    }

    // ---- results --------------------------------------------------------------------------------

    /** The records meeting every condition, in order. */
    public List<LogRecord> records() {
        List<LogRecord> out = new ArrayList<>();
        for (LogRecord r : source.get()) {
            if (test(r)) out.add(r);
        }
        return out;
    }

    /** How many records meet every condition. */
    public int count() {
        return records().size();
    }

    /** Whether any record meets every condition. */
    public boolean exists() {
        return count() > 0;
    }

    /** The messages of the matching records. */
    public List<String> messages() {
        List<String> out = new ArrayList<>();
        for (LogRecord r : records()) out.add(r.getMessage());
        return out;
    }

    private boolean test(LogRecord record) {
        for (Predicate<LogRecord> c : conditions) {
            if (!c.test(record)) return false;
        }
        return true;
    }

    // ---- assertions -------------------------------------------------------------------------------

    /** Fails unless at least one record matches; returns the first. */
    public LogRecord assertAny() {
        List<LogRecord> found = records();
        if (found.isEmpty()) throw failure("expected a record with", 0, true);
        return found.get(0);
    }

    /** Fails unless exactly one record matches; returns it. */
    public LogRecord assertOne() {
        List<LogRecord> found = records();
        if (found.size() != 1) throw failure("expected exactly one record with", found.size(), found.isEmpty());
        return found.get(0);
    }

    /** Fails unless exactly {@code n} records match; returns them. */
    public List<LogRecord> assertCount(int n) {
        List<LogRecord> found = records();
        if (found.size() != n) throw failure("expected " + n + " records with", found.size(), found.size() < n);
        return found;
    }

    /** Fails if any record matches. */
    public void assertNone() {
        int found = count();
        if (found != 0) throw failure("expected no record with", found, false);
    }

    /**
     * The failure: the expectation, the captured records (matches marked {@code *}) and, when
     * records were missing, what may explain it (see {@link LogCapture}).
     */
    private AssertionError failure(String expectation, int found, boolean missing) {
        StringBuilder sb = new StringBuilder(expectation).append(' ');
        sb.append(descriptions.isEmpty() ? "any content" : String.join(", ", descriptions));
        sb.append(", found ").append(found).append(". Captured records:");
        List<LogRecord> all = source.get();
        if (all.isEmpty()) sb.append(" none");
        // A long listing keeps the records that matched, which are the ones in question when
        // there were too many; with too few, the first ones.
        List<LogRecord> shown = all;
        if (all.size() > LISTED) {
            List<LogRecord> matched = records();
            shown = !missing && !matched.isEmpty() ? matched : all;
        }
        for (int i = 0; i < Math.min(shown.size(), LISTED); i++) {
            LogRecord r = shown.get(i);
            sb.append("\n  ").append(test(r) ? "* " : "  ").append(LISTING.format(r));
        }
        if (all.size() > Math.min(shown.size(), LISTED)) {
            sb.append("\n  ... and ").append(all.size() - Math.min(shown.size(), LISTED)).append(" more");
        }
        if (missing) sb.append(whyNothing.get());
        return new AssertionError(sb.toString());
    }

    @Override
    public String toString() {
        return "records with " + (descriptions.isEmpty() ? "any content" : String.join(", ", descriptions));
    }
}
