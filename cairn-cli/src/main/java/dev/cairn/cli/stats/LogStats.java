package dev.cairn.cli.stats;

import dev.cairn.cli.RecordTally;
import dev.cairn.cli.read.LogEntry;
import dev.cairn.cli.read.Timestamps;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Counts of a stream of records: by level, logger and service, in total and per time bucket
 * (a minute unless told otherwise), errors per bucket, and the values of numeric fields. One pass,
 * memory bounded by the number of buckets and distinct names, not by the number of records.
 * Not thread safe.
 */
public final class LogStats extends RecordTally {

    /** The level columns counted, by Python's level numbers; "other" holds records without a known level. */
    public static final List<String> LEVELS = List.of("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL", "other");

    /** Distinct loggers and services followed over time; the rest are summed as {@value #OTHER}. */
    static final int KEYS_OVER_TIME = 64;

    /** The name under which loggers or services past {@link #KEYS_OVER_TIME} are counted over time. */
    public static final String OTHER = "(other)";

    /** Names that mark a field as a duration or latency, for picking one when none is given. */
    private static final String[] LATENCY_WORDS = {"duration", "latency", "elapsed", "response_time", "took", "time_ms"};

    /** One time bucket's counts. */
    static final class Bucket {
        final long[] levels = new long[LEVELS.size()];
        long errors;
        final Map<String, long[]> loggers = new HashMap<>();
        final Map<String, long[]> services = new HashMap<>();
        final Map<String, double[]> fields = new HashMap<>();  // count, sum, max
    }

    private final long bucketMillis;
    private final List<String> fieldNames;
    private final boolean pickField;
    private final Map<String, FieldValues> fields = new LinkedHashMap<>();
    private final TreeMap<Long, Bucket> buckets = new TreeMap<>();
    private final long[] levels = new long[LEVELS.size()];
    private final Map<String, long[]> loggers = new HashMap<>();  // records, errors
    private final Map<String, long[]> services = new HashMap<>();
    private final Set<String> loggersOverTime = new HashSet<>();
    private final Set<String> servicesOverTime = new HashSet<>();
    private long untimed;

    /**
     * Statistics in buckets of {@code bucketMillis}, with the values of {@code fieldNames}; when that
     * list is empty, the first field whose name says it is a duration or latency is used.
     */
    public LogStats(long bucketMillis, List<String> fieldNames) {
        if (bucketMillis <= 0) {
            throw new IllegalArgumentException("bucket must be positive");
        }
        this.bucketMillis = bucketMillis;
        this.fieldNames = new ArrayList<>(fieldNames);
        this.pickField = fieldNames.isEmpty();
        for (String f : fieldNames) {
            fields.put(f, new FieldValues(f));
        }
    }

    /** Index in {@link #LEVELS} of a Python level number. */
    static int levelIndex(int levelNo) {
        if (levelNo <= 0) {
            return 5;
        }
        return levelNo < 20 ? 0 : levelNo < 30 ? 1 : levelNo < 40 ? 2 : levelNo < 50 ? 3 : 4;
    }

    /** Counts one record. */
    @Override
    public void add(LogEntry e) {
        super.add(e);
        int level = levelIndex(e.levelNo());
        boolean error = e.isError();
        levels[level]++;
        String logger = e.logger() == null ? "-" : e.logger();
        String service = e.service();
        tally(loggers, logger, error);
        tally(services, service, error);
        if (pickField && fieldNames.isEmpty()) {
            pickLatencyField(e);
        }
        long t = e.time();
        Bucket bucket = null;
        if (t == LogEntry.NO_TIME) {
            untimed++;
        } else {
            bucket = buckets.computeIfAbsent(Math.floorDiv(t, bucketMillis) * bucketMillis, k -> new Bucket());
            bucket.levels[level]++;
            if (error) {
                bucket.errors++;
            }
            bucket.loggers.computeIfAbsent(overTime(logger, true), k -> new long[1])[0]++;
            bucket.services.computeIfAbsent(overTime(service, false), k -> new long[1])[0]++;
        }
        for (String name : fieldNames) {
            double v = number(e.fields().get(name));
            if (Double.isNaN(v)) {
                continue;
            }
            fields.get(name).add(v);
            if (bucket != null) {
                double[] s = bucket.fields.computeIfAbsent(name, k -> new double[] {0, 0, Double.NEGATIVE_INFINITY});
                s[0]++;
                s[1] += v;
                s[2] = Math.max(s[2], v);
            }
        }
    }

