package io.nohold.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Latencies of one measurement, in microseconds, with its error count and wall time. */
final class Latencies {

    private long[] micros = new long[1024];

    private int count;

    final AtomicInteger errors = new AtomicInteger();

    private long startNanos;

    private long endNanos;

    void start() {
        startNanos = System.nanoTime();
    }

    void stop() {
        endNanos = System.nanoTime();
    }

    synchronized void add(long nanos) {
        if (count == micros.length) {
            micros = Arrays.copyOf(micros, count * 2);
        }
        micros[count++] = nanos / 1000;
    }

    synchronized int count() {
        return count;
    }

    double seconds() {
        return (endNanos - startNanos) / 1e9;
    }

    synchronized double percentileMillis(double p) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(micros, count);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * count) - 1;
        return sorted[Math.max(0, Math.min(count - 1, index))] / 1000.0;
    }

    Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("operations", count());
        summary.put("errors", errors.get());
        summary.put("seconds", round(seconds()));
        summary.put("throughputPerSecond", round(count() / seconds()));
        summary.put("p50Ms", round(percentileMillis(50)));
        summary.put("p95Ms", round(percentileMillis(95)));
        summary.put("p99Ms", round(percentileMillis(99)));
        return summary;
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

}
