package dev.cairn.config;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Python's {@code logging.config.fileConfig} format, translated into the dictConfig mapping that
 * {@link DictConfig} applies, so both formats behave identically. It follows CPython's
 * {@code _create_formatters}, {@code _install_handlers} and {@code _install_loggers}:
 * {@code [formatters]}, {@code [handlers]} and {@code [loggers]} with comma-separated
 * {@code keys}; {@code [formatter_x]} format/datefmt/style/validate/defaults/class (format and
 * datefmt read raw); {@code [handler_x]} class/level/formatter/args/kwargs/target, where a bare
 * class name is looked up in {@code logging} and {@code handlers.X} in {@code logging.handlers};
 * {@code [logger_x]} level/handlers/qualname/propagate, with {@code [logger_root]} required.
 * {@code args} and {@code kwargs} are read by {@link PyLiteral}, never evaluated, and the
 * positional {@code args} are named after the constructor parameters of the handler class.
 *
 * <p>Cairn additions, which Python ignores: {@code %(here)s} is the folder of the file, and an
 * optional {@code [cairn]} section holds {@code disable_existing_loggers} (fileConfig's argument,
 * default true) and {@code watch}.
 */
final class IniConfig {
    /** Constructor parameters of the handler classes, in order, to name positional {@code args}. */
    private static final Map<String, List<String>> PARAMETERS = Map.ofEntries(
            Map.entry("logging.StreamHandler", List.of("stream")),
            Map.entry("logging.FileHandler", List.of("filename", "mode", "encoding", "delay", "errors")),
            Map.entry("logging.NullHandler", List.of()),
            Map.entry("logging.handlers.WatchedFileHandler", List.of("filename", "mode", "encoding", "delay", "errors")),
            Map.entry("logging.handlers.RotatingFileHandler", List.of("filename", "mode", "maxBytes", "backupCount", "encoding", "delay", "errors")),
            Map.entry("logging.handlers.TimedRotatingFileHandler", List.of("filename", "when", "interval", "backupCount", "encoding", "delay", "utc", "atTime", "errors")),
            Map.entry("logging.handlers.SocketHandler", List.of("host", "port")),
            Map.entry("logging.handlers.DatagramHandler", List.of("host", "port")),
            Map.entry("logging.handlers.SysLogHandler", List.of("address", "facility", "socktype")),
            Map.entry("logging.handlers.SMTPHandler", List.of("mailhost", "fromaddr", "toaddrs", "subject", "credentials", "secure", "timeout")),
            Map.entry("logging.handlers.MemoryHandler", List.of("capacity", "flushLevel", "target", "flushOnClose")),
            Map.entry("logging.handlers.BufferingHandler", List.of("capacity")),
            Map.entry("logging.handlers.HTTPHandler", List.of("host", "url", "method", "secure", "credentials", "context")),
            Map.entry("logging.handlers.QueueHandler", List.of("queue")));
    private static final List<String> LOGGING_NAMES = List.of("StreamHandler", "FileHandler", "NullHandler", "Handler");

    private final IniFile ini;
    private final Map<String, Integer> lines = new LinkedHashMap<>();
    private final Map<String, String> names = new LinkedHashMap<>();

    private IniConfig(IniFile ini) {
        this.ini = ini;
    }

    /**
     * Reads fileConfig text into a dictConfig document. {@code defaults} are fileConfig's
     * {@code defaults} argument; {@code here} is added when {@code source} names an existing file.
     *
     * @throws ConfigException for text configparser or fileConfig would reject, located in the file
     */
    static ConfigDocument read(String text, String source, Map<String, String> defaults) {
        Map<String, String> all = new LinkedHashMap<>();
        Path parent = folderOf(source);
        if (parent != null) all.put("here", parent.toString());
        all.putAll(defaults);
        IniFile ini = IniFile.parse(text, source, all);
        IniConfig reader = new IniConfig(ini);
        Map<String, Object> config = reader.translate();
        return new ConfigDocument(source, config, reader.lines, reader.names);
    }

