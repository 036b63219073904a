package ai.openclaw.sdk.policy;

import ai.openclaw.sdk.OpenClawException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A policy stopped a call: it refused to make it (an open circuit, a full bulkhead, a rate limit) or stopped waiting
 * for it (a time limit). Callers turn it into their own failure: a client into {@code ServiceUnavailableException},
 * a publisher into {@code PublishException}.
 *
 * <pre>{@code
 * try {
 *     policy.execute(context, attempt);
 * } catch (CallPolicyException e) {
 *     if (e.reason() == CallPolicyException.Reason.CIRCUIT_OPEN) { ... } // nothing was sent
 * }
 * }</pre>
 */
public class CallPolicyException extends OpenClawException implements ClassifiedFailure {
    private static final long serialVersionUID = 1L;

    /** Why the policy stopped the call. */
    public enum Reason {
        /** The target's circuit breaker is open: the call was not made. */
        CIRCUIT_OPEN,
        /** As many calls as the bulkhead allows are running: the call was not made. */
        BULKHEAD_FULL,
        /** The rate limit is reached: the call was not made. */
        RATE_LIMITED,
        /** The call did not finish within the time limit: it may or may not have had its effect. */
        TIME_LIMIT
    }

    private final String target;
    private final String operation;
    private final Reason reason;

    /**
     * Creates the exception.
     *
     * @param target the call's target
     * @param operation the operation
     * @param reason why
     * @param message what happened, for people
     * @param cause the policy library's own exception, or null
     */
    public CallPolicyException(
            String target, String operation, Reason reason, String message, @Nullable Throwable cause) {
        super(message, cause);
        this.target = Objects.requireNonNull(target, "target");
        this.operation = Objects.requireNonNull(operation, "operation");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** The call's target. */
    public String target() {
        return target;
    }

    /** The operation. */
    public String operation() {
        return operation;
    }

    /** Why the policy stopped the call. */
    public Reason reason() {
        return reason;
    }

    /** Whether the call was made: false for every reason but {@link Reason#TIME_LIMIT}. */
    public boolean wasAttempted() {
        return reason == Reason.TIME_LIMIT;
    }

    /** A refusal is {@link FailureKind#PERMANENT} for this moment (asking again at once is refused again); a time limit is transient. */
    @Override
    public FailureKind failureKind() {
        return reason == Reason.TIME_LIMIT ? FailureKind.TRANSIENT : FailureKind.PERMANENT;
    }
}
