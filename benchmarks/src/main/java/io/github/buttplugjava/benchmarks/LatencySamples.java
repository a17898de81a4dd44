package io.github.buttplugjava.benchmarks;

import java.util.Arrays;

/** Round-trip times of one measured path, in nanoseconds, sorted; immutable. */
record LatencySamples(String path, long[] sortedNanos) {

    /** Sorts a copy of the samples. */
    static LatencySamples of(String path, long[] nanos, int count) {
        long[] copy = Arrays.copyOf(nanos, count);
        Arrays.sort(copy);
        return new LatencySamples(path, copy);
    }

    int count() {
        return sortedNanos.length;
    }

    /** The nearest-rank percentile ({@code p} in 0..100), in microseconds. */
    double percentileMicros(double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1_000.0;
    }

    /** One line: count, p50, p90, p99, max. */
    String summary() {
        return String.format("%-34s n=%6d  p50=%9.1f us  p90=%9.1f us  p99=%9.1f us  max=%9.1f us",
                path, count(), percentileMicros(50), percentileMicros(90), percentileMicros(99),
                percentileMicros(100));
    }
}
