package dev.cairn.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of an INI file read with the rules of Python's {@code configparser.ConfigParser}
 * (defaults as {@code fileConfig} uses them): {@code [section]} headers, {@code key = value} or
 * {@code key: value} with keys lower-cased, whole-line comments starting with {@code #} or
 * {@code ;}, values continued on more-indented lines, a {@code [DEFAULT]} section whose keys
 * every section sees, duplicate sections and keys rejected, and {@code %(name)s} interpolation
 * ({@code BasicInterpolation}) on every read that is not raw. Every value keeps its line.
 */
final class IniFile {
    private static final Pattern SECTION = Pattern.compile("\\[(?<header>.+)\\]");
    private static final Pattern OPTION = Pattern.compile("(?<option>.*?)\\s*(?<vi>[=:])\\s*(?<value>.*)$");
    private static final Pattern REFERENCE = Pattern.compile("%\\(([^)]+)\\)s");
    private static final String DEFAULT = "DEFAULT";
    private static final int MAX_INTERPOLATION_DEPTH = 10;

    /** One section: its header line and its options in order. */
    static final class Section {
        final String name;
        final int line;
        final Map<String, Value> options = new LinkedHashMap<>();

        Section(String name, int line) {
            this.name = name;
            this.line = line;
        }
    }

    /** A raw value with the line its key is on. */
    static final class Value {
        final List<String> parts = new ArrayList<>();
        final int line;

        Value(String first, int line) {
            parts.add(first);
            this.line = line;
        }

        /** configparser's {@code _join_multiline_values}: trailing empty lines dropped, lines joined by newlines. */
        String text() {
            int end = parts.size();
            while (end > 0 && parts.get(end - 1).isEmpty()) end--;
            return String.join("\n", parts.subList(0, end));
        }
    }

    private final String source;
    private final Section defaults = new Section(DEFAULT, 0);
    private final Map<String, Section> sections = new LinkedHashMap<>();

    private IniFile(String source) {
        this.source = source;
    }

    /**
     * Parses {@code text}; {@code extraDefaults} are fileConfig's {@code defaults} argument, seen
     * by interpolation in every section.
     *
     * @throws ConfigException for lines configparser rejects, with the line
     */
    static IniFile parse(String text, String source, Map<String, String> extraDefaults) {
        IniFile ini = new IniFile(source);
        extraDefaults.forEach((k, v) -> ini.defaults.options.put(k.toLowerCase(Locale.ROOT), new Value(v, 0)));
        ini.read(text);
        return ini;
    }

    /** configparser's {@code _read}, with its indentation rule for continuation lines. */
    private void read(String text) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        Section current = null;
        Value currentValue = null;
        int indentLevel = 0;
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i];
            String stripped = line.strip();
            boolean comment = stripped.startsWith("#") || stripped.startsWith(";");
            if (comment || stripped.isEmpty()) {
                // configparser keeps blank lines inside a value (empty_lines_in_values), not comments.
                if (!comment && currentValue != null) currentValue.parts.add("");
                continue;
            }
            int indent = 0;
            while (indent < line.length() && Character.isWhitespace(line.charAt(indent))) indent++;
            if (current != null && currentValue != null && indent > indentLevel) {
                currentValue.parts.add(stripped);
                continue;
            }
            indentLevel = indent;
            Matcher header = SECTION.matcher(stripped);
            if (header.lookingAt()) {
                String name = header.group("header");
                if (sections.containsKey(name)) throw error(lineNo, "section [" + name + "] appears twice");
                if (name.equals(DEFAULT)) {
                    current = defaults;
                } else {
                    current = new Section(name, lineNo);
                    sections.put(name, current);
                }
                currentValue = null;
                continue;
            }
            if (current == null) throw error(lineNo, "a [section] header must come before '" + stripped + "'");
            Matcher option = OPTION.matcher(stripped);
            if (!option.matches() || option.group("option").isEmpty()) {
                throw error(lineNo, "expected 'key = value' in [" + current.name + "], got '" + stripped + "'");
            }
            String key = option.group("option").stripTrailing().toLowerCase(Locale.ROOT);
            if (current.options.containsKey(key) && current != defaults) {
                throw error(lineNo, "option '" + key + "' appears twice in [" + current.name + "]");
            }
            currentValue = new Value(option.group("value").strip(), lineNo);
            current.options.put(key, currentValue);
        }
    }

    String source() {
        return source;
    }

    boolean hasSection(String name) {
        return sections.containsKey(name);
    }

    Section section(String name) {
        return sections.get(name);
    }

    /** Whether {@code key} is in the section or in [DEFAULT], as Python's {@code key in section}. */
    boolean has(String section, String key) {
        return sections.get(section).options.containsKey(key) || defaults.options.containsKey(key);
    }

    /** The line of {@code key} in {@code section}, or of the section header. */
    int lineOf(String section, String key) {
        Section s = sections.get(section);
        Value v = s.options.get(key);
        if (v == null) v = defaults.options.get(key);
        return v != null && v.line > 0 ? v.line : s.line;
    }

    /** A value with interpolation (Python's {@code section.get(key)}), {@code fallback} when absent. */
    String get(String section, String key, String fallback) {
        String raw = getRaw(section, key, null);
        if (raw == null) return fallback;
        StringBuilder out = new StringBuilder();
        interpolate(section, key, raw, out, 1);
        return out.toString();
    }

    /** A value as written (Python's {@code get(..., raw=True)}), {@code fallback} when absent. */
    String getRaw(String section, String key, String fallback) {
        Value v = sections.get(section).options.get(key);
        if (v == null) v = defaults.options.get(key);
        return v == null ? fallback : v.text();
    }

    /** {@code BasicInterpolation._interpolate_some}. */
    private void interpolate(String section, String key, String rest, StringBuilder out, int depth) {
        if (depth > MAX_INTERPOLATION_DEPTH) {
            throw error(lineOf(section, key), "[" + section + "] " + key + ": %(...)s references nest deeper than "
                    + MAX_INTERPOLATION_DEPTH + " (a loop?)");
        }
        while (!rest.isEmpty()) {
            int p = rest.indexOf('%');
            if (p < 0) {
                out.append(rest);
                return;
            }
            out.append(rest, 0, p);
            rest = rest.substring(p);
            char c = rest.length() > 1 ? rest.charAt(1) : '\0';
            if (c == '%') {
                out.append('%');
                rest = rest.substring(2);
            } else if (c == '(') {
                Matcher m = REFERENCE.matcher(rest);
                if (!m.lookingAt()) {
                    throw error(lineOf(section, key), "[" + section + "] " + key + ": bad interpolation variable reference '" + rest + "'");
                }
                String name = m.group(1).toLowerCase(Locale.ROOT);
                rest = rest.substring(m.end());
                String value = getRaw(section, name, null);
                if (value == null) {
                    throw error(lineOf(section, key), "[" + section + "] " + key + ": %(" + name + ")s names no option of ["
                            + section + "] or [DEFAULT] (write %% for a literal %)");
                }
                if (value.indexOf('%') >= 0) {
                    interpolate(section, name, value, out, depth + 1);
                } else {
                    out.append(value);
                }
            } else {
                throw error(lineOf(section, key), "[" + section + "] " + key + ": '%' must be followed by '%' or '(', found: '" + rest + "'");
            }
        }
    }

    ConfigException error(int line, String problem) {
        return new ConfigException("", problem, source, line, null);
    }
}
