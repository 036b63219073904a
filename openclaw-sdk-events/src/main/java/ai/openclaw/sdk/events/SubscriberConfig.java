package ai.openclaw.sdk.events;

import ai.openclaw.sdk.events.internal.WireNames;
import ai.openclaw.sdk.internal.Arguments;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How an {@link EventSubscriber} reads, handles, reclaims and gives up: immutable, with named defaults, so that one
 * configuration can be shared by every subscriber of a service (and by a platform team's wrapper).
 *
 * <pre>{@code
 * SubscriberConfig drain = SubscriberConfig.builder().maxInFlight(1024).batchSize(200).build();
 * EventSubscriber.builder("billing-service", transport).config(drain).on(...).build();
 * SubscriberConfig slower = drain.toBuilder().processingTimeout(Duration.ofMinutes(2)).build();
 * }</pre>
 *
 * <p>The settings, by concern:
 *
 * <ul>
 *   <li>reading: {@link Builder#batchSize}, {@link Builder#pollTimeout}, {@link Builder#startFromBeginning}, {@link
 *       Builder#streamPrefix} (must match the publishers');
 *   <li>memory: {@link Builder#maxInFlight} entries read and not finished, at most, whatever the backlog;
 *   <li>handling: {@link Builder#workers}, {@link Builder#orderedByKey}, {@link Builder#handlerAttempts} and {@link
 *       Builder#retryBackoff} (in place, when the subscriber has no call policies), {@link Builder#maxEventBytes};
 *   <li>giving up: {@link Builder#maxDeliveries}, then the dead-letter stream ({@link Builder#deadLetterSuffix});
 *   <li>reclaiming: {@link Builder#processingTimeout} (an entry unacknowledged that long is taken over), {@link
 *       Builder#reclaimInterval}, {@link Builder#deadConsumerTimeout} (a consumer silent that long, holding
 *       nothing, is removed from the group);
 *   <li>acknowledging and stopping: {@link Builder#ackInterval}, {@link Builder#shutdownTimeout}.
 * </ul>
 */
public final class SubscriberConfig {
    /** Worker threads running handlers. */
    public static final int DEFAULT_WORKERS = 4;
    /** Entries read and not yet finished, at most. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 64;
    /** Entries asked for per read. */
    public static final int DEFAULT_BATCH_SIZE = 16;
    /** How long a read waits for entries. */
    public static final Duration DEFAULT_POLL_TIMEOUT = Duration.ofSeconds(1);
    /** How long an entry may stay unacknowledged before it is reclaimed. */
    public static final Duration DEFAULT_PROCESSING_TIMEOUT = Duration.ofSeconds(30);
    /** Deliveries after which a failing entry is dead-lettered. */
    public static final int DEFAULT_MAX_DELIVERIES = 5;
    /** Handler calls per delivery when there are no call policies. */
    public static final int DEFAULT_HANDLER_ATTEMPTS = 3;
    /** The first in-place retry's delay, doubling after. */
    public static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofMillis(100);
    /** How long closing lets in-flight entries finish. */
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);
    /** How long handled entries wait to be acknowledged together. */
    public static final Duration DEFAULT_ACK_INTERVAL = Duration.ofMillis(2);
    /** How long a consumer may be silent, holding nothing, before it is removed from the group. */
    public static final Duration DEFAULT_DEAD_CONSUMER_TIMEOUT = Duration.ofMinutes(10);

    private static final SubscriberConfig DEFAULTS = builder().build();

    private final int workers;
    private final int maxInFlight;
    private final int batchSize;
    private final Duration pollTimeout;
    private final Duration processingTimeout;
    private final @Nullable Duration reclaimInterval;
    private final int maxDeliveries;
    private final int handlerAttempts;
    private final Duration retryBackoff;
    private final Duration shutdownTimeout;
    private final String deadLetterSuffix;
    private final Duration ackInterval;
    private final boolean orderedByKey;
    private final int maxEventBytes;
    private final String streamPrefix;
    private final boolean startFromBeginning;
    private final Duration deadConsumerTimeout;

    private SubscriberConfig(Builder b) {
        this.workers = b.workers;
        this.maxInFlight = b.maxInFlight;
        this.batchSize = b.batchSize;
        this.pollTimeout = b.pollTimeout;
        this.processingTimeout = b.processingTimeout;
        this.reclaimInterval = b.reclaimInterval;
        this.maxDeliveries = b.maxDeliveries;
        this.handlerAttempts = b.handlerAttempts;
        this.retryBackoff = b.retryBackoff;
        this.shutdownTimeout = b.shutdownTimeout;
        this.deadLetterSuffix = b.deadLetterSuffix;
        this.ackInterval = b.ackInterval;
        this.orderedByKey = b.orderedByKey;
        this.maxEventBytes = b.maxEventBytes;
        this.streamPrefix = b.streamPrefix;
        this.startFromBeginning = b.startFromBeginning;
        this.deadConsumerTimeout = b.deadConsumerTimeout;
    }

    /** The defaults: the {@code DEFAULT_*} constants. */
    public static SubscriberConfig defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.workers = workers;
        b.maxInFlight = maxInFlight;
        b.batchSize = batchSize;
        b.pollTimeout = pollTimeout;
        b.processingTimeout = processingTimeout;
        b.reclaimInterval = reclaimInterval;
        b.maxDeliveries = maxDeliveries;
        b.handlerAttempts = handlerAttempts;
        b.retryBackoff = retryBackoff;
        b.shutdownTimeout = shutdownTimeout;
        b.deadLetterSuffix = deadLetterSuffix;
        b.ackInterval = ackInterval;
        b.orderedByKey = orderedByKey;
        b.maxEventBytes = maxEventBytes;
        b.streamPrefix = streamPrefix;
        b.startFromBeginning = startFromBeginning;
        b.deadConsumerTimeout = deadConsumerTimeout;
        return b;
    }

    /** Worker threads running handlers. */
    public int workers() {
        return workers;
    }

    /** Entries read and not yet finished (handled and acknowledged), at most. */
    public int maxInFlight() {
        return maxInFlight;
    }

    /** Entries asked for per read. */
    public int batchSize() {
        return batchSize;
    }

    /** How long a read waits for entries; also how long closing may wait for the read under way. */
    public Duration pollTimeout() {
        return pollTimeout;
    }

    /** How long an entry may stay unacknowledged before a live consumer of the group takes it over. */
    public Duration processingTimeout() {
        return processingTimeout;
    }

    /** How often idle entries are looked for: as set, else half the processing timeout, at most 10 s. */
    public Duration reclaimInterval() {
        if (reclaimInterval != null) {
            return reclaimInterval;
        }
        Duration half = processingTimeout.dividedBy(2);
        return half.compareTo(Duration.ofSeconds(10)) <= 0 ? half : Duration.ofSeconds(10);
    }

    /** Deliveries after which a failing entry is dead-lettered. */
    public int maxDeliveries() {
        return maxDeliveries;
    }

    /** Handler calls per delivery when the subscriber has no call policies (with policies, the policy decides). */
    public int handlerAttempts() {
        return handlerAttempts;
    }

    /** The first in-place retry's delay, doubling after. */
    public Duration retryBackoff() {
        return retryBackoff;
    }

    /** How long closing lets in-flight entries finish. */
    public Duration shutdownTimeout() {
        return shutdownTimeout;
    }

    /** The suffix of dead-letter streams. */
    public String deadLetterSuffix() {
        return deadLetterSuffix;
    }

    /** How long handled entries wait to be acknowledged together. */
    public Duration ackInterval() {
        return ackInterval;
    }

    /** Whether events with the same ordering key are handled one at a time, in stream order. */
    public boolean orderedByKey() {
        return orderedByKey;
    }

    /** The largest entry handled; larger ones are dead-lettered unread. */
    public int maxEventBytes() {
        return maxEventBytes;
    }

    /** The prefix before event types in stream keys. */
    public String streamPrefix() {
        return streamPrefix;
    }

    /** Whether a new group starts with the entries already in the stream. */
    public boolean startFromBeginning() {
        return startFromBeginning;
    }

    /** How long a consumer may be silent, holding nothing, before it is removed from the group. */
    public Duration deadConsumerTimeout() {
        return deadConsumerTimeout;
    }

    @Override
    public String toString() {
        return "SubscriberConfig{workers=" + workers + ", maxInFlight=" + maxInFlight + ", batchSize=" + batchSize
                + ", pollTimeout=" + pollTimeout + ", processingTimeout=" + processingTimeout + ", reclaimInterval="
                + reclaimInterval() + ", maxDeliveries=" + maxDeliveries + ", handlerAttempts=" + handlerAttempts
                + ", orderedByKey=" + orderedByKey + ", streamPrefix='" + streamPrefix + "'}";
    }

    /** Builds a {@link SubscriberConfig}; ranges are checked as each setting is given, relations in {@link #build()}. */
    public static final class Builder {
        private int workers = DEFAULT_WORKERS;
        private int maxInFlight = DEFAULT_MAX_IN_FLIGHT;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private Duration pollTimeout = DEFAULT_POLL_TIMEOUT;
        private Duration processingTimeout = DEFAULT_PROCESSING_TIMEOUT;
        private @Nullable Duration reclaimInterval;
        private int maxDeliveries = DEFAULT_MAX_DELIVERIES;
        private int handlerAttempts = DEFAULT_HANDLER_ATTEMPTS;
        private Duration retryBackoff = DEFAULT_RETRY_BACKOFF;
        private Duration shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;
        private String deadLetterSuffix = WireNames.DEFAULT_DEAD_LETTER_SUFFIX;
        private Duration ackInterval = DEFAULT_ACK_INTERVAL;
        private boolean orderedByKey;
        private int maxEventBytes = EventPublisher.DEFAULT_MAX_EVENT_BYTES;
        private String streamPrefix = "";
        private boolean startFromBeginning;
        private Duration deadConsumerTimeout = DEFAULT_DEAD_CONSUMER_TIMEOUT;

        private Builder() {}

        /** Worker threads running handlers; default 4. */
        public Builder workers(int workers) {
            this.workers = positive("workers", workers);
            return this;
        }

        /** Entries read and not yet finished, at most; default 64. */
        public Builder maxInFlight(int maxInFlight) {
            this.maxInFlight = positive("maxInFlight", maxInFlight);
            return this;
        }

        /** Entries asked for per read; default 16. */
        public Builder batchSize(int batchSize) {
            this.batchSize = positive("batchSize", batchSize);
            return this;
        }

        /** How long a read waits for new entries; default 1 s. Also bounds how long closing waits to stop reading. */
        public Builder pollTimeout(Duration timeout) {
            this.pollTimeout = Arguments.positive("pollTimeout", timeout);
            return this;
        }

        /** How long an entry may stay unacknowledged before any consumer reclaims it; default 30 s. */
        public Builder processingTimeout(Duration timeout) {
            this.processingTimeout = Arguments.positive("processingTimeout", timeout);
            return this;
        }

        /** How often idle entries are looked for; default half the processing timeout, at most 10 s. */
        public Builder reclaimInterval(Duration interval) {
            this.reclaimInterval = Arguments.positive("reclaimInterval", interval);
            return this;
        }

        /** Deliveries after which a failing entry is dead-lettered; default 5. */
        public Builder maxDeliveries(int deliveries) {
            this.maxDeliveries = positive("maxDeliveries", deliveries);
            return this;
        }

        /**
         * Handler calls per delivery (1: no in-place retry); default 3. Applies when the subscriber has no call
         * policies: with {@code policies(...)}, the policy's retries are the in-place attempts.
         */
        public Builder handlerAttempts(int attempts) {
            this.handlerAttempts = positive("handlerAttempts", attempts);
            return this;
        }

        /** The first in-place retry's delay, doubling after; default 100 ms. */
        public Builder retryBackoff(Duration backoff) {
            this.retryBackoff = Arguments.positive("retryBackoff", backoff);
            return this;
        }

        /** How long closing lets in-flight entries finish; default 10 s. */
        public Builder shutdownTimeout(Duration timeout) {
            this.shutdownTimeout = Arguments.positive("shutdownTimeout", timeout);
            return this;
        }

        /** The suffix of dead-letter streams; default {@code .dlq}. */
        public Builder deadLetterSuffix(String suffix) {
            if (Objects.requireNonNull(suffix, "suffix").isEmpty()) {
                throw new IllegalArgumentException("deadLetterSuffix must not be empty");
            }
            this.deadLetterSuffix = suffix;
            return this;
        }

        /**
         * How long handled entries may wait to be acknowledged together in one XACK; default 2 ms. An entry keeps its
         * in-flight slot until acknowledged; a crash in that window means it is handled again (at least once).
         */
        public Builder ackInterval(Duration interval) {
            this.ackInterval = Arguments.positive("ackInterval", interval);
            return this;
        }

        /**
         * Whether events with the same ordering key ({@code partitionkey}) are handled one at a time, in stream order.
         * Holds within one subscriber process: Redis Streams hand a key's entries to whichever consumer of the group
         * reads them, so across replicas order per key holds only with one consumer per group. Default false.
         */
        public Builder orderedByKey(boolean ordered) {
            this.orderedByKey = ordered;
            return this;
        }

        /** The largest entry handled; larger ones are dead-lettered unread. Default 1 MiB, as publishers. */
        public Builder maxEventBytes(int bytes) {
            this.maxEventBytes = positive("maxEventBytes", bytes);
            return this;
        }

        /** The prefix before event types in stream keys; must match the publishers'. Default none. */
        public Builder streamPrefix(String prefix) {
            this.streamPrefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /** Whether a new group starts with the entries already in the stream; default false (new entries only). */
        public Builder startFromBeginning(boolean fromStart) {
            this.startFromBeginning = fromStart;
            return this;
        }

        /**
         * How long a consumer of the group may be silent (no read, no claim), holding no pending entry, before a live
         * consumer removes it from the group: a crashed or stopped process's consumer. Default 10 min; at least twice
         * the poll timeout, since a live consumer reads at least that often.
         */
        public Builder deadConsumerTimeout(Duration timeout) {
            this.deadConsumerTimeout = Arguments.positive("deadConsumerTimeout", timeout);
            return this;
        }

        private static int positive(String name, int value) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be >= 1, was " + value);
            }
            return value;
        }

        /**
         * The configuration.
         *
         * @throws IllegalArgumentException when settings contradict each other
         */
        public SubscriberConfig build() {
            if (deadConsumerTimeout.compareTo(pollTimeout.multipliedBy(2)) < 0) {
                throw new IllegalArgumentException("deadConsumerTimeout (" + deadConsumerTimeout
                        + ") must be at least twice the pollTimeout (" + pollTimeout
                        + "): a live consumer is silent that long between reads");
            }
            return new SubscriberConfig(this);
        }
    }
}
