package dev.cairn.cli.read;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A text layout learned from the first lines of a file, for the header layouts that have no
 * standard name: Log4j and Logback patterns ({@code 2024-05-01 12:00:00,123 [main] INFO org.x.Y - msg}),
 * Spring Boot, Hadoop, Spark, HDFS, ZooKeeper, Elasticsearch, Apache's error log
 * ({@code [Sun Dec 04 04:47:44 2005] [error] msg}), Go's log package, and the like. No layout is
 * listed; general rules find the header of each line:
 * <ol>
 *   <li>it is anchored by a timestamp in a known shape ({@link TimeScanner}) and/or a level word
 *       ({@code INFO}, {@code [warn]}, {@code <error>}, {@code [core:error]}; lower case only right
 *       after the time); up to two words may come first, and up to eight between the time and the
 *       level (separators, numbers, bracketed groups, words: a cluster node, a process id);</li>
 *   <li>after the anchor, the header goes on while the next token is a separator ({@code - | : ---}),
 *       a bracketed group (a thread; a logger when dotted, {@code [orders.api]}; Log4j's
 *       {@code [thread:Class@line]}; Apache's {@code [client 10.0.0.1]}, named by its first word),
 *       a number before a separator or bracket (a process id), or a logger name ended by a colon
 *       or followed by a separator (or, when dotted, by a bracketed thread);</li>
 *   <li>the rest of the line is the message.</li>
 * </ol>
 * Each sample line proposes a layout this way; the layout most lines agree on up to the anchor wins,
 * and each part after the anchor is kept when at least half of those lines have it. Reading a line,
 * the parts up to the anchor must all be there; those after it are read while they fit, so a line
 * without a thread still reads. When no logger part is found, the last word before the level, or a
 * lone bracket ending the header, is the logger (Python's {@code [%(name)s]}, BGL's {@code KERNEL}).
 * The name is the layout in {@code <Field>} notation, such as {@code <Time> <Level> [<Thread>] <Logger>: <Message>}.
 * Immutable and thread safe.
 */
public final class TextLayout implements LineFormat {

    /** The kinds of header parts. */
    enum Kind { WORD, TIME, LEVEL, NUMBER, SEP, BRACKET, LOGGER }

    /**
     * One part of a header. {@code detail}: for TIME {@code []} when bracketed; for LEVEL the style
     * ({@link HeaderReader#LEVEL_STYLES}); for SEP the separator; for BRACKET its role ({@code thread},
     * {@code logger}, {@code tcl}, {@code named:WORD}); for LOGGER {@code colon} or {@code plain};
     * for WORD {@code logger} when it is one.
     */
    record Part(Kind kind, String detail, boolean spaced) {
        String key() {
            return kind + " " + detail;
        }
    }

    /** What one line suggests: the parts up to and including the anchor, and those after it. */
    record Proposal(List<Part> anchored, List<Part> tail) {
    }

    private static final int MAX_HEAD_TOKENS = 12;
    private static final int MAX_BEFORE_ANCHOR = 2;
    private static final int MAX_BETWEEN = 8;
    private static final int MAX_TAIL = 8;

    /** Level words accepted in lower case or capitalised without brackets, right after a time. */
    private static final Set<String> COMMON_LEVELS = Set.of("TRACE", "DEBUG", "INFO", "NOTICE", "WARN", "WARNING",
            "ERROR", "ERR", "CRIT", "CRITICAL", "FATAL", "SEVERE");

    private final List<Part> anchored;
    private final List<Part> optional;
    private final String name;

    private TextLayout(List<Part> anchored, List<Part> optional) {
        this.anchored = List.copyOf(anchored);
        this.optional = List.copyOf(optional);
        this.name = render(this.anchored, this.optional);
    }

    /** The layout most of {@code lines} share, or null when no line has a header these rules find. */
    public static TextLayout learn(List<String> lines) {
        Map<String, List<Proposal>> groups = new LinkedHashMap<>();
        for (String line : lines) {
            Proposal p = propose(line);
            if (p != null) {
                groups.computeIfAbsent(keyOf(p.anchored()), k -> new ArrayList<>()).add(p);
            }
        }
        List<Proposal> group = null;
        for (List<Proposal> g : groups.values()) {
            if (group == null || g.size() > group.size()) {
                group = g;
            }
        }
        if (group == null) {
            return null;
        }
        List<Part> tail = new ArrayList<>();
        List<Proposal> agreeing = group;
        for (int k = 0; k < MAX_TAIL; k++) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            Map<String, Part> parts = new LinkedHashMap<>();
            for (Proposal p : agreeing) {
                if (p.tail().size() > k) {
                    Part part = p.tail().get(k);
                    counts.merge(part.key(), 1, Integer::sum);
                    parts.putIfAbsent(part.key(), part);
                }
            }
            String best = null;
            for (Map.Entry<String, Integer> e : counts.entrySet()) {
                if (best == null || e.getValue() > counts.get(best)) {
                    best = e.getKey();
                }
            }
            if (best == null || counts.get(best) * 2 < group.size()) {
                break;
            }
            tail.add(parts.get(best));
            final int step = k;
            final String chosen = best;
            agreeing = agreeing.stream().filter(p -> p.tail().size() > step && p.tail().get(step).key().equals(chosen)).toList();
        }
        List<Part> anchoredParts = new ArrayList<>(group.get(0).anchored());
        nameTheLogger(anchoredParts, tail);
        return new TextLayout(anchoredParts, tail);
    }

    /** The layout one line suggests, or null when it has no anchor. */
    static Proposal propose(String line) {
        HeaderReader r = new HeaderReader(line);
        List<Part> head = new ArrayList<>();
        int timeAt = -1;
        int levelAt = -1;
        int afterTime = -1;
        for (int tokens = 0; tokens < MAX_HEAD_TOKENS; tokens++) {
            boolean spaced = r.skipSpace() && !head.isEmpty();
            if (r.atEnd()) {
                break;
            }
            if (timeAt < 0 && (r.time(false) || r.time(true))) {
                head.add(new Part(Kind.TIME, r.text.startsWith("[") ? "[]" : "", spaced));
                timeAt = head.size() - 1;
                afterTime = r.pos;
                if (levelAt >= 0) {
                    break;
                }
                continue;
            }
            if (levelAt < 0) {
                String style = levelStyle(r, timeAt >= 0 && timeAt == head.size() - 1);
                if (style != null) {
                    head.add(new Part(Kind.LEVEL, style, spaced));
                    levelAt = head.size() - 1;
                    if (timeAt < 0) {
                        timeAfterLevel(r, head);
                    }
                    break;
                }
            }
            if (timeAt < 0) {
                // Words before the anchor are any tokens: a label that is "-" on most lines and a name on others.
                if (head.size() >= MAX_BEFORE_ANCHOR) {
                    return null;
                }
                r.word();
                head.add(new Part(Kind.WORD, "", spaced));
            } else {
                if (head.size() - timeAt > MAX_BETWEEN) {
                    break;
                }
                head.add(between(r, spaced));
            }
        }
        if (levelAt < 0) {
            if (timeAt < 0) {
                return null;
            }
            head = new ArrayList<>(head.subList(0, timeAt + 1));
            r.pos = afterTime;
        }
        return new Proposal(head, tail(r));
    }

    private static String levelStyle(HeaderReader r, boolean rightAfterTime) {
        for (String style : HeaderReader.LEVEL_STYLES) {
            int save = r.pos;
            boolean bare = style.equals("bare") || style.equals("colon");
            if (r.level(style, bare && rightAfterTime)) {
                if (!bare || r.level.chars().allMatch(Character::isUpperCase)
                        || COMMON_LEVELS.contains(r.level.toUpperCase(java.util.Locale.ROOT))) {
                    return style;
                }
                r.pos = save;
            }
        }
        return null;
    }

    /** A level first may have the time right after it ({@code INFO  [2024-05-01 12:00:00,123] ...}). */
    private static void timeAfterLevel(HeaderReader r, List<Part> head) {
        int save = r.pos;
        boolean spaced = r.skipSpace();
        if (r.time(false) || r.time(true)) {
            head.add(new Part(Kind.TIME, r.text.startsWith("[") ? "[]" : "", spaced));
        } else {
            r.pos = save;
        }
    }

    /** A token before the anchor: a separator, a bracketed group, a number or a word. */
    private static Part between(HeaderReader r, boolean spaced) {
        if (r.separator()) {
            return new Part(Kind.SEP, r.text, spaced);
        }
        if (r.bracket()) {
            return new Part(Kind.BRACKET, HeaderReader.roleOf(r.text), spaced);
        }
        if (r.number()) {
            return new Part(Kind.NUMBER, "", spaced);
        }
        r.word();
        return new Part(Kind.WORD, "", spaced);
    }

    /** The parts after the anchor that this line has. */
    private static List<Part> tail(HeaderReader r) {
        List<Part> tail = new ArrayList<>();
        boolean logger = false;
        while (tail.size() < MAX_TAIL) {
            int save = r.pos;
            boolean spaced = r.skipSpace();
            if (r.atEnd()) {
                r.pos = save;
                break;
            }
            if (r.separator()) {
                tail.add(new Part(Kind.SEP, r.text, spaced));
            } else if (r.bracket()) {
                tail.add(new Part(Kind.BRACKET, HeaderReader.roleOf(r.text), spaced));
            } else if (numberBeforeSeparator(r)) {
                tail.add(new Part(Kind.NUMBER, "", spaced));
            } else if (!logger && (r.logger("colon") || r.logger("plain"))) {
                boolean colon = r.pos > 0 && r.line.charAt(r.pos - 1) == ':';
                tail.add(new Part(Kind.LOGGER, colon ? "colon" : "plain", spaced));
                logger = true;
            } else {
                r.pos = save;
                break;
            }
        }
        return tail;
    }

    private static boolean numberBeforeSeparator(HeaderReader r) {
        int save = r.pos;
        if (!r.number()) {
            return false;
        }
        int after = r.pos;
        r.skipSpace();
        boolean followed = !r.atEnd() && r.line.charAt(r.pos) == '[' || r.separator();
        r.pos = followed ? after : save;
        return followed;
    }

    /** Without a logger part, a word right before the level or a bracket ending the header is the logger. */
    private static void nameTheLogger(List<Part> anchored, List<Part> tail) {
        for (Part p : anchored) {
            if (p.kind() == Kind.BRACKET && p.detail().equals("tcl")) {
                return;
            }
        }
        for (Part p : tail) {
            boolean namingBracket = p.kind() == Kind.BRACKET && (p.detail().equals("tcl") || p.detail().equals("logger"));
            if (p.kind() == Kind.LOGGER || namingBracket) {
                return;
            }
        }
        for (int k = tail.size() - 1; k >= 0; k--) {
            Part p = tail.get(k);
            if (p.kind() == Kind.BRACKET && p.detail().equals("thread")) {
                tail.set(k, new Part(Kind.BRACKET, "logger", p.spaced()));
                return;
            }
            if (p.kind() != Kind.SEP) {
                break;
            }
        }
        for (int k = 0; k < anchored.size(); k++) {
            if (anchored.get(k).kind() != Kind.LEVEL) {
                continue;
            }
            for (int w = k - 1; w >= 0; w--) {
                Part p = anchored.get(w);
                if (p.kind() == Kind.WORD) {
                    anchored.set(w, new Part(Kind.WORD, "logger", p.spaced()));
                    return;
                }
                if (p.kind() != Kind.SEP) {
                    return;
                }
            }
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public LogEntry parse(String line, String source, long lineNumber) {
        HeaderReader r = new HeaderReader(line);
        for (Part part : anchored) {
            if (!read(r, part)) {
                return null;
            }
        }
        for (Part part : optional) {
            int save = r.pos;
            if (!read(r, part)) {
                r.pos = save;
                break;
            }
        }
        r.skipSpace();
        return InlineFields.textEntry(r.time, r.level, r.logger, line.substring(r.pos), r.fields(), source, lineNumber);
    }

    private static boolean read(HeaderReader r, Part part) {
        r.skipSpace();
        String detail = part.detail();
        switch (part.kind()) {
            case WORD:
                if (!r.word()) {
                    return false;
                }
                if (detail.equals("logger")) {
                    r.logger = r.text;
                }
                return true;
            case TIME:
                return r.time(detail.equals("[]"));
            case LEVEL:
                return r.level(detail, true);
            case NUMBER:
                if (!r.number()) {
                    return false;
                }
                r.put("pid", r.text);
                return true;
            case SEP:
                return r.separator(detail);
            case BRACKET:
                int save = r.pos;
                if (!r.bracket()) {
                    return false;
                }
                if (detail.startsWith("named:") && !r.text.strip().startsWith(detail.substring(6) + " ")) {
                    r.pos = save;
                    return false;
                }
                r.bracketRole(detail);
                return true;
            default:
                return r.logger(detail);
        }
    }

    private static String keyOf(List<Part> parts) {
        StringBuilder key = new StringBuilder();
        for (Part p : parts) {
            key.append(p.key()).append('\u0000');
        }
        return key.toString();
    }

    private static String render(List<Part> anchored, List<Part> optional) {
        StringBuilder out = new StringBuilder();
        List<Part> all = new ArrayList<>(anchored);
        all.addAll(optional);
        for (Part p : all) {
            if (out.length() > 0 && p.spaced()) {
                out.append(' ');
            }
            out.append(switch (p.kind()) {
                case WORD -> p.detail().equals("logger") ? "<Logger>" : "<Word>";
                case TIME -> p.detail().equals("[]") ? "[<Time>]" : "<Time>";
                case LEVEL -> switch (p.detail()) {
                    case "colon" -> "<Level>:";
                    case "[]" -> "[<Level>]";
                    case "<>" -> "<<Level>>";
                    case "module" -> "[<Module>:<Level>]";
                    default -> "<Level>";
                };
                case NUMBER -> "<Pid>";
                case SEP -> p.detail();
                case BRACKET -> switch (p.detail()) {
                    case "tcl" -> "[<Thread>:<Logger>@<Line>]";
                    case "logger" -> "[<Logger>]";
                    case "thread" -> "[<Thread>]";
                    default -> "[" + p.detail().substring(6) + " <" + p.detail().substring(6) + ">]";
                };
                default -> p.detail().equals("colon") ? "<Logger>:" : "<Logger>";
            });
        }
        Part last = all.get(all.size() - 1);
        boolean attached = last.kind() == Kind.SEP && last.detail().equals("|");
        return out.append(attached ? "" : " ").append("<Message>").toString();
    }
}
