package ai.openclaw.sdk.events;

import ai.openclaw.sdk.events.internal.WireNames;
import ai.openclaw.sdk.internal.Arguments;
import ai.openclaw.sdk.transport.EventTransport;
import ai.openclaw.sdk.transport.Trim;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.trace.Span;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Request-reply over events, the answering side: turns a {@link RequestHandler} into an {@link EventHandler} that
 * publishes the handler's answer to the asker's reply inbox, with the request's correlation id.
 *
 * <pre>{@code
 * EventResponder responder = EventResponder.builder(publisher, transport).build();
 * EventSubscriber.builder("billing-service", transport)
 *         .on("subscription.inquiry_received", SubscriptionInquiry.class,
 *                 responder.replying("subscription.status_retrieved", (inquiry, meta) -> statusOf(inquiry.userId())))
 *         .build()
 *         .start();
 * }</pre>
 *
 * <p>The requests come through an ordinary subscriber, so every instance of the responding service shares them (its
 * consumer group), with the subscriber's contract checks, retries and dead letters. For each request the responder:
 *
 * <ul>
 *   <li>refuses (dead-letters at once) a request whose {@code replyto} is not a reply inbox of the reply type under
 *       this publisher's prefix, or that has no {@code correlationid}: a request never makes a responder write to
 *       another stream;
 *   <li>does not answer a request whose {@code replyby} deadline has passed (the asker stopped waiting): it is
 *       dead-lettered as expired, unless {@link Builder#answerExpired(boolean)};
 *   <li>for a request older than {@link Builder#askerIdleLimit}, checks that the asking instance still reads its
 *       inbox, and dead-letters the request when it does not (the reply would reach no one);
 *   <li>else runs the handler and publishes its answer to the inbox, checked against the reply type's contract, in the
 *       request's trace, with {@code correlationid} and {@code replyby} copied from the request.
 * </ul>
 *
 * <p>An event of the request type without a {@code replyto} asked for no answer: it is acknowledged and counted
 * ({@link ResponderStats#noReplyAddress()}), and the handler does not run. Thread-safe.
 */
public final class EventResponder {
    /** How long an asking instance may go without reading its inbox before it is taken as gone: 30 seconds. */
    public static final Duration DEFAULT_ASKER_IDLE_LIMIT = Duration.ofSeconds(30);

    /** How replies trim an inbox by default: about an hour of replies is kept. */
    public static final Trim DEFAULT_INBOX_TRIM = Trim.maxAge(Duration.ofHours(1));

    private static final Logger LOG = LoggerFactory.getLogger(EventResponder.class);
    private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("openclaw.outcome");

    private final EventPublisher publisher;
    private final EventTransport transport;
    private final Clock clock;
    private final boolean answerExpired;
    private final Duration askerIdleLimit;
    private final Trim inboxTrim;
    private final LongCounter responses;
    private final AtomicLong replied = new AtomicLong();
    private final AtomicLong expired = new AtomicLong();
    private final AtomicLong askerGone = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong noReplyAddress = new AtomicLong();

    private EventResponder(Builder b) {
        this.publisher = b.publisher;
        this.transport = b.transport;
        this.clock = b.clock;
        this.answerExpired = b.answerExpired;
        this.askerIdleLimit = b.askerIdleLimit;
        this.inboxTrim = b.inboxTrim;
        this.responses = b.openTelemetry
                .getMeter("ai.openclaw.sdk.events")
                .counterBuilder("openclaw.events.responses")
                .setDescription("Requests a responder took, by outcome (replied, expired, asker_gone, refused,"
                        + " no_reply_address)")
                .setUnit("{request}")
                .build();
    }

    /**
     * A builder of responders that publish with {@code publisher}.
     *
     * @param publisher this service's publisher: replies are checked against its catalog entry and contracts
     * @param transport where askers' inboxes are looked up (the publisher's transport, as a rule)
     */
    public static Builder builder(EventPublisher publisher, EventTransport transport) {
        return new Builder(publisher, transport);
    }

    /**
     * An event handler for requests that answers each with {@code handler}'s reply, as a {@code replyType} event.
     *
     * @param replyType the reply's event type: one this service publishes
     */
    public <Q, R> EventHandler<Q> replying(String replyType, RequestHandler<Q, R> handler) {
        Arguments.notBlank("replyType", replyType);
        Objects.requireNonNull(handler, "handler");
        return (request, meta) -> answer(replyType, handler, request, meta);
    }

    private <Q, R> void answer(String replyType, RequestHandler<Q, R> handler, Q request, EventMetadata meta)
            throws Exception {
        EventEnvelope envelope = meta.envelope();
        String replyTo = envelope.extension(EventEnvelope.REPLY_TO).orElse(null);
        if (replyTo == null) {
            count("no_reply_address", noReplyAddress);
            LOG.debug("{} {} asks for no reply: not answered", envelope.type(), envelope.id());
            return;
        }
        String[] asker = WireNames.parseReplyInbox(publisher.streamPrefix(), replyType, replyTo);
        if (asker == null) {
            count("refused", refused);
            throw new EventRejectedException("refused: the request's replyto is not a " + replyType
                    + " reply inbox (" + publisher.streamPrefix() + WireNames.REPLY_INBOX + "<service>[@<instance>]:"
                    + replyType + "); a responder writes replies to reply inboxes only");
        }
        String correlationId = envelope.extension(EventEnvelope.CORRELATION_ID).orElse(null);
        if (correlationId == null || correlationId.isEmpty()) {
            count("refused", refused);
            throw new EventRejectedException("refused: the request has a replyto but no correlationid");
        }
        Span.current().setAttribute("messaging.message.conversation_id", correlationId);
        String replyBy = envelope.extension(EventEnvelope.REPLY_BY).orElse(null);
        Instant deadline = null;
        if (replyBy != null) {
            try {
                deadline = Instant.parse(replyBy);
            } catch (DateTimeParseException e) {
                count("refused", refused);
                throw new EventRejectedException("refused: the request's replyby is not an RFC 3339 UTC timestamp");
            }
        }
        Instant now = clock.instant();
        if (deadline != null && now.isAfter(deadline) && !answerExpired) {
            count("expired", expired);
            throw new EventRejectedException("expired: " + asker[0] + " stopped waiting for the reply to request "
                    + correlationId + " " + Duration.between(deadline, now).toMillis() + " ms before it was taken;"
                    + " not answered");
        }
        if (asker[1] != null
                && Duration.between(envelope.time(), now).compareTo(askerIdleLimit) > 0
                && !reads(replyTo, asker[0], asker[1])) {
            count("asker_gone", askerGone);
            throw new EventRejectedException("asker gone: " + asker[0] + " instance " + asker[1]
                    + " has not read its reply inbox for over " + askerIdleLimit + "; request " + correlationId
                    + " not answered");
        }
        R reply = handler.answer(request, meta);
        if (reply == null) {
            throw new NullPointerException("the request handler of " + envelope.type() + " returned no reply");
        }
        Map<String, String> extensions = replyBy == null
                ? Map.of(EventEnvelope.CORRELATION_ID, correlationId)
                : Map.of(EventEnvelope.CORRELATION_ID, correlationId, EventEnvelope.REPLY_BY, replyBy);
        publisher.publishTo(replyTo, replyType, reply, extensions, inboxTrim);
        count("replied", replied);
    }

    /** Whether the asking instance read its inbox within the idle limit. */
    private boolean reads(String inbox, String service, String instance) {
        for (EventTransport.GroupConsumer c : transport.consumers(inbox, service)) {
            if (c.name().equals(instance)) {
                return c.idle().compareTo(askerIdleLimit) <= 0;
            }
        }
        return false;
    }

    private void count(String outcome, AtomicLong counter) {
        counter.incrementAndGet();
        responses.add(1, Attributes.of(OUTCOME, outcome));
    }

    /** Counts of what the responder did since it was built. */
    public ResponderStats stats() {
        return new ResponderStats(replied.get(), expired.get(), askerGone.get(), refused.get(), noReplyAddress.get());
    }

    /** Builds an {@link EventResponder}. Not thread-safe. */
    public static final class Builder {
        private final EventPublisher publisher;
        private final EventTransport transport;
        private Clock clock = Clock.systemUTC();
        private OpenTelemetry openTelemetry = OpenTelemetry.noop();
        private boolean answerExpired;
        private Duration askerIdleLimit = DEFAULT_ASKER_IDLE_LIMIT;
        private Trim inboxTrim = DEFAULT_INBOX_TRIM;

        private Builder(EventPublisher publisher, EventTransport transport) {
            this.publisher = Objects.requireNonNull(publisher, "publisher");
            this.transport = Objects.requireNonNull(transport, "transport");
        }

        /** The clock deadlines are read with. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Metrics ({@code openclaw.events.responses}). */
        public Builder openTelemetry(OpenTelemetry openTelemetry) {
            this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
            return this;
        }

        /**
         * Whether a request past its deadline is still answered (default false: nobody waits for it, so it is
         * dead-lettered as expired; answer it when the handler's work must happen anyway).
         */
        public Builder answerExpired(boolean answer) {
            this.answerExpired = answer;
            return this;
        }

        /**
         * How long an asking instance may go without reading its inbox before a request older than this is not
         * answered (default {@link #DEFAULT_ASKER_IDLE_LIMIT}). Requests younger than it are answered without asking
         * Redis: their asker was alive moments ago.
         */
        public Builder askerIdleLimit(Duration limit) {
            this.askerIdleLimit = Arguments.positive("askerIdleLimit", limit);
            return this;
        }

        /** How replies trim the inbox they are appended to (default {@link #DEFAULT_INBOX_TRIM}). */
        public Builder inboxTrim(Trim trim) {
            this.inboxTrim = Objects.requireNonNull(trim, "trim");
            return this;
        }

        /** Builds the responder. */
        public EventResponder build() {
            return new EventResponder(this);
        }
    }
}
