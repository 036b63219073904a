package ai.openclaw.sdk.events;

import org.jspecify.annotations.Nullable;

/**
 * A request over events that got no usable reply: the reply does not map to its type, or the requester closed before
 * it came. {@link ReplyTimeoutException} is the one for a reply that did not come in time.
 *
 * <pre>{@code
 * billing.request(inquiry).exceptionally(e -> {
 *     if (e instanceof ReplyTimeoutException t) { ... t.correlationId() ... }
 *     return SubscriptionStatus.unknown();
 * });
 * }</pre>
 */
public class ReplyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A failure with its reason (which never quotes a payload). */
    public ReplyException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
