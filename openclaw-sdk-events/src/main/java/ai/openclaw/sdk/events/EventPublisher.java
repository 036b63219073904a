package ai.openclaw.sdk.events;

import ai.openclaw.sdk.catalog.ServiceCatalog;
import ai.openclaw.sdk.client.ServiceUnavailableException;
import ai.openclaw.sdk.contract.ContractRegistry;
import ai.openclaw.sdk.contract.ContractViolation;
import ai.openclaw.sdk.contract.ContractViolationException;
import ai.openclaw.sdk.contract.EventContract;
import ai.openclaw.sdk.events.internal.EventIds;
import ai.openclaw.sdk.events.internal.Utf8;
import ai.openclaw.sdk.internal.Arguments;
import ai.openclaw.sdk.json.JsonMappers;
import ai.openclaw.sdk.policy.CallContext;
import ai.openclaw.sdk.policy.CallPolicies;
import ai.openclaw.sdk.transport.EventTransport;
import ai.openclaw.sdk.transport.Trim;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Publishes events of one service. Thread-safe; build one per service and share it.
 *
 * <pre>{@code
 * EventPublisher publisher = EventPublisher.builder("user-service", RedisTransport.create("redis://localhost"))
 *         .catalog(catalog)        // refuse event types the catalog does not list under publishes
 *         .contracts(contracts)    // validate payloads against their newest contract
 *         .trim(Trim.maxLength(1_000_000))
 *         .build();
 * String id = publisher.publish("user.created", new UserCreated("u-1", "ada@example.com", "Ada", now));
 * publisher.publishAsync("user.updated", change).thenAccept(...);
 * }</pre>
 *
 * <p>Before sending, the payload (any object Jackson writes, or a {@link JsonNode}) is checked against its contract,
 * the event type against the catalog's {@code publishes} (when a catalog is given; {@link
 * Builder#enforceCatalog(boolean)}), and the envelope's size against {@link Builder#maxEventBytes}. The envelope gets a
 * time-sortable id, {@code source} (this service), {@code time}, {@code type}, the contract id and version, and the
 * W3C trace context of a PRODUCER span {@code publish <type>} (OpenTelemetry messaging conventions).
 *
 * <p>A publish returns the stream entry id once Redis has the entry. When it cannot be stored the caller gets a
 * {@link PublishException}; it is never reported as sent when it was not.
 */
public final class EventPublisher {
    /** The largest envelope published, by default: 1 MiB. */
    public static final int DEFAULT_MAX_EVENT_BYTES = 1024 * 1024;

    private static final TextMapSetter<Map<String, String>> SETTER = Map::put;

    private final String service;
    private final EventTransport transport;
    private final @Nullable ServiceCatalog catalog;
    private final boolean enforceCatalog;
    private final @Nullable ContractRegistry contracts;
    private final ObjectMapper json;
    private final OpenTelemetry openTelemetry;
    private final Tracer tracer;
    private final Clock clock;
    private final int maxEventBytes;
    private final String streamPrefix;
    private final Trim defaultTrim;
    private final Map<String, Trim> trims;
    private final Duration timeout;
    private final CallPolicies policies;
    private final io.opentelemetry.api.metrics.LongCounter published;
    private final io.opentelemetry.api.metrics.LongCounter publishFailures;

    private EventPublisher(Builder b) {
        this.service = b.service;
        this.transport = b.transport;
        this.catalog = b.catalog;
        this.enforceCatalog = b.enforceCatalog;
        this.contracts = b.contracts;
        this.json = b.json;
        this.openTelemetry = b.openTelemetry;
        this.tracer = b.openTelemetry.getTracer("ai.openclaw.sdk.events");
        this.clock = b.clock;
        this.maxEventBytes = b.maxEventBytes;
        this.streamPrefix = b.streamPrefix;
        this.defaultTrim = b.trim;
        this.trims = Map.copyOf(b.trims);
        this.timeout = b.timeout;
        this.policies = b.policies;
        var meter = b.openTelemetry.getMeter("ai.openclaw.sdk.events");
        this.published = meter.counterBuilder("openclaw.events.published")
                .setDescription("Events stored in their stream")
                .setUnit("{event}")
                .build();
        this.publishFailures = meter.counterBuilder("openclaw.events.publish_failures")
                .setDescription("Events refused or not stored")
                .setUnit("{event}")
                .build();
    }

    /**
     * A builder for the publisher of {@code service}.
     *
     * @param service this service's catalog name: the events' {@code source}
     * @param transport where events go
     */
    public static Builder builder(String service, EventTransport transport) {
        return new Builder(service, transport);
    }

    /** The stream an event type is published to: the prefix, then the type. */
    public String streamOf(String eventType) {
        return streamPrefix + eventType;
    }

