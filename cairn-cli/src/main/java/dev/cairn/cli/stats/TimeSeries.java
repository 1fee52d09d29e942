package dev.cairn.cli.stats;

import dev.cairn.cli.read.Timestamps;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link LogStats}' buckets laid out for drawing: consecutive bins from the first to the last
 * record (empty bins included, so time reads evenly), merged into wider bins when there are too
 * many to draw, with loggers and services cut to the largest few. Immutable.
 */
public final class TimeSeries {

    /** Bin widths tried when merging, in multiples of a minute (or of the bucket when it is not a minute). */
    private static final long[] MULTIPLES = {1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080, 20160, 43200};

    private final long binMillis;
    private final long[] starts;
    private final long[] records;
    private final long[] errors;
    private final Map<String, long[]> levels;
    private final Map<String, long[]> loggers;
    private final Map<String, long[]> services;
    private final Map<String, double[]> fieldMean;
    private final Map<String, double[]> fieldMax;

    private TimeSeries(long binMillis, int bins) {
        this.binMillis = binMillis;
        this.starts = new long[bins];
        this.records = new long[bins];
        this.errors = new long[bins];
        this.levels = new LinkedHashMap<>();
        this.loggers = new LinkedHashMap<>();
        this.services = new LinkedHashMap<>();
        this.fieldMean = new LinkedHashMap<>();
        this.fieldMax = new LinkedHashMap<>();
        for (String level : LogStats.LEVELS) {
            levels.put(level, new long[bins]);
        }
    }

    static TimeSeries of(TreeMap<Long, LogStats.Bucket> buckets, long bucketMillis, int maxBins, int topKeys) {
        if (buckets.isEmpty()) {
            return new TimeSeries(bucketMillis, 0);
        }
        long firstKey = buckets.firstKey();
        long lastKey = buckets.lastKey();
        long binMillis = bucketMillis;
        for (long m : MULTIPLES) {
            binMillis = m * bucketMillis;
            if (Math.floorDiv(lastKey, binMillis) - Math.floorDiv(firstKey, binMillis) + 1 <= maxBins) {
                break;
            }
        }
        while (Math.floorDiv(lastKey, binMillis) - Math.floorDiv(firstKey, binMillis) + 1 > maxBins) {
            binMillis *= 2;  // longer than a month of minutes per bin: keep doubling
        }
        long base = Math.floorDiv(firstKey, binMillis);
        int bins = (int) (Math.floorDiv(lastKey, binMillis) - base + 1);
        TimeSeries s = new TimeSeries(binMillis, bins);
        for (int i = 0; i < bins; i++) {
            s.starts[i] = (base + i) * binMillis;
        }
        List<String> topLoggers = topKeys(buckets, true, topKeys);
        List<String> topServices = topKeys(buckets, false, topKeys);
        for (String k : topLoggers) {
            s.loggers.put(k, new long[bins]);
        }
        for (String k : topServices) {
            s.services.put(k, new long[bins]);
        }
        Map<String, double[]> fieldCount = new HashMap<>();
        Map<String, double[]> fieldSum = new HashMap<>();
        for (Map.Entry<Long, LogStats.Bucket> e : buckets.entrySet()) {
            int i = (int) (Math.floorDiv(e.getKey(), binMillis) - base);
            LogStats.Bucket b = e.getValue();
            for (int l = 0; l < LogStats.LEVELS.size(); l++) {
                s.levels.get(LogStats.LEVELS.get(l))[i] += b.levels[l];
                s.records[i] += b.levels[l];
            }
            s.errors[i] += b.errors;
            addKeys(b.loggers, s.loggers, i, bins);
            addKeys(b.services, s.services, i, bins);
            for (Map.Entry<String, double[]> f : b.fields.entrySet()) {
                double[] v = f.getValue();
                fieldCount.computeIfAbsent(f.getKey(), k -> new double[bins])[i] += v[0];
                fieldSum.computeIfAbsent(f.getKey(), k -> new double[bins])[i] += v[1];
                double[] max = s.fieldMax.computeIfAbsent(f.getKey(), k -> filled(bins));
                max[i] = Double.isNaN(max[i]) ? v[2] : Math.max(max[i], v[2]);
            }
        }
        for (Map.Entry<String, double[]> f : fieldCount.entrySet()) {
            double[] mean = filled(bins);
            double[] sum = fieldSum.get(f.getKey());
            for (int i = 0; i < bins; i++) {
                if (f.getValue()[i] > 0) {
                    mean[i] = sum[i] / f.getValue()[i];
                }
            }
            s.fieldMean.put(f.getKey(), mean);
        }
        return s;
    }

