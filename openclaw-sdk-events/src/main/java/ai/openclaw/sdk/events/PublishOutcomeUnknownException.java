package ai.openclaw.sdk.events;

import org.jspecify.annotations.Nullable;

/**
 * An event was sent and no answer came in time (Redis busy, a connection lost after the write): it may be in the
 * stream. Publishing it again may store a second copy; both carry the same envelope id ({@link #eventId()}), by which
 * a consumer can drop the repeat. See {@code docs/events.md}, "How many copies".
 *
 * <pre>{@code
 * } catch (PublishOutcomeUnknownException e) {
 *     log.warn("{} may be stored twice if sent again: {}", e.eventId().orElseThrow(), e.getMessage());
 * }
 * }</pre>
 */
public class PublishOutcomeUnknownException extends PublishException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param eventType the event type
     * @param eventId the envelope id the event was sent with
     * @param message what happened
     * @param cause the underlying failure, or null
     */
    public PublishOutcomeUnknownException(String eventType, String eventId, String message, @Nullable Throwable cause) {
        super(eventType, Outcome.UNKNOWN, eventId, message, cause);
    }
}
