package ai.openclaw.sdk.events;

/**
 * Handles one event. Throwing means "not handled": the event is retried, redelivered, and after the subscriber's
 * {@code maxDeliveries} dead-lettered with the exception's message.
 *
 * <pre>{@code
 * EventHandler<UserCreated> startTrial = (event, meta) -> billing.startTrial(event.userId(), meta.envelope().id());
 * }</pre>
 *
 * <p>Handlers run on the subscriber's worker threads, possibly several at once; delivery is at-least-once, so a
 * handler must tolerate seeing an event twice (the envelope id identifies it).
 *
 * @param <T> the payload type
 */
@FunctionalInterface
public interface EventHandler<T> {
    /**
     * Handles an event.
     *
     * @param payload the payload, mapped to {@code T}
     * @param metadata the envelope and the delivery
     * @throws Exception when the event was not handled
     */
    void handle(T payload, EventMetadata metadata) throws Exception;
}
