package dev.cairn.cli.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of one numeric field (a latency, a size) and their percentiles. Values are kept
 * exactly up to {@value #EXACT_LIMIT}; past that they move to a logarithmic histogram whose
 * buckets are 1% wide, so memory stays bounded and percentiles stay within 1% on any log.
 * Not thread safe.
 */
public final class FieldValues {

    /** Values kept exactly before switching to the histogram. */
    static final int EXACT_LIMIT = 1 << 20;

    private static final double GAMMA = 1.01;
    private static final double LOG_GAMMA = Math.log(GAMMA);

    private final String name;
    private double[] exact = new double[64];
    private int size;
    private boolean sorted;
    private Map<Integer, long[]> histogram;  // bucket -> count; bucket Integer.MIN_VALUE holds values <= 0
    private long count;
    private double sum;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    /** Values of the field {@code name}. */
    public FieldValues(String name) {
        this.name = name;
    }

    /** The field's name. */
    public String name() {
        return name;
    }

    /** Adds one value; NaN and infinities are ignored. */
    public void add(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return;
        }
        count++;
        sum += v;
        min = Math.min(min, v);
        max = Math.max(max, v);
        if (histogram != null) {
            addToHistogram(v);
            return;
        }
        if (size == exact.length) {
            if (size >= EXACT_LIMIT) {
                histogram = new java.util.HashMap<>();
                for (int i = 0; i < size; i++) {
                    addToHistogram(exact[i]);
                }
                exact = null;
                addToHistogram(v);
                return;
            }
            exact = Arrays.copyOf(exact, size * 2);
        }
        exact[size++] = v;
        sorted = false;
    }

    private void addToHistogram(double v) {
        histogram.computeIfAbsent(bucket(v), b -> new long[1])[0]++;
    }

    private static int bucket(double v) {
        return v <= 0 ? Integer.MIN_VALUE : (int) Math.floor(Math.log(v) / LOG_GAMMA);
    }

    private static double representative(int bucket) {
        return bucket == Integer.MIN_VALUE ? 0 : Math.pow(GAMMA, bucket + 0.5);
    }

    /** Number of values. */
    public long count() {
        return count;
    }

    /** True when percentiles are exact (not read from the histogram). */
    public boolean isExact() {
        return histogram == null;
    }

    /** Smallest value, NaN when there are none. */
    public double min() {
        return count == 0 ? Double.NaN : min;
    }

    /** Largest value, NaN when there are none. */
    public double max() {
        return count == 0 ? Double.NaN : max;
    }

    /** Arithmetic mean, NaN when there are none. */
    public double mean() {
        return count == 0 ? Double.NaN : sum / count;
    }

    /**
     * The {@code q}-th percentile (0 to 100) by the nearest-rank method: the smallest value with at
     * least q% of the values at or below it. NaN when there are no values.
     */
    public double percentile(double q) {
        if (count == 0) {
            return Double.NaN;
        }
        long rank = Math.max(1, (long) Math.ceil(q / 100.0 * count));
        if (histogram == null) {
            sort();
            return exact[(int) Math.min(rank, size) - 1];
        }
        long seen = 0;
        for (int b : sortedBuckets()) {
            seen += histogram.get(b)[0];
            if (seen >= rank) {
                return Math.max(min, Math.min(max, representative(b)));
            }
        }
        return max;
    }

    /**
     * How many values fall in each of the 1-2-5 ranges ({@code <= 1}, {@code <= 2}, {@code <= 5},
     * {@code <= 10}, ...) from the one holding the smallest value to the one holding the largest,
     * five decades at most; keys are the upper bounds. Smaller values count in the first range.
     */
    public Map<Double, Long> distribution() {
        Map<Double, Long> out = new LinkedHashMap<>();
        if (count == 0) {
            return out;
        }
        List<Double> edges = new ArrayList<>();
        // At most five decades below the largest value: smaller values share the first range.
        double edge = firstEdge(Math.max(min, firstEdge(max) / 1e5));
        while (true) {
            edges.add(edge);
            if (edge >= max) {
                break;
            }
            edge = nextEdge(edge);
        }
        long[] counts = new long[edges.size()];
        if (histogram == null) {
            for (int i = 0; i < size; i++) {
                counts[edgeIndex(edges, exact[i])]++;
            }
        } else {
            for (Map.Entry<Integer, long[]> e : histogram.entrySet()) {
                counts[edgeIndex(edges, Math.max(min, Math.min(max, representative(e.getKey()))))] += e.getValue()[0];
            }
        }
        for (int i = 0; i < counts.length; i++) {
            out.put(edges.get(i), counts[i]);
        }
        return out;
    }

    private static int edgeIndex(List<Double> edges, double v) {
        int lo = 0;
        int hi = edges.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (v <= edges.get(mid)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** The smallest 1-2-5 number at or above {@code v} (at least 0.001, so zero has a range). */
    static double firstEdge(double v) {
        double edge = 0.001;
        while (edge < v) {
            edge = nextEdge(edge);
        }
        return edge;
    }

    private static double nextEdge(double edge) {
        double decade = Math.pow(10, Math.floor(Math.log10(edge) + 1e-9));
        double mantissa = Math.round(edge / decade);
        double next = mantissa < 2 ? 2 : mantissa < 5 ? 5 : 10;
        return Double.parseDouble(String.format(java.util.Locale.ROOT, "%.6g", next * decade));
    }

    private void sort() {
        if (!sorted) {
            Arrays.sort(exact, 0, size);
            sorted = true;
        }
    }

    private List<Integer> sortedBuckets() {
        List<Integer> buckets = new ArrayList<>(histogram.keySet());
        buckets.sort(null);
        return buckets;
    }

    /** Count, min, mean, max and the usual percentiles as plain values for {@code --json}. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("field", name);
        m.put("count", count);
        m.put("exact", isExact());
        if (count > 0) {
            m.put("min", number(min()));
            m.put("mean", number(mean()));
            for (double q : PERCENTILES) {
                m.put("p" + (q == Math.rint(q) ? Integer.toString((int) q) : Double.toString(q)), number(percentile(q)));
            }
            m.put("max", number(max()));
        }
        return m;
    }

    /** The percentiles reported. */
    public static final double[] PERCENTILES = {50, 90, 95, 99};

    /** A value as a whole number when it is one, for tidy output. */
    static Object number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? (Object) (long) v : (Object) (Math.round(v * 1000) / 1000.0);
    }
}
