package ai.openclaw.sdk.policy;

import java.time.Duration;
import java.util.Optional;

/**
 * A failure that says what kind it is, for policies: the SDK's client and publisher exceptions implement it, and so
 * can a handler's own exceptions.
 *
 * <pre>{@code
 * class LedgerBusyException extends RuntimeException implements ClassifiedFailure {
 *     public FailureKind failureKind() { return FailureKind.TRANSIENT; }   // retried by the stream's policy
 * }
 * }</pre>
 */
public interface ClassifiedFailure {
    /** What this failure says about the call and its target. */
    FailureKind failureKind();

    /** How long the target asked callers to wait before trying again (an HTTP {@code Retry-After}), if it did. */
    default Optional<Duration> retryAfter() {
        return Optional.empty();
    }
}
