package dev.cairn.config;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the Python expressions that fileConfig's {@code args}, {@code kwargs} and
 * {@code defaults} hold, without evaluating anything: strings (with Python's prefixes, escapes,
 * triple quotes and adjacent-literal joining), ints, floats, True/False/None, tuples, lists,
 * dicts, and the few names Python configurations use ({@code sys.stdout}, {@code sys.stderr},
 * {@code os.devnull}, level names, {@code handlers.SYSLOG_UDP_PORT} and the SysLogHandler
 * facilities). Tuples become Lists, streams become {@code ext://sys.stdout} references. Anything
 * else, a call in particular, is rejected.
 */
final class PyLiteral {
    private static final Map<String, Object> NAMES = names();

    private final String text;
    private int pos;

    private PyLiteral(String text) {
        this.text = text;
    }

    /**
     * Parses one expression; a top-level comma list is a tuple, as in {@code eval("1, 2")}.
     *
     * @throws IllegalArgumentException describing what is wrong and where (a character offset)
     */
    static Object parse(String text) {
        PyLiteral p = new PyLiteral(text);
        p.space();
        Object first = p.expression();
        p.space();
        if (p.peek() == ',') {
            List<Object> tuple = new ArrayList<>();
            tuple.add(first);
            while (p.peek() == ',') {
                p.pos++;
                p.space();
                if (p.pos >= text.length()) break;
                tuple.add(p.expression());
                p.space();
            }
            first = tuple;
        }
        if (p.pos < text.length()) throw p.error("unexpected '" + text.substring(p.pos) + "'");
        return first;
    }

    private Object expression() {
        char c = peek();
        if (c == '(') return sequence('(', ')', true);
        if (c == '[') return sequence('[', ']', false);
        if (c == '{') return dict();
        if (c == '\'' || c == '"' || isStringPrefix()) return strings();
        if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) return number();
        if (Character.isLetter(c) || c == '_') return name();
        if (c == '\0') throw error("expected a value, found the end");
        throw error("unexpected '" + c + "'");
    }

    /** A parenthesised expression is the expression; with a comma (or empty) it is a tuple. */
    private Object sequence(char open, char close, boolean tuple) {
        pos++;
        List<Object> items = new ArrayList<>();
        boolean comma = false;
        space();
        while (peek() != close) {
            items.add(expression());
            space();
            if (peek() == ',') {
                comma = true;
                pos++;
                space();
            } else if (peek() != close) {
                throw error("expected ',' or '" + close + "'");
            }
        }
        pos++;
        if (tuple && !comma && items.size() == 1) return items.get(0);
        return items;
    }

    private Map<Object, Object> dict() {
        pos++;
        Map<Object, Object> map = new LinkedHashMap<>();
        space();
        while (peek() != '}') {
            Object key = expression();
            space();
            if (peek() != ':') throw error("expected ':' after a dict key");
            pos++;
            space();
            map.put(key, expression());
            space();
            if (peek() == ',') {
                pos++;
                space();
            } else if (peek() != '}') {
                throw error("expected ',' or '}'");
            }
        }
        pos++;
        return map;
    }

    private Object name() {
        int start = pos;
        while (Character.isLetterOrDigit(peek()) || peek() == '_' || peek() == '.') pos++;
        String name = text.substring(start, pos);
        space();
        if (peek() == '(') throw error("calls are not allowed: " + name + "(...) (Cairn reads literals, it never evaluates code)");
        if (NAMES.containsKey(name)) return NAMES.get(name);
        pos = start;
        throw error("unknown name '" + name + "' (allowed: literals, True, False, None, sys.stdout, sys.stderr, "
                + "os.devnull, level names and handlers.* constants)");
    }

    private boolean isStringPrefix() {
        int i = pos;
        while (i < text.length() && i - pos < 2 && "rRuUbBfF".indexOf(text.charAt(i)) >= 0) i++;
        return i > pos && i < text.length() && (text.charAt(i) == '\'' || text.charAt(i) == '"');
    }

    /** One or more adjacent string literals, joined as Python's parser joins them. */
    private String strings() {
        StringBuilder sb = new StringBuilder();
        do {
            string(sb);
            space();
        } while (peek() == '\'' || peek() == '"' || isStringPrefix());
        return sb.toString();
    }

    private void string(StringBuilder sb) {
        boolean raw = false;
        while (peek() != '\'' && peek() != '"') {
            char p = Character.toLowerCase(peek());
            if (p == 'b' || p == 'f') throw error(p == 'b' ? "bytes literals are not supported" : "f-strings are not allowed");
            if (p == 'r') raw = true;
            pos++;
        }
        char quote = peek();
        String delimiter = text.startsWith(String.valueOf(quote).repeat(3), pos) ? String.valueOf(quote).repeat(3) : String.valueOf(quote);
        pos += delimiter.length();
        while (true) {
            if (pos >= text.length()) throw error("unterminated string");
            if (text.startsWith(delimiter, pos)) {
                pos += delimiter.length();
                return;
            }
            char c = text.charAt(pos++);
            if (c == '\n' && delimiter.length() == 1) throw error("unterminated string");
            if (c != '\\') {
                sb.append(c);
            } else if (raw) {
                sb.append(c);
                if (pos < text.length()) sb.append(text.charAt(pos++));
            } else {
                escape(sb);
            }
        }
    }

    private void escape(StringBuilder sb) {
        if (pos >= text.length()) throw error("unterminated string");
        char e = text.charAt(pos++);
        switch (e) {
            case '\n': break;
            case '\\': sb.append('\\'); break;
            case '\'': sb.append('\''); break;
            case '"': sb.append('"'); break;
            case 'a': sb.append('\u0007'); break;
            case 'b': sb.append('\b'); break;
            case 'f': sb.append('\f'); break;
            case 'n': sb.append('\n'); break;
            case 'r': sb.append('\r'); break;
            case 't': sb.append('\t'); break;
            case 'v': sb.append('\u000b'); break;
            case 'x': sb.appendCodePoint(hex(2)); break;
            case 'u': sb.appendCodePoint(hex(4)); break;
            case 'U': sb.appendCodePoint(hex(8)); break;
            default:
                if (e >= '0' && e <= '7') {
                    int value = e - '0';
                    for (int i = 0; i < 2 && peek() >= '0' && peek() <= '7'; i++) value = value * 8 + (text.charAt(pos++) - '0');
                    sb.append((char) value);
                } else {
                    // Python keeps unknown escapes as written.
                    sb.append('\\').append(e);
                }
        }
    }

    private int hex(int digits) {
        if (pos + digits > text.length()) throw error("truncated \\x, \\u or \\U escape");
        try {
            int value = Integer.parseInt(text.substring(pos, pos + digits), 16);
            pos += digits;
            return value;
        } catch (NumberFormatException e) {
            throw error("bad \\x, \\u or \\U escape");
        }
    }

    private Object number() {
        int start = pos;
        if (peek() == '-' || peek() == '+') pos++;
        space();
        int digitsStart = pos;
        while (Character.isLetterOrDigit(peek()) || peek() == '_' || peek() == '.'
                || ((peek() == '-' || peek() == '+') && (text.charAt(pos - 1) == 'e' || text.charAt(pos - 1) == 'E'))) {
            pos++;
        }
        String sign = text.charAt(start) == '-' ? "-" : "";
        String body = text.substring(digitsStart, pos).replace("_", "");
        try {
            String lower = body.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("0x")) return integer(new BigInteger(sign + body.substring(2), 16));
            if (lower.startsWith("0o")) return integer(new BigInteger(sign + body.substring(2), 8));
            if (lower.startsWith("0b")) return integer(new BigInteger(sign + body.substring(2), 2));
            if (lower.matches("[0-9]+")) return integer(new BigInteger(sign + body));
            if (lower.matches("([0-9]+\\.?[0-9]*|\\.[0-9]+)(e[-+]?[0-9]+)?")) return Double.parseDouble(sign + body);
        } catch (NumberFormatException e) {
            // Reported below with the position.
        }
        pos = start;
        throw error("bad number '" + text.substring(start, digitsStart) + body + "'");
    }

    private static Object integer(BigInteger big) {
        if (big.bitLength() < 32) return big.intValue();
        if (big.bitLength() < 64) return big.longValue();
        return big;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void space() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
    }

    private IllegalArgumentException error(String problem) {
        return new IllegalArgumentException(problem + " at character " + (pos + 1) + " of " + text.strip());
    }

    private static Map<String, Object> names() {
        Map<String, Object> names = new LinkedHashMap<>();
        names.put("True", Boolean.TRUE);
        names.put("False", Boolean.FALSE);
        names.put("None", null);
        names.put("sys.stdout", "ext://sys.stdout");
        names.put("sys.stderr", "ext://sys.stderr");
        names.put("os.devnull", "/dev/null");
        // vars(logging), the namespace fileConfig evaluates in, holds the level constants.
        for (String level : List.of("CRITICAL", "FATAL", "ERROR", "WARNING", "WARN", "INFO", "DEBUG", "NOTSET")) {
            names.put(level, dev.cairn.Level.parse(level));
        }
        names.put("handlers.SYSLOG_UDP_PORT", 514);
        names.put("handlers.SYSLOG_TCP_PORT", 514);
        names.put("handlers.DEFAULT_TCP_LOGGING_PORT", 9020);
        names.put("handlers.DEFAULT_UDP_LOGGING_PORT", 9021);
        names.put("handlers.DEFAULT_HTTP_LOGGING_PORT", 9022);
        String[] facilities = {"KERN", "USER", "MAIL", "DAEMON", "AUTH", "SYSLOG", "LPR", "NEWS", "UUCP", "CRON", "AUTHPRIV", "FTP"};
        for (int i = 0; i < facilities.length; i++) names.put("handlers.SysLogHandler.LOG_" + facilities[i], i);
        for (int i = 0; i < 8; i++) names.put("handlers.SysLogHandler.LOG_LOCAL" + i, 16 + i);
        return names;
    }
}
