package ai.openclaw.sdk.client;

import ai.openclaw.sdk.policy.ClassifiedFailure;
import ai.openclaw.sdk.policy.FailureKind;
import org.jspecify.annotations.Nullable;

/**
 * The service could not be reached (connection refused, timed out), or a policy refused the call (its circuit breaker
 * is open, ...; then the cause is the policy's {@link ai.openclaw.sdk.policy.CallPolicyException}). A {@link
 * FailureKind#TRANSIENT} failure: policies retry it and count it against the target's circuit.
 */
public class ServiceUnavailableException extends ClientException implements ClassifiedFailure {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param service the called service
     * @param operation the operation
     * @param message what went wrong
     * @param cause the underlying failure, or null
     */
    public ServiceUnavailableException(String service, String operation, String message, @Nullable Throwable cause) {
        super(service, operation, message, cause);
    }

    @Override
    public FailureKind failureKind() {
        return FailureKind.TRANSIENT;
    }
}
