package dev.cairn.smtp;

import dev.cairn.config.ConfigException;
import dev.cairn.config.HandlerOptions;
import dev.cairn.config.HandlerProvider;
import dev.cairn.config.HandlerRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers {@link SMTPHandler} for dictConfig as {@code logging.handlers.SMTPHandler}, with
 * Python's options (mailhost as {@code host} or {@code [host, port]}, fromaddr, toaddrs as one
 * address or a list, subject, credentials {@code [user, password]}, secure, timeout) and Cairn's
 * rate limit (minInterval, digestCapacity). Found through {@link java.util.ServiceLoader}.
 */
public final class SmtpHandlers implements HandlerProvider {
    @Override
    public void registerHandlers(HandlerRegistry registry) {
        registry.register(SMTPHandler.class.getName(), "logging.handlers.SMTPHandler", SmtpHandlers::create);
    }

    private static SMTPHandler create(HandlerOptions options) {
        Object mailhost = options.get("mailhost");
        String host;
        int port = 0;
        if (mailhost instanceof String) {
            host = (String) mailhost;
        } else if (mailhost instanceof List && ((List<?>) mailhost).size() == 2
                && ((List<?>) mailhost).get(0) instanceof String && ((List<?>) mailhost).get(1) instanceof Integer) {
            host = (String) ((List<?>) mailhost).get(0);
            port = (Integer) ((List<?>) mailhost).get(1);
        } else {
            throw new ConfigException(options.node().pathOf("mailhost"), "expected a host name or [host, port], got " + describe(mailhost));
        }
        double timeout = options.number("timeout", 5.0);
        if (!(timeout >= 0)) throw new ConfigException(options.node().pathOf("timeout"), "expected seconds >= 0, got " + timeout);
        SMTPHandler h = new SMTPHandler(host, port, options.string("fromaddr"), toaddrs(options), options.string("subject"),
                credentials(options), secure(options), timeout);
        double interval = options.number("minInterval", h.getMinInterval());
        if (!(interval >= 0)) throw new ConfigException(options.node().pathOf("minInterval"), "expected seconds >= 0, got " + interval);
        h.setMinInterval(interval);
        int capacity = options.integer("digestCapacity", h.getDigestCapacity());
        if (capacity < 1) throw new ConfigException(options.node().pathOf("digestCapacity"), "expected an integer >= 1, got " + capacity);
        h.setDigestCapacity(capacity);
        return h;
    }

    /** Python accepts one address as a string or a list of them. */
    private static List<String> toaddrs(HandlerOptions options) {
        Object v = options.get("toaddrs");
        if (v instanceof String) return List.of((String) v);
        if (v instanceof List && !((List<?>) v).isEmpty()) {
            List<String> result = new ArrayList<>();
            for (Object item : (List<?>) v) {
                if (!(item instanceof String)) break;
                result.add((String) item);
            }
            if (result.size() == ((List<?>) v).size()) return result;
        }
        throw new ConfigException(options.node().pathOf("toaddrs"), "expected an address or a list of addresses, got " + describe(v));
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

    /** Python's {@code secure}: null for none, {@code []} (an empty tuple) for STARTTLS; true/false also accepted. */
    private static boolean secure(HandlerOptions options) {
        Object v = options.get("secure");
        if (v == null) return false;
        if (v instanceof Boolean) return (Boolean) v;
        if (v instanceof List && ((List<?>) v).isEmpty()) return true;
        throw new ConfigException(options.node().pathOf("secure"), "expected [] or true for STARTTLS (key and certificate "
                + "files are not supported; use the JDK's javax.net.ssl key store properties), got " + describe(v));
    }

    private static String describe(Object v) {
        if (v == null) return "null";
        if (v instanceof String) return "\"" + v + "\"";
        if (v instanceof List) return "a list of " + ((List<?>) v).size();
        return v.toString();
    }
}
