package ai.openclaw.sdk.canary;

import java.time.Duration;
import java.util.Objects;

/**
 * The calls one track of a service answered over a time: how many, how many failed, and their latency percentiles.
 *
 * <pre>{@code
 * TrackMetrics canary = new TrackMetrics(412, 3, Duration.ofMillis(18), Duration.ofMillis(61), Duration.ofMillis(95));
 * canary.errorRate();   // 0.00728...
 * }</pre>
 *
 * @param requests calls made
 * @param errors calls that failed (connection errors, timeouts, 5xx answers)
 * @param p50 the median latency
 * @param p95 the 95th percentile latency
 * @param p99 the 99th percentile latency
 */
public record TrackMetrics(long requests, long errors, Duration p50, Duration p95, Duration p99) {
    /** No calls. */
    public static final TrackMetrics NONE = new TrackMetrics(0, 0, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    /** Validates the components. */
    public TrackMetrics {
        Objects.requireNonNull(p50, "p50");
        Objects.requireNonNull(p95, "p95");
        Objects.requireNonNull(p99, "p99");
        if (requests < 0 || errors < 0 || errors > requests) {
            throw new IllegalArgumentException("errors must be from 0 to requests (" + requests + "), was " + errors);
        }
    }

    /** The share of calls that failed, from 0 to 1; 0 without calls. */
    public double errorRate() {
        return requests == 0 ? 0 : (double) errors / requests;
    }
}
