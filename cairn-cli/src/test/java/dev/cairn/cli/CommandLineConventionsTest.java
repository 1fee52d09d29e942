package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * What every subcommand owes its user: help with examples, {@code --json} for scripts, and
 * colours and progress bars only on a terminal. The terminal cases run {@code cairn} in another
 * JVM under a pseudo-terminal made by util-linux's {@code script}, and again with its output piped.
 */
class CommandLineConventionsTest {

    /** The subcommands that read logs, each of which prints JSON with {@code --json}. */
    private static final List<String> READERS = List.of("search", "patterns", "errors", "trace", "stats", "report");

    @TempDir
    Path temp;

    @Test
    void everySubcommandsHelpHasExamplesOfItself() {
        Map<String, CommandLine> subcommands = new CommandLine(new Main()).getSubcommands();
        assertThat(subcommands.keySet()).containsAll(READERS);
        for (String name : subcommands.keySet()) {
            if (name.equals("help")) {
                continue;
            }
            CliRun help = CliRun.of(name, "--help");
            assertThat(help.status()).as(name).isZero();
            assertThat(help.out()).as(name).contains("Examples:", "  cairn " + name + " ");
        }
        assertThat(CliRun.of("--help").out()).contains("Examples:");
        for (String name : READERS) {
            assertThat(CliRun.of("--help").out()).as(name).contains("  cairn " + name + " ");
            assertThat(CliRun.of(name, "--help").out().replaceAll("\\s+", " ")).as(name)
                    .contains("Lines that cannot be read, and lines over 8 MiB, are skipped, counted and shown on stderr.");
        }
    }

    @Test
    void everyReadingSubcommandHasJsonOutput() throws IOException {
        Map<String, CommandLine> subcommands = new CommandLine(new Main()).getSubcommands();
        for (String name : READERS) {
            assertThat(subcommands.get(name).getCommandSpec().optionsMap()).as(name).containsKey("--json");
        }
        Path log = Files.writeString(temp.resolve("app.jsonl"),
                "{\"time\":\"2024-05-01T00:00:00Z\",\"level\":\"ERROR\",\"msg\":\"boom\",\"trace_id\":\"t-1\"}\n");
        Path html = temp.resolve("r.html");
        for (List<String> args : List.of(List.of("search", "--json"), List.of("patterns", "--json"), List.of("errors", "--json"),
                List.of("trace", "--json", "t-1"), List.of("trace", "--list", "--json"), List.of("stats", "--json"),
                List.of("report", "--json", "-o", html.toString()))) {
            List<String> all = new ArrayList<>(args);
            all.add(log.toString());
            CliRun run = CliRun.of(all.toArray(new String[0]));
            assertThat(run.status()).as(String.join(" ", args)).isZero();
            assertThat(run.lines()).as(String.join(" ", args)).isNotEmpty()
                    .allSatisfy(l -> assertThat(l).startsWith("{").endsWith("}"));
        }
    }

    @Test
    void coloursOnlyOnATerminalAndNotWithNoColor() throws Exception {
        Path log = Files.writeString(temp.resolve("app.jsonl"),
                "{\"time\":\"2024-05-01T00:00:00Z\",\"level\":\"ERROR\",\"logger\":\"app\",\"msg\":\"boom\"}\n");
        String piped = cairn(false, Map.of(), "search", log.toString());
        assertThat(piped).contains("boom").doesNotContain("\u001b[");
        String terminal = cairn(true, Map.of(), "search", log.toString());
        assertThat(terminal).contains("boom", "\u001b[31mERROR\u001b[0m");
        assertThat(cairn(true, Map.of("NO_COLOR", "1"), "search", log.toString())).contains("boom").doesNotContain("\u001b[");
    }

    @Test
    void progressBarOnlyOnATerminal() throws Exception {
        // The bar is drawn for inputs over 64 MiB, after a tenth of a second: stats parses every line, which takes longer.
        Path big = temp.resolve("big.jsonl");
        byte[] line = "{\"time\":\"2024-05-01T00:00:00Z\",\"level\":\"INFO\",\"msg\":\"filler line of a big file\"}\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] block = new byte[line.length * 10_000];
        for (int i = 0; i < 10_000; i++) {
            System.arraycopy(line, 0, block, i * line.length, line.length);
        }
        try (OutputStream out = Files.newOutputStream(big)) {
            for (long written = 0; written < (70L << 20); written += block.length) {
                out.write(block);
            }
        }
        Pattern bar = Pattern.compile("\r\\[[# ]{40}\\] \\d+% ");
        String piped = cairn(false, Map.of(), "stats", big.toString());
        assertThat(piped).contains("records").doesNotContain("\r[");
        String terminal = cairn(true, Map.of(), "stats", big.toString());
        assertThat(terminal).contains("records");
        assertThat(bar.matcher(terminal).find()).as("a progress bar in %s", terminal.substring(0, Math.min(300, terminal.length()))).isTrue();
    }

    /** Runs cairn in another JVM, under a pseudo-terminal or with stdout and stderr piped; returns everything it printed. */
    private String cairn(boolean terminal, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        java.addAll(List.of(args));
        List<String> command;
        if (terminal) {
            Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script is not installed");
            StringBuilder line = new StringBuilder();
            for (String a : java) {
                line.append('\'').append(a.replace("'", "'\\''")).append("' ");
            }
            command = List.of("/usr/bin/script", "-qec", line.toString(), "/dev/null");
        } else {
            command = java;
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().remove("NO_COLOR");
        builder.environment().put("TERM", "xterm");
        builder.environment().putAll(env);
        Process p = builder.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
