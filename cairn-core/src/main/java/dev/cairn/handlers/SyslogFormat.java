package dev.cairn.handlers;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The header {@link SysLogHandler} puts before the formatted record. Python writes only the
 * priority ({@link #PYTHON}); the RFC forms add the time and host that servers otherwise take
 * from the time and address of arrival.
 */
public enum SyslogFormat {
    /** Python's output: {@code <PRI>} then the message, {@code ident} first and a NUL last. */
    PYTHON,
    /**
     * RFC 3164 (BSD): {@code <PRI>Nov 14 22:13:20 host } then the message, which should start
     * with a tag such as {@code ident = "myapp: "}. Local time, as the RFC has it.
     */
    RFC3164,
    /**
     * RFC 5424: {@code <PRI>1 2023-11-14T22:13:20.042000Z host app-name procid msgid - } then
     * the message (UTF-8 without a BOM, which the RFC allows as MSG-ANY). No trailing NUL.
     */
    RFC5424;

    private static final DateTimeFormatter BSD_TIME = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter ISO_MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /**
     * Appends the header for a record made at {@code created} (seconds since the epoch).
     * {@code hostname}, {@code appName} and {@code msgId} are used as given by the RFC forms;
     * {@code hasMessage} tells RFC 5424 whether to end the header with a space.
     */
    void appendHeader(StringBuilder out, int priority, double created, ZoneId zone, String hostname,
                      String appName, long procId, String msgId, boolean hasMessage) {
        out.append('<').append(priority).append('>');
        if (this == PYTHON) return;
        long seconds = (long) Math.floor(created);
        long micros = Math.round((created - seconds) * 1e6);
        if (micros >= 1_000_000) {
            seconds++;
            micros -= 1_000_000;
        }
        Instant time = Instant.ofEpochSecond(seconds, micros * 1000);
        if (this == RFC3164) {
            out.append(BSD_TIME.format(time.atZone(zone))).append(' ').append(field(hostname, 255)).append(' ');
            return;
        }
        out.append("1 ").append(ISO_MICROS.format(time)).append(' ')
                .append(field(hostname, 255)).append(' ')
                .append(field(appName, 48)).append(' ')
                .append(procId).append(' ')
                .append(field(msgId, 32)).append(" -");
        if (hasMessage) out.append(' ');
    }

    /** An RFC 5424 header field: printable US-ASCII without spaces, at most {@code max} long, "-" when empty. */
    static String field(String value, int max) {
        if (value == null || value.isEmpty()) return "-";
        StringBuilder sb = new StringBuilder(Math.min(value.length(), max));
        for (int i = 0; i < value.length() && sb.length() < max; i++) {
            char c = value.charAt(i);
            sb.append(c > 32 && c < 127 ? c : '_');
        }
        return sb.toString();
    }

    /** Parses {@code python}, {@code rfc3164} or {@code rfc5424} (any case). */
    public static SyslogFormat parse(String name) {
        String key = name.trim().toUpperCase(Locale.ROOT).replace("_", "").replace("-", "");
        for (SyslogFormat f : values()) {
            if (f.name().equals(key)) return f;
        }
        throw new IllegalArgumentException("unknown syslog format '" + name + "' (expected python, rfc3164 or rfc5424)");
    }
}
