package ai.openclaw.sdk.events;

import ai.openclaw.sdk.contract.AcceptedVersions;
import ai.openclaw.sdk.contract.ContractRegistry;
import ai.openclaw.sdk.events.internal.Registration;
import ai.openclaw.sdk.events.internal.SubscriberEngine;
import ai.openclaw.sdk.events.internal.WireNames;
import ai.openclaw.sdk.json.JsonMappers;
import ai.openclaw.sdk.policy.CallPolicies;
import ai.openclaw.sdk.transport.EventTransport;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Subscribes one service to events, at least once. Build it, {@link #start()} it, {@link #close()} it.
 *
 * <pre>{@code
 * EventSubscriber subscriber = EventSubscriber.builder("billing-service", RedisTransport.create("redis://localhost"))
 *         .contracts(contracts)
 *         .on("user.created", UserCreated.class, (event, meta) -> billing.startTrial(event.userId()))
 *         .on("user.deleted", AcceptedVersions.parse("1.x"), UserDeleted.class, (e, meta) -> billing.cancel(e.userId()))
 *         .build();
 * subscriber.start();
 * }</pre>
 *
 * <ul>
 *   <li><b>Groups</b>: the consumer group is the service's name, created (with the stream) when missing and again when
 *       Redis answers NOGROUP (restarted empty, stream deleted; re-created from the stream's start, so nothing written
 *       meanwhile is skipped). The consumer name is unique per process.
 *   <li><b>At-least-once</b>: an entry is acknowledged only after its handler returns. A handler that throws is retried
 *       in place (by the call policies given, else {@link SubscriberConfig#handlerAttempts()} times); then the entry
 *       stays pending and is redelivered once idle past the processing timeout, to this or any live consumer, which
 *       also reclaims entries of crashed consumers, ahead of reading new ones. A delivery is counted only when a
 *       handler gets the entry: entries this consumer still holds are never claimed again.
 *   <li><b>Dead letters</b>: after {@link SubscriberConfig#maxDeliveries()} deliveries, and at once for an entry that is
 *       not JSON, not a CloudEvents envelope, breaks its contract, has no handler for its version, does not map to the
 *       handler's type, or is over the size limit, the entry goes to the dead-letter stream ({@code <stream>.dlq}) with
 *       the reason, the original id and data, the delivery count and the group; it is acknowledged only once the dead
 *       letter is written.
 *   <li><b>Ordering</b> (optional, {@link Builder#orderedByKey}): events with the same key in stream order.
 *   <li><b>Metrics</b> (OpenTelemetry): {@code openclaw.events.processed}, {@code .failed}, {@code .dead_lettered},
 *       {@code .reclaimed}, {@code .trimmed_unread}, {@code .in_flight}, {@code .pending}, {@code .lag}; see {@code
 *       docs/events.md}.
 *   <li><b>Bounded memory</b>: at most {@link SubscriberConfig#maxInFlight()} entries are read and not yet finished,
 *       whatever the backlog.
 *   <li><b>Tracing</b>: a CONSUMER span {@code process <type>} whose parent is the publisher's context.
 *   <li><b>Shutdown</b>: {@link #close()} stops reading, lets in-flight entries finish within the shutdown timeout,
 *       and leaves unfinished ones pending for another consumer.
 * </ul>
 *
 * <p>The settings are a {@link SubscriberConfig}, given whole ({@link Builder#config}) or one by one.
 */
public final class EventSubscriber implements AutoCloseable {
    private final String group;
    private final String consumer;
    private final EventTransport transport;
    private final SubscriberConfig config;
    private final SubscriberEngine engine;

    private EventSubscriber(Builder b, SubscriberConfig config) {
        this.group = b.service;
        this.consumer = b.consumerName != null ? b.consumerName : defaultConsumerName(b.service);
        this.transport = b.transport;
        this.config = config;
        Map<String, List<Registration<?>>> handlers = new LinkedHashMap<>();
        b.handlers.forEach((type, regs) -> {
            List<Registration<?>> wrapped = new ArrayList<>();
            regs.forEach(r -> wrapped.add(intercepted(r, b.interceptors)));
            handlers.put(type, List.copyOf(wrapped));
        });
        this.engine = new SubscriberEngine(
                group,
                consumer,
                transport,
                handlers,
                b.contracts,
                b.json,
                b.openTelemetry,
                b.clock,
                b.policies,
                config);
    }

    /** A registration whose handler runs inside the interceptors, the first given outermost. */
    private static <T> Registration<T> intercepted(Registration<T> r, List<HandlerInterceptor> interceptors) {
        EventHandler<T> handler = r.handler();
        for (int i = interceptors.size() - 1; i >= 0; i--) {
            HandlerInterceptor interceptor = interceptors.get(i);
            EventHandler<T> inner = handler;
            handler = (payload, metadata) -> interceptor.around(metadata, () -> inner.handle(payload, metadata));
        }
        return new Registration<>(r.versions(), r.type(), handler);
    }

    private static String defaultConsumerName(String service) {
        return ai.openclaw.sdk.events.internal.InstanceNames.next(service);
    }

    /**
     * A builder for the subscriber of {@code service}.
     *
     * @param service this service's catalog name: the consumer group
     * @param transport where events come from
     */
    public static Builder builder(String service, EventTransport transport) {
        return new Builder(service, transport);
    }

    /** The consumer group: the service's name. */
    public String group() {
        return group;
    }

    /** This process's consumer name in the group. */
    public String consumerName() {
        return consumer;
    }

    /** The streams subscribed to. */
    public Set<String> streams() {
        return engine.typeByStream().keySet();
    }

    /** The settings. */
    public SubscriberConfig config() {
        return config;
    }

    /** The dead-letter stream of a stream. */
    public String deadLetterStreamOf(String stream) {
        return WireNames.deadLetterStream(stream, config.deadLetterSuffix());
    }

    /** Counts of what the subscriber did since it started. */
    public SubscriberStats stats() {
        long[] s = engine.stats();
        return new SubscriberStats(s[0], s[1], s[2], s[3], s[4], s[5], s[6], (int) s[7]);
    }

    /** The transport, for health checks. */
    EventTransport transport() {
        return transport;
    }

    /** Why the subscriber's loops are not all alive, or null when they are; for health checks. */
    @Nullable
    String deadLoop() {
        return engine.deadLoop();
    }

    /** Since when reading has failed, or null when the last read worked; for health checks. */
    @Nullable
    Instant readFailingSince() {
        return engine.readFailingSince();
    }

    /** The last read's failure; for health checks. */
    @Nullable
    String lastReadError() {
        return engine.lastReadError();
    }

    /** Whether the subscriber is reading: started (its loops begun) and not closed. */
    public boolean isRunning() {
        return engine.isRunning();
    }

    /**
     * Creates the groups that are missing and starts reading and reclaiming.
     *
     * @throws IllegalStateException when already started
     */
    public void start() {
        engine.start();
    }

    /**
     * Stops reading, lets in-flight entries finish within the shutdown timeout, and stops. Entries not finished stay
     * pending: another consumer reclaims them. Does not close the transport.
     */
    @Override
    public void close() {
        engine.close();
    }

    @Override
    public String toString() {
        return "EventSubscriber{" + group + " (" + consumer + ") on " + streams() + "}";
    }

    /** Builds an {@link EventSubscriber}. Not thread-safe. */
    public static final class Builder {
        private final String service;
        private final EventTransport transport;
        private final Map<String, List<Registration<?>>> handlers = new LinkedHashMap<>();
        private @Nullable String consumerName;
        private @Nullable ContractRegistry contracts;
        private ObjectMapper json = JsonMappers.standard();
        private OpenTelemetry openTelemetry = OpenTelemetry.noop();
        private Clock clock = Clock.systemUTC();
        private @Nullable CallPolicies policies;
        private SubscriberConfig.Builder config = SubscriberConfig.builder();
        private boolean handlerAttemptsSet;
        private final List<HandlerInterceptor> interceptors = new ArrayList<>();

        private Builder(String service, EventTransport transport) {
            this.service = Objects.requireNonNull(service, "service");
            this.transport = Objects.requireNonNull(transport, "transport");
        }

        /** Handles every version of an event type with a typed payload. */
        public <T> Builder on(String eventType, Class<T> payloadType, EventHandler<T> handler) {
            return register(eventType, null, payloadType, handler);
        }

        /** Handles the versions of an event type that {@code versions} accepts; register several for several. */
        public <T> Builder on(
                String eventType, AcceptedVersions versions, Class<T> payloadType, EventHandler<T> handler) {
            return register(eventType, Objects.requireNonNull(versions, "versions"), payloadType, handler);
        }

        /** Handles every version of an event type with the whole envelope. */
        public Builder onEnvelope(String eventType, EventHandler<EventEnvelope> handler) {
            return register(eventType, null, EventEnvelope.class, handler);
        }

        private <T> Builder register(
                String eventType, @Nullable AcceptedVersions versions, Class<T> payloadType, EventHandler<T> handler) {
            Objects.requireNonNull(eventType, "eventType");
            Objects.requireNonNull(payloadType, "payloadType");
            Objects.requireNonNull(handler, "handler");
            handlers.computeIfAbsent(eventType, t -> new ArrayList<>())
                    .add(new Registration<>(versions, payloadType, handler));
            return this;
        }

        /**
         * Runs an interceptor around every handler invocation (inside the in-place retries); several run in the order
         * given, the first outermost.
         */
        public Builder around(HandlerInterceptor interceptor) {
            interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
            return this;
        }

        /** Every setting at once, replacing those given so far. */
        public Builder config(SubscriberConfig config) {
            this.config = Objects.requireNonNull(config, "config").toBuilder();
            this.handlerAttemptsSet = config.handlerAttempts() != SubscriberConfig.DEFAULT_HANDLER_ATTEMPTS;
            return this;
        }

        /** This process's consumer name; default service, host, process id and a random suffix. */
        public Builder consumerName(String name) {
            this.consumerName = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Contracts to validate received payloads against: the version the envelope names, or, without one, the newest
         * version the handler accepts.
         */
        public Builder contracts(ContractRegistry contracts) {
            this.contracts = Objects.requireNonNull(contracts, "contracts");
            return this;
        }

        /**
         * The JSON mapper for payloads; default {@link ai.openclaw.sdk.json.JsonMappers#standard()}. Give the
         * publishers' mapper where you changed theirs.
         */
        public Builder objectMapper(ObjectMapper json) {
            this.json = Objects.requireNonNull(json, "json");
            return this;
        }

        /** The OpenTelemetry to trace and measure with; default no-op. */
        public Builder openTelemetry(OpenTelemetry openTelemetry) {
            this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
            return this;
        }

        /** The clock of dead-letter times. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * A call policy around each delivery's handler calls, by stream ({@code ResiliencePolicies} from {@code
         * openclaw-sdk-resilience}): its retries are the in-place attempts (on failures it judges retryable, such as a
         * {@code ServiceUnavailableException} from a service the handler calls) and its circuit breaker can stop
         * calling a failing dependency, before the entry is left for redelivery and, in the end, dead-lettered. With
         * policies, {@link #handlerAttempts} does not apply: two layers, attempts per delivery and deliveries. Default:
         * none (in-place retries as {@link #handlerAttempts} says).
         */
        public Builder policies(CallPolicies policies) {
            this.policies = Objects.requireNonNull(policies, "policies");
            return this;
        }

        /** See {@link SubscriberConfig.Builder#streamPrefix}. */
        public Builder streamPrefix(String prefix) {
            config.streamPrefix(prefix);
            return this;
        }

        /** See {@link SubscriberConfig.Builder#startFromBeginning}. */
        public Builder startFromBeginning(boolean fromStart) {
            config.startFromBeginning(fromStart);
            return this;
        }

        /** See {@link SubscriberConfig.Builder#workers}. */
        public Builder workers(int workers) {
            config.workers(workers);
            return this;
        }

        /** See {@link SubscriberConfig.Builder#maxInFlight}. */
        public Builder maxInFlight(int maxInFlight) {
            config.maxInFlight(maxInFlight);
            return this;
        }

        /** See {@link SubscriberConfig.Builder#batchSize}. */
        public Builder batchSize(int batchSize) {
            config.batchSize(batchSize);
            return this;
        }

        /** See {@link SubscriberConfig.Builder#pollTimeout}. */
        public Builder pollTimeout(Duration timeout) {
            config.pollTimeout(timeout);
            return this;
        }

        /** See {@link SubscriberConfig.Builder#processingTimeout}. */
        public Builder processingTimeout(Duration timeout) {
            config.processingTimeout(timeout);
            return this;
        }

        /** See {@link SubscriberConfig.Builder#reclaimInterval}. */
        public Builder reclaimInterval(Duration interval) {
            config.reclaimInterval(interval);
            return this;
        }

        /** See {@link SubscriberConfig.Builder#maxDeliveries}. */
        public Builder maxDeliveries(int deliveries) {
            config.maxDeliveries(deliveries);
            return this;
        }

        /** See {@link SubscriberConfig.Builder#handlerAttempts}; not together with {@link #policies}. */
        public Builder handlerAttempts(int attempts) {
            config.handlerAttempts(attempts);
            handlerAttemptsSet = true;
            return this;
        }

        /** See {@link SubscriberConfig.Builder#retryBackoff}. */
        public Builder retryBackoff(Duration backoff) {
            config.retryBackoff(backoff);
            return this;
        }

        /** See {@link SubscriberConfig.Builder#shutdownTimeout}. */
        public Builder shutdownTimeout(Duration timeout) {
            config.shutdownTimeout(timeout);
            return this;
        }

        /** See {@link SubscriberConfig.Builder#deadLetterSuffix}. */
        public Builder deadLetterSuffix(String suffix) {
            config.deadLetterSuffix(suffix);
            return this;
        }

        /** See {@link SubscriberConfig.Builder#ackInterval}. */
        public Builder ackInterval(Duration interval) {
            config.ackInterval(interval);
            return this;
        }

        /** See {@link SubscriberConfig.Builder#orderedByKey}. */
        public Builder orderedByKey(boolean ordered) {
            config.orderedByKey(ordered);
            return this;
        }

        /** See {@link SubscriberConfig.Builder#maxEventBytes}. */
        public Builder maxEventBytes(int bytes) {
            config.maxEventBytes(bytes);
            return this;
        }

        /** See {@link SubscriberConfig.Builder#deadConsumerTimeout}. */
        public Builder deadConsumerTimeout(Duration timeout) {
            config.deadConsumerTimeout(timeout);
            return this;
        }

        /**
         * Builds the subscriber.
         *
         * @throws IllegalStateException when no handler was registered, or both {@link #policies} and {@link
         *     #handlerAttempts} were given
         * @throws IllegalArgumentException when settings contradict each other
         */
        public EventSubscriber build() {
            if (handlers.isEmpty()) {
                throw new IllegalStateException("register at least one handler with on(...)");
            }
            if (policies != null && handlerAttemptsSet) {
                throw new IllegalStateException("handlerAttempts applies without policies; with policies(...) the"
                        + " policy's attempts are the in-place retries (set its maxAttempts)");
            }
            return new EventSubscriber(this, config.build());
        }
    }
}