    /** The folder of {@code source} when it names a file (not a socket or a class path resource). */
    private static Path folderOf(String source) {
        try {
            Path file = source == null ? null : Path.of(source);
            return file != null && Files.isRegularFile(file) ? file.toAbsolutePath().getParent() : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private Map<String, Object> translate() {
        for (String required : List.of("formatters", "handlers", "loggers")) {
            if (!ini.hasSection(required)) {
                throw ini.error(0, "missing section [" + required + "] (fileConfig needs [formatters], [handlers] and [loggers])");
            }
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("version", 1);
        cairnSection(config);
        Map<String, Object> formatters = new LinkedHashMap<>();
        for (String id : keys("formatters")) formatters.put(id, formatter(id));
        config.put("formatters", formatters);
        Map<String, Object> handlers = new LinkedHashMap<>();
        for (String id : keys("handlers")) handlers.put(id, handler(id));
        config.put("handlers", handlers);
        List<String> loggerIds = keys("loggers");
        if (!loggerIds.remove("root")) {
            throw ini.error(ini.lineOf("loggers", "keys"), "[loggers] keys must include root");
        }
        config.put("root", logger("root", "root", false));
        Map<String, Object> loggers = new LinkedHashMap<>();
        for (String id : loggerIds) {
            String section = requireSection("logger_" + id, "loggers");
            String qualname = require(section, "qualname");
            loggers.put(qualname, logger(id, "loggers." + qualname, true));
        }
        config.put("loggers", loggers);
        return config;
    }

    private void cairnSection(Map<String, Object> config) {
        boolean disable = true;
        if (ini.hasSection("cairn")) {
            if (ini.has("cairn", "disable_existing_loggers")) disable = bool("cairn", "disable_existing_loggers");
            if (ini.has("cairn", "watch")) {
                String watch = ini.get("cairn", "watch", "").strip().toLowerCase(Locale.ROOT);
                Object value = watch.matches("[0-9]+(\\.[0-9]*)?") ? (Object) Double.parseDouble(watch) : (Object) bool("cairn", "watch");
                note("watch", "cairn", "watch");
                config.put("watch", value);
            }
        }
        config.put("disable_existing_loggers", disable);
        note("disable_existing_loggers", "cairn", "disable_existing_loggers");
    }

    private Map<String, Object> formatter(String id) {
        String section = requireSection("formatter_" + id, "formatters");
        String path = "formatters." + id;
        Map<String, Object> entry = new LinkedHashMap<>();
        // _create_formatters reads format, datefmt and style raw: no %(...)s interpolation.
        putRaw(entry, path, section, "format");
        putRaw(entry, path, section, "datefmt");
        putRaw(entry, path, section, "style");
        if (ini.has(section, "validate")) {
            entry.put("validate", bool(section, "validate"));
            note(path + ".validate", section, "validate");
        }
        if (ini.has(section, "defaults")) {
            entry.put("defaults", literal(section, "defaults", ini.getRaw(section, "defaults", null)));
            note(path + ".defaults", section, "defaults");
        }
        String className = ini.get(section, "class", "");
        if (!className.isEmpty()) {
            entry.put("class", className);
            note(path + ".class", section, "class");
        }
        return entry;
    }

    private Map<String, Object> handler(String id) {
        String section = requireSection("handler_" + id, "handlers");
        String path = "handlers." + id;
        Map<String, Object> entry = new LinkedHashMap<>();
        String className = pythonClassName(require(section, "class").strip());
        entry.put("class", className);
        note(path + ".class", section, "class");
        if (ini.has(section, "level")) {
            entry.put("level", ini.get(section, "level", null));
            note(path + ".level", section, "level");
        }
        String formatter = ini.get(section, "formatter", "");
        if (!formatter.isEmpty()) {
            entry.put("formatter", formatter.strip());
            note(path + ".formatter", section, "formatter");
        }
        Object args = literal(section, "args", ini.get(section, "args", "()"));
        if (!(args instanceof List)) {
            throw ini.error(ini.lineOf(section, "args"), "[" + section + "] args: expected a tuple such as ('app.log', 'a'), got "
                    + ConfigNode.describe(args));
        }
        List<?> positional = (List<?>) args;
        if (!positional.isEmpty()) {
            List<String> parameters = PARAMETERS.get(className);
            if (parameters == null) {
                throw ini.error(ini.lineOf(section, "args"), "[" + section + "] args: positional arguments need a known "
                        + "Python handler class; write kwargs={...} for " + className);
            }
            if (positional.size() > parameters.size()) {
                throw ini.error(ini.lineOf(section, "args"), "[" + section + "] args: " + className + " takes at most "
                        + parameters.size() + " arguments (" + String.join(", ", parameters) + "), got " + positional.size());
            }
            for (int i = 0; i < positional.size(); i++) {
                if (positional.get(i) == null) continue;
                entry.put(parameters.get(i), positional.get(i));
                note(path + "." + parameters.get(i), section, "args");
            }
        }
        Object kwargs = literal(section, "kwargs", ini.get(section, "kwargs", "{}"));
        if (!(kwargs instanceof Map)) {
            throw ini.error(ini.lineOf(section, "kwargs"), "[" + section + "] kwargs: expected a dict such as {'encoding': 'utf-8'}");
        }
        for (Map.Entry<?, ?> e : ((Map<?, ?>) kwargs).entrySet()) {
            if (!(e.getKey() instanceof String)) {
                throw ini.error(ini.lineOf(section, "kwargs"), "[" + section + "] kwargs: keys must be strings");
            }
            entry.put((String) e.getKey(), e.getValue());
            note(path + "." + e.getKey(), section, "kwargs");
        }
        // _install_handlers only reads target for MemoryHandler subclasses.
        String target = ini.get(section, "target", "");
        if (className.endsWith("MemoryHandler") && !target.isEmpty()) {
            entry.put("target", target.strip());
            note(path + ".target", section, "target");
        }
        names.put(path, "[" + section + "]");
        lines.put(path, ini.section(section).line);
        return entry;
    }

    /** A logger entry; {@code propagate} is always set, as fileConfig sets it (getint, default 1). */
    private Map<String, Object> logger(String id, String path, boolean named) {
        String section = requireSection("logger_" + id, "loggers");
        Map<String, Object> entry = new LinkedHashMap<>();
        if (ini.has(section, "level")) {
            entry.put("level", ini.get(section, "level", null));
            note(path + ".level", section, "level");
        }
        List<String> handlerIds = split(require(section, "handlers"));
        entry.put("handlers", handlerIds);
        note(path + ".handlers", section, "handlers");
        if (named) {
            String propagate = ini.get(section, "propagate", "1").strip();
            try {
                entry.put("propagate", Integer.parseInt(propagate) != 0);
            } catch (NumberFormatException e) {
                throw ini.error(ini.lineOf(section, "propagate"), "[" + section + "] propagate: expected 0 or 1, got '" + propagate + "'");
            }
            note(path + ".propagate", section, "propagate");
        }
        names.put(path, "[" + section + "]");
        lines.put(path, ini.section(section).line);
        return entry;
    }

    /** What {@code eval(klass, vars(logging))} finds: bare names in logging, {@code handlers.X} in logging.handlers. */
    private static String pythonClassName(String name) {
        if (!name.contains(".") && LOGGING_NAMES.contains(name)) return "logging." + name;
        if (name.startsWith("handlers.")) return "logging." + name;
        return name;
    }

    private List<String> keys(String section) {
        return split(require(section, "keys"));
    }

    /** {@code _strip_spaces(value.split(","))}, with an empty value meaning none. */
    private static List<String> split(String value) {
        List<String> result = new ArrayList<>();
        if (value.isEmpty()) return result;
        for (String part : value.split(",", -1)) result.add(part.strip());
        return result;
    }

    private String requireSection(String name, String listedIn) {
        if (!ini.hasSection(name)) {
            throw ini.error(ini.lineOf(listedIn, "keys"), "[" + listedIn + "] keys names '" + name.substring(name.indexOf('_') + 1)
                    + "' but there is no section [" + name + "]");
        }
        return name;
    }

    private String require(String section, String key) {
        if (!ini.has(section, key)) throw ini.error(ini.section(section).line, "[" + section + "] needs '" + key + "'");
        return ini.get(section, key, "");
    }

    private boolean bool(String section, String key) {
        // configparser's getboolean (BOOLEAN_STATES).
        String value = ini.get(section, key, "").strip().toLowerCase(Locale.ROOT);
        if (List.of("1", "yes", "true", "on").contains(value)) return true;
        if (List.of("0", "no", "false", "off").contains(value)) return false;
        throw ini.error(ini.lineOf(section, key), "[" + section + "] " + key + ": not a boolean: '" + value + "'");
    }

    private void putRaw(Map<String, Object> entry, String path, String section, String key) {
        String value = ini.getRaw(section, key, null);
        if (value == null) return;
        entry.put(key, value);
        note(path + "." + key, section, key);
    }

    private Object literal(String section, String key, String text) {
        try {
            return PyLiteral.parse(text);
        } catch (IllegalArgumentException e) {
            throw ini.error(ini.lineOf(section, key), "[" + section + "] " + key + ": " + e.getMessage());
        }
    }

    private void note(String path, String section, String key) {
        if (!ini.hasSection(section)) return;
        lines.put(path, ini.lineOf(section, key));
        names.put(path, "[" + section + "] " + key);
    }
}
