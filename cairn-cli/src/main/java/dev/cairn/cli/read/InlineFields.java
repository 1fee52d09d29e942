package dev.cairn.cli.read;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code key=value} pairs a text message carries: bracketed context groups such as
 * {@code [trace_id=4bf9 request_id=req-7]} or Log4j's MDC {@code {user=alice, ip=10.0.0.1}}, where
 * every element of the group is a pair, and the run of pairs a message ends with
 * ({@code ... took 12 ms status=ok user=alice}), and the members of a JSON object that ends a
 * message ({@code starting server {"addr": ":8080"}}, zap's console encoder and many Go and Node
 * loggers). Text readers lift them into the record's fields;
 * groups the message opens with are taken out of it, as they are context the layout wrote before
 * the message ({@code [trace_id=%(trace_id)s] %(message)s}), and the rest is kept as written. Template
 * mining reads the message with all groups taken out and the trailing values masked
 * ({@link #templateText}). A pair inside a sentence ({@code x=5 was too small}) is text, not a
 * field. A key starts with a letter or {@code _} and holds letters, digits, {@code _ . -}; a value
 * is a run of non-space characters or a double-quoted string with logfmt's backslash escapes.
 * Stateless.
 */
public final class InlineFields {

    private InlineFields() {
    }

    /** JSON objects tried as the end of a message, from its first '{' on: bounds the work on odd lines. */
    private static final int JSON_TRIES = 4;

    /**
     * A record read from a text line: the pairs of {@code message} and the members of a JSON object
     * ending it are added to {@code fields} (a name the header already gave keeps its value), the
     * trace and span ids are taken from them, and the groups the message opens with are taken out of
     * it.
     */
    static LogEntry textEntry(long time, String level, String logger, String message, Map<String, String> fields,
                              String source, long line) {
        Map<String, String> all = fields;
        String shown = message;
        boolean pairs = message.indexOf('=') >= 0;
        if (pairs || endsWithObject(message)) {
            all = fields.isEmpty() ? new LinkedHashMap<>() : fields;
            int json = trailingJson(message, all);
            if (pairs) {
                Scan scan = new Scan(json < 0 ? message : message.substring(0, json), all);
                scan.run();
                shown = scan.leadingGroupsEnd == 0 ? message : message.substring(scan.leadingGroupsEnd).stripLeading();
            }
        }
        return new LogEntry(time, level == null ? null : level.toUpperCase(java.util.Locale.ROOT), logger, shown,
                Fields.first(all, Fields.TRACE), Fields.first(all, Fields.SPAN), null,
                all.isEmpty() ? Map.of() : all, source, line);
    }

    /**
     * The message as template mining should see it: bracketed pair groups and a JSON object ending
     * it removed, and each pair of the trailing run written as {@code key=<*>}, so context and values
     * vary without making new templates while the keys, which say what kind of event it is, stay.
     * The same string when the message has neither.
     */
    public static String templateText(String message) {
        int json = endsWithObject(message) ? trailingJson(message, null) : -1;
        return json < 0 ? withPairsMasked(message) : withPairsMasked(message.substring(0, json).stripTrailing());
    }

    /** The message with its bracketed groups of pairs taken out and the values of its trailing pairs masked. */
    private static String withPairsMasked(String message) {
        if (message.indexOf('=') < 0) {
            return message;
        }
        Scan scan = new Scan(message, null);
        scan.run();
        if (scan.cuts == 0) {
            return message;
        }
        StringBuilder out = new StringBuilder(message.length());
        int from = 0;
        for (int k = 0; k < scan.cuts; k++) {
            out.append(message, from, scan.cutStart[k]).append(scan.cutWith[k]);
            from = scan.cutEnd[k];
        }
        out.append(message, from, message.length());
        return out.toString().strip();
    }

    private static boolean endsWithObject(String message) {
        return message.length() > 2 && message.charAt(message.length() - 1) == '}';
    }

    /**
     * Where the JSON object that ends {@code message} starts, after a space or tab (zap's console
     * encoder: {@code starting server\t{"addr": ":8080"}}), or -1; its flattened members go into
     * {@code into} unless null.
     */
    private static int trailingJson(String message, Map<String, String> into) {
        int from = 0;
        for (int tries = 0; tries < JSON_TRIES; ) {
            int at = message.indexOf('{', from);
            if (at < 0) {
                return -1;
            }
            if (at > 0 && (message.charAt(at - 1) == ' ' || message.charAt(at - 1) == '\t')) {
                tries++;
                Map<String, String> members = JsonLine.parse(message.substring(at));
                if (members != null) {
                    if (into != null) {
                        members.forEach(into::putIfAbsent);
                    }
                    return at;
                }
            }
            from = at + 1;
        }
        return -1;
    }

    /** One pass over a message: finds the groups and the trailing run, fills {@code into} and records the cuts. */
    private static final class Scan {
        final String s;
        final Map<String, String> into;
        int[] cutStart = new int[8];
        int[] cutEnd = new int[8];
        String[] cutWith = new String[8];
        int cuts;
        /** Where the message goes on after the groups it opens with (0 when it opens with none). */
        int leadingGroupsEnd;
        private boolean opening = true;
        // Parsed pair: [keyStart, keyEnd) '=' value, ending at end.
        int keyStart;
        int keyEnd;
        String value;
        int end;

        Scan(String s, Map<String, String> into) {
            this.s = s;
            this.into = into;
        }

        void run() {
            int n = s.length();
            int runStart = -1;
            int runCuts = 0;
            int i = 0;
            while (i < n) {
                while (i < n && Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
                if (i >= n) {
                    break;
                }
                char c = s.charAt(i);
                int groupEnd = c == '[' || c == '{' ? group(i, c == '[' ? ']' : '}') : -1;
                if (groupEnd > 0) {
                    if (runStart >= 0) {
                        cuts = runCuts;  // pairs before a group are not the message's trailing run
                        runStart = -1;
                    }
                    // Take the group out with the space after it (or before it, at the end).
                    int cutTo = groupEnd < n && s.charAt(groupEnd) == ' ' ? groupEnd + 1 : groupEnd;
                    int cutFrom = cutTo == groupEnd && i > 0 && s.charAt(i - 1) == ' ' ? i - 1 : i;
                    cut(cutFrom, cutTo, "");
                    if (opening) {
                        leadingGroupsEnd = cutTo;
                    }
                    i = groupEnd;
                    continue;
                }
                opening = false;
                if (pair(i, false) && (end >= n || Character.isWhitespace(s.charAt(end)))) {
                    if (runStart < 0) {
                        runStart = i;
                        runCuts = cuts;
                    }
                    cut(keyEnd + 1, end, "<*>");
                    i = end;
                    continue;
                }
                if (runStart >= 0) {
                    cuts = runCuts;  // the run did not reach the end: those pairs are part of the message
                    runStart = -1;
                }
                while (i < n && !Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
            }
            if (runStart >= 0 && into != null) {
                for (int j = runStart; j < n; ) {
                    while (j < n && Character.isWhitespace(s.charAt(j))) {
                        j++;
                    }
                    if (j < n && pair(j, false)) {
                        put(trimTrailer(value));
                        j = end;
                    } else {
                        break;
                    }
                }
            }
        }

        /** The end of a group of pairs opening at {@code at}, or -1; its pairs go into {@code into}. */
        int group(int at, char close) {
            int n = s.length();
            int i = at + 1;
            int pairs = 0;
            while (true) {
                while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == ',')) {
                    i++;
                }
                if (i < n && s.charAt(i) == close) {
                    break;
                }
                if (i >= n || !pair(i, true)) {
                    return -1;
                }
                i = end;
                pairs++;
            }
            int after = i + 1;
            if (pairs == 0 || after < n && !Character.isWhitespace(s.charAt(after)) && s.charAt(after) != ':') {
                return -1;
            }
            if (into != null) {
                for (int j = at + 1; j < i; ) {
                    while (s.charAt(j) == ' ' || s.charAt(j) == ',') {
                        j++;
                    }
                    pair(j, true);
                    put(value);
                    j = end;
                }
            }
            return after;
        }

        /** Reads a pair at {@code at} into keyStart/keyEnd/value/end; inside a group a value stops at ',' and the closer. */
        boolean pair(int at, boolean inGroup) {
            int n = s.length();
            char first = s.charAt(at);
            if (!(Character.isLetter(first) || first == '_')) {
                return false;
            }
            int i = at + 1;
            while (i < n && isKeyChar(s.charAt(i))) {
                i++;
            }
            if (i >= n || s.charAt(i) != '=' || i + 1 < n && s.charAt(i + 1) == '=') {
                return false;
            }
            keyStart = at;
            keyEnd = i;
            i++;
            if (i < n && s.charAt(i) == '"') {
                StringBuilder out = new StringBuilder();
                end = LogfmtFormat.readQuoted(s, i, out);
                value = out.toString();
                return end > 0;
            }
            int valueStart = i;
            while (i < n && !Character.isWhitespace(s.charAt(i))
                    && !(inGroup && (s.charAt(i) == ',' || s.charAt(i) == ']' || s.charAt(i) == '}'))) {
                i++;
            }
            value = s.substring(valueStart, i);
            end = i;
            return true;
        }

        private void put(String v) {
            into.putIfAbsent(s.substring(keyStart, keyEnd), v);
        }

        private void cut(int from, int to, String with) {
            if (cuts == cutStart.length) {
                cutStart = java.util.Arrays.copyOf(cutStart, cuts * 2);
                cutEnd = java.util.Arrays.copyOf(cutEnd, cuts * 2);
                cutWith = java.util.Arrays.copyOf(cutWith, cuts * 2);
            }
            cutStart[cuts] = from;
            cutEnd[cuts] = to;
            cutWith[cuts] = with;
            cuts++;
        }

        private static boolean isKeyChar(char c) {
            return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-';
        }

        private static String trimTrailer(String v) {
            int e = v.length();
            while (e > 0 && (v.charAt(e - 1) == ',' || v.charAt(e - 1) == ';')) {
                e--;
            }
            return v.substring(0, e);
        }
    }
}
