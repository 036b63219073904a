package ai.openclaw.sdk.resilience;

import ai.openclaw.sdk.client.HttpStatusException;
import ai.openclaw.sdk.policy.FailureKind;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * How calls to one target are guarded. Immutable; build with {@link #builder()} or take {@link #defaults()}.
 *
 * <pre>{@code
 * ResiliencePolicy payments = ResiliencePolicy.builder()
 *         .maxAttempts(5)
 *         .timeLimit(Duration.ofSeconds(2))
 *         .maxConcurrentCalls(10)
 *         .build();
 * }</pre>
 *
 * <p>The defaults suit calls between services, not Resilience4j's generic defaults: a circuit judges after 10 calls
 * in a window of 20 (not 100: a quiet dependency would otherwise never open), and stays open 10 s (not 60 s: a
 * restarted instance is back well within that); 3 attempts with 100 ms doubling backoff and full jitter, capped at
 * 2 s, retrying connection failures, 502, 503, 504 and 429 (honouring {@code Retry-After} up to 30 s); calls slower
 * than 2 s count as slow, and 100% slow calls open the circuit; 25 concurrent calls per target.
 */
public final class ResiliencePolicy {
    /** Attempts per call, the first included. */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    /** The first retry's delay. */
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(100);
    /** The longest retry delay. */
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(2);
    /** The longest {@code Retry-After} honoured. */
    public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(30);
    /** Statuses retried. */
    public static final Set<Integer> DEFAULT_RETRY_STATUSES = Set.of(429, 502, 503, 504);
    /** Calls in the circuit breaker's window. */
    public static final int DEFAULT_WINDOW = 20;
    /** Calls before the circuit breaker judges. */
    public static final int DEFAULT_MINIMUM_CALLS = 10;
    /** Failure rate (percent) that opens the circuit. */
    public static final float DEFAULT_FAILURE_RATE = 50;
    /** How long an open circuit stays open before letting trial calls through. */
    public static final Duration DEFAULT_OPEN_DURATION = Duration.ofSeconds(10);
    /** Trial calls let through a half-open circuit. */
    public static final int DEFAULT_HALF_OPEN_CALLS = 3;
    /** A call slower than this is slow. */
    public static final Duration DEFAULT_SLOW_CALL = Duration.ofSeconds(2);
    /** Concurrent calls per target. */
    public static final int DEFAULT_MAX_CONCURRENT_CALLS = 25;

    private static final ResiliencePolicy DEFAULTS = builder().build();

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final double backoffMultiplier;
    private final Duration maxBackoff;
    private final double jitter;
    private final Duration maxRetryAfter;
    private final Set<Integer> retryStatuses;
    private final boolean circuitBreaker;
    private final int window;
    private final int minimumCalls;
    private final float failureRate;
    private final Duration openDuration;
    private final int halfOpenCalls;
    private final Duration slowCall;
    private final float slowCallRate;
    private final @Nullable Duration timeLimit;
    private final int maxConcurrentCalls;
    private final int rateLimit;
    private final Duration ratePeriod;
    private final @Nullable Predicate<Throwable> retryOn;
    private final @Nullable Predicate<Throwable> recordFailureOn;

    private ResiliencePolicy(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.initialBackoff = b.initialBackoff;
        this.backoffMultiplier = b.backoffMultiplier;
        this.maxBackoff = b.maxBackoff;
        this.jitter = b.jitter;
        this.maxRetryAfter = b.maxRetryAfter;
        this.retryStatuses = Set.copyOf(b.retryStatuses);
        this.circuitBreaker = b.circuitBreaker;
        this.window = b.window;
        this.minimumCalls = b.minimumCalls;
        this.failureRate = b.failureRate;
        this.openDuration = b.openDuration;
        this.halfOpenCalls = b.halfOpenCalls;
        this.slowCall = b.slowCall;
        this.slowCallRate = b.slowCallRate;
        this.timeLimit = b.timeLimit;
        this.maxConcurrentCalls = b.maxConcurrentCalls;
        this.rateLimit = b.rateLimit;
        this.ratePeriod = b.ratePeriod;
        this.retryOn = b.retryOn;
        this.recordFailureOn = b.recordFailureOn;
    }

    /** The defaults, documented above. */
    public static ResiliencePolicy defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this policy's settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxAttempts = maxAttempts;
        b.initialBackoff = initialBackoff;
        b.backoffMultiplier = backoffMultiplier;
        b.maxBackoff = maxBackoff;
        b.jitter = jitter;
        b.maxRetryAfter = maxRetryAfter;
        b.retryStatuses = retryStatuses;
        b.circuitBreaker = circuitBreaker;
        b.window = window;
        b.minimumCalls = minimumCalls;
        b.failureRate = failureRate;
        b.openDuration = openDuration;
        b.halfOpenCalls = halfOpenCalls;
        b.slowCall = slowCall;
        b.slowCallRate = slowCallRate;
        b.timeLimit = timeLimit;
        b.maxConcurrentCalls = maxConcurrentCalls;
        b.rateLimit = rateLimit;
        b.ratePeriod = ratePeriod;
        b.retryOn = retryOn;
        b.recordFailureOn = recordFailureOn;
        return b;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration initialBackoff() {
        return initialBackoff;
    }

    public double backoffMultiplier() {
        return backoffMultiplier;
    }

    public Duration maxBackoff() {
        return maxBackoff;
    }

    public double jitter() {
        return jitter;
    }

    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    public Set<Integer> retryStatuses() {
        return retryStatuses;
    }

    public boolean circuitBreaker() {
        return circuitBreaker;
    }

    public int window() {
        return window;
    }

    public int minimumCalls() {
        return minimumCalls;
    }

    public float failureRate() {
        return failureRate;
    }

    public Duration openDuration() {
        return openDuration;
    }

    public int halfOpenCalls() {
        return halfOpenCalls;
    }

    public Duration slowCall() {
        return slowCall;
    }

    public float slowCallRate() {
        return slowCallRate;
    }

    /**
     * Whether a failed attempt is tried again (when the call is repeatable and attempts are left): the predicate given
     * to {@link Builder#retryOn}, else an HTTP status among {@link #retryStatuses()}, else any failure whose {@link
     * FailureKind} is not {@link FailureKind#PERMANENT} (unreachable, timed out, not stored; a policy's own refusal
     * is not retried at once).
     */
    public boolean retries(Throwable failure) {
        if (retryOn != null) {
            return retryOn.test(failure);
        }
        Throwable t = unwrapped(failure);
        if (t instanceof HttpStatusException h) {
            return retryStatuses.contains(h.status());
        }
        return FailureKind.of(t) != FailureKind.PERMANENT;
    }

    /**
     * Whether a failure counts against the target's circuit: the predicate given to {@link Builder#recordFailureOn},
     * else a {@link FailureKind#TRANSIENT} one (unreachable, timed out, 5xx; not a 4xx, not a 429).
     */
    public boolean recordsAsFailure(Throwable failure) {
        return recordFailureOn != null
                ? recordFailureOn.test(failure)
                : FailureKind.of(failure) == FailureKind.TRANSIENT;
    }

    private static Throwable unwrapped(Throwable failure) {
        Throwable t = failure;
        while (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** The time limit of each attempt, if any. */
    public java.util.Optional<Duration> timeLimit() {
        return java.util.Optional.ofNullable(timeLimit);
    }

    public int maxConcurrentCalls() {
        return maxConcurrentCalls;
    }

    /** Calls allowed per {@link #ratePeriod()}; 0 for no rate limit. */
    public int rateLimit() {
        return rateLimit;
    }

    public Duration ratePeriod() {
        return ratePeriod;
    }

    /** Builds a {@link ResiliencePolicy}; validation in {@link #build()}. Not thread-safe. */
    public static final class Builder {
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
        private double backoffMultiplier = 2.0;
        private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
        private double jitter = 1.0;
        private Duration maxRetryAfter = DEFAULT_MAX_RETRY_AFTER;
        private Set<Integer> retryStatuses = DEFAULT_RETRY_STATUSES;
        private boolean circuitBreaker = true;
        private int window = DEFAULT_WINDOW;
        private int minimumCalls = DEFAULT_MINIMUM_CALLS;
        private float failureRate = DEFAULT_FAILURE_RATE;
        private Duration openDuration = DEFAULT_OPEN_DURATION;
        private int halfOpenCalls = DEFAULT_HALF_OPEN_CALLS;
        private Duration slowCall = DEFAULT_SLOW_CALL;
        private float slowCallRate = 100;
        private @Nullable Duration timeLimit;
        private int maxConcurrentCalls = DEFAULT_MAX_CONCURRENT_CALLS;
        private int rateLimit;
        private Duration ratePeriod = Duration.ofSeconds(1);
        private @Nullable Predicate<Throwable> retryOn;
        private @Nullable Predicate<Throwable> recordFailureOn;

        private Builder() {}

        /** Attempts per call, the first included; 1 turns retries off. */
        public Builder maxAttempts(int attempts) {
            this.maxAttempts = attempts;
            return this;
        }

        /** The first retry's delay; each next one is multiplied by {@link #backoffMultiplier}. */
        public Builder initialBackoff(Duration backoff) {
            this.initialBackoff = Objects.requireNonNull(backoff, "backoff");
            return this;
        }

        /** The growth of retry delays; default 2. */
        public Builder backoffMultiplier(double multiplier) {
            this.backoffMultiplier = multiplier;
            return this;
        }

        /** The longest retry delay. */
        public Builder maxBackoff(Duration max) {
            this.maxBackoff = Objects.requireNonNull(max, "max");
            return this;
        }

        /**
         * Randomness of retry delays, 0 to 1: each delay is drawn between {@code (1 - jitter) * d} and {@code d}.
         * Default 1 ("full jitter"), which spreads the retries of many callers; 0 for fixed delays.
         */
        public Builder jitter(double jitter) {
            this.jitter = jitter;
            return this;
        }

        /** The longest {@code Retry-After} honoured; a longer one is not waited for. */
        public Builder maxRetryAfter(Duration max) {
            this.maxRetryAfter = Objects.requireNonNull(max, "max");
            return this;
        }

        /** The HTTP statuses retried (unless {@link #retryOn} decides); connection failures always are. */
        public Builder retryStatuses(Set<Integer> statuses) {
            this.retryStatuses = Set.copyOf(statuses);
            return this;
        }

        /** Whether calls go through a circuit breaker; default true. */
        public Builder circuitBreaker(boolean enabled) {
            this.circuitBreaker = enabled;
            return this;
        }

        /** The circuit breaker's window, in calls; default 20. */
        public Builder window(int calls) {
            this.window = calls;
            return this;
        }

        /** Calls before the circuit breaker judges; default 10. */
        public Builder minimumCalls(int calls) {
            this.minimumCalls = calls;
            return this;
        }

        /** Failure rate in percent that opens the circuit; default 50. */
        public Builder failureRate(float percent) {
            this.failureRate = percent;
            return this;
        }

        /** How long an open circuit refuses calls; default 10 s. */
        public Builder openDuration(Duration duration) {
            this.openDuration = Objects.requireNonNull(duration, "duration");
            return this;
        }

        /** Trial calls of a half-open circuit; default 3. */
        public Builder halfOpenCalls(int calls) {
            this.halfOpenCalls = calls;
            return this;
        }

        /** A call slower than this counts as slow; default 2 s. */
        public Builder slowCall(Duration threshold) {
            this.slowCall = Objects.requireNonNull(threshold, "threshold");
            return this;
        }

        /** Rate of slow calls (percent) that opens the circuit; default 100. */
        public Builder slowCallRate(float percent) {
            this.slowCallRate = percent;
            return this;
        }

        /** A time limit for each attempt; default none (the client's call timeout still holds). */
        public Builder timeLimit(@Nullable Duration limit) {
            this.timeLimit = limit;
            return this;
        }

        /** Concurrent calls to the target; more are refused at once (bulkhead). Default 25. */
        public Builder maxConcurrentCalls(int calls) {
            this.maxConcurrentCalls = calls;
            return this;
        }

        /** At most {@code calls} per {@code period}; more are refused. Default none. */
        public Builder rateLimit(int calls, Duration period) {
            this.rateLimit = calls;
            this.ratePeriod = Objects.requireNonNull(period, "period");
            return this;
        }

        /**
         * Which failed attempts are tried again, instead of the default (see {@link ResiliencePolicy#retries}):
         * {@code retryOn(e -> e instanceof LedgerBusyException || FailureKind.of(e) == FailureKind.TRANSIENT)}. Only
         * repeatable calls are retried, whatever it says.
         */
        public Builder retryOn(Predicate<? super Throwable> retryable) {
            Objects.requireNonNull(retryable, "retryable");
            this.retryOn = retryable::test;
            return this;
        }

        /**
         * Which failures count against the circuit, instead of the default (see {@link
         * ResiliencePolicy#recordsAsFailure}): {@code recordFailureOn(e -> FailureKind.of(e) != FailureKind.PERMANENT)}
         * counts 429s too.
         */
        public Builder recordFailureOn(Predicate<? super Throwable> failure) {
            Objects.requireNonNull(failure, "failure");
            this.recordFailureOn = failure::test;
            return this;
        }

        /**
         * Builds the policy.
         *
         * @throws IllegalArgumentException naming the setting out of range
         */
        public ResiliencePolicy build() {
            check(maxAttempts >= 1, "maxAttempts must be >= 1, was " + maxAttempts);
            check(!initialBackoff.isNegative(), "initialBackoff must not be negative");
            check(backoffMultiplier >= 1, "backoffMultiplier must be >= 1, was " + backoffMultiplier);
            check(maxBackoff.compareTo(initialBackoff) >= 0, "maxBackoff must be >= initialBackoff");
            check(jitter >= 0 && jitter <= 1, "jitter must be from 0 to 1, was " + jitter);
            check(window >= 1 && minimumCalls >= 1, "window and minimumCalls must be >= 1");
            check(failureRate > 0 && failureRate <= 100, "failureRate must be in (0, 100], was " + failureRate);
            check(slowCallRate > 0 && slowCallRate <= 100, "slowCallRate must be in (0, 100], was " + slowCallRate);
            check(!openDuration.isNegative() && !openDuration.isZero(), "openDuration must be positive");
            check(halfOpenCalls >= 1, "halfOpenCalls must be >= 1, was " + halfOpenCalls);
            check(timeLimit == null || (!timeLimit.isNegative() && !timeLimit.isZero()), "timeLimit must be positive");
            check(maxConcurrentCalls >= 1, "maxConcurrentCalls must be >= 1, was " + maxConcurrentCalls);
            check(rateLimit >= 0, "rateLimit must be >= 0, was " + rateLimit);
            return new ResiliencePolicy(this);
        }

        private static void check(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