    /**
     * Publishes and waits until Redis has the entry.
     *
     * @return the stream entry id
     * @throws PublishException when the event is refused or cannot be stored
     * @throws ContractViolationException when the payload breaks its contract
     */
    public String publish(String eventType, Object payload) {
        return publish(eventType, payload, null);
    }

    /** Publishes with an ordering key (events of one key are handled in order by subscribers that ask for it). */
    public String publish(String eventType, Object payload, @Nullable String orderingKey) {
        Prepared p = prepare(eventType, payload, orderingKey);
        String stream = streamOf(eventType);
        try {
            // a retried XADD whose reply was lost may store the event twice: subscribers handle at least once anyway
            String id = policies.forTarget(stream)
                    .execute(new CallContext(stream, "publish " + eventType, true), () -> {
                        CompletionStage<String> sent;
                        try {
                            sent = transport.append(stream, p.json, trimOf(eventType));
                        } catch (RuntimeException e) {
                            sent = CompletableFuture.failedFuture(e);
                        }
                        try {
                            return await(eventType, sent);
                        } catch (PublishException e) {
                            // the store is unreachable: a failure the policy may retry
                            throw new ServiceUnavailableException(stream, "publish " + eventType, e.getMessage(), e);
                        }
                    });
            published.add(1, attributesOf(eventType));
            p.span.setAttribute("messaging.redis.entry.id", id);
            return id;
        } catch (Exception e) {
            p.span.setStatus(StatusCode.ERROR, String.valueOf(e.getMessage()));
            publishFailures.add(1, attributesOf(eventType));
            if (e instanceof ServiceUnavailableException unavailable) {
                // the last attempt's failure, or the policy's refusal (open circuit...)
                Throwable cause = e.getCause() instanceof PublishException pe ? pe : e;
                throw new PublishException(eventType, unavailable.getMessage(), cause);
            }
            throw new PublishException(eventType, "the " + eventType + " event was not stored: " + e, e);
        } finally {
            p.span.end();
        }
    }

    /** Publishes without waiting; the stage completes with the entry id, or exceptionally. */
    public CompletionStage<String> publishAsync(String eventType, Object payload) {
        return publishAsync(eventType, payload, null);
    }

