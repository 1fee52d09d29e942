package dev.cairn.cli.patterns;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Online log template mining: each message is masked ({@link MessageMasker}) and grouped with the
 * messages of the same masked key; keys that differ in a single token position are merged into one
 * template with a wildcard there once that position has shown {@code minDistinctValues} different
 * values, because a word that takes many values is a parameter (a user name, a host) while one that
 * takes two or three is part of the event (a state, a direction). The first token never becomes a
 * wildcard: messages of different events rarely share all but their first word.
 *
 * <p>{@link #add} returns a template number at once; later merges may fold that template into
 * another, so callers map numbers through {@link #groupOf} when they report. Not thread safe.
 */
public final class TemplateMiner {

    /** The default number of distinct values after which a token position becomes a parameter. */
    public static final int DEFAULT_MIN_DISTINCT_VALUES = 4;

    /**
     * Longer keys are grouped exactly and never merged: filing a key under each of its positions
     * costs time and memory quadratic in its length, and messages this long are dumps, not events.
     */
    static final int MAX_MERGED_TOKENS = 128;

    private static final String WILDCARD = MessageMasker.WILDCARD;

    private final int minDistinctValues;
    private final MessageMasker masker = new MessageMasker();
    private final KeyTable exact = new KeyTable();
    private final List<String[]> templates = new ArrayList<>();
    private int[] parent = new int[64];
    private final Map<Integer, List<Integer>> wildcardTemplatesByLength = new HashMap<>();
    private final Map<String, Bucket> siblings = new HashMap<>();

    /** Templates whose tokens agree everywhere but at one position, and the values seen there. */
    private static final class Bucket {
        final Set<String> values = new HashSet<>();
        final Set<Integer> members = new LinkedHashSet<>();
    }

    /** A miner with the default configuration. */
    public TemplateMiner() {
        this(DEFAULT_MIN_DISTINCT_VALUES);
    }

    /** A miner that makes a position a parameter after {@code minDistinctValues} values (at least 2). */
    public TemplateMiner(int minDistinctValues) {
        if (minDistinctValues < 2) {
            throw new IllegalArgumentException("minDistinctValues must be at least 2");
        }
        this.minDistinctValues = minDistinctValues;
    }

    /** Adds one message and returns the number of the template it was placed in. */
    public int add(CharSequence message) {
        masker.mask(message);
        int known = exact.get(masker.key(), masker.keyLength());
        if (known >= 0) {
            return known;
        }
        String[] tokens = masker.keyString().split(" ", -1);
        if (masker.keyLength() == 0) {
            tokens = new String[0];
        }
        int template = matchWildcardTemplate(tokens);
        if (template < 0) {
            template = newTemplate(tokens);
            register(template);
        }
        exact.put(masker.key(), masker.keyLength(), template);
        return template;
    }

    /** The template a number returned by {@link #add} now belongs to, after any merges. */
    public int groupOf(int template) {
        int root = template;
        while (parent[root] != root) {
            root = parent[root];
        }
        while (parent[template] != root) {
            int next = parent[template];
            parent[template] = root;
            template = next;
        }
        return root;
    }

    /** The text of a template, with {@code <*>} for each parameter. */
    public String template(int template) {
        return String.join(" ", templates.get(groupOf(template)));
    }

    /** The tokens of a template; the caller must not change the array. */
    public String[] tokens(int template) {
        return templates.get(groupOf(template));
    }

    /** Number of distinct masked keys seen so far. */
    public int keyCount() {
        return exact.size();
    }

    private int matchWildcardTemplate(String[] tokens) {
        if (tokens.length > MAX_MERGED_TOKENS) {
            return -1;
        }
        List<Integer> candidates = wildcardTemplatesByLength.get(tokens.length);
        if (candidates == null) {
            return -1;
        }
        for (int candidate : candidates) {
            if (parent[candidate] == candidate && matches(templates.get(candidate), tokens)) {
                return candidate;
            }
        }
        return -1;
    }

    private static boolean matches(String[] template, String[] tokens) {
        for (int i = 0; i < template.length; i++) {
            if (!template[i].equals(WILDCARD) && !template[i].equals(tokens[i])) {
                return false;
            }
        }
        return true;
    }

    private int newTemplate(String[] tokens) {
        int id = templates.size();
        templates.add(tokens);
        if (id == parent.length) {
            parent = Arrays.copyOf(parent, id * 2);
        }
        parent[id] = id;
        for (int i = 1; i < tokens.length; i++) {
            if (tokens[i].equals(WILDCARD)) {
                wildcardTemplatesByLength.computeIfAbsent(tokens.length, k -> new ArrayList<>()).add(id);
                break;
            }
        }
        return id;
    }

    /**
     * Files a new template under each of its "all but one position" keys and merges a bucket once
     * the position has taken enough values, or once it holds a template that already has a
     * wildcard there.
     */
    private void register(int template) {
        String[] tokens = templates.get(template);
        if (tokens.length > MAX_MERGED_TOKENS) {
            return;
        }
        for (int p = 1; p < tokens.length; p++) {
            Bucket bucket = siblings.computeIfAbsent(siblingKey(tokens, p), k -> new Bucket());
            bucket.values.add(tokens[p]);
            bucket.members.add(template);
            boolean generalised = bucket.values.contains(WILDCARD) && bucket.values.size() >= 2;
            if (bucket.values.size() >= minDistinctValues || generalised) {
                merge(bucket, tokens, p);
                return;
            }
        }
    }

    private void merge(Bucket bucket, String[] tokens, int position) {
        String[] merged = tokens.clone();
        merged[position] = WILDCARD;
        Set<Integer> live = new LinkedHashSet<>();
        for (int member : bucket.members) {
            live.add(groupOf(member));
        }
        int target = -1;
        for (int member : live) {
            if (Arrays.equals(templates.get(member), merged)) {
                target = member;
            }
        }
        boolean created = target < 0;
        if (created) {
            target = newTemplate(merged);
        }
        for (int member : live) {
            if (member != target) {
                parent[member] = target;
            }
        }
        bucket.values.clear();
        bucket.values.add(WILDCARD);
        bucket.members.clear();
        bucket.members.add(target);
        if (created) {
            register(target);
        }
    }

    private static String siblingKey(String[] tokens, int position) {
        StringBuilder key = new StringBuilder(64).append(position).append('\u0000');
        for (int i = 0; i < tokens.length; i++) {
            if (i != position) {
                key.append(tokens[i]);
            }
            key.append('\u0000');
        }
        return key.toString();
    }
}
