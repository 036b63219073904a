package ai.openclaw.sdk.events;

import ai.openclaw.sdk.OpenClawException;
import org.jspecify.annotations.Nullable;

/**
 * An event was not published: refused before sending (not in the catalog's {@code publishes}, over the size limit,
 * breaking its contract) or not stored (Redis unreachable or answering with an error). When this is thrown the
 * event is not in the stream, except for a timeout, where the message says the outcome is unknown.
 */
public class PublishException extends OpenClawException {
    private static final long serialVersionUID = 1L;

    private final String eventType;

    /**
     * Creates the exception.
     *
     * @param eventType the event type
     * @param message what went wrong
     * @param cause the underlying failure, or null
     */
    public PublishException(String eventType, String message, @Nullable Throwable cause) {
        super(message, cause);
        this.eventType = eventType;
    }

    /** The event type that was published. */
    public String eventType() {
        return eventType;
    }
}
