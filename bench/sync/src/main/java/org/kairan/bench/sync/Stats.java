package org.kairan.bench.sync;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Nearest-rank percentiles of millisecond samples. */
final class Stats {

    private final double[] sorted;

    Stats(List<Double> samples) {
        this.sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    int count() {
        return sorted.length;
    }

    double percentile(double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    double max() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    }

    double mean() {
        return Arrays.stream(sorted).average().orElse(Double.NaN);
    }

    String summary() {
        return String.format(Locale.ROOT, "n=%d p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms  (mean %.1f)",
                count(), percentile(50), percentile(95), percentile(99), max(), mean());
    }
}
