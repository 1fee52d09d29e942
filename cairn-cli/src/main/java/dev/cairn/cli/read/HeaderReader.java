package dev.cairn.cli.read;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the parts of a text header from one line, left to right: timestamps ({@link TimeScanner}),
 * level words, bracketed groups, numbers, separators, logger names and plain words. Each method
 * tries one kind of part at the current position and, when it fits, moves past it and keeps what
 * it read; when it does not fit, nothing moves. Used both to propose a layout from a line and to
 * read lines by a learned {@link TextLayout}. One instance per line; not thread safe.
 */
final class HeaderReader {

    /** Log4j's {@code [%t:%C{1}@%L]} (ZooKeeper's default layout): thread, class, line. */
    private static final Pattern THREAD_CLASS_LINE = Pattern.compile("(.*):([A-Za-z_$][\\w$.]*)@(\\d+)");
    /** A logger name in a bracket: {@code [orders.api]}, Elasticsearch's {@code [o.e.n.Node      ]}. */
    private static final Pattern DOTTED_NAME = Pattern.compile("[A-Za-z_$][\\w$-]*(\\.[\\w$-]+)+");

    final String line;
    int pos;
    long time = LogEntry.NO_TIME;
    String level;
    String logger;
    /** The text of the last part read. */
    String text;
    private Map<String, String> fields;

    HeaderReader(String line) {
        this.line = line;
    }

    /** The fields read so far (thread, pid, ...), possibly empty. */
    Map<String, String> fields() {
        return fields == null ? new LinkedHashMap<>() : fields;
    }

    void put(String name, String value) {
        if (fields == null) {
            fields = new LinkedHashMap<>();
        }
        fields.putIfAbsent(name, value);
    }

    boolean atEnd() {
        return pos >= line.length();
    }

    /** Skips spaces and tabs; true when there were some. */
    boolean skipSpace() {
        int from = pos;
        while (pos < line.length() && (line.charAt(pos) == ' ' || line.charAt(pos) == '\t')) {
            pos++;
        }
        return pos > from;
    }

    /** A timestamp, bare or in square brackets ({@code bracketed}). */
    boolean time(boolean bracketed) {
        int at = bracketed ? pos + 1 : pos;
        if (bracketed && (pos >= line.length() || line.charAt(pos) != '[')) {
            return false;
        }
        TimeScanner.Found found = TimeScanner.scan(line, at);
        if (found == null) {
            return false;
        }
        int end = found.end();
        if (bracketed) {
            if (end >= line.length() || line.charAt(end) != ']') {
                return false;
            }
            end++;
        }
        if (!endsToken(end)) {
            return false;
        }
        time = found.millis();
        text = line.substring(pos, end);
        pos = end;
        return true;
    }

    /**
     * A level word in one of the styles: {@code bare} (upper case, or any case when {@code anyCase},
     * as directly after a time), {@code colon} ({@code ERROR: }), {@code [INFO]}, {@code <info>} and
     * Apache's {@code [core:error]} ({@code module}). A bare word needs three letters or more.
     */
    boolean level(String style, boolean anyCase) {
        int n = line.length();
        if (pos >= n) {
            return false;
        }
        char open = line.charAt(pos);
        if (style.equals("[]") || style.equals("<>") || style.equals("module")) {
            char close = style.equals("<>") ? '>' : ']';
            if (open != (style.equals("<>") ? '<' : '[')) {
                return false;
            }
            int end = line.indexOf(close, pos + 1);
            if (end < 0 || end - pos > 40 || !endsToken(end + 1)) {
                return false;
            }
            String inside = line.substring(pos + 1, end).strip();
            String module = null;
            int colon = inside.indexOf(':');
            if (style.equals("module")) {
                if (colon <= 0) {
                    return false;
                }
                module = inside.substring(0, colon);
                inside = inside.substring(colon + 1);
            }
            if (!isLevelWord(inside, true)) {
                return false;
            }
            if (module != null) {
                put("module", module);
            }
            level = inside;
            pos = end + 1;
            return true;
        }
        int end = pos;
        while (end < n && Character.isLetter(line.charAt(end))) {
            end++;
        }
        String word = line.substring(pos, end);
        boolean colon = style.equals("colon");
        if (colon ? end >= n || line.charAt(end) != ':' || !endsToken(end + 1) : !endsToken(end)) {
            return false;
        }
        if (word.length() < 3 || !isLevelWord(word, anyCase)) {
            return false;
        }
        level = word;
        pos = colon ? end + 1 : end;
        return true;
    }

    /** The level styles {@link #level} knows, in the order a proposal tries them. */
    static final String[] LEVEL_STYLES = {"bare", "colon", "[]", "module", "<>"};

    static boolean isLevelWord(String word, boolean anyCase) {
        if (word.isEmpty() || Levels.number(word) == 0 || Character.isDigit(word.charAt(0))) {
            return false;
        }
        return anyCase || word.chars().allMatch(Character::isUpperCase);
    }

    /** A separator token: one to three of {@code - | : >}; a {@code |} may touch its neighbours, the others stand alone. */
    boolean separator() {
        int n = line.length();
        if (pos < n && line.charAt(pos) == '|') {
            text = "|";
            pos++;
            return true;
        }
        int end = pos;
        while (end < n && end - pos < 3 && "-:>".indexOf(line.charAt(end)) >= 0) {
            end++;
        }
        if (end == pos || !(end >= n || line.charAt(end) == ' ' || line.charAt(end) == '\t')) {
            return false;
        }
        text = line.substring(pos, end);
        pos = end;
        return true;
    }

