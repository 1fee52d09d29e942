package dev.cairn.cli.search;

import java.util.regex.Pattern;

/**
 * The longest run of plain characters that every match of a regular expression contains, such as
 * {@code "for carol in 9"} in {@code for carol in 9[0-9]{2} ms}: a cheap test that lets search skip
 * lines before running the expression. Conservative: where it is unsure (alternation, flags,
 * groups, quoting, named classes) it finds less or nothing, never text a match could lack.
 */
final class RequiredText {

    private RequiredText() {
    }

    /** The text every match of {@code regex} contains, or null when none is known. */
    static String of(Pattern regex) {
        if (regex == null || regex.flags() != 0) {
            return null;  // case-insensitive and other modes change what a run of characters matches
        }
        return of(regex.pattern());
    }

    /** The text every match of the expression {@code pattern} contains, or null when none is known. */
    static String of(String pattern) {
        if (pattern.indexOf('|') >= 0 || pattern.contains("(?") || !pattern.chars().allMatch(c -> c < 0x80)) {
            return null;
        }
        StringBuilder run = new StringBuilder();
        String best = "";
        int depth = 0;
        int n = pattern.length();
        for (int i = 0; i < n; i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                if (i + 1 >= n) {
                    return null;
                }
                char e = pattern.charAt(++i);
                if (Character.isLetterOrDigit(e)) {
                    if (Character.isDigit(e) || "pPxuNkcQE".indexOf(e) >= 0) {
                        return null;  // escapes that take an argument, octal, back references: not worth reading
                    }
                    best = longer(best, run);  // a class (\d), an anchor (\b) or a back reference
                    run.setLength(0);
                } else if (depth == 0) {
                    run.append(e);  // an escaped punctuation character stands for itself
                }
            } else if (c == '[') {
                best = longer(best, run);
                run.setLength(0);
                i = classEnd(pattern, i);
                if (i < 0) {
                    return null;
                }
            } else if (c == '(') {
                best = longer(best, run);
                run.setLength(0);
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '*' || c == '?' || c == '{' && zeroTimes(pattern, i)) {
                if (run.length() > 0) {
                    run.setLength(run.length() - 1);  // the character before may be absent
                }
                best = longer(best, run);
                run.setLength(0);
                i = quantifierEnd(pattern, i);
            } else if (c == '+' || c == '{') {
                best = longer(best, run);  // the character before is there at least once
                run.setLength(0);
                i = quantifierEnd(pattern, i);
            } else if (c == '.' || c == '^' || c == '$') {
                best = longer(best, run);
                run.setLength(0);
            } else if (depth == 0) {
                run.append(c);
            }
        }
        best = longer(best, run);
        return best.isEmpty() ? null : best;
    }

    private static String longer(String best, StringBuilder run) {
        return run.length() > best.length() ? run.toString() : best;
    }

    /** The index of the ']' that closes the class opened at {@code i}, or -1. */
    private static int classEnd(String pattern, int i) {
        int depth = 0;
        for (int k = i; k < pattern.length(); k++) {
            char c = pattern.charAt(k);
            if (c == '\\') {
                k++;
            } else if (c == '[') {
                depth++;
            } else if (c == ']' && --depth == 0) {
                return k;
            }
        }
        return -1;
    }

    /** True when the {@code {...}} quantifier at {@code i} allows zero repetitions (or cannot be read). */
    private static boolean zeroTimes(String pattern, int i) {
        int k = i + 1;
        while (k < pattern.length() && pattern.charAt(k) == ' ') {
            k++;
        }
        return k >= pattern.length() || !Character.isDigit(pattern.charAt(k)) || pattern.charAt(k) == '0'
                && (k + 1 >= pattern.length() || !Character.isDigit(pattern.charAt(k + 1)));
    }

    /** The last index of the quantifier at {@code i}, with a lazy '?' or possessive '+' after it. */
    private static int quantifierEnd(String pattern, int i) {
        int k = i;
        if (pattern.charAt(k) == '{') {
            int close = pattern.indexOf('}', k);
            k = close < 0 ? pattern.length() - 1 : close;
        }
        if (k + 1 < pattern.length() && (pattern.charAt(k + 1) == '?' || pattern.charAt(k + 1) == '+')) {
            k++;
        }
        return k;
    }
}
