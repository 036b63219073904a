package ai.openclaw.sdk.events;

import ai.openclaw.sdk.contract.ContractRegistry;
import ai.openclaw.sdk.events.internal.EventIds;
import ai.openclaw.sdk.events.internal.WireNames;
import ai.openclaw.sdk.internal.Arguments;
import ai.openclaw.sdk.json.JsonMappers;
import ai.openclaw.sdk.transport.EventTransport;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Request-reply over events, the asking side: publishes a request event carrying a correlation id, a reply address and
 * a deadline, and completes a future when the matching reply event comes back to this instance.
 *
 * <pre>{@code
 * EventRequester<SubscriptionStatus> billing = EventRequester.builder("user-service", transport)
 *         .publisher(publisher)
 *         .request("subscription.inquiry_received")
 *         .reply("subscription.status_retrieved", SubscriptionStatus.class)
 *         .timeout(Duration.ofSeconds(2))
 *         .build();
 * billing.start();
 * SubscriptionStatus status = billing.request(new SubscriptionInquiry(userId)).get();  // or .thenAccept(...)
 * }</pre>
 *
 * <p>The wire (docs/request-reply.md): the request is an ordinary event of its type on its stream, with the CloudEvents
 * extensions {@code correlationid}, {@code replyto} and {@code replyby}. {@code replyto} names this instance's reply
 * inbox, the stream {@code reply:<service>@<instance>:<reply type>}, which only this instance reads (consumer group
 * {@code <service>}, consumer {@code <instance>}); an {@link EventResponder} on the other side appends the reply there
 * with the same {@code correlationid}. So several instances of the asking service each get their own replies, whichever
 * instance of the responding service answers.
 *
 * <p>When the caller says so, a reply may go to any instance instead: {@link #send(Object, Duration)} names the
 * service's shared inbox {@code reply:<service>:<reply type>}, read by the service's group, and the handler given to
 * {@link Builder#onReplyAtAnyInstance} handles the reply wherever it lands (a request that outlives the instance that
 * asked).
 *
 * <p>Both payloads are checked against their contracts as any event is: the request when published and by the
 * responder's subscriber, the reply when the responder publishes it and when the inbox reads it. The request and reply
 * share one trace: the span {@code request <type>} is the parent of the request's publish span, the responder's
 * processing and the reply's publish follow it, and the inbox's processing of the reply continues that trace; each
 * carries {@code messaging.message.conversation_id}.
 *
 * <p>Nothing is lost silently. A reply that comes after its request timed out is <em>late</em>, one for a request this
 * instance never made (asked before a restart, or misaddressed) is <em>orphaned</em>: both are counted ({@link
 * #stats()}, metric {@code openclaw.events.replies}) and dead-lettered to the inbox's dead-letter stream with the
 * reason. A second copy of a reply already taken is counted as a duplicate and acknowledged. Thread-safe.
 *
 * @param <R> the reply's payload type
 */
public final class EventRequester<R> implements AutoCloseable {
    /** How long a request waits for its reply unless told otherwise: 10 seconds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** How many correlation ids of requests that timed out, or were answered, are remembered to classify replies. */
    static final int REMEMBERED = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(EventRequester.class);
    private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("openclaw.outcome");
    private static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");

    private final String service;
    private final String instance;
    private final EventPublisher publisher;
    private final String requestType;
    private final String replyType;
    private final Class<R> replyClass;
    private final Duration timeout;
    private final ObjectMapper json;
    private final Clock clock;
    private final Tracer tracer;
    private final String inbox;
    private final @Nullable String sharedInbox;
    private final EventSubscriber inboxSubscriber;
    private final @Nullable EventSubscriber sharedSubscriber;
    private final Map<String, Pending<R>> pending = new ConcurrentHashMap<>();
    /** Correlation ids of requests no longer waited for, with why: a reply to one of them is late or a duplicate. */
    private final Map<String, Ended> ended = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Ended> eldest) {
            return size() > REMEMBERED;
        }
    };

    private final ScheduledThreadPoolExecutor timer;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong timedOut = new AtomicLong();
    private final AtomicLong late = new AtomicLong();
    private final AtomicLong orphaned = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong atAnyInstance = new AtomicLong();
    private final LongCounter requestsCounter;
    private final LongCounter repliesCounter;
    private final Attributes requestAttributes;
    private volatile boolean started;
    private volatile boolean closed;

    private record Pending<R>(
            String correlationId,
            CompletableFuture<R> future,
            Span span,
            Instant deadline,
            Duration timeout,
            @Nullable ScheduledFuture<?>[] timer) {}

    /** Why a request is no longer waited for, and since when. */
    private record Ended(boolean answered, Instant at) {}

    private EventRequester(Builder<R> b) {
        this.service = b.service;
        this.instance = b.instance != null ? b.instance : defaultInstance(b.service);
        this.publisher = Objects.requireNonNull(b.publisher, "publisher(...) is required");
        this.requestType = Objects.requireNonNull(b.requestType, "request(...) is required");
        this.replyType = Objects.requireNonNull(b.replyType, "reply(...) is required");
        this.replyClass = Objects.requireNonNull(b.replyClass, "reply(...) is required");
        this.timeout = b.timeout;
        this.json = b.json;
        this.clock = b.clock;
        this.tracer = b.openTelemetry.getTracer("ai.openclaw.sdk.events");
        String prefix = publisher.streamPrefix();
        this.inbox = WireNames.replyInbox(prefix, service, instance, replyType);
        this.inboxSubscriber = inboxSubscriber(b, WireNames.replyInboxPrefix(prefix, service, instance))
                .onEnvelope(replyType, (envelope, meta) -> onReply(envelope, meta))
                .build();
        if (b.anyInstanceHandler != null) {
            EventHandler<R> handler = b.anyInstanceHandler;
            this.sharedInbox = WireNames.replyInbox(prefix, service, null, replyType);
            this.sharedSubscriber = inboxSubscriber(b, WireNames.replyInboxPrefix(prefix, service, null))
                    .onEnvelope(replyType, (envelope, meta) -> onSharedReply(envelope, meta, handler))
                    .build();
        } else {
            this.sharedInbox = null;
            this.sharedSubscriber = null;
        }
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "openclaw-requester-" + requestType);
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        var meter = b.openTelemetry.getMeter("ai.openclaw.sdk.events");
        this.requestsCounter = meter.counterBuilder("openclaw.events.requests")
                .setDescription("Requests published over events, by outcome (answered, timed_out, failed)")
                .setUnit("{request}")
                .build();
        this.repliesCounter = meter.counterBuilder("openclaw.events.replies")
                .setDescription("Replies that reached a requester, by outcome (matched, late, orphaned, duplicate,"
                        + " any_instance)")
                .setUnit("{reply}")
                .build();
        this.requestAttributes = Attributes.of(DESTINATION, publisher.streamOf(requestType));
    }

    private EventSubscriber.Builder inboxSubscriber(Builder<R> b, String prefix) {
        EventSubscriber.Builder s = EventSubscriber.builder(service, b.transport)
                .consumerName(instance)
                .streamPrefix(prefix)
                .startFromBeginning(true)
                .objectMapper(b.json)
                .openTelemetry(b.openTelemetry)
                .clock(b.clock)
                .workers(b.workers)
                .handlerAttempts(1)
                .maxDeliveries(3);
        if (b.contracts != null) {
            s.contracts(b.contracts);
        }
        b.configureInbox.accept(s);
        return s;
    }

    private static String defaultInstance(String service) {
        return ai.openclaw.sdk.events.internal.InstanceNames.next(service);
    }

    /**
     * A builder for a requester of {@code service}.
     *
     * @param service this service's catalog name: the source of its requests and the group of its inboxes
     * @param transport where the inboxes are read from (the publisher's transport, as a rule)
     */
    public static Builder<Object> builder(String service, EventTransport transport) {
        return new Builder<>(service, transport);
    }

    /** This instance's name: its consumer in the reply inbox's group, and part of the inbox's name. */
    public String instance() {
        return instance;
    }

    /** The stream this instance's replies come to: {@code reply:<service>@<instance>:<reply type>}. */
    public String inbox() {
        return inbox;
    }

    /** The request's event type. */
    public String requestType() {
        return requestType;
    }

    /** The reply's event type. */
    public String replyType() {
        return replyType;
    }

    /**
     * Creates the inboxes' groups and starts reading them. Requests may be made from then on.
     *
     * @throws IllegalStateException when already started, or closed
     */
    public synchronized void start() {
        if (closed || started) {
            throw new IllegalStateException(closed ? "the requester is closed" : "the requester is already started");
        }
        inboxSubscriber.start();
        if (sharedSubscriber != null) {
            sharedSubscriber.start();
        }
        started = true;
    }

    /** Asks with the requester's timeout. See {@link #request(Object, Duration)}. */
    public CompletableFuture<R> request(Object payload) {
        return request(payload, timeout);
    }

    /**
     * Publishes a request and returns the reply to come, to this instance.
     *
     * <p>The future completes with the reply's payload, or exceptionally: {@link ReplyTimeoutException} when none
     * came in time, a {@link PublishException} (or {@link ai.openclaw.sdk.contract.ContractViolationException}) when
     * the request was not published, {@link ReplyException} when the reply does not map to the reply type or the
     * requester closed. Dependent stages added without {@code *Async} run on the inbox's worker thread: keep them
     * short, or use the {@code *Async} forms.
     *
     * @param payload the request's payload, checked against its contract
     * @param timeout how long to wait; the responder sees the deadline ({@code replyby}) and does not answer after it
     * @throws IllegalStateException when the requester is not started, or closed
     */
    public CompletableFuture<R> request(Object payload, Duration timeout) {
        Objects.requireNonNull(payload, "payload");
        Arguments.positive("timeout", timeout);
        requireRunning();
        String correlationId = EventIds.next(clock);
        Instant deadline = clock.instant().plus(timeout);
        Span span = tracer.spanBuilder("request " + requestType)
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute("messaging.system", "redis")
                .setAttribute("messaging.destination.name", publisher.streamOf(requestType))
                .setAttribute("messaging.message.conversation_id", correlationId)
                .setAttribute("openclaw.reply.inbox", inbox)
                .startSpan();
        CompletableFuture<R> future = new CompletableFuture<>();
        ScheduledFuture<?>[] timerSlot = new ScheduledFuture<?>[1];
        Pending<R> p = new Pending<>(correlationId, future, span, deadline, timeout, timerSlot);
        pending.put(correlationId, p); // before publishing: the reply may come before the publish returns
        synchronized (timerSlot) {
            timerSlot[0] = timer.schedule(() -> expire(p), timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
        try (Scope ignored = span.makeCurrent()) {
            publisher.publishWith(requestType, payload, extensions(correlationId, inbox, deadline));
            sent.incrementAndGet();
        } catch (RuntimeException e) {
            if (pending.remove(correlationId, p)) {
                cancelTimer(p);
                end(correlationId, false);
                requestsCounter.add(
                        1, requestAttributes.toBuilder().put(OUTCOME, "failed").build());
                span.recordException(e);
                span.setStatus(StatusCode.ERROR, "not published");
                span.end();
                future.completeExceptionally(e);
            }
        }
        return future;
    }

    /** Asks and waits with the requester's timeout: the reply, or the failure {@link #request(Object)} describes. */
    public R requestAndWait(Object payload) throws InterruptedException {
        try {
            return request(payload).get();
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new ReplyException("the request failed: " + cause, cause);
        }
    }

    /**
     * Publishes a request whose reply any instance of this service may handle: it goes to the service's shared inbox
     * and to the handler given to {@link Builder#onReplyAtAnyInstance}, on whichever instance reads it.
     *
     * @param replyWithin how long the reply is wanted: one that comes later is counted late and dead-lettered
     * @return the request's correlation id, which the reply's envelope carries ({@code correlationid})
     * @throws IllegalStateException when no handler was given, or the requester is not started
     * @throws PublishException when the request was not published
     */
    public String send(Object payload, Duration replyWithin) {
        Objects.requireNonNull(payload, "payload");
        Arguments.positive("replyWithin", replyWithin);
        if (sharedInbox == null) {
            throw new IllegalStateException("send(...) puts the reply in the service's shared inbox: build the"
                    + " requester with onReplyAtAnyInstance(handler) to read it");
        }
        requireRunning();
        String correlationId = EventIds.next(clock);
        Span span = tracer.spanBuilder("request " + requestType)
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "redis")
                .setAttribute("messaging.message.conversation_id", correlationId)
                .setAttribute("openclaw.reply.inbox", sharedInbox)
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            publisher.publishWith(
                    requestType,
                    payload,
                    extensions(correlationId, sharedInbox, clock.instant().plus(replyWithin)));
            sent.incrementAndGet();
            return correlationId;
        } catch (RuntimeException e) {
            requestsCounter.add(
                    1, requestAttributes.toBuilder().put(OUTCOME, "failed").build());
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, "not published");
            throw e;
        } finally {
            span.end();
        }
    }

    private static Map<String, String> extensions(String correlationId, String replyTo, Instant deadline) {
        return Map.of(
                EventEnvelope.CORRELATION_ID, correlationId,
                EventEnvelope.REPLY_TO, replyTo,
                EventEnvelope.REPLY_BY, deadline.toString());
    }

    private void requireRunning() {
        if (closed) {
            throw new IllegalStateException("the requester is closed");
        }
        if (!started) {
            throw new IllegalStateException("start() the requester before asking: its inbox must be read");
        }
    }

    /** A reply in this instance's inbox. */
    private void onReply(EventEnvelope envelope, EventMetadata meta) {
        String correlationId = envelope.extension(EventEnvelope.CORRELATION_ID).orElse(null);
        if (correlationId == null) {
            count("orphaned", orphaned);
            throw new EventRejectedException("orphaned: a " + replyType + " reply without a correlationid in the inbox"
                    + " of " + service + " instance " + instance);
        }
        Span.current().setAttribute("messaging.message.conversation_id", correlationId);
        Pending<R> p = pending.remove(correlationId);
        if (p == null) {
            Ended e;
            synchronized (ended) {
                e = ended.get(correlationId);
            }
            if (e != null && e.answered()) {
                count("duplicate", duplicates); // a responder's retried publish: the first copy was taken
                return;
            }
            if (e != null) {
                count("late", late);
                throw new EventRejectedException("late: the reply to request " + correlationId + " came "
                        + millis(Duration.between(e.at(), clock.instant())) + " after " + service + " instance "
                        + instance + " stopped waiting");
            }
            count("orphaned", orphaned);
            throw new EventRejectedException("orphaned: " + service + " instance " + instance + " has no request "
                    + correlationId + " (asked before a restart, or a misaddressed reply)");
        }
        cancelTimer(p);
        end(correlationId, true);
        R reply;
        try {
            reply = replyClass == EventEnvelope.class
                    ? replyClass.cast(envelope)
                    : json.treeToValue(envelope.data(), replyClass);
        } catch (Exception mapping) {
            requestsCounter.add(
                    1, requestAttributes.toBuilder().put(OUTCOME, "failed").build());
            ReplyException failure = new ReplyException(
                    "the " + replyType + " reply to request " + correlationId + " does not map to "
                            + replyClass.getSimpleName() + " ("
                            + mapping.getClass().getSimpleName() + ")",
                    null);
            p.span().setStatus(StatusCode.ERROR, "reply does not map");
            p.span().end();
            p.future().completeExceptionally(failure);
            throw new EventRejectedException(failure.getMessage());
        }
        answered.incrementAndGet();
        count("matched", null);
        requestsCounter.add(
                1, requestAttributes.toBuilder().put(OUTCOME, "answered").build());
        p.span().setAttribute("messaging.message.id", envelope.id());
        p.span().end();
        p.future().complete(reply);
    }

    /** A reply in the service's shared inbox: the handler takes it, unless it is past its deadline. */
    private void onSharedReply(EventEnvelope envelope, EventMetadata meta, EventHandler<R> handler) throws Exception {
        String correlationId = envelope.extension(EventEnvelope.CORRELATION_ID).orElse(null);
        if (correlationId == null) {
            count("orphaned", orphaned);
            throw new EventRejectedException(
                    "orphaned: a " + replyType + " reply without a correlationid in the shared inbox of " + service);
        }
        Span.current().setAttribute("messaging.message.conversation_id", correlationId);
        Instant deadline = envelope.extension(EventEnvelope.REPLY_BY)
                .map(EventRequester::instantOrNull)
                .orElse(null);
        Instant now = clock.instant();
        if (deadline != null && now.isAfter(deadline) && meta.deliveries() <= 1) {
            count("late", late);
            throw new EventRejectedException("late: the reply to request " + correlationId + " came "
                    + millis(Duration.between(deadline, now)) + " after its deadline");
        }
        R reply = replyClass == EventEnvelope.class
                ? replyClass.cast(envelope)
                : json.treeToValue(envelope.data(), replyClass);
        handler.handle(reply, meta);
        count("any_instance", atAnyInstance);
    }

    private static @Nullable Instant instantOrNull(String text) {
        try {
            return Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private void expire(Pending<R> p) {
        if (!pending.remove(p.correlationId(), p)) {
            return; // answered first
        }
        end(p.correlationId(), false);
        timedOut.incrementAndGet();
        requestsCounter.add(
                1, requestAttributes.toBuilder().put(OUTCOME, "timed_out").build());
        ReplyTimeoutException failure =
                new ReplyTimeoutException(requestType, replyType, p.correlationId(), p.timeout());
        p.span().setStatus(StatusCode.ERROR, "timed out");
        p.span().end();
        p.future().completeExceptionally(failure);
    }

    private void cancelTimer(Pending<R> p) {
        synchronized (p.timer()) {
            ScheduledFuture<?> t = p.timer()[0];
            if (t != null) {
                t.cancel(false);
            }
        }
    }

    private void end(String correlationId, boolean wasAnswered) {
        synchronized (ended) {
            ended.put(correlationId, new Ended(wasAnswered, clock.instant()));
        }
    }

    private void count(String outcome, @Nullable AtomicLong counter) {
        if (counter != null) {
            counter.incrementAndGet();
        }
        repliesCounter.add(1, Attributes.of(DESTINATION, inbox, OUTCOME, outcome));
        if (!"matched".equals(outcome) && !"any_instance".equals(outcome)) {
            LOG.debug("{} reply in {}", outcome, inbox);
        }
    }

    private static String millis(Duration d) {
        return d.toMillis() + " ms";
    }

    /** Counts of what the requester did since it started. */
    public RequesterStats stats() {
        return new RequesterStats(
                sent.get(),
                answered.get(),
                timedOut.get(),
                late.get(),
                orphaned.get(),
                duplicates.get(),
                atAnyInstance.get(),
                pending.size());
    }

    /** The inbox subscriber, for health checks and tests. */
    public EventSubscriber inboxSubscriber() {
        return inboxSubscriber;
    }

    /** Whether the requester is started and not closed. */
    public boolean isRunning() {
        return started && !closed && inboxSubscriber.isRunning();
    }

    /**
     * Stops reading the inboxes and fails the requests still waiting ({@link ReplyException}); their replies, should
     * they come, are dead-lettered as orphans by the next instance of this name, or found by the responder to have no
     * one to go to. Does not close the publisher or the transport.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            inboxSubscriber.close();
        } finally {
            if (sharedSubscriber != null) {
                sharedSubscriber.close();
            }
            timer.shutdownNow();
            for (Pending<R> p : List.copyOf(pending.values())) {
                if (pending.remove(p.correlationId(), p)) {
                    requestsCounter.add(
                            1,
                            requestAttributes.toBuilder().put(OUTCOME, "failed").build());
                    p.span().setStatus(StatusCode.ERROR, "requester closed");
                    p.span().end();
                    p.future()
                            .completeExceptionally(new ReplyException(
                                    "the requester of " + service + " closed before the " + replyType
                                            + " reply to request " + p.correlationId() + " came",
                                    null));
                }
            }
        }
        leaveInbox();
    }

    /** Leaves the inbox's group when nothing of it is pending, so that responders see no one waits there. */
    private void leaveInbox() {
        try {
            EventTransport transport = inboxSubscriber.transport();
            for (EventTransport.GroupConsumer c : transport.consumers(inbox, service)) {
                if (c.name().equals(instance) && c.pending() == 0) {
                    transport.removeConsumer(inbox, service, instance);
                }
            }
        } catch (RuntimeException e) {
            LOG.debug("the inbox {} was not left: {}", inbox, e.getClass().getSimpleName());
        }
    }

    @Override
    public String toString() {
        return "EventRequester[" + service + " " + requestType + " -> " + replyType + ", inbox " + inbox + "]";
    }

    /**
     * Builds an {@link EventRequester}. Not thread-safe.
     *
     * @param <R> the reply's payload type, fixed by {@link #reply(String, Class)}
     */
    public static final class Builder<R> {
        private final String service;
        private final EventTransport transport;
        private @Nullable EventPublisher publisher;
        private @Nullable String requestType;
        private @Nullable String replyType;
        private @Nullable Class<R> replyClass;
        private @Nullable String instance;
        private Duration timeout = DEFAULT_TIMEOUT;
        private @Nullable ContractRegistry contracts;
        private ObjectMapper json = JsonMappers.standard();
        private OpenTelemetry openTelemetry = OpenTelemetry.noop();
        private Clock clock = Clock.systemUTC();
        private int workers = 2;
        private @Nullable EventHandler<R> anyInstanceHandler;
        private Consumer<EventSubscriber.Builder> configureInbox = s -> {};

        private Builder(String service, EventTransport transport) {
            this.service = Arguments.notBlank("service", service);
            this.transport = Objects.requireNonNull(transport, "transport");
        }

        /** The publisher of this service, which publishes the requests (its catalog and contract checks apply). */
        public Builder<R> publisher(EventPublisher publisher) {
            this.publisher = Objects.requireNonNull(publisher, "publisher");
            return this;
        }

        /** The request's event type: one the catalog lists under this service's {@code publishes}. */
        public Builder<R> request(String eventType) {
            this.requestType = Arguments.notBlank("eventType", eventType);
            return this;
        }

        /**
         * The reply's event type and the class its payload maps to ({@link EventEnvelope} for the envelope itself).
         */
        @SuppressWarnings("unchecked")
        public <T> Builder<T> reply(String eventType, Class<T> payloadType) {
            this.replyType = Arguments.notBlank("eventType", eventType);
            Builder<T> typed = (Builder<T>) this;
            typed.replyClass = Objects.requireNonNull(payloadType, "payloadType");
            typed.anyInstanceHandler = null;
            return typed;
        }

        /**
         * This instance's name (default: service, host, process id and a random part): a stable name, such as a pod's
         * name in a StatefulSet, lets a restarted instance read, and dead-letter as orphans, the replies that reached
         * its inbox while it was down.
         */
        public Builder<R> instance(String name) {
            Arguments.notBlank("instance", name);
            if (name.indexOf(':') >= 0 || name.indexOf('@') >= 0) {
                throw new IllegalArgumentException("an instance name is part of a stream name: no ':' or '@'");
            }
            this.instance = name;
            return this;
        }

        /** How long {@link EventRequester#request(Object)} waits for a reply (default {@link #DEFAULT_TIMEOUT}). */
        public Builder<R> timeout(Duration timeout) {
            this.timeout = Arguments.positive("timeout", timeout);
            return this;
        }

        /** Checks replies against their contracts when the inbox reads them. */
        public Builder<R> contracts(ContractRegistry contracts) {
            this.contracts = Objects.requireNonNull(contracts, "contracts");
            return this;
        }

        /** The mapper replies are read with (default {@link JsonMappers#standard()}). */
        public Builder<R> objectMapper(ObjectMapper json) {
            this.json = Objects.requireNonNull(json, "json");
            return this;
        }

        /** Spans and metrics. */
        public Builder<R> openTelemetry(OpenTelemetry openTelemetry) {
            this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
            return this;
        }

        /** The clock of deadlines and correlation ids. */
        public Builder<R> clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Worker threads of each inbox (default 2). */
        public Builder<R> workers(int workers) {
            this.workers = Arguments.positive("workers", workers);
            return this;
        }

        /**
         * Lets {@link EventRequester#send(Object, Duration)} ask for replies that any instance of this service handles:
         * the service's shared inbox is read by its group, and {@code handler} gets each reply (its envelope's {@code
         * correlationid} says which request it answers). At least once, as any event handler.
         */
        public Builder<R> onReplyAtAnyInstance(EventHandler<R> handler) {
            if (replyClass == null) {
                throw new IllegalStateException("call reply(type, class) before onReplyAtAnyInstance(...)");
            }
            this.anyInstanceHandler = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /** Further settings of the inboxes' subscribers (poll timeout, shutdown timeout, ...). */
        public Builder<R> inbox(Consumer<EventSubscriber.Builder> configure) {
            this.configureInbox = Objects.requireNonNull(configure, "configure");
            return this;
        }

        /**
         * Builds the requester; {@link EventRequester#start()} starts it.
         *
         * @throws NullPointerException when the publisher, request or reply is missing
         * @throws IllegalArgumentException when the publisher belongs to another service
         */
        public EventRequester<R> build() {
            Objects.requireNonNull(publisher, "publisher(...) is required");
            if (!publisher.service().equals(service)) {
                throw new IllegalArgumentException("the publisher is " + publisher.service() + "'s, not " + service
                        + "'s: requests and their replies belong to one service");
            }
            return new EventRequester<>(this);
        }
    }
}
