package dev.cairn.cli.patterns;

import dev.cairn.cli.read.InlineFields;
import dev.cairn.cli.read.LogEntry;
import dev.cairn.cli.read.Timestamps;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Templates of a stream of records with their counts, first and last time seen, and a few example
 * values of each parameter. Messages are mined as {@link InlineFields#templateText} gives them
 * (context groups such as {@code [trace_id=... request_id=...]} out, trailing {@code key=value}
 * values masked), and each template is shown with the words all its messages share
 * ({@link TokenAgreement}). Example values are read back from the messages by matching them
 * against the template, for the first messages of each template only, to keep mining fast.
 */
public final class PatternSummary {

    /** One template as reported. */
    public record Row(String template, long count, long first, long last, List<List<String>> examples) {

        /** The row as plain values for {@code --json}. */
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("template", template);
            m.put("count", count);
            m.put("first", Timestamps.format(first));
            m.put("last", Timestamps.format(last));
            m.put("examples", examples);
            return m;
        }
    }

    private static final int SAMPLED_MESSAGES = 50;
    private static final int EXAMPLES_PER_PARAMETER = 3;

    /**
     * Messages longer than this give no example values: matching a template of a few megabytes
     * back against its message (a regex of lazy groups) took minutes and gigabytes.
     */
    static final int MAX_SAMPLED_LENGTH = 4096;

    private final TemplateMiner miner = new TemplateMiner();
    private final Map<Integer, long[]> stats = new HashMap<>();  // count, first, last
    private final Map<Integer, List<String>> samples = new HashMap<>();
    private final Map<Integer, TokenAgreement> agreements = new HashMap<>();

    /** Adds one record. */
    public void add(LogEntry entry) {
        String text = InlineFields.templateText(entry.message());
        int id = miner.add(text);
        TokenAgreement agreement = agreements.get(id);
        if (agreement == null) {
            agreements.put(id, new TokenAgreement(text));
        } else {
            agreement.add(text);
        }
        long[] s = stats.computeIfAbsent(id, k -> new long[] {0, Long.MAX_VALUE, Long.MIN_VALUE});
        s[0]++;
        if (entry.time() != LogEntry.NO_TIME) {
            s[1] = Math.min(s[1], entry.time());
            s[2] = Math.max(s[2], entry.time());
        }
        List<String> kept = samples.computeIfAbsent(id, k -> new ArrayList<>());
        if (kept.size() < SAMPLED_MESSAGES && text.length() <= MAX_SAMPLED_LENGTH) {
            kept.add(text);
        }
    }

    /** The templates, most frequent first. */
    public List<Row> rows() {
        Map<Integer, long[]> merged = new HashMap<>();
        Map<Integer, List<String>> mergedSamples = new HashMap<>();
        Map<Integer, List<TokenAgreement>> mergedAgreements = new HashMap<>();
        for (Map.Entry<Integer, long[]> e : stats.entrySet()) {
            int group = miner.groupOf(e.getKey());
            long[] s = e.getValue();
            merged.merge(group, s.clone(), (a, b) -> new long[] {a[0] + b[0], Math.min(a[1], b[1]), Math.max(a[2], b[2])});
            mergedSamples.computeIfAbsent(group, k -> new ArrayList<>()).addAll(samples.get(e.getKey()));
            mergedAgreements.computeIfAbsent(group, k -> new ArrayList<>()).add(agreements.get(e.getKey()));
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<Integer, long[]> e : merged.entrySet()) {
            long[] s = e.getValue();
            String template = TokenAgreement.display(miner.template(e.getKey()), mergedAgreements.get(e.getKey()));
            rows.add(new Row(template, s[0],
                    s[1] == Long.MAX_VALUE ? LogEntry.NO_TIME : s[1],
                    s[2] == Long.MIN_VALUE ? LogEntry.NO_TIME : s[2],
                    examples(template, mergedSamples.get(e.getKey()))));
        }
        rows.sort(Comparator.comparingLong(Row::count).reversed().thenComparing(Row::template));
        return rows;
    }

    /** Up to three distinct values of each parameter of {@code template} among {@code messages}. */
    static List<List<String>> examples(String template, List<String> messages) {
        if (messages.isEmpty() || template.length() > MAX_SAMPLED_LENGTH) {
            return List.of();
        }
        Pattern pattern = matcherFor(template);
        List<Set<String>> values = new ArrayList<>();
        for (String message : messages) {
            Matcher m = pattern.matcher(message.strip());
            if (!m.matches()) {
                continue;
            }
            for (int g = 1; g <= m.groupCount(); g++) {
                if (values.size() < g) {
                    values.add(new LinkedHashSet<>());
                }
                if (values.get(g - 1).size() < EXAMPLES_PER_PARAMETER) {
                    values.get(g - 1).add(m.group(g));
                }
            }
        }
        List<List<String>> out = new ArrayList<>();
        for (Set<String> v : values) {
            out.add(List.copyOf(v));
        }
        return out;
    }

    /** A regular expression that matches the messages of a template, one group per parameter. */
    static Pattern matcherFor(String template) {
        StringBuilder regex = new StringBuilder();
        String[] pieces = template.split(Pattern.quote(MessageMasker.WILDCARD), -1);
        for (int i = 0; i < pieces.length; i++) {
            String[] words = pieces[i].split(" ", -1);
            for (int w = 0; w < words.length; w++) {
                if (w > 0) {
                    regex.append("\\s+");
                }
                if (!words[w].isEmpty()) {
                    regex.append(Pattern.quote(words[w]));
                }
            }
            if (i < pieces.length - 1) {
                regex.append("(.+?)");
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
