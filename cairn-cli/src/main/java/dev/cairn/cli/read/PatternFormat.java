package dev.cairn.cli.read;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text format described by the format string that wrote it: Python's {@code %(name)s} notation
 * ({@code %(asctime)s %(levelname)-8s %(name)s: %(message)s}) or Loghub's header notation
 * ({@code <Date> <Time> <Level> <Component>: <Content>}). The line parser is derived from the same
 * string: literal text must match, each field matches the shortest text that lets the rest match,
 * and the message field takes the rest of the line.
 */
public final class PatternFormat implements LineFormat {

    private static final Pattern PYTHON_FIELD = Pattern.compile("%\\((\\w+)\\)[-#0 +]*\\d*(?:\\.\\d+)?[sdfrxXeEgGi]");
    private static final Pattern HEADER_FIELD = Pattern.compile("<(\\w+)>");

    private final String name;
    private final Pattern pattern;
    private final List<String> fields;

    private PatternFormat(String name, Pattern pattern, List<String> fields) {
        this.name = name;
        this.pattern = pattern;
        this.fields = fields;
    }

    /** A format from either notation; which one is decided by the presence of {@code %(}. */
    public static PatternFormat of(String format) {
        return format.contains("%(") ? python(format) : header(format);
    }

    /** A format from a Python {@code logging.Formatter} format string ({@code %} style). */
    public static PatternFormat python(String format) {
        StringBuilder regex = new StringBuilder("^");
        List<String> fields = new ArrayList<>();
        Matcher m = PYTHON_FIELD.matcher(format);
        int last = 0;
        while (m.find()) {
            regex.append(literal(format.substring(last, m.start()).replace("%%", "%"), false));
            String field = m.group(1);
            fields.add(field);
            regex.append(pythonFieldRegex(field));
            last = m.end();
        }
        regex.append(literal(format.substring(last).replace("%%", "%"), false)).append("$");
        return new PatternFormat(format, Pattern.compile(regex.toString()), List.copyOf(fields));
    }

    private static String pythonFieldRegex(String field) {
        return switch (field) {
            case "message" -> "(.*)";
            case "levelname" -> " *([A-Za-z]+) *";
            case "name", "module", "funcName", "threadName", "processName", "filename" -> "(\\S+?)";
            case "levelno", "lineno", "process", "thread" -> " *(\\d+) *";
            // An ISO-like time is tried first so that a lazy match does not stop after the date.
            case "asctime" -> "(\\d{4}-\\d\\d-\\d\\d[ T]\\d\\d:\\d\\d:\\d\\d(?:[.,]\\d+)?(?:Z|[+-]\\d\\d:?\\d\\d)?|.*?)";
            default -> "(.*?)";
        };
    }

    /** A format in Loghub's notation, where {@code \\[} escapes a bracket and spaces match any run of spaces. */
    public static PatternFormat header(String format) {
        StringBuilder regex = new StringBuilder("^");
        List<String> fields = new ArrayList<>();
        Matcher m = HEADER_FIELD.matcher(format);
        int last = 0;
        while (m.find()) {
            regex.append(literal(format.substring(last, m.start()).replace("\\", ""), true));
            fields.add(m.group(1));
            regex.append(m.group(1).equals("Content") ? "(.*)" : "(.*?)");
            last = m.end();
        }
        regex.append(literal(format.substring(last).replace("\\", ""), true)).append("$");
        return new PatternFormat(format, Pattern.compile(regex.toString()), List.copyOf(fields));
    }

    private static String literal(String text, boolean flexibleSpaces) {
        if (text.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        // Loghub's benchmark turns each run of spaces into \s+, so padded columns ("INFO  [", "ERROR [") match.
        for (String part : text.split(flexibleSpaces ? "((?<= )(?! )|(?<! )(?= ))" : "((?<= )|(?= ))")) {
            out.append(part.isBlank() ? (flexibleSpaces ? " +" : " ") : Pattern.quote(part));
        }
        return out.toString();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public LogEntry parse(String line, String source, long lineNumber) {
        Matcher m = pattern.matcher(line);
        if (!m.matches()) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int g = 0; g < fields.size(); g++) {
            values.put(fields.get(g), m.group(g + 1).strip());
        }
        String message = firstOf(values, "message", "Content");
        return InlineFields.textEntry(time(values), firstOf(values, "levelname", "Level"),
                firstOf(values, "name", "Component", "Logger"), message == null ? "" : message, values, source, lineNumber);
    }

    private static long time(Map<String, String> values) {
        String asctime = values.get("asctime");
        if (asctime != null) {
            return Timestamps.parseLoose(asctime);
        }
        String created = values.get("created");
        if (created != null) {
            return Timestamps.parse(created);
        }
        String date = values.get("Date");
        String time = values.get("Time");
        String day = values.get("Day");
        if (date != null && day != null) {
            date = date + " " + day;  // syslog's "Dec 10 06:55:46" comes as <Date> <Day> <Time>
        }
        if (date != null || time != null) {
            long t = Timestamps.parseLoose(date == null ? time : time == null ? date : date + " " + time);
            if (t != LogEntry.NO_TIME) {
                return t;
            }
        }
        String stamp = firstOf(values, "Timestamp", "Datetime");
        return stamp == null ? LogEntry.NO_TIME : Timestamps.parseLoose(stamp);
    }

    private static String firstOf(Map<String, String> values, String... names) {
        for (String n : names) {
            String v = values.get(n);
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return null;
    }
}
