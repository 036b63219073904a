package ai.openclaw.sdk.canary;

import ai.openclaw.sdk.internal.Arguments;
import java.time.Duration;
import java.util.Objects;

/**
 * What a canary must show before it is promoted, and what rolls it back. Immutable; {@link #defaults()} or {@link
 * #builder()}.
 *
 * <pre>{@code
 * CanaryCriteria criteria = CanaryCriteria.builder()
 *         .duration(Duration.ofMinutes(30))       // watched at least this long
 *         .minRequests(200)                       // per track, before any verdict but hold
 *         .maxErrorRateIncrease(0.01)             // one percentage point over the baseline's
 *         .maxLatencyRatio(1.25)                  // p95 at most 25% over the baseline's
 *         .build();
 * }</pre>
 *
 * @param duration how long the canary is watched before it may be promoted
 * @param minRequests calls each track must have answered before the canary is judged
 * @param maxErrorRateIncrease how far the canary's error rate may exceed the baseline's (absolute, 0.01 = one point)
 * @param significance the largest p-value at which an error-rate increase counts as real (one-sided two-proportion
 *     z-test)
 * @param maxLatencyRatio how many times the baseline's p95 latency the canary's may be
 */
public record CanaryCriteria(
        Duration duration, long minRequests, double maxErrorRateIncrease, double significance, double maxLatencyRatio) {
    /** The default watch: 30 minutes. */
    public static final Duration DEFAULT_DURATION = Duration.ofMinutes(30);

    /** The default minimum of calls per track: 100. */
    public static final long DEFAULT_MIN_REQUESTS = 100;

    /** The default allowed error-rate increase: one percentage point. */
    public static final double DEFAULT_MAX_ERROR_RATE_INCREASE = 0.01;

    /** The default significance: 5%. */
    public static final double DEFAULT_SIGNIFICANCE = 0.05;

    /** The default allowed p95 latency ratio: 1.25. */
    public static final double DEFAULT_MAX_LATENCY_RATIO = 1.25;

    /** Validates the components. */
    public CanaryCriteria {
        Arguments.positive("duration", duration);
        if (minRequests < 1) {
            throw new IllegalArgumentException("minRequests must be >= 1, was " + minRequests);
        }
        if (!(maxErrorRateIncrease >= 0 && maxErrorRateIncrease < 1)) {
            throw new IllegalArgumentException(
                    "maxErrorRateIncrease must be from 0 to below 1, was " + maxErrorRateIncrease);
        }
        if (!(significance > 0 && significance < 1)) {
            throw new IllegalArgumentException("significance must be between 0 and 1, was " + significance);
        }
        if (!(maxLatencyRatio >= 1)) {
            throw new IllegalArgumentException("maxLatencyRatio must be >= 1, was " + maxLatencyRatio);
        }
    }

    /** The defaults: 30 minutes, 100 calls a track, +1 point of errors at 5% significance, p95 within 1.25x. */
    public static CanaryCriteria defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** This, with another duration. */
    public CanaryCriteria withDuration(Duration duration) {
        return new CanaryCriteria(duration, minRequests, maxErrorRateIncrease, significance, maxLatencyRatio);
    }

    /** Builds {@link CanaryCriteria}. Not thread-safe. */
    public static final class Builder {
        private Duration duration = DEFAULT_DURATION;
        private long minRequests = DEFAULT_MIN_REQUESTS;
        private double maxErrorRateIncrease = DEFAULT_MAX_ERROR_RATE_INCREASE;
        private double significance = DEFAULT_SIGNIFICANCE;
        private double maxLatencyRatio = DEFAULT_MAX_LATENCY_RATIO;

        private Builder() {}

        /** How long the canary is watched before it may be promoted. */
        public Builder duration(Duration duration) {
            this.duration = Objects.requireNonNull(duration, "duration");
            return this;
        }

        /** Calls each track must have answered before the canary is judged. */
        public Builder minRequests(long minRequests) {
            this.minRequests = minRequests;
            return this;
        }

        /** How far the canary's error rate may exceed the baseline's (0.01 is one percentage point). */
        public Builder maxErrorRateIncrease(double increase) {
            this.maxErrorRateIncrease = increase;
            return this;
        }

        /** The largest p-value at which an error-rate increase counts as real. */
        public Builder significance(double significance) {
            this.significance = significance;
            return this;
        }

        /** How many times the baseline's p95 latency the canary's may be. */
        public Builder maxLatencyRatio(double ratio) {
            this.maxLatencyRatio = ratio;
            return this;
        }

        /** Builds the criteria. */
        public CanaryCriteria build() {
            return new CanaryCriteria(duration, minRequests, maxErrorRateIncrease, significance, maxLatencyRatio);
        }
    }
}
