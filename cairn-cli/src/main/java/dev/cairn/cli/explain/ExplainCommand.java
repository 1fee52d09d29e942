package dev.cairn.cli.explain;

import dev.cairn.Level;
import dev.cairn.Logging;
import dev.cairn.cli.Json;
import dev.cairn.config.ConfigException;
import dev.cairn.config.Explanation;
import dev.cairn.config.RunningConfiguration;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cairn explain}: why a record from a logger at a level would or would not be logged by a
 * service with a given configuration, from Cairn's {@code Logging.explain}. The configuration is
 * rehearsed in this process the way the service applies it at start-up (file, then environment
 * overrides, then {@code --log-*} options), with the service's log files moved to a scratch
 * folder so that explaining never creates, rotates or prunes them.
 */
@Command(name = "explain",
        mixinStandardHelpOptions = true,
        description = {"Explain why a record from LOGGER would or would not be logged by a service configured from FILE: "
                + "the global disable, the logger's effective level and which logger and file line set it, its filters, "
                + "and every handler reached through propagation with its level.",
            "FILE is read as the service reads it (dictConfig JSON or YAML, or Python's fileConfig INI), with ${...} and "
                + "the CAIRN_LEVEL, CAIRN_LEVEL_<logger> and CAIRN_FORMAT overrides taken from this environment "
                + "(add to it with --env, leave it out with --no-env), then the service's --log-level and --log-format "
                + "options. Log files the configuration names are not touched: handlers open theirs in a scratch folder.",
            "Without --level, one line per standard level says whether and where a record goes."},
        footer = {"", "Examples:",
                "  cairn explain --config logging.yaml app.db",
                "  cairn explain --config logging.yaml --level DEBUG app.db",
                "  cairn explain --config logging.ini --env CAIRN_LEVEL_app_db=DEBUG --level DEBUG app.db",
                "  cairn explain --config logging.json --log-level app=WARNING --json app.db | jq .[0].logged",
                "  CAIRN_CONFIG=logging.yaml cairn explain root"})
public final class ExplainCommand implements Callable<Integer> {

