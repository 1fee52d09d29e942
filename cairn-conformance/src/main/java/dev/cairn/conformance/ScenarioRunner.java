package dev.cairn.conformance;

import dev.cairn.Clock;
import dev.cairn.Level;
import dev.cairn.Logger;
import dev.cairn.LoggerAdapter;
import dev.cairn.Logging;
import dev.cairn.config.Json;
import dev.cairn.config.RunningConfiguration;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plays one conformance scenario through Cairn with the step semantics of
 * {@code shared/conformance/oracle.py}, writing {@code stdout.txt}, {@code stderr.txt} and
 * whatever the handlers write into the output folder, so the result can be compared byte for
 * byte with CPython's. Run in a fresh JVM per scenario (as the oracle runs a fresh interpreter),
 * with {@code TZ=UTC}.
 *
 * <p>Beyond the shared format it plays the configuration-source keys of
 * {@code src/test/python/oracle.py} (Cairn's extended copy of the oracle): {@code env} (start-up
 * again with these environment variables), {@code configFile} (a file beside the scenario, with
 * {@code $OUT} replaced, given to {@code Logging.configure}; also a step), and
 * {@code commandLine} (given to {@code Logging.configureFromArgs}).
 */
public final class ScenarioRunner {
    private static final Map<String, Integer> LEVELS = Map.of("CRITICAL", 50, "FATAL", 50, "ERROR", 40,
            "WARNING", 30, "WARN", 30, "INFO", 20, "DEBUG", 10, "NOTSET", 0);

    private final String out;
    private final Path base;
    private Path copies;
    private final double[] now = new double[1];
    private final Map<String, LoggerAdapter> adapters = new HashMap<>();

    private ScenarioRunner(String out, Path base) {
        this.out = out;
        this.base = base;
    }

