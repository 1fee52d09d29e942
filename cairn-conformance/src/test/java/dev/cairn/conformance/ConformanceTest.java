package dev.cairn.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plays every conformance scenario through Cairn, each in a fresh JVM as the oracle uses a fresh
 * interpreter, and compares every file written with CPython's, byte for byte: the copies in
 * this module's test resources, and every scenario under {@code ../shared/conformance} when that
 * folder exists, so scenarios added there are checked without a code change.
 */
class ConformanceTest {
    /** Scenarios known not to conform yet; each must fail until it is fixed, then leave this list. */
    private static final Set<String> KNOWN_TO_FAIL = Set.of();

    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicTest> projectScenarios() throws URISyntaxException, IOException {
        Path root = Path.of(ConformanceTest.class.getResource("/conformance/scenarios").toURI()).getParent();
        return scenarios(root, "project");
    }

    @TestFactory
    Stream<DynamicTest> sharedScenarios() throws IOException {
        Path shared = sharedConformance();
        Assumptions.assumeTrue(shared != null, "../shared/conformance not found beside the project");
        return scenarios(shared, "shared");
    }

    static Path sharedConformance() {
        String configured = System.getProperty("cairn.shared");
        Path base = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath().getParent().resolveSibling("shared");
        Path dir = base.resolve("conformance");
        return Files.isDirectory(dir.resolve("scenarios")) ? dir : null;
    }

    private Stream<DynamicTest> scenarios(Path root, String origin) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(root.resolve("scenarios"))) {
            s.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
        }
        assertThat(files).as("scenarios in " + root).isNotEmpty();
        return files.stream().map(f -> {
            String name = f.getFileName().toString().replaceFirst("\\.json$", "");
            return DynamicTest.dynamicTest(origin + ": " + name, () -> check(name, f, root.resolve("expected").resolve(name)));
        });
    }

    private void check(String name, Path scenario, Path expected) throws Exception {
        Path out = work.resolve(name + "-" + System.nanoTime());
        String failure = play(scenario, out);
        if (failure == null) failure = compare(expected, out);
        if (KNOWN_TO_FAIL.contains(name)) {
            if (failure == null) fail(name + " now passes: remove it from KNOWN_TO_FAIL");
            Assumptions.abort(name + " is known not to conform yet: " + firstLine(failure));
        }
        if (failure != null) fail(failure);
    }

    /** Runs the scenario in its own JVM; null on success, else what went wrong. */
    private static String play(Path scenario, Path out) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                ScenarioRunner.class.getName(), scenario.toString(), out.toString());
        pb.environment().put("TZ", "UTC");
        pb.redirectErrorStream(true);
        File log = Files.createTempFile("scenario", ".log").toFile();
        pb.redirectOutput(log);
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return "runner timed out on " + scenario;
        }
        String output = Files.readString(log.toPath());
        log.delete();
        return p.exitValue() == 0 ? null : "runner exited " + p.exitValue() + ":\n" + output;
    }

    /** Null when {@code actual} holds exactly the files of {@code expected} with the same bytes. */
    static String compare(Path expected, Path actual) throws IOException {
        Set<String> want = listing(expected);
        Set<String> got = listing(actual);
        if (!want.equals(got)) return "files differ: expected " + want + " but the run wrote " + got;
        StringBuilder problems = new StringBuilder();
        for (String file : want) {
            byte[] a = Files.readAllBytes(expected.resolve(file));
            byte[] b = Files.readAllBytes(actual.resolve(file));
            if (!java.util.Arrays.equals(a, b)) {
                problems.append(file).append(" differs\n--- CPython\n").append(new String(a, StandardCharsets.UTF_8))
                        .append("--- Cairn\n").append(new String(b, StandardCharsets.UTF_8)).append('\n');
            }
        }
        return problems.length() == 0 ? null : problems.toString();
    }

    private static Set<String> listing(Path dir) throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(Files::isRegularFile).forEach(p -> names.add(dir.relativize(p).toString()));
        }
        return names;
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
