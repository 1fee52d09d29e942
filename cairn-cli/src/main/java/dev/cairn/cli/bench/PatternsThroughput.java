package dev.cairn.cli.bench;

import dev.cairn.cli.patterns.TemplateMiner;
import dev.cairn.cli.read.InlineFields;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark behind {@code bench/patterns}: mines the Loghub 2k samples with the default
 * configuration on one thread, a fresh miner per dataset per round (so template creation and
 * merging are in the measure, not only lookups), each message read as {@code cairn patterns --messages}
 * reads it ({@link InlineFields#templateText}), and prints messages per second and the grouping
 * accuracy of each dataset. A command, not a test: timings belong on a quiet machine.
 */
public final class PatternsThroughput {

    private PatternsThroughput() {
    }

    /** Arguments: LOGHUB_DIR [SECONDS]. */
    public static void main(String[] args) throws IOException {
        Path loghub = Path.of(args.length > 0 ? args[0] : "../shared/loghub");
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        List<LoghubSample> samples = LoghubSample.loadAll(loghub);
        if (samples.isEmpty()) {
            System.err.println("no Loghub samples under " + loghub);
            System.exit(2);
        }
        double sum = 0;
        System.out.printf("%-10s %8s %7s %9s%n", "dataset", "messages", "GA", "templates");
        for (LoghubSample sample : samples) {
            TemplateMiner miner = new TemplateMiner();
            List<Integer> groups = mine(miner, sample.messages());
            double ga = GroupingAccuracy.of(sample.eventIds(), groups);
            sum += ga;
            System.out.printf("%-10s %8d %7.4f %9d%n", sample.name(), sample.messages().size(), ga,
                    groups.stream().distinct().count());
        }
        System.out.printf("%-10s %8s %7.4f%n", "mean", "", sum / samples.size());

        run(samples, seconds / 3);  // warm-up: let the JIT compile the hot path
        long messages = 0;
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        int rounds = 0;
        while (System.nanoTime() < deadline) {
            messages += run(samples, 0);
            rounds++;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("throughput: %,.0f messages/s (%d rounds of %d messages in %.1f s, one thread)%n",
                messages / elapsed, rounds, messages / rounds, elapsed);
    }

    private static long run(List<LoghubSample> samples, double minSeconds) {
        long deadline = System.nanoTime() + (long) (minSeconds * 1e9);
        long messages = 0;
        do {
            for (LoghubSample sample : samples) {
                messages += mine(new TemplateMiner(), sample.messages()).size();
            }
        } while (System.nanoTime() < deadline);
        return messages;
    }

    private static List<Integer> mine(TemplateMiner miner, List<String> messages) {
        int[] ids = new int[messages.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = miner.add(InlineFields.templateText(messages.get(i)));
        }
        List<Integer> groups = new ArrayList<>(ids.length);
        for (int id : ids) {
            groups.add(miner.groupOf(id));
        }
        return groups;
    }
}