    private String overTime(String key, boolean logger) {
        Set<String> kept = logger ? loggersOverTime : servicesOverTime;
        if (kept.contains(key)) {
            return key;
        }
        if (kept.size() < KEYS_OVER_TIME) {
            kept.add(key);
            return key;
        }
        return OTHER;
    }

    private void pickLatencyField(LogEntry e) {
        for (Map.Entry<String, String> f : e.fields().entrySet()) {
            String name = f.getKey().toLowerCase(Locale.ROOT);
            for (String word : LATENCY_WORDS) {
                if (name.contains(word) && !Double.isNaN(number(f.getValue()))) {
                    fieldNames.add(f.getKey());
                    fields.put(f.getKey(), new FieldValues(f.getKey()));
                    return;
                }
            }
        }
    }

    private static void tally(Map<String, long[]> counts, String key, boolean error) {
        long[] c = counts.computeIfAbsent(key, k -> new long[2]);
        c[0]++;
        if (error) {
            c[1]++;
        }
    }

    /** A field value as a number, or NaN when it is missing or not a plain number. */
    static double number(String text) {
        if (text == null || text.isEmpty() || text.length() > 40) {
            return Double.NaN;
        }
        char c = text.charAt(0);
        if (!(c >= '0' && c <= '9') && c != '-' && c != '.') {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException ex) {
            return Double.NaN;
        }
    }

    /** Records without a time, counted in totals but not over time. */
    public long untimed() {
        return untimed;
    }

    /** The bucket width in milliseconds. */
    public long bucketMillis() {
        return bucketMillis;
    }

    /** Records per level, in the order of {@link #LEVELS}. */
    public long[] levels() {
        return levels.clone();
    }

    /** The values of the numeric fields, by name. */
    public List<FieldValues> fields() {
        return List.copyOf(fields.values());
    }

    /** One name's share of the records. */
    public record Talker(String name, long records, long errors) {
    }

    /** The loggers that wrote the most records, at most {@code n}. */
    public List<Talker> topLoggers(int n) {
        return top(loggers, n);
    }

    /** The services that wrote the most records, at most {@code n}. */
    public List<Talker> topServices(int n) {
        return top(services, n);
    }

    /** Number of distinct loggers. */
    public int loggerCount() {
        return loggers.size();
    }

    /** Number of distinct services. */
    public int serviceCount() {
        return services.size();
    }

    private static List<Talker> top(Map<String, long[]> counts, int n) {
        List<Talker> all = new ArrayList<>();
        for (Map.Entry<String, long[]> e : counts.entrySet()) {
            all.add(new Talker(e.getKey(), e.getValue()[0], e.getValue()[1]));
        }
        all.sort(Comparator.comparingLong(Talker::records).reversed().thenComparing(Talker::name));
        return all.size() > n ? List.copyOf(all.subList(0, n)) : all;
    }

    /** The counts over time in at most {@code maxBins} bins, loggers and services cut to the {@code topKeys} largest. */
    public TimeSeries series(int maxBins, int topKeys) {
        return TimeSeries.of(buckets, bucketMillis, maxBins, topKeys);
    }

    /** Everything as plain values for {@code --json}, with the series in at most {@code maxBins} bins. */
    public Map<String, Object> toMap(int maxBins) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("records", records());
        m.put("errors", errors());
        m.put("untimed", untimed);
        m.put("first", first() == LogEntry.NO_TIME ? null : Timestamps.format(first()));
        m.put("last", last() == LogEntry.NO_TIME ? null : Timestamps.format(last()));
        Map<String, Object> byLevel = new LinkedHashMap<>();
        for (int i = 0; i < LEVELS.size(); i++) {
            byLevel.put(LEVELS.get(i), levels[i]);
        }
        m.put("levels", byLevel);
        m.put("top_loggers", talkers(topLoggers(20)));
        m.put("top_services", talkers(topServices(20)));
        List<Object> values = new ArrayList<>();
        for (FieldValues f : fields.values()) {
            values.add(f.toMap());
        }
        m.put("fields", values);
        m.put("series", series(maxBins, 10).toMap());
        return m;
    }

    private static List<Object> talkers(List<Talker> list) {
        List<Object> out = new ArrayList<>();
        for (Talker t : list) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", t.name());
            m.put("records", t.records());
            m.put("errors", t.errors());
            out.add(m);
        }
        return out;
    }
}
