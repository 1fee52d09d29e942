package dev.cairn.cli.report;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's headless {@code chromium} for tests, installing it first with the project's
 * {@code .ci/setup-chromium} when it is missing. Every run gets its own profile folder and no
 * network chatter.
 */
final class Chromium {

    private static final long TIMEOUT_SECONDS = 90;

    private final String binary;

    private Chromium(String binary) {
        this.binary = binary;
    }

    /** A usable chromium, installing it if needed and possible; empty when it cannot be had. */
    static Optional<Chromium> find() throws IOException, InterruptedException {
        Optional<String> binary = onPath();
        if (binary.isEmpty()) {
            Path setup = setupScript();
            if (setup != null) {
                Process p = new ProcessBuilder("bash", setup.toString()).inheritIO().start();
                p.waitFor(600, TimeUnit.SECONDS);
            }
            binary = onPath();
        }
        return binary.map(Chromium::new);
    }

    private static Optional<String> onPath() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            for (String name : new String[] {"chromium", "chromium-browser"}) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate.toString());
                }
            }
        }
        return Optional.empty();
    }

    private static Path setupScript() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path script = dir.resolve(".ci").resolve("setup-chromium");
            if (Files.isRegularFile(script)) {
                return script;
            }
        }
        return null;
    }

    /** Takes a screenshot of {@code page} in a window {@code width} by {@code height} into {@code png}. */
    void screenshot(Path page, Path png, int width, int height, Path work) throws IOException, InterruptedException {
        run(work, "--screenshot=" + png, "--window-size=" + width + "," + height, page.toUri().toString());
    }

    /** The page's DOM after it has loaded and run its scripts, in a window {@code width} by {@code height}. */
    String dumpDom(Path page, int width, int height, Path work) throws IOException, InterruptedException {
        return run(work, "--dump-dom", "--window-size=" + width + "," + height, page.toUri().toString());
    }

    private String run(Path work, String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(work, "chromium-profile");
        List<String> command = new ArrayList<>(List.of(binary, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--force-device-scale-factor=1", "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        Path stdout = work.resolve("chromium-" + System.nanoTime() + ".out");
        Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                .redirectError(work.resolve("chromium.err").toFile()).start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("chromium did not finish in " + TIMEOUT_SECONDS + " s: " + command);
        }
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }
}
