package dev.cairn.cli.patterns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TemplateMinerTest {

    private static List<Integer> groups(TemplateMiner miner, String... messages) {
        List<Integer> ids = java.util.Arrays.stream(messages).map(miner::add).toList();
        return ids.stream().map(miner::groupOf).collect(Collectors.toList());
    }

    @Test
    void positionWithManyValuesBecomesAParameter() {
        TemplateMiner miner = new TemplateMiner();
        List<Integer> groups = groups(miner,
                "Invalid user alice from 1.2.3.4",
                "Invalid user bob from 1.2.3.5",
                "Invalid user carol from 1.2.3.6",
                "Invalid user dave from 1.2.3.7",
                "Invalid user erin from 1.2.3.8");
        assertThat(groups).containsOnly(groups.get(0));
        assertThat(miner.template(groups.get(0))).isEqualTo("Invalid user <*> from <*>");
    }

    @Test
    void positionWithFewValuesStaysPartOfTheEvent() {
        TemplateMiner miner = new TemplateMiner();
        List<Integer> groups = groups(miner,
                "state changed to LEADING",
                "state changed to FOLLOWING",
                "state changed to LOOKING",
                "state changed to LEADING");
        assertThat(groups.stream().distinct()).hasSize(3);
        assertThat(groups.get(0)).isEqualTo(groups.get(3));
    }

    @Test
    void onceAParameterAnyNewValueJoinsTheTemplate() {
        TemplateMiner miner = new TemplateMiner();
        groups(miner, "login by a", "login by b", "login by c", "login by d");
        int later = miner.groupOf(miner.add("login by zed"));
        assertThat(miner.template(later)).isEqualTo("login by <*>");
    }

    @Test
    void firstWordIsNeverAParameter() {
        TemplateMiner miner = new TemplateMiner();
        List<Integer> groups = groups(miner, "start x", "stop x", "pause x", "resume x", "reset x");
        assertThat(groups.stream().distinct()).hasSize(5);
    }

    @Test
    void veryLongMessagesAreGroupedExactlyWithoutBlowingUp() {
        TemplateMiner miner = new TemplateMiner();
        String words = "w ".repeat(100_000);
        List<Integer> groups = groups(miner, words + "a", words + "b", words + "a");
        assertThat(groups.get(0)).isEqualTo(groups.get(2)).isNotEqualTo(groups.get(1));
    }

    @Test
    void emptyMessagesShareOneTemplate() {
        TemplateMiner miner = new TemplateMiner();
        List<Integer> groups = groups(miner, "", "  ", "");
        assertThat(groups).containsOnly(groups.get(0));
        assertThat(miner.template(groups.get(0))).isEmpty();
    }

    @Test
    void rejectsAThresholdBelowTwo() {
        assertThatThrownBy(() -> new TemplateMiner(1)).isInstanceOf(IllegalArgumentException.class);
    }
}
