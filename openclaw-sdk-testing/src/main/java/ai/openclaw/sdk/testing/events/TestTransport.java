package ai.openclaw.sdk.testing.events;

import ai.openclaw.sdk.events.EventEnvelope;
import ai.openclaw.sdk.events.MalformedEventException;
import ai.openclaw.sdk.events.memory.InMemoryTransport;
import ai.openclaw.sdk.json.JsonMappers;
import ai.openclaw.sdk.transport.EventTransport;
import ai.openclaw.sdk.transport.StreamEntry;
import ai.openclaw.sdk.transport.Trim;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * An event transport for the unit tests of services: the in-memory transport (or any other) with test controls. It
 * records what is published, tells when entries were acknowledged (handled, or dead-lettered), and fails operations on
 * demand.
 *
 * <pre>{@code
 * TestTransport events = TestTransport.inMemory();
 * EventPublisher publisher = EventPublisher.builder("user-service", events).build();
 * EventSubscriber billing = EventSubscriber.builder("billing-service", events)
 *         .on("user.created", UserCreated.class, handler).build();
 * billing.start();
 *
 * users.register("ada@example.com");                          // the code under test publishes
 * EventEnvelope created = events.awaitPublished("user.created", Duration.ofSeconds(5));
 * events.awaitHandled(created.id(), Duration.ofSeconds(5));   // the subscriber acknowledged it
 * assertThat(events.payloads("user.created", UserCreated.class)).extracting(UserCreated::email)
 *         .containsExactly("ada@example.com");
 *
 * events.failNext(TestTransport.Operation.APPEND, 1, new RedisConnectionException("down"));  // the next publish fails
 * }</pre>
 *
 * <p>Entries appended before a failure was asked for are unaffected; a failed append is not recorded and not stored.
 * Recording keeps every appended entry of every stream until {@link #clear()}.
 */
public final class TestTransport implements EventTransport {
    /** The operations that {@link #failNext} can fail. */
    public enum Operation {
        /** {@code append}: publishing. */
        APPEND,
        /** {@code read}: a subscriber's polling. */
        READ,
        /** {@code ack}: acknowledging handled entries. */
        ACK,
        /** {@code claim}: reclaiming entries of idle consumers. */
        CLAIM
    }

    /**
     * An entry as appended.
     *
     * @param stream the stream
     * @param id the entry id
     * @param data the {@code data} field
     */
    public record Appended(String stream, String id, String data) {}

    /** Parses appended envelopes: a tree, so no mapper setting changes it. */
    private static final ObjectMapper ENVELOPES = JsonMappers.standard();

    private final EventTransport delegate;
    private volatile ObjectMapper json = JsonMappers.standard();
    private final List<Appended> appended = new CopyOnWriteArrayList<>();
    /** The envelopes among the appended entries, parsed once as they are appended. */
    private final List<EventEnvelope> envelopes = new CopyOnWriteArrayList<>();
    /** Envelope id to {@code "<stream> <entry id>"}, the key acknowledgements are recorded under. */
    private final Map<String, String> entryByEventId = new ConcurrentHashMap<>();

    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final Map<Operation, Failure> failures = new EnumMap<>(Operation.class);

    private record Failure(int remaining, RuntimeException failure) {}

    private TestTransport(EventTransport delegate) {
        this.delegate = delegate;
    }

    /** Over a new {@link InMemoryTransport}. */
    public static TestTransport inMemory() {
        return new TestTransport(new InMemoryTransport());
    }

    /** Over another transport, such as a {@code RedisTransport} to a test Redis. */
    public static TestTransport wrapping(EventTransport delegate) {
        return new TestTransport(Objects.requireNonNull(delegate, "delegate"));
    }

    /**
     * The mapper {@link #payloads(String, Class)} maps with; default {@link JsonMappers#standard()} ({@code java.time}
     * as ISO-8601 strings). Give the one your publisher uses where you configured your own.
     */
    public TestTransport objectMapper(ObjectMapper json) {
        this.json = Objects.requireNonNull(json, "json");
        return this;
    }

    /**
     * Makes the next {@code times} calls of {@code operation} throw {@code failure} (replacing an earlier request for
     * that operation).
     */
    public synchronized TestTransport failNext(Operation operation, int times, RuntimeException failure) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(failure, "failure");
        if (times < 0) {
            throw new IllegalArgumentException("times must not be negative, was " + times);
        }
        failures.put(operation, new Failure(times, failure));
        return this;
    }

    private synchronized void maybeFail(Operation operation) {
        Failure f = failures.get(operation);
        if (f == null || f.remaining == 0) {
            return;
        }
        failures.put(operation, new Failure(f.remaining - 1, f.failure));
        throw f.failure;
    }

    /** Every entry appended so far, in order. */
    public List<Appended> appended() {
        return List.copyOf(appended);
    }

    /** The envelopes published so far, in order; entries that are not envelopes are left out. */
    public List<EventEnvelope> published() {
        return List.copyOf(envelopes);
    }

    /** The envelopes of one event type published so far, in order. */
    public List<EventEnvelope> published(String eventType) {
        return published().stream().filter(e -> e.type().equals(eventType)).toList();
    }

    /** The payloads of one event type published so far, mapped to {@code type}. */
    public <T> List<T> payloads(String eventType, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (EventEnvelope e : published(eventType)) {
            try {
                out.add(json.treeToValue(e.data(), type));
            } catch (Exception x) {
                throw new AssertionError(
                        "the payload of " + eventType + " event " + e.id() + " does not map to " + type.getSimpleName()
                                + ": " + x.getMessage(),
                        x);
            }
        }
        return out;
    }

    /**
     * Waits until an event of the type is published, and returns the first.
     *
     * @throws AssertionError when none is published in time
     */
    public EventEnvelope awaitPublished(String eventType, Duration timeout) {
        await(
                () -> !published(eventType).isEmpty(),
                timeout,
                () -> "no " + eventType + " event was published within "
                        + timeout.toMillis() + " ms; published: "
                        + published().stream().map(EventEnvelope::type).toList());
        return published(eventType).get(0);
    }

    /**
     * Waits until the entry holding the event with this envelope id is acknowledged by a consumer group: handled, or
     * dead-lettered.
     *
     * @throws AssertionError when it was not published, or not acknowledged in time
     */
    public void awaitHandled(String eventId, Duration timeout) {
        await(
                () -> acknowledged.contains(entryByEventId.getOrDefault(eventId, "")),
                timeout,
                () -> !entryByEventId.containsKey(eventId)
                        ? "no event with id " + eventId + " was published"
                        : "event " + eventId + " (entry " + entryByEventId.get(eventId)
                                + ") was not acknowledged within "
                                + timeout.toMillis() + " ms");
    }

    /**
     * Waits until {@code count} entries of a stream have been acknowledged by some consumer group.
     *
     * @throws AssertionError when fewer were in time
     */
    public void awaitHandled(String stream, int count, Duration timeout) {
        await(
                () -> handledCount(stream) >= count,
                timeout,
                () -> "only " + handledCount(stream) + " of " + count + " entries of " + stream
                        + " were acknowledged within " + timeout.toMillis() + " ms");
    }

    /** How many distinct entries of a stream some consumer group acknowledged. */
    public long handledCount(String stream) {
        return acknowledged.stream().filter(k -> k.startsWith(stream + " ")).count();
    }

    private static void await(Supplier<Boolean> done, Duration timeout, Supplier<String> failure) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure.get());
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting", e);
            }
        }
    }

    /** Forgets what was recorded (the entries stay in the transport) and every failure asked for. */
    public synchronized void clear() {
        appended.clear();
        envelopes.clear();
        entryByEventId.clear();
        acknowledged.clear();
        failures.clear();
    }

    @Override
    public CompletionStage<String> append(String stream, String data, Trim trim) {
        try {
            maybeFail(Operation.APPEND);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletionStage<String> inner = delegate.append(stream, data, trim);
        Recorded recorded = new Recorded(inner);
        inner.whenComplete((id, failure) -> {
            if (failure != null) {
                recorded.completeExceptionally(failure);
                return;
            }
            appended.add(new Appended(stream, id, data));
            try {
                EventEnvelope envelope = EventEnvelope.parse(data, ENVELOPES);
                envelopes.add(envelope);
                entryByEventId.put(envelope.id(), stream + " " + id);
            } catch (MalformedEventException e) {
                // a raw entry a test wrote on purpose: recorded, not an envelope
            }
            recorded.complete(id);
        });
        return recorded;
    }

    /** An append's stage as the caller sees it: recorded when stored, and withdrawn with the delegate's. */
    private static final class Recorded extends CompletableFuture<String> {
        private final CompletionStage<String> inner;

        Recorded(CompletionStage<String> inner) {
            this.inner = inner;
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            inner.toCompletableFuture().cancel(mayInterruptIfRunning);
            return super.cancel(mayInterruptIfRunning);
        }
    }

    @Override
    public boolean withdraw(CompletionStage<String> append) {
        if (append instanceof Recorded r) {
            boolean withdrawn = delegate.withdraw(r.inner);
            r.cancel(true);
            return withdrawn;
        }
        return delegate.withdraw(append);
    }

    @Override
    public void createGroup(String stream, String group, boolean fromStart) {
        delegate.createGroup(stream, group, fromStart);
    }

    @Override
    public List<StreamEntry> read(String group, String consumer, List<String> streams, int count, Duration block) {
        maybeFail(Operation.READ);
        return delegate.read(group, consumer, streams, count, block);
    }

    @Override
    public void ack(String stream, String group, Collection<String> ids) {
        maybeFail(Operation.ACK);
        delegate.ack(stream, group, ids);
        ids.forEach(id -> acknowledged.add(stream + " " + id));
    }

    @Override
    public List<PendingEntry> pendingIdle(String stream, String group, Duration minIdle, int count) {
        return delegate.pendingIdle(stream, group, minIdle, count);
    }

    @Override
    public Claim claim(
            String stream, String group, String consumer, Duration minIdle, Collection<PendingEntry> pending) {
        maybeFail(Operation.CLAIM);
        return delegate.claim(stream, group, consumer, minIdle, pending);
    }

    @Override
    public List<GroupConsumer> consumers(String stream, String group) {
        return delegate.consumers(stream, group);
    }

    @Override
    public void removeConsumer(String stream, String group, String consumer) {
        delegate.removeConsumer(stream, group, consumer);
    }

    @Override
    public long trimmedUnread(String stream, String group) {
        return delegate.trimmedUnread(stream, group);
    }

    @Override
    public List<StreamEntry> range(String stream, String fromId, int count) {
        return delegate.range(stream, fromId, count);
    }

    @Override
    public List<StreamEntry> latest(String stream, int count) {
        return delegate.latest(stream, count);
    }

    @Override
    public void delete(String stream, Collection<String> ids) {
        delegate.delete(stream, ids);
    }

    @Override
    public long length(String stream) {
        return delegate.length(stream);
    }

    @Override
    public long pending(String stream, String group) {
        return delegate.pending(stream, group);
    }

    @Override
    public long lag(String stream, String group) {
        return delegate.lag(stream, group);
    }

    /** Closes the transport beneath. */
    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public String toString() {
        return "TestTransport{" + delegate + ", " + appended.size() + " appended}";
    }
}
