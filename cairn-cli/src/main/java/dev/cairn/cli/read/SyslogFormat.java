package dev.cairn.cli.read;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Syslog lines as files hold them. RFC 3164 ({@code Dec 10 06:55:46 LabSZ sshd[24200]: message},
 * also with an RFC 3339 time as rsyslog writes by default, and with a leading {@code <PRI>}):
 * fields {@code host}, {@code program} (also the logger) and {@code pid}. RFC 5424
 * ({@code <165>1 2003-10-11T22:14:15.003Z host app 1234 ID47 [id@32473 k="v"] message}): fields
 * {@code host}, {@code app} (also the logger), {@code pid}, {@code msgid} and each structured-data
 * parameter by its name. A {@code <PRI>} gives the level (its severity) and {@code facility};
 * without one a record has no level. Immutable and thread safe.
 */
public final class SyslogFormat implements LineFormat {

    private static final String[] SEVERITIES = {"EMERG", "ALERT", "CRIT", "ERR", "WARNING", "NOTICE", "INFO", "DEBUG"};

    private final boolean rfc5424;

    private SyslogFormat(boolean rfc5424) {
        this.rfc5424 = rfc5424;
    }

    /** The BSD format (RFC 3164) and its common relatives. */
    public static SyslogFormat rfc3164() {
        return new SyslogFormat(false);
    }

    /** The IETF format (RFC 5424). */
    public static SyslogFormat rfc5424() {
        return new SyslogFormat(true);
    }

    @Override
    public String name() {
        return rfc5424 ? "syslog (RFC 5424)" : "syslog (RFC 3164)";
    }

    @Override
    public LogEntry parse(String line, String source, long lineNumber) {
        HeaderReader r = new HeaderReader(line);
        Map<String, String> fields = new LinkedHashMap<>();
        String level = priority(r, fields);
        if (rfc5424) {
            return level == null ? null : parse5424(r, level, fields, source, lineNumber);
        }
        int timeStart = r.pos;
        if (!r.time(false) || !(Character.isLetter(line.charAt(timeStart)) || r.text.indexOf('T') == 10)) {
            return null;
        }
        r.skipSpace();
        // A level word or a bare number where the host goes is another header ("2024-05-01T12:00:00Z INFO app: ...",
        // MySQL's "2024-05-01T12:00:00.123456Z 0 [System] ..."), not syslog.
        if (!r.word() || HeaderReader.isLevelWord(r.text, false) || r.text.chars().allMatch(Character::isDigit)) {
            return null;
        }
        fields.put("host", r.text);
        r.skipSpace();
        String program = tag(r, fields);
        r.skipSpace();
        return InlineFields.textEntry(r.time, level, program, line.substring(r.pos), fields, source, lineNumber);
    }

    /** {@code <PRI>}: the level name of its severity, with the facility kept as a field; null when absent. */
    private static String priority(HeaderReader r, Map<String, String> fields) {
        String line = r.line;
        if (line.isEmpty() || line.charAt(0) != '<') {
            return null;
        }
        int close = line.indexOf('>');
        if (close < 2 || close > 4) {
            return null;
        }
        int pri;
        try {
            pri = Integer.parseInt(line.substring(1, close));
        } catch (NumberFormatException e) {
            return null;
        }
        if (pri > 191) {
            return null;
        }
        fields.put("facility", Integer.toString(pri >> 3));
        r.pos = close + 1;
        return SEVERITIES[pri & 7];
    }

    /** RFC 3164's tag, {@code program[pid]:}; null (and nothing read) when the message has none. */
    private static String tag(HeaderReader r, Map<String, String> fields) {
        String line = r.line;
        int i = r.pos;
        int n = line.length();
        while (i < n && (Character.isLetterOrDigit(line.charAt(i)) || "_./-".indexOf(line.charAt(i)) >= 0)) {
            i++;
        }
        if (i == r.pos || i >= n) {
            return null;
        }
        String program = line.substring(r.pos, i);
        String pid = null;
        if (line.charAt(i) == '[') {
            int close = line.indexOf(']', i);
            if (close < 0) {
                return null;
            }
            pid = line.substring(i + 1, close);
            i = close + 1;
        }
        if (i >= n || line.charAt(i) != ':' || i + 1 < n && line.charAt(i + 1) != ' ') {
            return null;
        }
        fields.put("program", program);
        if (pid != null) {
            fields.put("pid", pid);
        }
        r.pos = i + 1;
        return program;
    }

    private static LogEntry parse5424(HeaderReader r, String level, Map<String, String> fields, String source, long lineNumber) {
        String line = r.line;
        if (!r.number() || !r.skipSpace()) {
            return null;  // VERSION
        }
        if (!r.separator("-") && !r.time(false)) {
            return null;
        }
        String[] names = {"host", "app", "pid", "msgid"};
        for (String name : names) {
            if (!r.skipSpace() || !r.word()) {
                return null;
            }
            if (!r.text.equals("-")) {
                fields.put(name, r.text);
            }
        }
        if (!r.skipSpace()) {
            return null;
        }
        if (line.startsWith("-", r.pos)) {
            r.pos++;
        } else if (!structuredData(r, fields)) {
            return null;
        }
        r.skipSpace();
        String message = line.substring(r.pos);
        if (message.startsWith("\ufeff")) {
            message = message.substring(1);
        }
        return InlineFields.textEntry(r.time, level, fields.get("app"), message, fields, source, lineNumber);
    }

    /** {@code [id name="value" ...]...}, with {@code \" \\ \]} escapes (no others); each parameter becomes a field. */
    private static boolean structuredData(HeaderReader r, Map<String, String> fields) {
        String s = r.line;
        int n = s.length();
        int i = r.pos;
        if (i >= n || s.charAt(i) != '[') {
            return false;
        }
        while (i < n && s.charAt(i) == '[') {
            i++;
            while (i < n && s.charAt(i) != ' ' && s.charAt(i) != ']') {
                i++;  // SD-ID
            }
            while (i < n && s.charAt(i) == ' ') {
                int nameStart = ++i;
                while (i < n && s.charAt(i) != '=') {
                    i++;
                }
                if (i + 1 >= n || s.charAt(i + 1) != '"') {
                    return false;
                }
                String name = s.substring(nameStart, i);
                StringBuilder value = new StringBuilder();
                i += 2;
                while (i < n && s.charAt(i) != '"') {
                    char c = s.charAt(i++);
                    // RFC 5424 escapes only '"', '\\' and ']'; any other backslash is part of the value.
                    if (c == '\\' && i < n && "\"\\]".indexOf(s.charAt(i)) >= 0) {
                        c = s.charAt(i++);
                    }
                    value.append(c);
                }
                if (i >= n) {
                    return false;
                }
                i++;
                fields.putIfAbsent(name, value.toString());
            }
            if (i >= n || s.charAt(i) != ']') {
                return false;
            }
            i++;
        }
        r.pos = i;
        return true;
    }
}
