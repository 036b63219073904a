package ai.openclaw.sdk.catalog;

import java.util.List;
import java.util.Map;

/**
 * {@code type: events}: the event types the service publishes and subscribes to.
 *
 * <pre>{@code
 * communication:
 *   - type: events
 *     publishes: [user.created, user.deleted]
 *     subscribes: [payment.failed]
 *     accepts:                       # extension: the contract versions this consumer takes
 *       payment.failed: "1.x, 2.x"
 * }</pre>
 *
 * @param publishes event types the service publishes, as declared
 * @param subscribes event types the service subscribes to, as declared
 * @param accepts extension {@code accepts}: for subscribed event types, the versions accepted, as declared ({@code
 *     1.x}, {@code 2.1+}; see {@code AcceptedVersions})
 */
public record EventCommunication(List<String> publishes, List<String> subscribes, Map<String, String> accepts)
        implements Communication {
    /** Copies the lists. */
    public EventCommunication {
        publishes = List.copyOf(publishes);
        subscribes = List.copyOf(subscribes);
        accepts = Map.copyOf(accepts);
    }

    /** An entry without {@code accepts}. */
    public EventCommunication(List<String> publishes, List<String> subscribes) {
        this(publishes, subscribes, Map.of());
    }
}