    /** Publishes with an ordering key, without waiting. */
    public CompletionStage<String> publishAsync(String eventType, Object payload, @Nullable String orderingKey) {
        Prepared p = prepare(eventType, payload, orderingKey);
        CompletionStage<String> sent;
        try {
            sent = transport.append(streamOf(eventType), p.json, trimOf(eventType));
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        return finish(p, sent);
    }

    /** One event of a batch. */
    public record OutgoingEvent(
            String eventType, Object payload, @Nullable String orderingKey) {
        /** An event without an ordering key. */
        public OutgoingEvent(String eventType, Object payload) {
            this(eventType, payload, null);
        }
    }

    /**
     * Publishes several events in one pipeline and waits for all.
     *
     * @return the entry ids, in order
     * @throws PublishException naming how many were stored when any was not (events are refused before sending,
     *     all or none, when one breaks its contract or the catalog)
     */
    public List<String> publishAll(List<OutgoingEvent> events) {
        // 1. every event checked (catalog, contract) before any is sent
        List<Checked> checked = new ArrayList<>(events.size());
        for (OutgoingEvent e : events) {
            checked.add(check(e.eventType(), e.payload(), e.orderingKey()));
        }
        // 2. an event that might be over the size limit is written now, so that it is refused before any is sent
        Prepared[] written = new Prepared[checked.size()];
        try {
            for (int i = 0; i < checked.size(); i++) {
                if (!checked.get(i).surelyFits) {
                    written[i] = prepare(checked.get(i));
                }
            }
        } catch (RuntimeException e) {
            for (Prepared p : written) {
                if (p != null) {
                    p.span.setStatus(StatusCode.ERROR, "not sent: another event of the batch was refused")
                            .end();
                }
            }
            throw e;
        }
        // 3. each event written and handed to the transport at once: the pipeline sends while the next is written
        List<Prepared> prepared = new ArrayList<>(checked.size());
        List<CompletionStage<String>> stages = new ArrayList<>(checked.size());
        for (int i = 0; i < checked.size(); i++) {
            Prepared p = written[i] != null ? written[i] : prepare(checked.get(i));
            prepared.add(p);
            CompletionStage<String> sent;
            try {
                sent = transport.append(streamOf(p.type), p.json, trimOf(p.type));
            } catch (RuntimeException e) {
                sent = CompletableFuture.failedFuture(e);
            }
            stages.add(finish(p, sent));
        }
        List<String> ids = new ArrayList<>(stages.size());
        List<String> failures = new ArrayList<>();
        Throwable first = null;
        for (int i = 0; i < stages.size(); i++) {
            try {
                ids.add(await(prepared.get(i).type, stages.get(i)));
            } catch (PublishException e) {
                failures.add("#" + i + " " + prepared.get(i).type);
                first = first == null ? e : first;
                ids.add(null);
            }
        }
        if (!failures.isEmpty()) {
            throw new PublishException(
                    prepared.get(0).type,
                    failures.size() + " of " + events.size() + " events were not stored (" + String.join(", ", failures)
                            + "); the others were",
                    first);
        }
        return List.copyOf(ids);
    }

    private record Prepared(String type, String id, String json, Span span) {}

    /** An event that passed the catalog and its contract, not yet written. */
    private record Checked(
            String type,
            JsonNode data,
            Optional<EventContract> contract,
            @Nullable String orderingKey,
            boolean surelyFits) {}

    /** Bytes of an envelope besides its data and the strings sized below: names, punctuation, id, time, traceparent. */
    private static final long ENVELOPE_FIXED_BYTES = 512;

    /** The longest {@code tracestate} W3C allows, in chars. */
    private static final long MAX_TRACESTATE_CHARS = 512;

    private Prepared prepare(String eventType, Object payload, @Nullable String orderingKey) {
        return prepare(check(eventType, payload, orderingKey));
    }

    private Checked check(String eventType, Object payload, @Nullable String orderingKey) {
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(payload, "payload");
        if (enforceCatalog && catalog != null) {
            var self = catalog.find(service);
            if (self.isPresent() && !self.get().publishes().contains(eventType)) {
                throw new PublishException(
                        eventType,
                        "'" + service + "' does not list '" + eventType
                                + "' under publishes in the catalog; add it, or build the publisher with enforceCatalog(false)",
                        null);
            }
        }
        JsonNode data = payload instanceof JsonNode node ? node : json.valueToTree(payload);
        Optional<EventContract> contract =
                contracts == null ? Optional.empty() : contracts.latestEventContract(eventType);
        if (contracts != null && contract.isEmpty()) {
            throw new PublishException(
                    eventType, "there is no contract for '" + eventType + "' to validate against", null);
        }
        if (contract.isPresent()) {
            List<ContractViolation> violations = contract.get().validate(data);
            if (!violations.isEmpty()) {
                throw new ContractViolationException(violations);
            }
        }
        long strings = service.length()
                + eventType.length()
                + contract.map(c -> c.id().length() + c.version().toString().length())
                        .orElse(0)
                + (orderingKey == null ? 0 : orderingKey.length())
                + MAX_TRACESTATE_CHARS;
        long atMost = Utf8.jsonBytesAtMost(data);
        boolean surelyFits = atMost != Long.MAX_VALUE
                && atMost + ENVELOPE_FIXED_BYTES + Utf8.MAX_JSON_BYTES_PER_CHAR * strings <= maxEventBytes;
        return new Checked(eventType, data, contract, orderingKey, surelyFits);
    }

    private Prepared prepare(Checked c) {
        String eventType = c.type;
        Optional<EventContract> contract = c.contract;
        String id = EventIds.next(clock);
        Span span = tracer.spanBuilder("publish " + eventType)
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "redis")
                .setAttribute("messaging.operation.type", "send")
                .setAttribute("messaging.operation.name", "publish")
                .setAttribute("messaging.destination.name", streamOf(eventType))
                .setAttribute("messaging.message.id", id)
                .startSpan();
        Map<String, String> carrier = new HashMap<>();
        openTelemetry
                .getPropagators()
                .getTextMapPropagator()
                .inject(Context.current().with(span), carrier, SETTER);
        EventEnvelope envelope = new EventEnvelope(
                id,
                service,
                eventType,
                clock.instant(),
                contract.map(EventContract::id),
                contract.map(k -> k.version().toString()),
                Optional.ofNullable(c.orderingKey),
                Optional.ofNullable(carrier.get("traceparent")),
                Optional.ofNullable(carrier.get("tracestate")),
                c.data);
        String text = envelope.toJson(json);
        int bytes = Utf8.length(text);
        if (bytes > maxEventBytes) {
            span.setStatus(StatusCode.ERROR, "too large").end();
            throw new PublishException(
                    eventType,
                    "the " + eventType + " event is " + bytes + " bytes, over the limit of " + maxEventBytes,
                    null);
        }
        span.setAttribute("messaging.message.body.size", bytes);
        return new Prepared(eventType, id, text, span);
    }

    /** Metric attributes per event type, built once: they are used for every publish. */
    private final Map<String, io.opentelemetry.api.common.Attributes> metricAttributes =
            new java.util.concurrent.ConcurrentHashMap<>();

    private io.opentelemetry.api.common.Attributes attributesOf(String eventType) {
        return metricAttributes.computeIfAbsent(
                eventType,
                t -> io.opentelemetry.api.common.Attributes.of(
                        io.opentelemetry.api.common.AttributeKey.stringKey("messaging.destination.name"), streamOf(t)));
    }

