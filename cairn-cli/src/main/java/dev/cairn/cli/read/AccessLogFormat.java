package dev.cairn.cli.read;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Web server access logs in the Common Log Format and the Combined one (Apache's and nginx's
 * defaults): {@code 127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /a.gif HTTP/1.0" 200 2326 "referer" "agent"},
 * anything after them ignored, also with Apache's {@code vhost_combined} {@code host:port} first
 * (Debian's {@code other_vhosts_access.log}). Fields {@code vhost}, {@code client}, {@code ident},
 * {@code user}, {@code request}, {@code method}, {@code path}, {@code protocol}, {@code status},
 * {@code bytes}, {@code referer}, {@code user_agent}; the message is the request line with the status and size. Access logs have
 * no levels: a 5xx status reads as ERROR, a 4xx as WARNING, others as INFO, so that {@code errors}
 * and the error rate count failed requests. Immutable and thread safe.
 */
public final class AccessLogFormat implements LineFormat {

    private static final Pattern LINE = Pattern.compile(
            "^(?:(\\S+:\\d+) )?(\\S+) (\\S+) (\\S+) \\[([^\\]]+)\\] \"((?:[^\"\\\\]|\\\\.)*)\" (\\d{3}|-) (\\d+|-)"
                    + "(?: \"((?:[^\"\\\\]|\\\\.)*)\" \"((?:[^\"\\\\]|\\\\.)*)\")?(?:\\s.*)?$");

    @Override
    public String name() {
        return "access log";
    }

    @Override
    public LogEntry parse(String line, String source, long lineNumber) {
        if (line.isEmpty() || line.charAt(0) == '{' || line.indexOf('"') < 0) {
            return null;
        }
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            return null;
        }
        TimeScanner.Found time = TimeScanner.scan(m.group(5), 0);
        if (time == null) {
            return null;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        put(fields, "vhost", m.group(1));
        put(fields, "client", m.group(2));
        put(fields, "ident", m.group(3));
        put(fields, "user", m.group(4));
        String request = m.group(6);
        fields.put("request", request);
        String[] parts = request.split(" ", 3);
        if (parts.length == 3) {
            fields.put("method", parts[0]);
            fields.put("path", parts[1]);
            fields.put("protocol", parts[2]);
        }
        String status = m.group(7);
        put(fields, "status", status);
        put(fields, "bytes", m.group(8));
        put(fields, "referer", m.group(9));
        put(fields, "user_agent", m.group(10));
        String level = status.startsWith("5") ? "ERROR" : status.startsWith("4") ? "WARNING" : "INFO";
        return new LogEntry(time.millis(), level, null, request + " " + status + " " + m.group(8),
                null, null, null, fields, source, lineNumber);
    }

    private static void put(Map<String, String> fields, String name, String value) {
        if (value != null && !value.equals("-")) {
            fields.put(name, value);
        }
    }
}
