package ai.openclaw.sdk.events;

import ai.openclaw.sdk.catalog.ServiceCatalog;
import ai.openclaw.sdk.contract.ContractRegistry;
import ai.openclaw.sdk.contract.ContractViolation;
import ai.openclaw.sdk.contract.ContractViolationException;
import ai.openclaw.sdk.contract.EventContract;
import ai.openclaw.sdk.events.internal.EventIds;
import ai.openclaw.sdk.events.internal.Utf8;
import ai.openclaw.sdk.events.internal.WireNames;
import ai.openclaw.sdk.internal.Arguments;
import ai.openclaw.sdk.json.JsonMappers;
import ai.openclaw.sdk.policy.CallContext;
import ai.openclaw.sdk.policy.CallPolicies;
import ai.openclaw.sdk.policy.CallPolicy;
import ai.openclaw.sdk.policy.CallPolicyException;
import ai.openclaw.sdk.transport.AppendException;
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
import java.util.concurrent.atomic.AtomicReference;
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
 * {@link PublishException} whose {@link PublishException#outcome()} says whether it was refused, not stored, or may
 * be stored ({@link PublishOutcomeUnknownException}); it is never reported as sent when it was not, nor as not stored
 * when it may be.
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

    /** The service whose events these are: their {@code source}. */
    String service() {
        return service;
    }

    /** The prefix of stream names. */
    String streamPrefix() {
        return streamPrefix;
    }

    /** The stream an event type is published to: the prefix, then the type. */
    public String streamOf(String eventType) {
        return typeOf(eventType).stream;
    }

    /** What every publish of one event type uses, built once: its stream, span name and metric attributes. */
    private static final class TypeNames {
        final String stream;
        final String spanName;
        final io.opentelemetry.api.common.Attributes attributes;
        /** The contract last published with, and its version's text: the contract rarely changes. */
        private volatile @Nullable ContractText lastContract;

        TypeNames(String stream, String spanName) {
            this.stream = stream;
            this.spanName = spanName;
            this.attributes = io.opentelemetry.api.common.Attributes.of(
                    io.opentelemetry.api.common.AttributeKey.stringKey("messaging.destination.name"), stream);
        }
    }

    private record ContractText(EventContract contract, String version) {}

    /** A contract's version as text, kept per event type while the contract stays the same. */
    private static String versionText(TypeNames names, EventContract contract) {
        ContractText last = names.lastContract;
        if (last == null || last.contract() != contract) {
            last = new ContractText(contract, contract.version().toString());
            names.lastContract = last;
        }
        return last.version();
    }

    /** At most this many event types' names are kept (a publisher publishes a handful). */
    private static final int MAX_TYPES = 1024;

    private final Map<String, TypeNames> types = new java.util.concurrent.ConcurrentHashMap<>();

    private TypeNames typeOf(String eventType) {
        TypeNames names = types.get(eventType);
        if (names == null) {
            names = new TypeNames(WireNames.stream(streamPrefix, eventType), "publish " + eventType);
            if (types.size() < MAX_TYPES) {
                types.put(eventType, names);
            }
        }
        return names;
    }

    /**
     * Publishes and waits until Redis has the entry.
     *
     * @return the stream entry id
     * @throws PublishException when the event is refused or not stored ({@link PublishException#outcome()})
     * @throws PublishOutcomeUnknownException when it was sent and no answer came: it may be stored
     * @throws ContractViolationException when the payload breaks its contract
     */
    public String publish(String eventType, Object payload) {
        return publish(eventType, payload, null);
    }

    /** Publishes with an ordering key (events of one key are handled in order by subscribers that ask for it). */
    public String publish(String eventType, Object payload, @Nullable String orderingKey) {
        return publish(prepare(eventType, payload, orderingKey));
    }

    /**
     * Publishes to a given stream (a reply inbox) with extension attributes: the request-reply helpers' way out.
     * Checked against the catalog and the contract of {@code eventType} as any publish.
     */
    String publishTo(String stream, String eventType, Object payload, Map<String, String> extensions, Trim trim) {
        return publish(prepare(check(eventType, payload, null, stream, trim, extensions)));
    }

    /** Publishes with extension attributes, to the event type's stream. */
    String publishWith(String eventType, Object payload, Map<String, String> extensions) {
        return publish(prepare(check(eventType, payload, null, null, null, extensions)));
    }

    private String publish(Prepared p) {
        String eventType = p.type;
        String stream = streamOf(eventType);
        Sending sending = new Sending(p);
        try {
            String id =
                    policies.forTarget(stream).execute(new CallContext(stream, "publish " + eventType, true), sending);
            published.add(1, attributesOf(eventType));
            p.span.setAttribute("messaging.redis.entry.id", id);
            return id;
        } catch (Exception e) {
            PublishException failure = sending.failure(e);
            p.span.recordException(failure);
            p.span.setStatus(StatusCode.ERROR, failure.outcome().name().toLowerCase(java.util.Locale.ROOT));
            publishFailures.add(1, attributesOf(eventType));
            throw failure;
        } finally {
            p.span.end();
        }
    }

    /**
     * The attempts of one publish, run by the stream's policy. Each attempt appends and waits up to the timeout; an
     * attempt it stops waiting for (its own timeout, or the policy's time limit) is cancelled, so that Lettuce never
     * sends it later beside the retry: at most one copy per attempt can be stored.
     */
    private final class Sending implements CallPolicy.Attempt<String> {
        private final Prepared p;
        private final AtomicReference<CompletableFuture<String>> running = new AtomicReference<>();
        /** Whether an attempt may have stored the event: then a later failure cannot say "not stored". */
        private volatile boolean maybeStored;

        Sending(Prepared p) {
            this.p = p;
        }

        @Override
        public String call() {
            CompletableFuture<String> sent = send(p);
            running.set(sent);
            try {
                return await(p, sent);
            } catch (PublishOutcomeUnknownException e) {
                maybeStored = true;
                throw e;
            }
        }

        @Override
        public void abandon() {
            CompletableFuture<String> sent = running.get();
            if (sent != null && !transport.withdraw(sent)) {
                maybeStored = true; // it may have been written before the policy stopped waiting
            }
        }

        /** The publish's failure, as the caller gets it: the last attempt's, or the policy's, judged over all. */
        PublishException failure(Exception e) {
            PublishException last;
            if (e instanceof PublishException pe) {
                last = pe;
            } else if (e instanceof CallPolicyException refused) {
                last = refused.wasAttempted()
                        ? unknown(p, refused.getMessage(), refused)
                        : new PublishException(
                                p.type,
                                PublishException.Outcome.NOT_STORED,
                                p.id,
                                "the " + p.type + " event was not sent: " + refused.getMessage(),
                                refused);
            } else {
                last = unknown(p, e.toString(), e);
            }
            if (maybeStored && !(last instanceof PublishOutcomeUnknownException)) {
                return unknown(
                        p,
                        "an earlier attempt went unanswered, so it may be stored; the last: " + last.getMessage(),
                        last);
            }
            return last;
        }
    }

    /** Publishes without waiting; the stage completes with the entry id, or exceptionally. */
    public CompletionStage<String> publishAsync(String eventType, Object payload) {
        return publishAsync(eventType, payload, null);
    }

    /** Publishes with an ordering key, without waiting. */
    public CompletionStage<String> publishAsync(String eventType, Object payload, @Nullable String orderingKey) {
        Prepared p = prepare(eventType, payload, orderingKey);
        return finish(p, send(p));
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
     * Publishes several events and waits for all: each checked and written first, then all handed to the transport at
     * once ({@link EventTransport#appendAll}; over Redis, one write for the batch). The fast way to publish many.
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
        // 2. every event written (an event over the size limit is refused here, before any is sent)
        List<Prepared> prepared = new ArrayList<>(checked.size());
        try {
            for (Checked c : checked) {
                prepared.add(prepare(c));
            }
        } catch (RuntimeException e) {
            for (Prepared p : prepared) {
                p.span.setStatus(StatusCode.ERROR, "not sent: another event of the batch was refused")
                        .end();
            }
            throw e;
        }
        // 3. all handed to the transport at once, which may send them in one write (Redis's, one system call)
        List<CompletableFuture<String>> sends = sendAll(prepared);
        // 4. awaited in order; spans and metrics recorded here, on the caller's thread, not on Lettuce's event loop
        List<String> ids = new ArrayList<>(sends.size());
        List<String> failures = new ArrayList<>();
        PublishException first = null;
        boolean unknown = false;
        for (int i = 0; i < sends.size(); i++) {
            Prepared p = prepared.get(i);
            try {
                String id = await(p, sends.get(i));
                published.add(1, attributesOf(p.type));
                p.span.setAttribute("messaging.redis.entry.id", id);
                p.span.end();
                ids.add(id);
            } catch (PublishException e) {
                publishFailures.add(1, attributesOf(p.type));
                p.span.recordException(e);
                p.span.setStatus(StatusCode.ERROR, e.outcome().name().toLowerCase(java.util.Locale.ROOT));
                p.span.end();
                failures.add("#" + i + " " + p.type
                        + (e.outcome() == PublishException.Outcome.UNKNOWN ? " (outcome unknown)" : ""));
                first = first == null ? e : first;
                unknown |= e.outcome() == PublishException.Outcome.UNKNOWN;
                ids.add(null);
            }
        }
        if (!failures.isEmpty()) {
            String message = failures.size() + " of " + events.size() + " events were not stored ("
                    + String.join(", ", failures) + "); the others were";
            throw unknown
                    ? new PublishOutcomeUnknownException(
                            first.eventType(), first.eventId().orElse(""), message, first)
                    : new PublishException(
                            first.eventType(), first.outcome(), first.eventId().orElse(null), message, first);
        }
        return List.copyOf(ids);
    }

    private record Prepared(String type, String id, String json, Span span, String stream, Trim trim) {}

    /** An event that passed the catalog and its contract, not yet written. */
    private record Checked(
            String type,
            JsonNode data,
            Optional<EventContract> contract,
            @Nullable String orderingKey,
            boolean surelyFits,
            String stream,
            Trim trim,
            Map<String, String> extensions) {}

    /** Bytes of an envelope besides its data and the strings sized below: names, punctuation, id, time, traceparent. */
    private static final long ENVELOPE_FIXED_BYTES = 512;

    /** The longest {@code tracestate} W3C allows, in chars. */
    private static final long MAX_TRACESTATE_CHARS = 512;

    private Prepared prepare(String eventType, Object payload, @Nullable String orderingKey) {
        return prepare(check(eventType, payload, orderingKey));
    }

    private Checked check(String eventType, Object payload, @Nullable String orderingKey) {
        return check(eventType, payload, orderingKey, null, null, Map.of());
    }

    private Checked check(
            String eventType,
            Object payload,
            @Nullable String orderingKey,
            @Nullable String toStream,
            @Nullable Trim toTrim,
            Map<String, String> extensions) {
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(payload, "payload");
        if (enforceCatalog && catalog != null) {
            var self = catalog.find(service);
            if (self.isPresent() && !self.get().publishes().contains(eventType)) {
                throw new PublishException(
                        eventType,
                        PublishException.Outcome.REFUSED,
                        null,
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
                    eventType,
                    PublishException.Outcome.REFUSED,
                    null,
                    "there is no contract for '" + eventType + "' to validate against",
                    null);
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
                + charsOf(extensions)
                + MAX_TRACESTATE_CHARS;
        long atMost = Utf8.jsonBytesAtMost(data); // Long.MAX_VALUE too when a string holds a lone surrogate
        boolean surelyFits = atMost != Long.MAX_VALUE
                && atMost + ENVELOPE_FIXED_BYTES + Utf8.MAX_JSON_BYTES_PER_CHAR * strings <= maxEventBytes
                && (orderingKey == null || Utf8.wellFormedLength(orderingKey) >= 0)
                && contract.map(k -> Utf8.wellFormedLength(k.id()) >= 0).orElse(true)
                && wellFormed(extensions);
        return new Checked(
                eventType,
                data,
                contract,
                orderingKey,
                surelyFits,
                toStream != null ? toStream : streamOf(eventType),
                toTrim != null ? toTrim : trimOf(eventType),
                extensions);
    }

    /** The chars the extension attributes add to an envelope (names, values, quotes): none, on the usual path. */
    private static long charsOf(Map<String, String> extensions) {
        if (extensions.isEmpty()) {
            return 0;
        }
        long chars = 0;
        for (Map.Entry<String, String> e : extensions.entrySet()) {
            chars += e.getKey().length() + 8L + e.getValue().length();
        }
        return chars;
    }

    /** Whether every extension value is text UTF-8 can encode. */
    private static boolean wellFormed(Map<String, String> extensions) {
        if (extensions.isEmpty()) {
            return true;
        }
        for (String v : extensions.values()) {
            if (Utf8.wellFormedLength(v) < 0) {
                return false;
            }
        }
        return true;
    }

    private Prepared prepare(Checked c) {
        String eventType = c.type;
        Optional<EventContract> contract = c.contract;
        String id = EventIds.next(clock);
        TypeNames names = typeOf(eventType);
        Span span = tracer.spanBuilder(names.spanName)
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "redis")
                .setAttribute("messaging.operation.type", "send")
                .setAttribute("messaging.operation.name", "publish")
                .setAttribute("messaging.destination.name", c.stream)
                .setAttribute("messaging.message.id", id)
                .startSpan();
        String conversation = c.extensions.get(EventEnvelope.CORRELATION_ID);
        if (conversation != null) {
            span.setAttribute("messaging.message.conversation_id", conversation);
        }
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
                contract.map(k -> versionText(names, k)),
                Optional.ofNullable(c.orderingKey),
                Optional.ofNullable(carrier.get("traceparent")),
                Optional.ofNullable(carrier.get("tracestate")),
                c.data,
                c.extensions);
        String text = envelope.toJson(json);
        if (c.surelyFits && !span.isRecording()) {
            // every string of it is known to be well formed and its size under the limit: nothing to measure
            return new Prepared(eventType, id, text, span, c.stream, c.trim);
        }
        int bytes = Utf8.wellFormedLength(text);
        if (bytes < 0) {
            span.setStatus(StatusCode.ERROR, "not text").end();
            throw new PublishException(
                    eventType,
                    PublishException.Outcome.REFUSED,
                    id,
                    "the " + eventType + " event holds half of a character (a lone UTF-16 surrogate at char "
                            + (-1 - bytes) + " of its JSON), which UTF-8 cannot encode: was a string cut in two?",
                    null);
        }
        if (bytes > maxEventBytes) {
            span.setStatus(StatusCode.ERROR, "too large").end();
            throw new PublishException(
                    eventType,
                    PublishException.Outcome.REFUSED,
                    id,
                    "the " + eventType + " event is " + bytes + " bytes, over the limit of " + maxEventBytes,
                    null);
        }
        span.setAttribute("messaging.message.body.size", bytes);
        return new Prepared(eventType, id, text, span, c.stream, c.trim);
    }

    private io.opentelemetry.api.common.Attributes attributesOf(String eventType) {
        return typeOf(eventType).attributes;
    }

    /** Hands the event to the transport; an append that throws at once was not sent. */
    private CompletableFuture<String> send(Prepared p) {
        try {
            return transport.append(p.stream, p.json, p.trim).toCompletableFuture();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(notSent(p.stream, e));
        }
    }

    /** Hands the events to the transport together, in order; a batch whose append throws at once was not sent. */
    private List<CompletableFuture<String>> sendAll(List<Prepared> batch) {
        List<EventTransport.NewEntry> entries = new ArrayList<>(batch.size());
        for (Prepared p : batch) {
            entries.add(new EventTransport.NewEntry(p.stream, p.json, p.trim));
        }
        List<CompletionStage<String>> stages;
        try {
            stages = transport.appendAll(entries);
        } catch (RuntimeException e) {
            List<CompletableFuture<String>> refused = new ArrayList<>(batch.size());
            for (Prepared p : batch) {
                refused.add(CompletableFuture.failedFuture(notSent(p.stream, e)));
            }
            return refused;
        }
        if (stages.size() != batch.size()) {
            throw new IllegalStateException(transport.getClass().getName() + ".appendAll answered " + stages.size()
                    + " stages for " + batch.size() + " entries: it must answer one per entry, in order");
        }
        List<CompletableFuture<String>> sends = new ArrayList<>(batch.size());
        for (CompletionStage<String> stage : stages) {
            sends.add(stage.toCompletableFuture());
        }
        return sends;
    }

    private static AppendException notSent(String stream, RuntimeException e) {
        return new AppendException(
                stream, false, "not sent: " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }

    /** The asynchronous publish's stage: its failure a {@link PublishException} saying what became of the event. */
    private CompletionStage<String> finish(Prepared p, CompletableFuture<String> sent) {
        io.opentelemetry.api.common.Attributes attributes = attributesOf(p.type);
        CompletableFuture<String> out = new CompletableFuture<>() {
            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                sent.cancel(mayInterruptIfRunning); // withdrawn if still queued
                return super.cancel(mayInterruptIfRunning);
            }
        };
        sent.whenComplete((entryId, error) -> {
            if (error != null) {
                PublishException failure = failureOf(p, error);
                publishFailures.add(1, attributes);
                p.span.recordException(failure);
                p.span.setStatus(StatusCode.ERROR, failure.outcome().name().toLowerCase(java.util.Locale.ROOT));
                p.span.end();
                out.completeExceptionally(failure);
            } else {
                published.add(1, attributes);
                p.span.setAttribute("messaging.redis.entry.id", entryId);
                p.span.end();
                out.complete(entryId);
            }
        });
        return out;
    }

    /**
     * Waits for an append up to the timeout. One it stops waiting for is cancelled (withdrawn if Lettuce still holds
     * it), and its outcome is unknown.
     */
    private String await(Prepared p, CompletableFuture<String> sent) {
        try {
            return sent.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | CompletionException e) {
            throw failureOf(p, e.getCause() == null ? e : e.getCause());
        } catch (TimeoutException e) {
            if (transport.withdraw(sent)) {
                throw new PublishException(
                        p.type,
                        PublishException.Outcome.NOT_STORED,
                        p.id,
                        "the " + p.type + " event " + p.id + " was not stored: the transport could not send it within "
                                + timeout + " (Redis unreachable), and it is withdrawn",
                        e);
            }
            throw unknown(p, "no answer from the transport within " + timeout, e);
        } catch (java.util.concurrent.CancellationException e) {
            throw unknown(p, "the append was cancelled", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (transport.withdraw(sent)) {
                throw new PublishException(
                        p.type, PublishException.Outcome.NOT_STORED, p.id, "interrupted before it was sent", e);
            }
            throw unknown(p, "interrupted while waiting for the transport", e);
        }
    }

    /** A failed append, as a {@link PublishException}: not stored when the transport says so, else unknown. */
    private static PublishException failureOf(Prepared p, Throwable error) {
        Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (e instanceof PublishException pe) {
            return pe;
        }
        if (e instanceof AppendException a && !a.outcomeUnknown()) {
            return new PublishException(
                    p.type,
                    PublishException.Outcome.NOT_STORED,
                    p.id,
                    "the " + p.type + " event " + p.id + " was " + a.getMessage(),
                    a);
        }
        return unknown(p, e instanceof AppendException a ? a.getMessage() : e.toString(), e);
    }

    private static PublishOutcomeUnknownException unknown(Prepared p, String why, @Nullable Throwable cause) {
        return new PublishOutcomeUnknownException(
                p.type,
                p.id,
                "the outcome of publishing the " + p.type + " event " + p.id + " is unknown (" + why
                        + "): it may be in the stream; a copy published again carries the same id",
                cause);
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
