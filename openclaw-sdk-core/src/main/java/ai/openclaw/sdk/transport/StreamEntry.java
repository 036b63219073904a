package ai.openclaw.sdk.transport;

import java.util.Objects;

/**
 * One entry read from a stream by a consumer group.
 *
 * @param stream the stream's key
 * @param id the entry's id ({@code 1732270000000-0})
 * @param data the entry's {@code data} field; {@code null} when the entry has no such field
 * @param deliveries how many times the entry has been delivered to the group, this delivery included
 */
public record StreamEntry(
        String stream,
        String id,
        @org.jspecify.annotations.Nullable String data,
        long deliveries) {
    /** Validates the components. */
    public StreamEntry {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(id, "id");
        if (deliveries < 1) {
            throw new IllegalArgumentException("deliveries must be >= 1, was " + deliveries);
        }
    }
}