    private static final int[] STANDARD_LEVELS = {Level.DEBUG, Level.INFO, Level.WARNING, Level.ERROR, Level.CRITICAL};

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "LOGGER", description = "The logger's dotted name; root (or \"\") for the root logger.")
    String logger;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "The configuration file (.json, .yaml/.yml, .ini/.conf/.cfg). Default: the file CAIRN_CONFIG names, "
                    + "else none (Python's default and the overrides).")
    Path config;

    @Option(names = {"-l", "--level"}, paramLabel = "LEVEL", description = "The record's level: a name (DEBUG, info, ...) or a number.")
    String level;

    @Option(names = "--env", paramLabel = "NAME=VALUE", description = "Set an environment variable as the service would see it (repeatable).")
    List<String> env = new ArrayList<>();

    @Option(names = "--no-env", description = "Start from an empty environment instead of this one.")
    boolean noEnv;

    @Option(names = "--log-level", paramLabel = "[LOGGER=]LEVEL",
            description = "A --log-level option the service is started with (Logging.configureFromArgs; repeatable).")
    List<String> logLevels = new ArrayList<>();

    @Option(names = "--log-format", paramLabel = "FORMAT", description = "The --log-format option the service is started with.")
    String logFormat;

    @Option(names = "--json", description = "Print a JSON array with one object per level explained.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        Map<String, String> environment = environment();
        Path file = config;
        if (file == null && !environment.getOrDefault("CAIRN_CONFIG", "").isEmpty()) {
            file = Path.of(environment.get("CAIRN_CONFIG"));
        }
        if (file != null && !Files.isRegularFile(file)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no such configuration file: " + file);
        }
        int[] levels = level == null ? STANDARD_LEVELS : new int[] {parseLevel(level)};
        List<String> args = new ArrayList<>();
        logLevels.forEach(l -> args.addAll(List.of("--log-level", l)));
        if (logFormat != null) {
            args.addAll(List.of("--log-format", logFormat));
        }
        // Before Cairn first starts in this process: the CAIRN_CONFIG being explained must not be applied for real.
        System.setProperty(RunningConfiguration.AUTOCONFIGURE, "false");
        Path scratch = Files.createTempDirectory("cairn-explain");
        List<Explanation> explanations = new ArrayList<>();
        try {
            // Start from Python's initial state: this process's own start-up must not leak in.
            Logging.reset();
            RunningConfiguration.rehearse(file, environment, args, scratch);
            String name = logger.equals("root") ? "" : logger;
            for (int l : levels) {
                explanations.add(Logging.explain(name, l));
            }
        } catch (ConfigException e) {
            spec.commandLine().getErr().println("cairn explain: " + e.getMessage());
            return 1;
        } finally {
            Logging.reset();
            deleteTree(scratch);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(explanations.stream().map(ExplainCommand::toJson).toList()));
        } else if (level != null) {
            out.print(explanations.get(0));
        } else {
            out.printf("logger '%s'%s%n", explanations.get(0).loggerName, file == null ? ", no configuration file" : ", configured from " + file);
            for (Explanation e : explanations) {
                out.printf("  %-9s %s%n", Level.getLevelName(e.level), verdict(e));
            }
            out.println("Run with --level LEVEL for the whole path of one level.");
        }
        out.flush();
        return 0;
    }

    private Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>(noEnv ? Map.of() : System.getenv());
        for (String setting : env) {
            int eq = setting.indexOf('=');
            if (eq <= 0) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--env takes NAME=VALUE, got '" + setting + "'");
            }
            environment.put(setting.substring(0, eq), setting.substring(eq + 1));
        }
        return environment;
    }

    private int parseLevel(String text) {
        String t = text.strip();
        if (t.matches("-?\\d+")) {
            return Integer.parseInt(t);
        }
        Integer found = Level.forName(t.toUpperCase(Locale.ROOT));
        if (found == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown level '" + text
                    + "' (expected DEBUG, INFO, WARNING, ERROR, CRITICAL or a number)");
        }
        return found;
    }

    /** One line: logged by which handlers, or the first thing on the path that stops the record. */
    static String verdict(Explanation e) {
        if (e.level <= e.disableLevel) {
            return "not logged: logging.disable(" + Level.getLevelName(e.disableLevel) + ")" + source(e.disableSource);
        }
        if (e.loggerDisabled) {
            return "not logged: the logger is disabled" + source(e.disabledSource);
        }
        if (!e.enabled) {
            return "not logged: below the effective level " + Level.getLevelName(e.effectiveLevel)
                    + (e.effectiveLevelFrom == null ? "" : " of logger '" + e.effectiveLevelFrom + "'") + source(e.effectiveLevelSource);
        }
        for (Explanation.FilterCheck f : e.loggerFilters) {
            if (!f.passes()) {
                return "not logged: the logger's filter " + f.filter() + (f.error() != null ? " threw " + f.error() : " rejects it");
            }
        }
        List<String> emitting = e.handlers.stream().filter(Explanation.HandlerCheck::emits)
                .map(h -> h.handler() + " on '" + h.logger() + "'").toList();
        if (!emitting.isEmpty()) {
            return "logged by " + String.join(", ", emitting);
        }
        if (e.lastResort) {
            return e.emitted ? "logged by the last-resort handler (stderr): no handler on the path" : "not logged: no handler on the path";
        }
        List<String> skipped = e.handlers.stream().map(h -> h.handler() + (h.levelPasses() ? " (a filter rejects it)"
                : " (level " + Level.getLevelName(h.level()) + ")")).toList();
        return "not logged: no handler takes it: " + String.join(", ", skipped);
    }

    private static String source(String source) {
        return source == null ? "" : ", set by " + source;
    }

    /** The explanation as plain values for {@code --json}. */
    static Map<String, Object> toJson(Explanation e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("logger", e.loggerName);
        m.put("level", Level.getLevelName(e.level));
        m.put("levelno", e.level);
        m.put("logged", e.emitted);
        m.put("verdict", verdict(e));
        Map<String, Object> disable = new LinkedHashMap<>();
        disable.put("levelno", e.disableLevel);
        disable.put("source", e.disableSource);
        m.put("disable", disable);
        m.put("logger_disabled", e.loggerDisabled);
        Map<String, Object> effective = new LinkedHashMap<>();
        effective.put("level", Level.getLevelName(e.effectiveLevel));
        effective.put("levelno", e.effectiveLevel);
        effective.put("from", e.effectiveLevelFrom);
        effective.put("source", e.effectiveLevelSource);
        m.put("effective_level", effective);
        m.put("enabled", e.enabled);
        m.put("filters", e.loggerFilters.stream().map(ExplainCommand::filter).toList());
        List<Object> handlers = new ArrayList<>();
        for (Explanation.HandlerCheck h : e.handlers) {
            Map<String, Object> hm = new LinkedHashMap<>();
            hm.put("on", h.logger());
            hm.put("handler", h.handler());
            hm.put("level", Level.getLevelName(h.level()));
            hm.put("levelno", h.level());
            hm.put("level_passes", h.levelPasses());
            hm.put("filters", h.filters().stream().map(ExplainCommand::filter).toList());
            hm.put("emits", h.emits());
            hm.put("source", h.source());
            handlers.add(hm);
        }
        m.put("handlers", handlers);
        m.put("propagation_stops_at", e.propagationStopsAt);
        m.put("propagation_source", e.propagationSource);
        m.put("last_resort", e.lastResort);
        return m;
    }

    private static Map<String, Object> filter(Explanation.FilterCheck f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("filter", f.filter());
        m.put("passes", f.passes());
        m.put("error", f.error());
        return m;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
