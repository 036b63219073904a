package ai.openclaw.sdk.client;

import org.jspecify.annotations.Nullable;

/** The service could not be reached (connection refused, timed out), or its circuit breaker refused the call. */
public class ServiceUnavailableException extends ClientException {
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
}
