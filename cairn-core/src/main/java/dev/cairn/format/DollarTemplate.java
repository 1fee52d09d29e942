package dev.cairn.format;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A {@code $}-style log format (<code>"$asctime ${levelname}: $message"</code>) compiled for
 * repeated use: Python's {@code StringTemplateStyle}, whose rendering is
 * {@code string.Template(fmt).substitute(**record.__dict__)}. Placeholders are {@code $name} and
 * <code>${name}</code> with ASCII identifiers; {@code $$} is a dollar. Compilation validates as
 * {@code StringTemplateStyle.validate} does. Immutable and thread-safe.
 */
public final class DollarTemplate extends CompiledTemplate {
    /** literals[i] precedes field i; the last one trails the last field. */
    private final String[] literals;
    private final String[] names;
    private final int[] indexes;
    /** Template._invalid's error for the first bad placeholder after the last field, or null. */
    private final PyFormatException failure;

    private DollarTemplate(String pattern, List<String> literals, List<String> names, PyFormatException failure) {
        super(pattern, names.stream().distinct().collect(Collectors.toList()));
        this.literals = literals.toArray(new String[0]);
        this.names = names.toArray(new String[0]);
        this.indexes = indexesOf(this.names);
        this.failure = failure;
    }

    /** Compiles and validates, as {@code Formatter(fmt, style='$')} does. */
    public static DollarTemplate compile(String fmt) {
        return compile(fmt, true);
    }

    /**
     * Compiles the format; with {@code validate}, checks it as {@code StringTemplateStyle.validate}.
     *
     * @throws InvalidFormatException when validating and the format has a bare {@code $}
     *     ({@code invalid format: bare '$' not allowed}) or no placeholder
     *     ({@code invalid format: no fields})
     */
    public static DollarTemplate compile(String fmt, boolean validate) {
        List<String> literals = new ArrayList<>();
        List<String> names = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        PyFormatException failure = null;
        int pos = 0;
        while (pos < fmt.length()) {
            char c = fmt.charAt(pos++);
            if (c != '$') {
                literal.append(c);
                continue;
            }
            // Template.pattern's alternatives, in order: escaped, named, braced, invalid.
            if (pos < fmt.length() && fmt.charAt(pos) == '$') {
                literal.append('$');
                pos++;
                continue;
            }
            int end = identifierEnd(fmt, pos);
            if (end > pos) {
                literals.add(literal.toString());
                literal.setLength(0);
                names.add(fmt.substring(pos, end));
                pos = end;
                continue;
            }
            if (pos < fmt.length() && fmt.charAt(pos) == '{') {
                end = identifierEnd(fmt, pos + 1);
                if (end > pos + 1 && end < fmt.length() && fmt.charAt(end) == '}') {
                    literals.add(literal.toString());
                    literal.setLength(0);
                    names.add(fmt.substring(pos + 1, end));
                    pos = end + 1;
                    continue;
                }
            }
            if (validate) throw new InvalidFormatException("invalid format: bare '$' not allowed", fmt, false);
            failure = invalidPlaceholder(fmt, pos);
            break;
        }
        if (validate && names.isEmpty()) throw new InvalidFormatException("invalid format: no fields", fmt, false);
        literals.add(failure == null ? literal.toString() : "");
        return new DollarTemplate(fmt, literals, names, failure);
    }

    /** End of the ASCII identifier {@code [_a-z][_a-z0-9]*} (case-insensitive) starting at {@code start}. */
    private static int identifierEnd(String s, int start) {
        if (start >= s.length() || !isIdentifierChar(s.charAt(start), true)) return start;
        int end = start + 1;
        while (end < s.length() && isIdentifierChar(s.charAt(end), false)) end++;
        return end;
    }

    private static boolean isIdentifierChar(char c, boolean first) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (!first && c >= '0' && c <= '9');
    }

    /** Template._invalid: the line and column (1-based, in code points) of the bad {@code $}. */
    private static PyFormatException invalidPlaceholder(String fmt, int afterDollar) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < afterDollar - 1; i++) {
            char c = fmt.charAt(i);
            // str.splitlines boundaries; \r\n counts once.
            if (c == '\r' && i + 1 < afterDollar - 1 && fmt.charAt(i + 1) == '\n') i++;
            if (isLineBoundary(c)) {
                line++;
                lineStart = i + 1;
            }
        }
        int column = fmt.codePointCount(lineStart, afterDollar);
        return PyFormatException.valueError("Invalid placeholder in string: line " + line + ", col " + column);
    }

    private static boolean isLineBoundary(char c) {
        switch (c) {
            case '\n': case '\r': case '\u000b': case '\u000c': case '\u001c': case '\u001d': case '\u001e':
            case '\u0085': case '\u2028': case '\u2029':
                return true;
            default:
                return false;
        }
    }

    @Override
    public void format(StringBuilder out, FieldLookup lookup) {
        String[] literals = this.literals;
        for (int i = 0; i < names.length; i++) {
            out.append(literals[i]);
            PyObjects.appendStr(out, valueOf(lookup, indexes[i], names[i]));
        }
        out.append(literals[names.length]);
        if (failure != null) throw failure;
    }
}
