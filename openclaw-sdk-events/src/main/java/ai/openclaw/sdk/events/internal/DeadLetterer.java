package ai.openclaw.sdk.events.internal;

import ai.openclaw.sdk.events.EventEnvelope;
import ai.openclaw.sdk.transport.EventTransport;
import ai.openclaw.sdk.transport.StreamEntry;
import ai.openclaw.sdk.transport.Trim;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes an entry a subscriber gives up on to its dead-letter stream, with the reason ({@link DeadLetterCodec}). */
public final class DeadLetterer {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterer.class);

    private final EventTransport transport;
    private final ObjectMapper json;
    private final Clock clock;
    private final String group;
    private final String consumer;
    private final String suffix;
    private final SubscriberMetrics metrics;

    /** A dead-letterer for one consumer of a group. */
    public DeadLetterer(
            EventTransport transport,
            ObjectMapper json,
            Clock clock,
            String group,
            String consumer,
            String suffix,
            SubscriberMetrics metrics) {
        this.transport = transport;
        this.json = json;
        this.clock = clock;
        this.group = group;
        this.consumer = consumer;
        this.suffix = suffix;
        this.metrics = metrics;
    }

    /**
     * Writes the dead letter and waits until it is stored.
     *
     * @return whether it was: only then may the entry be acknowledged; otherwise it stays pending and is tried again
     */
    public boolean write(StreamEntry entry, @Nullable EventEnvelope envelope, String reason) {
        String letter = DeadLetterCodec.encode(
                json,
                new DeadLetterCodec.Letter(
                        entry.stream(),
                        entry.id(),
                        reason,
                        group,
                        consumer,
                        entry.deliveries(),
                        clock.instant(),
                        envelope == null ? null : envelope.id(),
                        entry.data()));
        try {
            transport
                    .append(WireNames.deadLetterStream(entry.stream(), suffix), letter, Trim.NONE)
                    .toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
            metrics.deadLettered(entry.stream());
            LOG.warn("{}: entry {} of {} dead-lettered: {}", consumer, entry.id(), entry.stream(), reason);
            return true;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warn(
                    "{}: could not dead-letter entry {} of {} ({}); it stays pending",
                    consumer,
                    entry.id(),
                    entry.stream(),
                    e.toString());
            return false;
        }
    }
}
