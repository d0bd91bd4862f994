package dev.spinmixed.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-order latency of one way of running the pipeline: percentiles in microseconds and the
 * throughput it implies.
 */
public record Latency(
        double p50Us,
        double p90Us,
        double p99Us,
        double meanUs,
        double ordersPerSecond,
        long samples) {

    /** From raw samples in nanoseconds; throughput is one caller's, 1 / mean. */
    public static Latency ofNanos(long[] nanos) {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no latency samples");
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElseThrow() / 1000.0;
        return new Latency(
                percentile(sorted, 0.50),
                percentile(sorted, 0.90),
                percentile(sorted, 0.99),
                mean,
                1e6 / mean,
                sorted.length);
    }

    private static double percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
    }

    public Latency withOrdersPerSecond(double ordersPerSecond) {
        return new Latency(p50Us, p90Us, p99Us, meanUs, ordersPerSecond, samples);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("p50_us", p50Us);
        m.put("p90_us", p90Us);
        m.put("p99_us", p99Us);
        m.put("mean_us", meanUs);
        m.put("orders_per_s", ordersPerSecond);
        m.put("samples", samples);
        return m;
    }
}
