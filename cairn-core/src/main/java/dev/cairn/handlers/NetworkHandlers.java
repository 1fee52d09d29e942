package dev.cairn.handlers;

import dev.cairn.config.ConfigException;
import dev.cairn.config.ConfigNode;
import dev.cairn.config.HandlerOptions;
import dev.cairn.config.HandlerProvider;
import dev.cairn.config.HandlerRegistry;
import java.util.List;
import java.util.Locale;

/**
 * Registers the network and system handlers for dictConfig under Python's names
 * ({@code logging.handlers.SysLogHandler}, {@code SocketHandler}, {@code DatagramHandler},
 * {@code HTTPHandler}) and their Java class names, with Python's option names (address,
 * facility, socktype, host, port, url, method, secure, credentials) plus Cairn's (timeout,
 * syslogFormat, framing, appName, msgId, hostname, ident, append_nul, backlogCapacity,
 * retryStart, retryMax, retryFactor). Found through {@link java.util.ServiceLoader}.
 */
public final class NetworkHandlers implements HandlerProvider {
    @Override
    public void registerHandlers(HandlerRegistry registry) {
        registry.register(SysLogHandler.class.getName(), "logging.handlers.SysLogHandler", NetworkHandlers::sysLog);
        registry.register(SocketHandler.class.getName(), "logging.handlers.SocketHandler", options -> {
            SocketHandler h = new SocketHandler(options.string("host"), port(options, true));
            h.setBacklogCapacity(nonNegative(options, "backlogCapacity", h.getBacklogCapacity()));
            h.setTimeout(seconds(options, "timeout", h.getTimeout()));
            retries(options, h);
            return h;
        });
        registry.register(DatagramHandler.class.getName(), "logging.handlers.DatagramHandler",
                options -> new DatagramHandler(options.string("host"), port(options, false)));
        registry.register(HTTPHandler.class.getName(), "logging.handlers.HTTPHandler", options -> {
            if (options.get("context") != null) {
                throw new ConfigException(options.node().pathOf("context"), "an SSL context cannot be configured here; "
                        + "use the JDK's javax.net.ssl.trustStore properties or build the handler in code");
            }
            String method = options.string("method", "GET");
            if (!method.equalsIgnoreCase("GET") && !method.equalsIgnoreCase("POST")) {
                throw new ConfigException(options.node().pathOf("method"), "expected GET or POST, got \"" + method + "\"");
            }
            HTTPHandler h = new HTTPHandler(options.string("host"), options.string("url"), method,
                    options.bool("secure", false), credentials(options), null);
            h.setTimeout(seconds(options, "timeout", h.getTimeout()));
            return h;
        });
    }

    private static SysLogHandler sysLog(HandlerOptions options) {
        ConfigNode node = options.node();
        Object address = options.get("address");
        String host = "localhost";
        Integer port = SysLogHandler.SYSLOG_UDP_PORT;
        if (address instanceof String) {
            host = (String) address;
            port = null;
        } else if (address != null) {
            List<?> pair = address instanceof List ? (List<?>) address : List.of();
            if (pair.size() != 2 || !(pair.get(0) instanceof String) || !(pair.get(1) instanceof Integer)) {
                throw new ConfigException(node.pathOf("address"), "expected a socket path or [host, port], got " + describe(address));
            }
            host = (String) pair.get(0);
            port = (Integer) pair.get(1);
        }
        int facility;
        Object f = options.get("facility");
        try {
            facility = f == null ? SysLogHandler.LOG_USER : SysLogHandler.facilityCode(f instanceof Number ? f : f.toString());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(node.pathOf("facility"), "expected a facility number or one of "
                    + new java.util.TreeSet<>(SysLogHandler.FACILITY_NAMES.keySet()) + ", got " + describe(f));
        }
        int socktype = socktype(options);
        SysLogHandler h;
        try {
            h = new SysLogHandler(host, port, facility, socktype);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(node.pathOf("address"), e.getMessage());
        }
        h.setTimeout(seconds(options, "timeout", h.getTimeout()));
        try {
            String format = options.string("syslogFormat", null);
            if (format != null) h.setSyslogFormat(SyslogFormat.parse(format));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(node.pathOf("syslogFormat"), e.getMessage());
        }
        try {
            String framing = options.string("framing", null);
            if (framing != null) h.setFraming(SyslogFraming.parse(framing));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(node.pathOf("framing"), e.getMessage());
        }
        h.setAppName(options.string("appName", null));
        h.setMsgId(options.string("msgId", null));
        h.setHostname(options.string("hostname", null));
        h.setIdent(options.string("ident", ""));
        h.setAppendNul(options.bool("append_nul", true));
        h.setRetryStart(seconds(options, "retryStart", 1.0));
        h.setRetryMax(seconds(options, "retryMax", 30.0));
        h.setRetryFactor(factor(options));
        return h;
    }

