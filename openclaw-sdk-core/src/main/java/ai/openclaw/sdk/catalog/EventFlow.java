package ai.openclaw.sdk.catalog;

import java.util.List;
import java.util.Objects;

/**
 * What happens when an event is published: who reacts, what they publish in turn, and who reacts to that,
 * transitively. The catalog does not know which published event a reaction causes, so {@link
 * Reaction#mayPublish()} lists all that the reacting service publishes.
 *
 * <pre>{@code
 * EventFlow flow = catalog.eventFlow("user.deleted");
 * for (EventFlow.Reaction r : flow.reactions()) {
 *     System.out.println("  ".repeat(r.depth()) + r.service() + " reacts to " + r.event());
 * }
 * }</pre>
 *
 * @param event the event type the flow starts from
 * @param publishers the services publishing it
 * @param reactions every reaction, breadth first; each event type is followed once, so cycles end
 */
public record EventFlow(String event, List<String> publishers, List<Reaction> reactions) {
    /** Copies the lists. */
    public EventFlow {
        Objects.requireNonNull(event, "event");
        publishers = List.copyOf(publishers);
        reactions = List.copyOf(reactions);
    }

    /**
     * One service reacting to one event.
     *
     * @param depth 0 for reactions to the starting event, 1 for reactions to what those publish, and so on
     * @param event the event type reacted to
     * @param service the subscribing service
     * @param mayPublish what the service publishes, and so may publish in turn
     */
    public record Reaction(int depth, String event, String service, List<String> mayPublish) {
        /** Copies the list. */
        public Reaction {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(service, "service");
            mayPublish = List.copyOf(mayPublish);
        }
    }
}
