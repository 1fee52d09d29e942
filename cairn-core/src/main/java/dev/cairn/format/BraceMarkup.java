package dev.cairn.format;

import java.util.ArrayList;
import java.util.List;

/**
 * The top-level structure of a {@code str.format} string, split as CPython's
 * {@code MarkupIterator} and {@code parse_field} split it: literal text (with <code>{{</code> and
 * <code>}}</code> undoubled) alternating with raw fields, up to the first syntax error, which is
 * kept to be raised where Python raises it.
 */
final class BraceMarkup {
    /** One replacement field as written: name, conversion character (0 for none) and spec. */
    static final class RawField {
        final String name;
        final char conversion;
        final String spec;
        /** Whether the spec contains braces, so it is itself a format to expand per record. */
        final boolean specHasFields;

        RawField(String name, char conversion, String spec, boolean specHasFields) {
            this.name = name;
            this.conversion = conversion;
            this.spec = spec;
            this.specHasFields = specHasFields;
        }
    }

    /** literals.get(i) precedes fields.get(i); one more literal trails (it is empty when the parse failed). */
    final List<String> literals = new ArrayList<>();
    final List<RawField> fields = new ArrayList<>();
    /** The syntax error after the last field, or null. */
    PyFormatException error;

    private final String text;
    private int pos;

    private BraceMarkup(String text) {
        this.text = text;
    }

    static BraceMarkup parse(String text) {
        BraceMarkup markup = new BraceMarkup(text);
        markup.run();
        return markup;
    }

    private void run() {
        StringBuilder literal = new StringBuilder();
        try {
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (c != '{' && c != '}') {
                    literal.append(c);
                    continue;
                }
                boolean atEnd = pos >= text.length();
                if (c == '}' && (atEnd || text.charAt(pos) != '}')) {
                    throw PyFormatException.valueError("Single '}' encountered in format string");
                }
                if (atEnd) throw PyFormatException.valueError("Single '{' encountered in format string");
                if (text.charAt(pos) == c) {
                    literal.append(c);
                    pos++;
                    continue;
                }
                literals.add(literal.toString());
                literal.setLength(0);
                fields.add(parseField());
            }
            literals.add(literal.toString());
        } catch (PyFormatException e) {
            literals.add("");
            error = e;
        }
        while (literals.size() < fields.size() + 1) literals.add("");
    }

    /** CPython's parse_field: the name (brackets may hide : ! }), then !conversion, then :spec with nested braces. */
    private RawField parseField() {
        int nameStart = pos;
        char c = 0;
        scan:
        while (pos < text.length()) {
            c = text.charAt(pos++);
            switch (c) {
                case '{':
                    throw PyFormatException.valueError("unexpected '{' in field name");
                case '[':
                    while (pos < text.length() && text.charAt(pos) != ']') pos++;
                    continue;
                case '}': case ':': case '!':
                    break scan;
                default:
            }
        }
        String name = text.substring(nameStart, pos - 1 < nameStart ? nameStart : pos - 1);
        if (c != '!' && c != ':') {
            if (c != '}') throw PyFormatException.valueError("expected '}' before end of string");
            return new RawField(name, (char) 0, "", false);
        }
        char conversion = 0;
        if (c == '!') {
            if (pos >= text.length()) {
                throw PyFormatException.valueError("end of string while looking for conversion specifier");
            }
            conversion = text.charAt(pos++);
            if (pos < text.length()) {
                char next = text.charAt(pos++);
                if (next == '}') return new RawField(name, conversion, "", false);
                if (next != ':') throw PyFormatException.valueError("expected ':' after conversion specifier");
            }
        }
        int specStart = pos;
        int depth = 1;
        boolean nested = false;
        while (pos < text.length()) {
            char s = text.charAt(pos++);
            if (s == '{') {
                nested = true;
                depth++;
            } else if (s == '}' && --depth == 0) {
                return new RawField(name, conversion, text.substring(specStart, pos - 1), nested);
            }
        }
        throw PyFormatException.valueError("unmatched '{' in format spec");
    }
}