    /** Python's socktype: {@code ext://socket.SOCK_STREAM} (1), SOCK_DGRAM (2), or their names; 0 when absent. */
    private static int socktype(HandlerOptions options) {
        Object v = options.get("socktype");
        if (v == null) return 0;
        if (v instanceof Integer && ((Integer) v == SysLogHandler.SOCK_STREAM || (Integer) v == SysLogHandler.SOCK_DGRAM)) {
            return (Integer) v;
        }
        if (v instanceof String) {
            String s = ((String) v).toUpperCase(Locale.ROOT);
            if (s.equals("SOCK_STREAM") || s.equals("TCP") || s.equals("STREAM")) return SysLogHandler.SOCK_STREAM;
            if (s.equals("SOCK_DGRAM") || s.equals("UDP") || s.equals("DGRAM")) return SysLogHandler.SOCK_DGRAM;
        }
        throw new ConfigException(options.node().pathOf("socktype"),
                "expected ext://socket.SOCK_STREAM, ext://socket.SOCK_DGRAM, \"tcp\" or \"udp\", got " + describe(v));
    }

    /** A port in 0..65535; null (a Unix socket path in {@code host}) only where {@code nullable}. */
    private static Integer port(HandlerOptions options, boolean nullable) {
        Object v = options.get("port");
        if (v == null && nullable) return null;
        if (v instanceof Integer && (Integer) v >= 0 && (Integer) v <= 65535) return (Integer) v;
        throw new ConfigException(options.node().pathOf("port"), "expected a port number"
                + (nullable ? " (or null for a Unix socket path in host)" : "") + ", got " + describe(v));
    }

    private static String[] credentials(HandlerOptions options) {
        Object v = options.get("credentials");
        if (v == null) return null;
        if (v instanceof List && ((List<?>) v).size() == 2
                && ((List<?>) v).get(0) instanceof String && ((List<?>) v).get(1) instanceof String) {
            return new String[] {(String) ((List<?>) v).get(0), (String) ((List<?>) v).get(1)};
        }
        throw new ConfigException(options.node().pathOf("credentials"), "expected [username, password], got " + describe(v));
    }

    private static void retries(HandlerOptions options, SocketHandler h) {
        h.setRetryStart(seconds(options, "retryStart", h.getRetryStart()));
        h.setRetryMax(seconds(options, "retryMax", h.getRetryMax()));
        h.setRetryFactor(factor(options));
    }

    private static double seconds(HandlerOptions options, String key, double fallback) {
        double v = options.number(key, fallback);
        if (!(v >= 0)) throw new ConfigException(options.node().pathOf(key), "expected a number of seconds >= 0, got " + v);
        return v;
    }

    private static double factor(HandlerOptions options) {
        double v = options.number("retryFactor", 2.0);
        if (!(v >= 1)) throw new ConfigException(options.node().pathOf("retryFactor"), "expected a number >= 1, got " + v);
        return v;
    }

    private static int nonNegative(HandlerOptions options, String key, int fallback) {
        int v = options.integer(key, fallback);
        if (v < 0) throw new ConfigException(options.node().pathOf(key), "expected an integer >= 0, got " + v);
        return v;
    }

    private static String describe(Object value) {
        if (value == null) return "null";
        if (value instanceof String) return "\"" + value + "\"";
        if (value instanceof List) return "a list of " + ((List<?>) value).size();
        return value.toString();
    }
}