    private CompletionStage<String> finish(Prepared p, CompletionStage<String> sent) {
        io.opentelemetry.api.common.Attributes attributes = attributesOf(p.type);
        return sent.whenComplete((entryId, error) -> {
            if (error != null) {
                publishFailures.add(1, attributes);
                p.span.recordException(error);
                p.span.setStatus(StatusCode.ERROR, String.valueOf(error.getMessage()));
            } else {
                published.add(1, attributes);
                p.span.setAttribute("messaging.redis.entry.id", entryId);
            }
            p.span.end();
        });
    }

    private String await(String eventType, CompletionStage<String> stage) {
        try {
            return stage.toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof PublishException p) {
                throw p;
            }
            throw new PublishException(
                    eventType, "the " + eventType + " event was not stored: " + cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw new PublishException(
                    eventType,
                    "no answer from the transport within " + timeout + "; the " + eventType
                            + " event may or may not be stored",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException(eventType, "interrupted while publishing " + eventType, e);
        }
    }

    private Trim trimOf(String eventType) {
        return trims.getOrDefault(eventType, defaultTrim);
    }

    /** Builds an {@link EventPublisher}. Not thread-safe. */
    public static final class Builder {
        private final String service;
        private final EventTransport transport;
        private @Nullable ServiceCatalog catalog;
        private boolean enforceCatalog = true;
        private @Nullable ContractRegistry contracts;
        private ObjectMapper json = JsonMappers.standard();
        private OpenTelemetry openTelemetry = OpenTelemetry.noop();
        private Clock clock = Clock.systemUTC();
        private int maxEventBytes = DEFAULT_MAX_EVENT_BYTES;
        private String streamPrefix = "";
        private Trim trim = Trim.NONE;
        private final Map<String, Trim> trims = new HashMap<>();
        private Duration timeout = Duration.ofSeconds(15);
        private CallPolicies policies = CallPolicies.none();

        private Builder(String service, EventTransport transport) {
            this.service = Objects.requireNonNull(service, "service");
            this.transport = Objects.requireNonNull(transport, "transport");
        }

        /** The catalog: event types this service does not list under {@code publishes} are refused. */
        public Builder catalog(ServiceCatalog catalog) {
            this.catalog = Objects.requireNonNull(catalog, "catalog");
            return this;
        }

        /** Whether event types missing from the catalog's {@code publishes} are refused; default true. */
        public Builder enforceCatalog(boolean enforce) {
            this.enforceCatalog = enforce;
            return this;
        }

        /** The contracts: payloads must validate against their event type's newest contract. */
        public Builder contracts(ContractRegistry contracts) {
            this.contracts = Objects.requireNonNull(contracts, "contracts");
            return this;
        }

        /** The JSON mapper for payloads; default {@link ai.openclaw.sdk.json.JsonMappers#standard()}. */
        public Builder objectMapper(ObjectMapper json) {
            this.json = Objects.requireNonNull(json, "json");
            return this;
        }

        /** The OpenTelemetry to trace with; default no-op. */
        public Builder openTelemetry(OpenTelemetry openTelemetry) {
            this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
            return this;
        }

        /** The clock of event times and ids. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The largest envelope, in bytes; default 1 MiB. */
        public Builder maxEventBytes(int bytes) {
            if (bytes < 256) {
                throw new IllegalArgumentException("maxEventBytes must be >= 256, was " + bytes);
            }
            this.maxEventBytes = bytes;
            return this;
        }

        /** A prefix before each event type in stream keys; default none (Dapr-compatible). */
        public Builder streamPrefix(String prefix) {
            this.streamPrefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /** How every stream is trimmed; default not at all. */
        public Builder trim(Trim trim) {
            this.trim = Objects.requireNonNull(trim, "trim");
            return this;
        }

        /** How one event type's stream is trimmed. */
        public Builder trim(String eventType, Trim trim) {
            trims.put(Objects.requireNonNull(eventType, "eventType"), Objects.requireNonNull(trim, "trim"));
            return this;
        }

        /**
         * The policy of synchronous publishes, by stream (module {@code openclaw-sdk-resilience}: retries with backoff
         * while Redis is unreachable, a circuit breaker); default one attempt. Asynchronous and batched publishes make
         * one attempt and report failures to the caller.
         */
        public Builder policies(CallPolicies policies) {
            this.policies = Objects.requireNonNull(policies, "policies");
            return this;
        }

        /** How long a synchronous publish waits for the transport; default 15 s. */
        public Builder timeout(Duration timeout) {
            this.timeout = Arguments.positive("timeout", timeout);
            return this;
        }

        /** Builds the publisher. */
        public EventPublisher build() {
            return new EventPublisher(this);
        }
    }
}