    /** {@code ScenarioRunner SCENARIO.json OUTDIR} */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: conformance/run SCENARIO.json OUTDIR");
            System.exit(2);
        }
        play(Path.of(args[0]), Path.of(args[1]));
    }

    /** Plays {@code scenarioFile} and writes its outputs into {@code outDir} (created if needed). */
    @SuppressWarnings("unchecked")
    public static void play(Path scenarioFile, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        String outPath = outDir.toAbsolutePath().toString();
        Map<String, Object> scenario = (Map<String, Object>) Json.parse(
                Files.readString(scenarioFile, StandardCharsets.UTF_8), scenarioFile.toString());
        new ScenarioRunner(outPath, scenarioFile.toAbsolutePath().getParent()).run(scenario, outDir);
    }

    @SuppressWarnings("unchecked")
    private void run(Map<String, Object> scenario, Path outDir) throws IOException {
        now[0] = ((Number) scenario.getOrDefault("start", 1700000000.0)).doubleValue();
        Logging.setClock(new Clock() {
            @Override public double time() { return now[0]; }
        });
        PrintStream realOut = System.out;
        PrintStream realErr = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            if (scenario.containsKey("basicConfig")) {
                Map<String, Object> options = new LinkedHashMap<>((Map<String, Object>) substitute(scenario.get("basicConfig")));
                Object stream = options.get("stream");
                if ("ext://sys.stdout".equals(stream)) options.put("stream", System.out);
                if ("ext://sys.stderr".equals(stream)) options.put("stream", System.err);
                Logging.basicConfig(options);
            }
            if (scenario.containsKey("config")) {
                Logging.dictConfig((Map<String, Object>) substitute(scenario.get("config")));
            }
            if (scenario.containsKey("env")) {
                // Start-up again with the scenario's variables, as a JVM started with them would.
                Map<String, String> env = new HashMap<>(System.getenv());
                ((Map<String, Object>) substitute(scenario.get("env"))).forEach((k, v) -> env.put(k, String.valueOf(v)));
                RunningConfiguration.startup(env, System::getProperty, ScenarioRunner.class.getClassLoader());
            }
            if (scenario.containsKey("configFile")) {
                Logging.configure(prepared((String) scenario.get("configFile")));
            }
            if (scenario.containsKey("commandLine")) {
                List<String> args = new ArrayList<>();
                for (Object arg : (List<Object>) substitute(scenario.get("commandLine"))) args.add((String) arg);
                int config = args.indexOf("--log-config");
                if (config >= 0) args.set(config + 1, prepared(args.get(config + 1)).toString());
                Logging.configureFromArgs(args.toArray(new String[0]));
            }
            for (Object step : (List<Object>) scenario.getOrDefault("steps", List.of())) {
                step((Map<String, Object>) step);
            }
            Logging.shutdown();
        } finally {
            System.out.flush();
            System.err.flush();
            System.setOut(realOut);
            System.setErr(realErr);
        }
        Files.write(outDir.resolve("stdout.txt"), stdout.toByteArray());
        Files.write(outDir.resolve("stderr.txt"), stderr.toByteArray());
    }

    @SuppressWarnings("unchecked")
    private void step(Map<String, Object> step) {
        if (step.containsKey("at")) {
            now[0] = ((Number) step.get("at")).doubleValue();
        } else if (step.containsKey("log") || step.containsKey("adapter")) {
            Object[] args = arguments(step.get("args"));
            int level = levelOf(step.get("level"));
            String msg = (String) step.get("msg");
            if (step.containsKey("adapter")) {
                adapters.get((String) step.get("adapter")).log(level, msg, args);
            } else {
                Map<String, Object> extra = (Map<String, Object>) step.get("extra");
                loggerFor((String) step.get("log")).log(level, msg, args, null, false, extra, 1);
            }
        } else if (step.containsKey("makeAdapter")) {
            adapters.put((String) step.get("makeAdapter"), new LoggerAdapter(loggerFor((String) step.get("logger")),
                    (Map<String, Object>) step.getOrDefault("extra", Map.of())));
        } else if (step.containsKey("setLevel")) {
            loggerFor((String) step.get("setLevel")).setLevel(levelOf(step.get("level")));
        } else if (step.containsKey("propagate")) {
            loggerFor((String) step.get("propagate")).setPropagate(Boolean.TRUE.equals(step.get("value")));
        } else if (step.containsKey("disable")) {
            Logging.disable(levelOf(step.get("disable")));
        } else if (step.containsKey("addLevelName")) {
            Logging.addLevelName(((Number) step.get("addLevelName")).intValue(), (String) step.get("name"));
        } else if (step.containsKey("configFile")) {
            Logging.configure(prepared((String) step.get("configFile")));
        } else if (step.containsKey("config")) {
            Logging.dictConfig((Map<String, Object>) substitute(step.get("config")));
        } else if (step.containsKey("effectiveLevel")) {
            String name = (String) step.get("effectiveLevel");
            System.out.print("effectiveLevel " + name + " " + loggerFor(name).getEffectiveLevel() + "\n");
        } else if (step.containsKey("isEnabledFor")) {
            String name = (String) step.get("isEnabledFor");
            boolean enabled = loggerFor(name).isEnabledFor(levelOf(step.get("level")));
            System.out.print("isEnabledFor " + name + " " + step.get("level") + " " + enabled + "\n");
        } else if (step.containsKey("flush")) {
            Logging.flush();
        } else {
            throw new IllegalArgumentException("unknown step " + step);
        }
    }

    private static Object[] arguments(Object args) {
        if (args == null) return new Object[0];
        if (args instanceof Map) return new Object[] {args};
        return ((List<?>) args).toArray();
    }

    /** oracle.py's level_of: an int, a standard name, or a name added with addLevelName. */
    private static int levelOf(Object value) {
        if (value instanceof Number) return ((Number) value).intValue();
        Integer standard = LEVELS.get(value);
        if (standard != null) return standard;
        Integer added = Level.forName((String) value);
        if (added != null) return added;
        throw new IllegalArgumentException("unknown level '" + value + "'");
    }

    private static Logger loggerFor(String name) {
        return name == null || name.isEmpty() ? Logging.getLogger() : Logging.getLogger(name);
    }

    /**
     * A configuration file next to the scenario, with {@code $OUT} replaced, copied under the
     * same name into a folder outside the output (so it is not compared).
     */
    private Path prepared(String relative) {
        try {
            if (copies == null) {
                copies = Files.createTempDirectory("cairn-scenario");
                copies.toFile().deleteOnExit();
            }
            Path source = base.resolve(relative);
            Path copy = copies.resolve(source.getFileName().toString());
            Files.writeString(copy, Files.readString(source, StandardCharsets.UTF_8).replace("$OUT", out), StandardCharsets.UTF_8);
            copy.toFile().deleteOnExit();
            return copy;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Object substitute(Object node) {
        if (node instanceof String) return ((String) node).replace("$OUT", out);
        if (node instanceof List) {
            List<Object> copy = new java.util.ArrayList<>();
            for (Object item : (List<?>) node) copy.add(substitute(item));
            return copy;
        }
        if (node instanceof Map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) node).entrySet()) copy.put((String) e.getKey(), substitute(e.getValue()));
            return copy;
        }
        return node;
    }
}
