package ai.openclaw.sdk.policy;

import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * What a failed call says about itself, for policies that retry calls and break circuits: the SDK's exceptions carry
 * their kind ({@link ClassifiedFailure}), so a policy needs to know none of its callers' exception types.
 *
 * <pre>{@code
 * FailureKind.of(new ServiceUnavailableException(...));   // TRANSIENT: retried, counted against the circuit
 * FailureKind.of(httpStatus429);                          // THROTTLED: retried after a wait, not counted
 * FailureKind.of(new ContractViolationException(...));    // PERMANENT: neither
 * }</pre>
 *
 * <p>A policy's own predicates ({@code ResiliencePolicy.Builder.retryOn}, {@code recordFailureOn}) override these
 * defaults.
 */
public enum FailureKind {
    /** The call may work if tried again, and the target looks unwell: unreachable, timed out, 5xx, not stored. */
    TRANSIENT,
    /** The call may work if tried again later, but the target is well: it asked the caller to slow down (429). */
    THROTTLED,
    /** Trying again will not help: the request is wrong (4xx, a contract violation, an event refused). */
    PERMANENT;

    /**
     * The kind of a failure: its own when it is a {@link ClassifiedFailure} (looking through {@link
     * CompletionException} and {@link ExecutionException}); {@link IOException} and {@link TimeoutException} are
     * {@link #TRANSIENT}; anything else is {@link #PERMANENT}.
     */
    public static FailureKind of(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof ClassifiedFailure c) {
            return c.failureKind();
        }
        return t instanceof IOException || t instanceof TimeoutException ? TRANSIENT : PERMANENT;
    }
}
