package dev.cairn.cli.demo;

import dev.cairn.cli.Main;
import dev.cairn.cli.Terminal;
import dev.cairn.demo.FaultPlan.Fault;
import dev.cairn.demo.SimulatedSystem;
import dev.cairn.demo.SimulatedSystem.Request;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cairn demo}: runs Cairn's simulated shop ({@link SimulatedSystem}: three services in
 * their own JVMs logging through Cairn, with injected failures) into a folder, then runs the
 * {@code cairn} analyses on what the services wrote, printing each command and its output, and
 * writes the HTML report.
 */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        description = {"Run a small simulated system and analyse its logs: three services (gateway, orders, payments), "
                + "each in its own JVM and configured differently (a YAML file, dictConfig in code; JSON and Python-style "
                + "text output), take checkouts over loopback HTTP, passing W3C trace context along. Files rotate into "
                + "gzipped backups; a fault plan drawn from the seed declines cards, stalls the bank past a timeout and "
                + "takes the orders database down for a while.",
            "Then it runs cairn patterns, errors, trace (of a failed checkout), stats and report on the logs, and "
                + "leaves everything in the output folder: logs/, config/gateway.yaml and report.html."},
        footer = {"", "Examples:",
                "  cairn demo                          writes demo-out/",
                "  cairn demo --out /tmp/shop --seed 7 --requests 300"})
public final class DemoCommand implements Callable<Integer> {

    /** Marks a folder as written by the demo, so a second run may clear it. */
    static final String MARKER = ".cairn-demo";

    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "demo-out",
            description = "Folder to write the logs and the report into (default: ${DEFAULT-VALUE}); "
                    + "emptied first if an earlier demo wrote it.")
    Path out;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed of the fault plan and the client (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--requests", paramLabel = "N", defaultValue = "150", description = "Checkouts to send (default: ${DEFAULT-VALUE}).")
    int requests;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (requests < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--requests must be at least 1");
        }
        if (!mayWrite(out)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    out + " is not empty and was not written by cairn demo; give another --out");
        }
        prepare(out);
        PrintWriter w = spec.commandLine().getOut();
        w.println(Terminal.bold("Cairn demo: a shop of three services, each in its own JVM, logging through Cairn"));
        w.println("  gateway   configured by a YAML file (CAIRN_CONFIG)  ->  JSON lines, secrets redacted");
        w.println("  orders    configured by dictConfig in code          ->  Python-style text lines");
        w.println("  payments  configured by dictConfig in code          ->  JSON lines, ECS layout");
        w.println("  client -> gateway -> orders -> payments over loopback HTTP, carrying W3C traceparent and X-Request-Id;");
        w.printf("  files rotate at 32 KB into .gz backups; the fault plan (seed %d) injects failures%n", seed);
        w.flush();

        SimulatedSystem.Run run = SimulatedSystem.run(out, new SimulatedSystem.Options(seed, requests, 4));
        w.println();
        w.printf("Ran %d checkouts in %.1f s: %s%n", run.requests().size(), run.millis() / 1000.0, outcomes(run));
        w.printf("Logs in %s: %s%n", run.logs(), files(run.logs()));

        String logs = run.logs().toString();
        analyse(w, "the message templates, mined from all three formats", "patterns", "--top", "6", logs);
        analyse(w, "errors grouped by exception type and in-app frames", "errors", "--top", "6", logs);
        Request failed = pick(run);
        if (failed != null) {
            analyse(w, "checkout " + failed.id() + " (" + describe(failed.fault()) + ") across the three services",
                    "trace", failed.traceId(), logs);
        }
        analyse(w, "volume, error rate and latency", "stats", "--bucket", "1s", "--rows", "12", "--top", "4",
                "--field", "duration_ms", logs);
        Path report = out.resolve("report.html");
        analyse(w, "everything above in one HTML page", "report", "-o", report.toString(), "--bucket", "1s",
                "--field", "duration_ms", "--title", "Cairn demo: gateway, orders, payments", logs);

        w.println();
        w.println(Terminal.bold("Next:"));
        w.printf("  open %s in a browser%n", report);
        w.printf("  cairn search --level WARNING --where service=payments %s%n", logs);
        w.printf("  cairn trace --list %s%n", logs);
        w.printf("  cairn explain --config %s gateway.http%n", out.resolve("config").resolve("gateway.yaml"));
        w.flush();
        return 0;
    }

    /** Runs one {@code cairn} subcommand in this process under a heading that shows it. */
    private void analyse(PrintWriter w, String what, String... args) {
        w.println();
        w.println(Terminal.bold("$ cairn " + String.join(" ", quoted(args))) + Terminal.dim("    # " + what));
        w.flush();
        CommandLine cli = new CommandLine(new Main()).setOut(w).setErr(spec.commandLine().getErr());
        int status = cli.execute(args);
        w.flush();
        if (status != 0) {
            throw new CommandLine.ExecutionException(spec.commandLine(), "cairn " + args[0] + " failed with status " + status);
        }
    }

    /** The first declined card (the root cause two services down), else the first failed checkout. */
    static Request pick(SimulatedSystem.Run run) {
        Request declined = run.first(Fault.CARD_DECLINED);
        return declined != null ? declined : run.requests().stream().filter(Request::failed).findFirst().orElse(null);
    }

    private static String outcomes(SimulatedSystem.Run run) {
        List<String> parts = new ArrayList<>();
        parts.add(run.count(201) + " placed");
        add(parts, run, 400, "rejected as malformed (400)");
        add(parts, run, 402, "card declined (402)");
        add(parts, run, 503, "orders database down (503)");
        add(parts, run, 504, "payment timed out (504)");
        long other = run.requests().stream().filter(r -> !List.of(201, 400, 402, 503, 504).contains(r.status())).count();
        if (other > 0) {
            parts.add(other + " other");
        }
        return String.join(", ", parts);
    }

    private static void add(List<String> parts, SimulatedSystem.Run run, int status, String what) {
        long n = run.count(status);
        if (n > 0) {
            parts.add(n + " " + what);
        }
    }

    private static String describe(Fault fault) {
        return switch (fault) {
            case CARD_DECLINED -> "card declined";
            case BANK_STALL -> "payment timed out";
            case DB_OUTAGE -> "orders database down";
            case BAD_REQUEST -> "malformed";
            default -> fault.name().toLowerCase(Locale.ROOT);
        };
    }

    /** "gateway.log + 5 gzipped backups, ..." for each service. */
    private static String files(Path logs) throws IOException {
        List<String> parts = new ArrayList<>();
        for (String service : SimulatedSystem.SERVICES) {
            try (Stream<Path> files = Files.list(logs)) {
                long gz = files.filter(p -> p.getFileName().toString().matches(service + "\\.log\\.\\d+\\.gz")).count();
                parts.add(service + ".log + " + gz + " gzipped backup" + (gz == 1 ? "" : "s"));
            }
        }
        return String.join(", ", parts);
    }

    private static List<String> quoted(String[] args) {
        return Stream.of(args).map(a -> a.matches("[\\w./:=-]+") ? a : "'" + a + "'").toList();
    }

    /** True when {@code dir} is missing, empty, or was written by an earlier demo. */
    static boolean mayWrite(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return !Files.exists(dir);
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.findAny().isEmpty() || Files.exists(dir.resolve(MARKER));
        }
    }

    /** Creates {@code dir}, emptied, with the marker that lets the next run empty it again. */
    static void prepare(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    if (!p.equals(dir)) {
                        Files.delete(p);
                    }
                }
            }
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(MARKER), "written by cairn demo; the next run empties this folder\n");
    }
}