    /** The same separator as {@code literal}. */
    boolean separator(String literal) {
        int save = pos;
        if (separator() && text.equals(literal)) {
            return true;
        }
        pos = save;
        return false;
    }

    /** A square-bracketed group (nested brackets allowed) that is not a group of key=value pairs. */
    boolean bracket() {
        int n = line.length();
        if (pos >= n || line.charAt(pos) != '[') {
            return false;
        }
        int depth = 0;
        for (int i = pos; i < n; i++) {
            char c = line.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']' && --depth == 0) {
                if (!endsToken(i + 1) || isPairGroup(line.substring(pos, i + 1))) {
                    return false;
                }
                text = line.substring(pos + 1, i);
                pos = i + 1;
                return true;
            }
        }
        return false;
    }

    /** Keeps what a bracket read means in the layout: see {@link TextLayout}'s roles. */
    void bracketRole(String role) {
        String inside = text.strip();
        if (role.equals("tcl")) {
            Matcher m = THREAD_CLASS_LINE.matcher(inside);
            if (m.matches()) {
                put("thread", m.group(1));
                logger = m.group(2);
                put("line", m.group(3));
                return;
            }
            put("thread", inside);
        } else if (role.equals("logger")) {
            logger = inside;
        } else if (role.startsWith("named:")) {
            put(role.substring(6), inside.substring(inside.indexOf(' ') + 1).strip());
        } else {
            put("thread", inside);
        }
    }

    /** What a bracket's text suggests it holds: {@code tcl}, {@code logger}, {@code named:WORD} or {@code thread}. */
    static String roleOf(String inside) {
        String s = inside.strip();
        if (THREAD_CLASS_LINE.matcher(s).matches()) {
            return "tcl";
        }
        if (DOTTED_NAME.matcher(s).matches()) {
            return "logger";  // threads are rarely named like packages; loggers usually are
        }
        int space = s.indexOf(' ');
        if (space > 1 && s.substring(0, space).chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            return "named:" + s.substring(0, space);
        }
        return "thread";
    }

    /** A run of digits that stands alone. */
    boolean number() {
        int end = pos;
        while (end < line.length() && Character.isDigit(line.charAt(end))) {
            end++;
        }
        if (end == pos || !endsToken(end)) {
            return false;
        }
        text = line.substring(pos, end);
        pos = end;
        return true;
    }

    /**
     * A logger name ({@code org.x.Y}, {@code dfs.DataNode$PacketResponder}, {@code Step_LSC}):
     * followed by a colon ({@code colon}), or by a separator or, when dotted, a bracketed group
     * ({@code plain}; the separator or bracket is the next part). Starts with a letter or {@code _} and holds no spaces or parentheses.
     */
    boolean logger(String style) {
        int n = line.length();
        if (pos >= n || !(Character.isLetter(line.charAt(pos)) || line.charAt(pos) == '_')) {
            return false;
        }
        int end = pos;
        while (end < n && isNameChar(line.charAt(end))) {
            end++;
        }
        if (style.equals("colon")) {
            if (end >= n || line.charAt(end) != ':' || !(end + 1 >= n || line.charAt(end + 1) == ' ')) {
                return false;
            }
            logger = line.substring(pos, end);
            pos = end + 1;
            return true;
        }
        if (end < n && line.charAt(end) != ' ' && line.charAt(end) != '\t' && line.charAt(end) != '|') {
            return false;
        }
        int save = pos;
        pos = end;
        skipSpace();
        // Log4j's "%c{1.} [%t]" puts the thread after the logger; only a dotted name is trusted there,
        // as a message's first word may well be followed by a bracket.
        boolean separated = separator() || line.startsWith("[", pos) && line.lastIndexOf('.', end) > save;
        pos = save;
        if (!separated) {
            return false;
        }
        logger = line.substring(pos, end);
        pos = end;
        return true;
    }

    /** Any token up to a space or {@code |}. */
    boolean word() {
        int end = pos;
        while (end < line.length() && line.charAt(end) != ' ' && line.charAt(end) != '\t' && line.charAt(end) != '|') {
            end++;
        }
        if (end == pos) {
            return false;
        }
        text = line.substring(pos, end);
        pos = end;
        return true;
    }

    private boolean endsToken(int end) {
        if (end >= line.length()) {
            return true;
        }
        char c = line.charAt(end);
        // Elasticsearch writes its bracketed parts back to back: "[2024-05-01T12:00:00,123][INFO ][o.e.n.Node]".
        return c == ' ' || c == '\t' || c == '|' || c == '[' && end > 0 && line.charAt(end - 1) == ']';
    }

    private static boolean isNameChar(char c) {
        // Brackets occur inside names (Tomcat's "o.a.c.c.C.[Tomcat].[localhost].[/]"), never first.
        return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '$' || c == '-' || c == '/' || c == '#'
                || c == '[' || c == ']';
    }

    /** True for {@code [k=v ...]}: context the message carries, not a header part. */
    private static boolean isPairGroup(String group) {
        return group.indexOf('=') > 0 && InlineFields.templateText(group).isEmpty();
    }
}
