package ai.openclaw.sdk.events.internal;

import ai.openclaw.sdk.contract.AcceptedVersions;
import ai.openclaw.sdk.contract.ContractRegistry;
import ai.openclaw.sdk.contract.ContractVersion;
import ai.openclaw.sdk.contract.ContractViolation;
import ai.openclaw.sdk.contract.EventContract;
import ai.openclaw.sdk.events.EventEnvelope;
import ai.openclaw.sdk.events.EventMetadata;
import ai.openclaw.sdk.events.EventRejectedException;
import ai.openclaw.sdk.events.MalformedEventException;
import ai.openclaw.sdk.internal.TraceMdc;
import ai.openclaw.sdk.policy.CallContext;
import ai.openclaw.sdk.policy.CallPolicy;
import ai.openclaw.sdk.transport.StreamEntry;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What happens to one entry: it is checked (size, envelope, type, version, contract), its payload mapped, its handler
 * run under the stream's in-place policy; the verdict says what follows: acknowledge, leave pending for redelivery,
 * or dead-letter with a reason. It acknowledges and dead-letters nothing itself.
 */
public final class EntryProcessor {
    private static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public @Nullable String get(@Nullable Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    /** What follows the handling of an entry. */
    public enum Kind {
        /** The handler returned: acknowledge. */
        HANDLED,
        /** It failed, deliveries are left (or the subscriber stops): leave it pending for redelivery. */
        LEAVE_PENDING,
        /** Give up: write the dead letter, then acknowledge. */
        DEAD_LETTER
    }

    /**
     * A verdict.
     *
     * @param kind what follows
     * @param envelope the envelope, when the entry was one
     * @param reason why it is dead-lettered
     */
    public record Verdict(
            Kind kind,
            @Nullable EventEnvelope envelope,
            @Nullable String reason) {
        static final Verdict HANDLED = new Verdict(Kind.HANDLED, null, null);
        static final Verdict LEAVE = new Verdict(Kind.LEAVE_PENDING, null, null);

        static Verdict deadLetter(@Nullable EventEnvelope envelope, String reason) {
            return new Verdict(Kind.DEAD_LETTER, envelope, reason);
        }
    }

    private final String group;
    private final Map<String, String> typeByStream;
    private final Map<String, List<Registration<?>>> handlers;
    private final @Nullable ContractRegistry contracts;
    private final ObjectMapper json;
    private final Map<Class<?>, ObjectReader> readers = new java.util.IdentityHashMap<>();
    /** Per stream, what each delivery's handler call is named by: built once, not per event. */
    private final Map<String, CallContext> callContexts = new java.util.HashMap<>();

    private final Map<String, String> spanNames = new java.util.HashMap<>();
    private final OpenTelemetry openTelemetry;
    private final Tracer tracer;
    private final int maxEventBytes;
    private final int maxDeliveries;
    private final Function<String, CallPolicy> inPlace;
    private final SubscriberMetrics metrics;
    private final java.util.function.BooleanSupplier running;

    /**
     * A processor.
     *
     * @param inPlace the policy that runs a delivery's handler calls, by stream
     */
    public EntryProcessor(
            String group,
            Map<String, String> typeByStream,
            Map<String, List<Registration<?>>> handlers,
            @Nullable ContractRegistry contracts,
            ObjectMapper json,
            OpenTelemetry openTelemetry,
            int maxEventBytes,
            int maxDeliveries,
            Function<String, CallPolicy> inPlace,
            SubscriberMetrics metrics,
            java.util.function.BooleanSupplier running) {
        this.group = group;
        this.typeByStream = typeByStream;
        this.handlers = handlers;
        this.contracts = contracts;
        this.json = json;
        // one reader per payload type, built once: mapping each event then skips the mapper's type lookup
        handlers.values().forEach(rs -> rs.forEach(r -> readers.computeIfAbsent(r.type(), json::readerFor)));
        typeByStream.forEach((stream, type) -> {
            callContexts.put(stream, new CallContext(stream, "handle " + type, true));
            spanNames.put(stream, "process " + type);
        });
        this.openTelemetry = openTelemetry;
        this.tracer = openTelemetry.getTracer("ai.openclaw.sdk.events");
        this.maxEventBytes = maxEventBytes;
        this.maxDeliveries = maxDeliveries;
        this.inPlace = inPlace;
        this.metrics = metrics;
        this.running = running;
    }

    /** Checks and handles the entry. */
    public Verdict process(StreamEntry entry) {
        String type = Objects.requireNonNull(typeByStream.get(entry.stream()), "a stream this subscriber reads");
        String data = entry.data();
        if (data != null
                && data.length() > maxEventBytes / 4
                && data.getBytes(StandardCharsets.UTF_8).length > maxEventBytes) {
            return Verdict.deadLetter(
                    null, "malformed: the entry is over the size limit of " + maxEventBytes + " bytes");
        }
        int undecodable = data == null ? -1 : LosslessUtf8Codec.firstEscape(data);
        if (undecodable >= 0) {
            // bytes that are not text: the dead letter keeps them as they came, for a replay to write back
            return Verdict.deadLetter(
                    null,
                    String.format(
                            "malformed: the entry is not valid UTF-8 (byte 0x%02X at byte offset %d)",
                            data.charAt(undecodable) - 0xDC00, Utf8.length(data.subSequence(0, undecodable))));
        }
        EventEnvelope envelope;
        try {
            envelope = EventEnvelope.parse(data, json);
        } catch (MalformedEventException e) {
            return Verdict.deadLetter(null, "malformed: " + e.getMessage());
        }
        if (!envelope.type().equals(type)) {
            return Verdict.deadLetter(envelope, "malformed: the envelope's type is not this stream's (" + type + ")");
        }
        Optional<ContractVersion> version;
        try {
            version = envelope.contractVersion().map(ContractVersion::parse);
        } catch (IllegalArgumentException e) {
            return Verdict.deadLetter(envelope, "malformed: its contractversion is not MAJOR.MINOR");
        }
        Registration<?> registration = registrationFor(type, version).orElse(null);
        if (registration == null) {
            return Verdict.deadLetter(
                    envelope,
                    "no handler accepts " + type + " "
                            + version.map(Object::toString).orElse("(no version)"));
        }
        String violated = contractViolations(type, version, registration, envelope);
        if (violated != null) {
            return Verdict.deadLetter(envelope, violated);
        }
        return run(entry, envelope, registration);
    }

    /** Why the payload breaks its contract, or null when it keeps it (or the type has no contract). */
    private @Nullable String contractViolations(
            String type, Optional<ContractVersion> version, Registration<?> registration, EventEnvelope envelope) {
        if (contracts == null
                || (version.isEmpty() && contracts.eventContracts(type).isEmpty())) {
            return null;
        }
        Optional<EventContract> contract = version.isPresent()
                ? contracts.eventContract(type, version.get())
                : newestAccepted(type, registration.versions());
        if (contract.isEmpty()) {
            return version.isPresent()
                    ? "no contract for " + type + " " + version.get()
                    : "no contract of " + type + " that the handler accepts (" + registration.versions()
                            + ") to check an event without a version against";
        }
        List<ContractViolation> violations = contract.get().validate(envelope.data());
        if (violations.isEmpty()) {
            return null;
        }
        return "contract violated: "
                + String.join(
                        "; ",
                        violations.stream().map(ContractViolation::toString).toList());
    }

    /**
     * The handler of an event: the first that accepts its version. An event without a version is taken as the newest
     * version a handler accepts: the first handler that accepts any version, else the first one.
     */
    private Optional<Registration<?>> registrationFor(String type, Optional<ContractVersion> version) {
        List<Registration<?>> registered = handlers.getOrDefault(type, List.of());
        for (Registration<?> r : registered) {
            if (r.versions() == null || (version.isPresent() && r.versions().accepts(version.get()))) {
                return Optional.of(r);
            }
        }
        return version.isEmpty() && !registered.isEmpty() ? Optional.of(registered.get(0)) : Optional.empty();
    }

    /** The newest contract of the type the handler accepts: what an event without a version is checked against. */
    private Optional<EventContract> newestAccepted(String type, @Nullable AcceptedVersions accepted) {
        List<EventContract> all = Objects.requireNonNull(contracts).eventContracts(type);
        for (int i = all.size() - 1; i >= 0; i--) {
            if (accepted == null || accepted.accepts(all.get(i).version())) {
                return Optional.of(all.get(i));
            }
        }
        return Optional.empty();
    }

    /** Where mapping failed, as a JSON pointer into the payload ({@code " at /createdAt"}); never the value. */
    private static String mappingPlace(Exception e) {
        if (!(e instanceof com.fasterxml.jackson.databind.JsonMappingException m)
                || m.getPath().isEmpty()) {
            return "";
        }
        StringBuilder pointer = new StringBuilder(" at ");
        for (com.fasterxml.jackson.databind.JsonMappingException.Reference r : m.getPath()) {
            pointer.append('/').append(r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()));
        }
        return pointer.toString();
    }

