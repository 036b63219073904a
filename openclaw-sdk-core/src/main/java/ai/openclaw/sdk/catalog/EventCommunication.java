package ai.openclaw.sdk.catalog;

import java.util.List;

/**
 * {@code type: events}: the event types the service publishes and subscribes to.
 *
 * <pre>{@code
 * communication:
 *   - type: events
 *     publishes: [user.created, user.deleted]
 *     subscribes: [payment.failed]
 * }</pre>
 *
 * @param publishes event types the service publishes, as declared
 * @param subscribes event types the service subscribes to, as declared
 */
public record EventCommunication(List<String> publishes, List<String> subscribes) implements Communication {
    /** Copies the lists. */
    public EventCommunication {
        publishes = List.copyOf(publishes);
        subscribes = List.copyOf(subscribes);
    }
}
