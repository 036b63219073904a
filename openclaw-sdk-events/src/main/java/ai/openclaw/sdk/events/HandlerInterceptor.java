package ai.openclaw.sdk.events;

/**
 * Runs around every handler invocation of a subscriber: a platform team's own concern (a tenant in the MDC, a metric,
 * an audit line) without wrapping each handler. It must call {@code next.proceed()} once, or throw to fail the
 * invocation (the failure counts as the handler's: retried in place, redelivered, dead-lettered).
 *
 * <pre>{@code
 * EventSubscriber.builder("billing-service", transport)
 *         .around((metadata, next) -> {
 *             MDC.put("tenant", metadata.envelope().source());
 *             try { next.proceed(); } finally { MDC.remove("tenant"); }
 *         })
 *         .on("user.created", UserCreated.class, handler);
 * }</pre>
 */
@FunctionalInterface
public interface HandlerInterceptor {
    /**
     * Runs around one invocation.
     *
     * @param metadata the event's envelope and delivery
     * @param next the handler (or the next interceptor)
     * @throws Exception to fail the invocation
     */
    void around(EventMetadata metadata, Proceed next) throws Exception;

    /** The rest of the chain. */
    @FunctionalInterface
    interface Proceed {
        /** Runs the handler (or the next interceptor). */
        void proceed() throws Exception;
    }
}
