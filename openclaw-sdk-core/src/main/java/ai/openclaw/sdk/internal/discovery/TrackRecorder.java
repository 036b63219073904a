package ai.openclaw.sdk.internal.discovery;

import ai.openclaw.sdk.canary.TrackMetrics;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The calls of one track of one service: how many, how many failed, and their latencies in a log-scaled histogram
 * (buckets 5% apart, from 1 microsecond to about an hour), so that percentiles are within 5% and memory is fixed.
 * Thread-safe and lock-free.
 */
public final class TrackRecorder {
    private static final double GROWTH = 1.05;
    private static final double LOG_GROWTH = Math.log(GROWTH);
    private static final long MIN_NANOS = 1_000;
    private static final int BUCKETS = 460; // 1.05^460 microseconds is about 1.4 hours

    private final LongAdder requests = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final AtomicLongArray histogram = new AtomicLongArray(BUCKETS);

    /** Records a call. */
    public void record(boolean failed, long nanos) {
        requests.increment();
        if (failed) {
            errors.increment();
        }
        histogram.incrementAndGet(bucket(nanos));
    }

    static int bucket(long nanos) {
        if (nanos <= MIN_NANOS) {
            return 0;
        }
        int b = (int) Math.ceil(Math.log((double) nanos / MIN_NANOS) / LOG_GROWTH);
        return Math.min(b, BUCKETS - 1);
    }

    /** The upper bound of a bucket, in nanoseconds. */
    static long upper(int bucket) {
        return (long) (MIN_NANOS * Math.pow(GROWTH, bucket));
    }

    /** What was recorded so far. */
    public TrackMetrics snapshot() {
        long[] counts = new long[BUCKETS];
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] = histogram.get(i);
            total += counts[i];
        }
        return new TrackMetrics(
                requests.sum(),
                errors.sum(),
                percentile(counts, total, 0.50),
                percentile(counts, total, 0.95),
                percentile(counts, total, 0.99));
    }

    private static Duration percentile(long[] counts, long total, double q) {
        if (total == 0) {
            return Duration.ZERO;
        }
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Duration.ofNanos(upper(i));
            }
        }
        return Duration.ofNanos(upper(counts.length - 1));
    }
}
