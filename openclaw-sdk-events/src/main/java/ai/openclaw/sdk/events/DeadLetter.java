package ai.openclaw.sdk.events;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An entry a subscriber gave up on, as its dead-letter stream holds it.
 *
 * @param id the dead letter's own entry id
 * @param stream the stream the entry came from
 * @param originalId the entry's id in that stream
 * @param reason why it was given up on
 * @param group the consumer group that gave up
 * @param consumer the consumer that gave up
 * @param deliveries how many times it was delivered
 * @param deadLetteredAt when
 * @param eventId the event's envelope id, when the entry was an envelope
 * @param data the entry's original {@code data}, when it had one; bytes of it that were not UTF-8 appear as the lone
 *     surrogates {@code U+DC80}-{@code U+DCFF} (the byte plus {@code 0xDC00}), which a replay writes back as the bytes
 */
public record DeadLetter(
        String id,
        String stream,
        String originalId,
        String reason,
        String group,
        String consumer,
        long deliveries,
        Instant deadLetteredAt,
        Optional<String> eventId,
        Optional<String> data) {
    /** Validates the components. */
    public DeadLetter {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(originalId, "originalId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(data, "data");
    }
}
