package ai.openclaw.sdk.events;

import ai.openclaw.sdk.policy.ClassifiedFailure;
import ai.openclaw.sdk.policy.FailureKind;
import java.time.Duration;

/**
 * No reply came to a request within its timeout. The request may still be answered: the reply is then counted late
 * and dead-lettered in the asking instance's inbox, not lost. A {@link FailureKind#TRANSIENT} failure for policies.
 *
 * <pre>{@code
 * try {
 *     status = billing.request(inquiry).get();
 * } catch (ExecutionException e) {
 *     if (e.getCause() instanceof ReplyTimeoutException t) {
 *         log.warn("no answer to {} within {}", t.correlationId(), t.timeout());
 *     }
 * }
 * }</pre>
 */
public class ReplyTimeoutException extends ReplyException implements ClassifiedFailure {
    private static final long serialVersionUID = 1L;

    private final String requestType;
    private final String correlationId;
    private final Duration timeout;

    /** A timeout of the request {@code correlationId} of type {@code requestType}. */
    public ReplyTimeoutException(String requestType, String replyType, String correlationId, Duration timeout) {
        super(
                "no " + replyType + " reply to the " + requestType + " request " + correlationId + " within " + timeout,
                null);
        this.requestType = requestType;
        this.correlationId = correlationId;
        this.timeout = timeout;
    }

    /** The request's event type. */
    public String requestType() {
        return requestType;
    }

    /** The request's correlation id. */
    public String correlationId() {
        return correlationId;
    }

    /** How long the request waited. */
    public Duration timeout() {
        return timeout;
    }

    @Override
    public FailureKind failureKind() {
        return FailureKind.TRANSIENT;
    }
}
