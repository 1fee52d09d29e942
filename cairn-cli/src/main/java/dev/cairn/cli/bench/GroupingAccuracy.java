package dev.cairn.cli.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Grouping accuracy (GA) as the LogPAI benchmark and Loghub's {@code grouping_accuracy.py} define
 * it: a message counts as correct only when the parsed group holding it contains exactly the
 * messages of one ground-truth group.
 */
public final class GroupingAccuracy {

    private GroupingAccuracy() {
    }

    /** The fraction of messages whose parsed group equals their true group; lists must be equally long. */
    public static <T, P> double of(List<T> truth, List<P> parsed) {
        if (truth.size() != parsed.size()) {
            throw new IllegalArgumentException("expected " + truth.size() + " assignments, got " + parsed.size());
        }
        if (truth.isEmpty()) {
            return 0;
        }
        Map<T, Integer> truthSizes = new HashMap<>();
        for (T t : truth) {
            truthSizes.merge(t, 1, Integer::sum);
        }
        Map<P, List<T>> members = new HashMap<>();
        for (int i = 0; i < truth.size(); i++) {
            members.computeIfAbsent(parsed.get(i), p -> new ArrayList<>()).add(truth.get(i));
        }
        long correct = 0;
        for (List<T> group : members.values()) {
            if (new HashSet<>(group).size() == 1 && truthSizes.get(group.get(0)) == group.size()) {
                correct += group.size();
            }
        }
        return (double) correct / truth.size();
    }
}