    private static double[] filled(int bins) {
        double[] a = new double[bins];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    private static List<String> topKeys(TreeMap<Long, LogStats.Bucket> buckets, boolean logger, int n) {
        Map<String, long[]> totals = new HashMap<>();
        for (LogStats.Bucket b : buckets.values()) {
            for (Map.Entry<String, long[]> e : (logger ? b.loggers : b.services).entrySet()) {
                totals.computeIfAbsent(e.getKey(), k -> new long[1])[0] += e.getValue()[0];
            }
        }
        List<String> keys = new ArrayList<>(totals.keySet());
        keys.remove(LogStats.OTHER);
        keys.sort(Comparator.comparingLong((String k) -> -totals.get(k)[0]).thenComparing(k -> k));
        List<String> top = new ArrayList<>(keys.subList(0, Math.min(n, keys.size())));
        if (top.size() < totals.size()) {
            top.add(LogStats.OTHER);
        }
        return top;
    }

    private static void addKeys(Map<String, long[]> from, Map<String, long[]> into, int i, int bins) {
        for (Map.Entry<String, long[]> e : from.entrySet()) {
            long[] series = into.get(e.getKey());
            if (series == null) {
                series = into.get(LogStats.OTHER);
            }
            series[i] += e.getValue()[0];
        }
    }

    /** Number of bins. */
    public int size() {
        return starts.length;
    }

    /** Width of a bin in milliseconds. */
    public long binMillis() {
        return binMillis;
    }

    /** Start of each bin, epoch milliseconds. */
    public long[] starts() {
        return starts.clone();
    }

    /** Records per bin. */
    public long[] records() {
        return records.clone();
    }

    /** Error records per bin. */
    public long[] errors() {
        return errors.clone();
    }

    /** Errors as a percentage of the records of each bin; NaN for empty bins. */
    public double[] errorRate() {
        double[] rate = new double[records.length];
        for (int i = 0; i < rate.length; i++) {
            rate[i] = records[i] == 0 ? Double.NaN : 100.0 * errors[i] / records[i];
        }
        return rate;
    }

    /** Records per bin for each level of {@link LogStats#LEVELS}. */
    public Map<String, long[]> levels() {
        return levels;
    }

    /** Records per bin of the largest loggers, the rest as {@link LogStats#OTHER}. */
    public Map<String, long[]> loggers() {
        return loggers;
    }

    /** Records per bin of the largest services, the rest as {@link LogStats#OTHER}. */
    public Map<String, long[]> services() {
        return services;
    }

    /** Mean of each numeric field per bin, NaN where a bin has no value. */
    public Map<String, double[]> fieldMean() {
        return fieldMean;
    }

    /** Maximum of each numeric field per bin, NaN where a bin has no value. */
    public Map<String, double[]> fieldMax() {
        return fieldMax;
    }

    /** The series as plain values for {@code --json}. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bin_ms", binMillis);
        List<String> times = new ArrayList<>();
        for (long t : starts) {
            times.add(Timestamps.format(t));
        }
        m.put("starts", times);
        m.put("records", asList(records));
        m.put("errors", asList(errors));
        m.put("levels", asLists(levels));
        m.put("loggers", asLists(loggers));
        m.put("services", asLists(services));
        return m;
    }

    private static Map<String, Object> asLists(Map<String, long[]> series) {
        Map<String, Object> out = new LinkedHashMap<>();
        series.forEach((k, v) -> out.put(k, asList(v)));
        return out;
    }

    private static List<Long> asList(long[] values) {
        List<Long> out = new ArrayList<>(values.length);
        for (long v : values) {
            out.add(v);
        }
        return out;
    }
}
