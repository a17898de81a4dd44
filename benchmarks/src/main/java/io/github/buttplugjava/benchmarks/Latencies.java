package io.github.buttplugjava.benchmarks;

import java.util.Arrays;

/** Round-trip times of one run, in nanoseconds, and their percentiles. */
final class Latencies {

    private final long[] nanos;
    private int count;

    Latencies(int capacity) {
        nanos = new long[capacity];
    }

    void add(long n) {
        nanos[count++] = n;
    }

    /** The {@code p}-th percentile (0..100) in microseconds. */
    double percentileMicros(double p) {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int i = (int) Math.min(count - 1, Math.max(0, Math.ceil(p / 100.0 * count) - 1));
        return sorted[i] / 1000.0;
    }

    int count() {
        return count;
    }
}