    private <T> Verdict run(StreamEntry entry, EventEnvelope envelope, Registration<T> registration) {
        T payload;
        try {
            payload = registration.type() == EventEnvelope.class
                    ? registration.type().cast(envelope)
                    : registration
                            .type()
                            .cast(Objects.requireNonNull(readers.get(registration.type()))
                                    .readValue(envelope.data()));
        } catch (Exception e) {
            return Verdict.deadLetter(
                    envelope,
                    "the payload does not map to " + registration.type().getSimpleName() + mappingPlace(e) + " ("
                            + e.getClass().getSimpleName() + ")");
        }
        Context parent = envelope.traceParent().isEmpty()
                ? Context.root()
                : openTelemetry
                        .getPropagators()
                        .getTextMapPropagator()
                        .extract(Context.root(), envelope.traceContext(), GETTER);
        Span span = tracer.spanBuilder(Objects.requireNonNull(spanNames.get(entry.stream())))
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "redis")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", entry.stream())
                .setAttribute("messaging.consumer.group.name", group)
                .setAttribute("messaging.message.id", envelope.id())
                .setAttribute("messaging.message.delivery_count", entry.deliveries())
                .startSpan();
        EventMetadata metadata = new EventMetadata(envelope, entry.stream(), entry.id(), entry.deliveries());
        Exception failure;
        try (Scope ignored = span.makeCurrent();
                TraceMdc mdc = TraceMdc.of(span)) {
            inPlace.apply(entry.stream()).execute(Objects.requireNonNull(callContexts.get(entry.stream())), () -> {
                try {
                    registration.handler().handle(payload, metadata);
                    return null;
                } catch (Exception e) {
                    metrics.failed(entry.stream());
                    throw e;
                }
            });
            span.end();
            return Verdict.HANDLED;
        } catch (Exception e) {
            failure = e;
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            span.end();
        }
        EventRejectedException rejected = rejection(failure);
        if (rejected != null) {
            return Verdict.deadLetter(envelope, "rejected by the handler: " + rejected.getMessage());
        }
        if (!running.getAsBoolean()
                || failure instanceof InterruptedException
                || Thread.currentThread().isInterrupted()) {
            return Verdict.LEAVE; // stopped, not failed: another consumer handles it
        }
        if (entry.deliveries() >= maxDeliveries) {
            return Verdict.deadLetter(
                    envelope,
                    "the handler failed on each of " + entry.deliveries() + " deliveries: "
                            + failure.getClass().getName() + ": " + failure.getMessage());
        }
        return Verdict.LEAVE;
    }

    /** The handler's rejection of the event, found through the exceptions a policy may wrap it in. */
    private static @Nullable EventRejectedException rejection(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EventRejectedException r) {
                return r;
            }
        }
        return null;
    }
}
