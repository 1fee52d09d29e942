package dev.cairn.format;

import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Python's {@code time.strftime(pattern, struct_time)} as it behaves on Linux in the C locale,
 * which is glibc's {@code strftime}: every directive, the GNU flags {@code _ - 0 ^ #}, field
 * widths, the {@code E}/{@code O} modifiers, and unknown directives copied through. Compile a
 * pattern once and format many times; instances are immutable and thread-safe.
 */
public final class Strftime {
    /** Conversions that accept the E modifier, and the O modifier (glibc 2.36, C locale). */
    private static final String E_ALLOWED = "cCnpPrRstTuxXyYzZ%";
    private static final String O_ALLOWED = "bBCdegGhHIjklmMnpPrRsStTuUVwWyzZ%";
    private static final String[] DAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};

    private final String pattern;
    private final Directive[] directives;

    /**
     * One piece of the pattern: literal text (conversion 0), or a conversion with glibc's pad
     * flag, width (-1 for none) and case changes, or a sub-pattern such as %c expands to.
     */
    private static final class Directive {
        final char conversion;
        final String text;
        final char pad;
        final int width;
        final boolean upper;
        final boolean lower;
        final Strftime expansion;

        Directive(char conversion, String text, char pad, int width, boolean upper, boolean lower, Strftime expansion) {
            this.conversion = conversion;
            this.text = text;
            this.pad = pad;
            this.width = width;
            this.upper = upper;
            this.lower = lower;
            this.expansion = expansion;
        }
    }

    private Strftime(String pattern, Directive[] directives) {
        this.pattern = pattern;
        this.directives = directives;
    }

    /** Compiles a strftime pattern; never fails, as unknown directives print as written. */
    public static Strftime compile(String pattern) {
        return compile(pattern, false);
    }

    /** Python's {@code time.strftime(pattern, t)} in one call. */
    public static String format(String pattern, ZonedDateTime t) {
        return compile(pattern).format(t);
    }

    /** The pattern this was compiled from. */
    public String pattern() {
        return pattern;
    }

    /** The formatted time as a new string. */
    public String format(ZonedDateTime t) {
        StringBuilder out = new StringBuilder(pattern.length() + 16);
        format(out, t);
        return out.toString();
    }

    @Override
    public String toString() {
        return pattern;
    }

    /** {@code upcase} is glibc's flag passed down when a {@code %^c}-style directive expands. */
    private static Strftime compile(String pattern, boolean upcase) {
        List<Directive> list = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int pos = 0;
        int n = pattern.length();
        while (pos < n) {
            char c = pattern.charAt(pos++);
            if (c != '%') {
                literal.append(c);
                continue;
            }
            int start = pos - 1;
            char pad = 0;
            boolean upper = upcase;
            boolean changeCase = false;
            while (pos < n && "_-0^#".indexOf(pattern.charAt(pos)) >= 0) {
                char flag = pattern.charAt(pos++);
                if (flag == '^') upper = true;
                else if (flag == '#') changeCase = true;
                else pad = flag;
            }
            int width = -1;
            if (pos < n && Character.isDigit(pattern.charAt(pos)) && pattern.charAt(pos) < 128) {
                long w = 0;
                while (pos < n && pattern.charAt(pos) >= '0' && pattern.charAt(pos) <= '9') {
                    w = Math.min(Integer.MAX_VALUE, w * 10 + (pattern.charAt(pos++) - '0'));
                }
                width = (int) w;
            }
            char modifier = 0;
            if (pos < n && (pattern.charAt(pos) == 'E' || pattern.charAt(pos) == 'O')) modifier = pattern.charAt(pos++);
            if (pos >= n) {
                // '%' at the end, or a cut-off directive: glibc copies what it read.
                flushLiteral(list, literal);
                list.add(new Directive('?', pattern.substring(start, n), pad, width, upper, false, null));
                break;
            }
            char conversion = pattern.charAt(pos++);
            boolean allowed = modifier == 0 || (modifier == 'E' ? E_ALLOWED : O_ALLOWED).indexOf(conversion) >= 0;
            String expansion = allowed ? expansion(conversion) : null;
            boolean known = allowed && (expansion != null || "aAbBhpPZCdegGHIjklmMSsuUVwWyYz%nt".indexOf(conversion) >= 0);
            flushLiteral(list, literal);
            if (!known) {
                list.add(new Directive('?', pattern.substring(start, pos), pad, width, upper, false, null));
                continue;
            }
            boolean lower = false;
            if (changeCase) {
                // '#' swaps case: names go upper, and %p/%Z (already upper) go lower.
                if ("aAbBh".indexOf(conversion) >= 0) upper = true;
                if (conversion == 'p' || conversion == 'Z') {
                    upper = false;
                    lower = true;
                }
            }
            if (conversion == 'P') lower = true;
            Strftime sub = expansion != null ? compile(expansion, upper) : null;
            list.add(new Directive(conversion, null, pad, width, upper, lower, sub));
        }
        flushLiteral(list, literal);
        return new Strftime(pattern, list.toArray(new Directive[0]));
    }

    /** The pattern a composite directive stands for in the C locale, or null. */
    private static String expansion(char conversion) {
        switch (conversion) {
            case 'c': return "%a %b %e %H:%M:%S %Y";
            case 'D': case 'x': return "%m/%d/%y";
            case 'F': return "%Y-%m-%d";
            case 'r': return "%I:%M:%S %p";
            case 'R': return "%H:%M";
            case 'T': case 'X': return "%H:%M:%S";
            default: return null;
        }
    }

    private static void flushLiteral(List<Directive> list, StringBuilder literal) {
        if (literal.length() == 0) return;
        list.add(new Directive((char) 0, literal.toString(), (char) 0, -1, false, false, null));
        literal.setLength(0);
    }

    /** Appends the formatted time to {@code out}, with the fields {@code t} has in its own zone. */
    public void format(StringBuilder out, ZonedDateTime t) {
        for (Directive d : directives) {
            if (d.conversion == 0) {
                out.append(d.text);
            } else {
                appendDirective(out, d, t);
            }
        }
    }

    private static void appendDirective(StringBuilder out, Directive d, ZonedDateTime t) {
        int hour = t.getHour();
        switch (d.conversion) {
            case 'a': appendText(out, d, DAYS[t.getDayOfWeek().getValue() % 7].substring(0, 3)); break;
            case 'A': appendText(out, d, DAYS[t.getDayOfWeek().getValue() % 7]); break;
            case 'b': case 'h': appendText(out, d, MONTHS[t.getMonthValue() - 1].substring(0, 3)); break;
            case 'B': appendText(out, d, MONTHS[t.getMonthValue() - 1]); break;
            case 'p': case 'P': appendText(out, d, hour < 12 ? "AM" : "PM"); break;
            case 'Z': appendText(out, d, ZoneAbbreviations.of(t)); break;
            case 'n': appendText(out, d, "\n"); break;
            case 't': appendText(out, d, "\t"); break;
            case '%': appendText(out, d, "%"); break;
            case '?': appendText(out, d, d.text); break;
            case 'C': appendNumber(out, d, 1, Math.floorDiv(t.getYear(), 100), false); break;
            case 'd': appendNumber(out, d, 2, t.getDayOfMonth(), false); break;
            case 'e': appendNumber(out, d, 2, t.getDayOfMonth(), true); break;
            case 'G': appendNumber(out, d, 1, t.get(IsoFields.WEEK_BASED_YEAR), false); break;
            case 'g': appendNumber(out, d, 2, Math.floorMod(t.get(IsoFields.WEEK_BASED_YEAR), 100), false); break;
            case 'V': appendNumber(out, d, 2, t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), false); break;
            case 'H': appendNumber(out, d, 2, hour, false); break;
            case 'I': appendNumber(out, d, 2, hour % 12 == 0 ? 12 : hour % 12, false); break;
            case 'k': appendNumber(out, d, 2, hour, true); break;
            case 'l': appendNumber(out, d, 2, hour % 12 == 0 ? 12 : hour % 12, true); break;
            case 'j': appendNumber(out, d, 3, t.getDayOfYear(), false); break;
            case 'm': appendNumber(out, d, 2, t.getMonthValue(), false); break;
            case 'M': appendNumber(out, d, 2, t.getMinute(), false); break;
            case 'S': appendNumber(out, d, 2, t.getSecond(), false); break;
            case 'u': appendNumber(out, d, 1, t.getDayOfWeek().getValue(), false); break;
            case 'w': appendNumber(out, d, 1, t.getDayOfWeek().getValue() % 7, false); break;
            case 'U': appendNumber(out, d, 2, (t.getDayOfYear() - 1 - t.getDayOfWeek().getValue() % 7 + 7) / 7, false); break;
            case 'W': appendNumber(out, d, 2, (t.getDayOfYear() - 1 - (t.getDayOfWeek().getValue() - 1) + 7) / 7, false); break;
            case 'y': appendNumber(out, d, 2, Math.floorMod(t.getYear(), 100), false); break;
            case 'Y': appendNumber(out, d, 1, t.getYear(), false); break;
            case 's': appendDigits(out, d, 1, t.toEpochSecond()); break;
            case 'z': appendOffset(out, d, t.getOffset().getTotalSeconds()); break;
            default: appendExpansion(out, d, t);
        }
    }

    /** glibc's {@code cpy}: left-pads to the width with zeros (flag 0) or spaces, then the text in the asked case. */
    private static void appendText(StringBuilder out, Directive d, String text) {
        appendText(out, d.pad, d.width, d.upper, d.lower, text);
    }

    private static void appendText(StringBuilder out, char pad, int width, boolean upper, boolean lower, String text) {
        for (int i = text.length(); i < width; i++) out.append(pad == '0' ? '0' : ' ');
        if (lower) out.append(text.toLowerCase(Locale.ROOT));
        else if (upper) out.append(text.toUpperCase(Locale.ROOT));
        else out.append(text);
    }

    /** glibc's DO_NUMBER / DO_NUMBER_SPACEPAD: at least {@code digits} digits, or the width. */
    private static void appendNumber(StringBuilder out, Directive d, int digits, long value, boolean spacePad) {
        appendDigits(out, d, Math.max(digits, d.width), value, spacePad);
    }

    private static void appendDigits(StringBuilder out, Directive d, int digits, long value) {
        appendDigits(out, d, digits, value, false);
    }

    /** glibc's do_number_sign_and_padding: pad the number itself, then copy it with what is left of the width. */
    private static void appendDigits(StringBuilder out, Directive d, int digits, long value, boolean spacePad) {
        char pad = d.pad;
        if (spacePad && pad != '0' && pad != '-') pad = '_';
        int width = d.width;
        boolean negative = value < 0;
        if (value >= 0 && (pad == 0 || pad == '0') && width <= digits) {
            // The common case (%Y, %m, %d, %H ...): zero-padded digits, no width left to fill.
            for (long bound = 10, length = 1; length < digits; length++, bound *= 10) {
                if (value < bound) out.append('0');
            }
            out.append(value);
            return;
        }
        String text = Long.toString(value);
        if (pad != '-') {
            int padding = digits - text.length();
            if (padding > 0) {
                if (pad == '_') {
                    for (int i = 0; i < padding; i++) out.append(' ');
                    width = width > padding ? width - padding : 0;
                } else {
                    if (negative) {
                        out.append('-');
                        text = text.substring(1);
                    }
                    for (int i = 0; i < padding; i++) out.append('0');
                    width = 0;
                }
            }
        }
        appendText(out, pad, width, false, false, text);
    }

    /** %z: the sign copied with the width, then hours and minutes as a 4-digit number (glibc). */
    private static void appendOffset(StringBuilder out, Directive d, int offsetSeconds) {
        appendText(out, d.pad, d.width, false, false, offsetSeconds < 0 ? "-" : "+");
        int minutes = Math.abs(offsetSeconds) / 60;
        appendNumber(out, d, 4, (minutes / 60) * 100 + minutes % 60, false);
    }

    /** Composite directives: the expansion, padded as a whole, uppercased with {@code ^}. */
    private static void appendExpansion(StringBuilder out, Directive d, ZonedDateTime t) {
        int start = out.length();
        d.expansion.format(out, t);
        int length = out.length() - start;
        if (d.upper) {
            for (int i = start; i < out.length(); i++) out.setCharAt(i, Character.toUpperCase(out.charAt(i)));
        }
        if (length < d.width) out.insert(start, String.valueOf(d.pad == '0' ? '0' : ' ').repeat(d.width - length));
    }
}
