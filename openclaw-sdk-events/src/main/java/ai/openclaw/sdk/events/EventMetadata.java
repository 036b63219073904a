package ai.openclaw.sdk.events;

import java.util.Objects;

/**
 * What a handler knows about the event besides its payload.
 *
 * @param envelope the CloudEvents envelope: id, source, type, time, contract version, trace context
 * @param stream the stream the entry was read from
 * @param entryId the stream entry id
 * @param deliveries how many times the entry has been delivered to this service, this delivery included
 */
public record EventMetadata(EventEnvelope envelope, String stream, String entryId, long deliveries) {
    /** Validates the components. */
    public EventMetadata {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(entryId, "entryId");
    }
}
