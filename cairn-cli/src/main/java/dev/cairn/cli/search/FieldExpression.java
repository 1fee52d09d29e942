package dev.cairn.cli.search;

import dev.cairn.cli.read.LogEntry;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One condition on a record field, as written on the command line: {@code user=alice},
 * {@code status!=200}, {@code duration_ms>500}, {@code duration_ms<=10}, {@code path~^/api/}
 * (regular expression). Numeric comparisons hold only for values that are numbers. The names
 * {@code level}, {@code logger}, {@code message}, {@code trace_id} and {@code service} mean the
 * record's own parts; any other name is looked up among the record's fields.
 */
public final class FieldExpression implements Predicate<LogEntry> {

    private static final Pattern SYNTAX = Pattern.compile("^([\\w.@-]+)\\s*(!=|>=|<=|!~|=|>|<|~)\\s*(.*)$");

    private final String field;
    private final String operator;
    private final String value;
    private final double number;
    private final Pattern regex;

    private FieldExpression(String field, String operator, String value) {
        this.field = field;
        this.operator = operator;
        this.value = value;
        this.number = parseNumber(value);
        this.regex = operator.endsWith("~") ? Pattern.compile(value) : null;
    }

    /** Parses an expression; throws {@link IllegalArgumentException} with a readable message when it is not one. */
    public static FieldExpression parse(String text) {
        Matcher m = SYNTAX.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a field expression: '" + text
                    + "' (write name=value, name!=value, name>number, name<number, name~regex)");
        }
        String value = m.group(3);
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
            value = value.substring(1, value.length() - 1);
        }
        return new FieldExpression(m.group(1), m.group(2), value);
    }

    /** The field name this expression reads. */
    public String field() {
        return field;
    }

    /** The comparison: one of {@code = != > < >= <= ~ !~}. */
    String operator() {
        return operator;
    }

    /** The value compared with, or the regular expression's text. */
    String value() {
        return value;
    }

    /** The regular expression of {@code ~} and {@code !~}, else null. */
    Pattern regex() {
        return regex;
    }

    /** True when {@link #valueOf} reads {@code field} as a field of its own name, not a record part such as the level. */
    static boolean isPlainField(String field) {
        return switch (field) {
            case "level", "logger", "message", "msg", "trace_id", "trace", "span_id", "service", "exception" -> false;
            default -> true;
        };
    }

    @Override
    public boolean test(LogEntry entry) {
        return holdsFor(valueOf(entry, field));
    }

    /** Whether the expression holds for a field whose value is {@code actual} (null when absent). */
    boolean holdsFor(String actual) {
        switch (operator) {
            case "=":
                return value.equals(actual);
            case "!=":
                return !value.equals(actual);
            case "~":
                return actual != null && regex.matcher(actual).find();
            case "!~":
                return actual == null || !regex.matcher(actual).find();
            default:
                return holdsForNumber(parseNumber(actual));
        }
    }

    /** True for a comparison ({@code > < >= <=}), which holds only for numbers. */
    boolean isNumeric() {
        return regex == null && !operator.equals("=") && !operator.equals("!=");
    }

    /** Whether a comparison holds for a field whose value is the number {@code a} (NaN when not a number). */
    boolean holdsForNumber(double a) {
        if (Double.isNaN(a) || Double.isNaN(number)) {
            return false;
        }
        return switch (operator) {
            case ">" -> a > number;
            case "<" -> a < number;
            case ">=" -> a >= number;
            default -> a <= number;
        };
    }

    /** The value of a named part of a record, or null. */
    public static String valueOf(LogEntry entry, String field) {
        return switch (field) {
            case "level" -> entry.level();
            case "logger" -> entry.logger();
            case "message", "msg" -> entry.message();
            case "trace_id", "trace" -> entry.traceId();
            case "span_id" -> entry.spanId();
            case "service" -> entry.service();
            case "exception" -> entry.exception();
            default -> entry.fields().get(field);
        };
    }

    static double parseNumber(String text) {
        if (text == null || text.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
