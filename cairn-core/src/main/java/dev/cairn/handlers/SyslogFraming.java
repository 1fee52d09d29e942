package dev.cairn.handlers;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * How {@link SysLogHandler} separates messages on a stream socket (TCP or Unix); datagrams need
 * no framing. RFC 6587 describes the two framings syslog servers understand.
 */
public enum SyslogFraming {
    /**
     * Python's behaviour: the message bytes alone. With Python's trailing NUL the server can
     * split on NUL (rsyslog: {@code AddtlFrameDelimiter="0"}); without it messages run together.
     */
    NONE,
    /** RFC 6587 octet counting: the message length in decimal and a space, then the message. */
    OCTET_COUNTING,
    /** RFC 6587 non-transparent framing: the message followed by a line feed. */
    NEWLINE;

    /** The bytes to write for one message. */
    byte[] frame(byte[] message) {
        switch (this) {
            case OCTET_COUNTING: {
                byte[] prefix = (message.length + " ").getBytes(StandardCharsets.US_ASCII);
                byte[] out = new byte[prefix.length + message.length];
                System.arraycopy(prefix, 0, out, 0, prefix.length);
                System.arraycopy(message, 0, out, prefix.length, message.length);
                return out;
            }
            case NEWLINE: {
                byte[] out = new byte[message.length + 1];
                System.arraycopy(message, 0, out, 0, message.length);
                out[message.length] = '\n';
                return out;
            }
            default:
                return message;
        }
    }

    /** Parses {@code none}, {@code octet-counting} or {@code newline} (any case, - or _). */
    public static SyslogFraming parse(String name) {
        String key = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (SyslogFraming f : values()) {
            if (f.name().equals(key)) return f;
        }
        throw new IllegalArgumentException("unknown syslog framing '" + name + "' (expected none, octet-counting or newline)");
    }
}
