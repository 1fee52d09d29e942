package dev.cairn.cli.patterns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cairn.cli.Loghub;
import dev.cairn.cli.bench.GroupingAccuracy;
import dev.cairn.cli.bench.LoghubSample;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Pins the grouping accuracy the default miner reaches on each Loghub 2k sample, so that a change
 * that loses accuracy fails the build. Skipped when the shared samples are not beside the repository.
 */
class LoghubGroupingAccuracyTest {

    /** GA measured with the default configuration; raise these when the miner improves. */
    private static final Map<String, Double> ACHIEVED = Map.of(
            "Apache", 1.0,
            "BGL", 0.9910,
            "HDFS", 1.0,
            "Hadoop", 0.9890,
            "HealthApp", 1.0,
            "OpenSSH", 1.0,
            "Spark", 1.0,
            "Zookeeper", 0.9945);

    @TestFactory
    Stream<DynamicTest> defaultMinerKeepsItsAccuracyOnEachDataset() throws IOException {
        Path loghub = Loghub.directory().orElse(null);
        assumeTrue(loghub != null, "no ../shared/loghub");
        List<LoghubSample> samples = LoghubSample.loadAll(loghub);
        return samples.stream().map(sample -> DynamicTest.dynamicTest(sample.name(), () -> {
            double ga = GroupingAccuracy.of(sample.eventIds(), mine(sample.messages()));
            assertThat(ga).as(sample.name()).isGreaterThanOrEqualTo(ACHIEVED.getOrDefault(sample.name(), 0.0) - 1e-9);
        }));
    }

    @TestFactory
    Stream<DynamicTest> meanAccuracyMeetsTheTarget() throws IOException {
        Path loghub = Loghub.directory().orElse(null);
        assumeTrue(loghub != null, "no ../shared/loghub");
        List<LoghubSample> samples = LoghubSample.loadAll(loghub);
        return Stream.of(DynamicTest.dynamicTest("mean of " + samples.size(), () -> {
            double sum = 0;
            for (LoghubSample sample : samples) {
                sum += GroupingAccuracy.of(sample.eventIds(), mine(sample.messages()));
            }
            assertThat(sum / samples.size()).isGreaterThanOrEqualTo(0.98);
        }));
    }

    static List<Integer> mine(List<String> messages) {
        TemplateMiner miner = new TemplateMiner();
        List<Integer> ids = new ArrayList<>();
        for (String message : messages) {
            ids.add(miner.add(message));
        }
        return ids.stream().map(miner::groupOf).toList();
    }
}
