package ai.openclaw.sdk.events;

/**
 * Answers a request that came as an event: returns the reply's payload, which an {@link EventResponder} publishes to
 * the asker's inbox.
 *
 * <pre>{@code
 * RequestHandler<SubscriptionInquiry, SubscriptionStatus> status =
 *         (inquiry, meta) -> subscriptions.statusOf(inquiry.userId());
 * }</pre>
 *
 * <p>Throwing means "not handled", as with {@link EventHandler}: the request is retried and redelivered, then
 * dead-lettered. Delivery is at least once, so a request may be answered twice; the asker takes the first reply.
 *
 * @param <Q> the request's payload type
 * @param <R> the reply's payload type
 */
@FunctionalInterface
public interface RequestHandler<Q, R> {
    /**
     * Answers a request.
     *
     * @param request the request's payload
     * @param metadata its envelope and delivery
     * @return the reply's payload (never null), checked against the reply type's contract when published
     * @throws Exception when the request was not handled
     */
    R answer(Q request, EventMetadata metadata) throws Exception;
}
