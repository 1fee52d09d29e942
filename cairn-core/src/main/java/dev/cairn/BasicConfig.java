package dev.cairn;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Python's {@code logging.basicConfig}: gives the root logger one handler (stderr, a stream, or
 * a file) with a formatter, unless it already has handlers and {@code force} is false. Unlike
 * Python, every argument is checked before anything changes.
 */
final class BasicConfig {
    private static final Set<String> KEYWORDS = Set.of("level", "format", "datefmt", "style", "stream",
            "filename", "filemode", "encoding", "errors", "handlers", "force");

    private BasicConfig() {}

    static void apply(Map<String, ?> kwargs) {
        Map<String, Object> args = new LinkedHashMap<>(kwargs);
        List<String> unknown = new ArrayList<>();
        for (String key : args.keySet()) {
            if (!KEYWORDS.contains(key)) unknown.add(key);
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unrecognised argument(s): " + String.join(", ", unknown));
        }
        boolean hasHandlers = args.get("handlers") != null;
        if (hasHandlers && (args.containsKey("stream") || args.containsKey("filename"))) {
            throw new IllegalArgumentException("'stream' or 'filename' should not be specified together with 'handlers'");
        }
        if (!hasHandlers && args.containsKey("stream") && args.containsKey("filename")) {
            throw new IllegalArgumentException("'stream' and 'filename' should not be specified together");
        }
        char style = styleOf(args.get("style"));
        Integer level = args.get("level") == null ? null : Level.parse(args.get("level"));
        String format = (String) args.getOrDefault("format", defaultFormat(style));
        Formatter formatter = new Formatter(format, (String) args.get("datefmt"), style);
        boolean force = Boolean.TRUE.equals(args.get("force"));

        Logger root = Logging.getLogger();
        synchronized (BasicConfig.class) {
            if (force) {
                for (Handler h : root.getHandlers()) {
                    root.removeHandler(h);
                    h.close();
                }
            }
            if (!root.getHandlers().isEmpty()) return;
            for (Handler h : handlers(args)) {
                if (h.getFormatter() == null) h.setFormatter(formatter);
                root.addHandler(h);
            }
            if (level != null) root.setLevel(level);
        }
    }

    private static List<Handler> handlers(Map<String, Object> args) {
        Object given = args.get("handlers");
        if (given != null) {
            List<Handler> list = new ArrayList<>();
            for (Object h : (Iterable<?>) given) {
                if (!(h instanceof Handler)) throw new IllegalArgumentException("handlers: not a Handler: " + h);
                list.add((Handler) h);
            }
            return list;
        }
        String filename = (String) args.get("filename");
        if (filename != null && !filename.isEmpty()) {
            String mode = (String) args.getOrDefault("filemode", "a");
            // basicConfig passes errors='backslashreplace' unless told otherwise.
            String errors = (String) args.getOrDefault("errors", "backslashreplace");
            return List.of(new FileHandler(filename, mode, (String) args.get("encoding"), false, errors));
        }
        StreamHandler handler = new StreamHandler((OutputStream) args.get("stream"));
        handler.setEncoding(TextEncoding.of((String) args.get("encoding"),
                (String) args.getOrDefault("errors", "backslashreplace")));
        return List.of(handler);
    }

    static char styleOf(Object style) {
        if (style == null) return '%';
        String s = style.toString();
        if (s.length() == 1 && "%{$".indexOf(s.charAt(0)) >= 0) return s.charAt(0);
        throw new IllegalArgumentException("Style must be one of: %,{,$ (got '" + s + "')");
    }

    /** Python's {@code _STYLES[style][1]}, the BASIC_FORMAT of each style. */
    static String defaultFormat(char style) {
        switch (style) {
            case '{': return "{levelname}:{name}:{message}";
            case '$': return "${levelname}:${name}:${message}";
            default: return "%(levelname)s:%(name)s:%(message)s";
        }
    }
}
