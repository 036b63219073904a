package ai.openclaw.sdk.pact;

import ai.openclaw.sdk.OpenClawException;
import org.jspecify.annotations.Nullable;

/**
 * The Pact Broker refused a request or could not be reached. The message names the broker (without credentials), the
 * request, the status and the broker's own error text; {@link #status()} is the HTTP status, 0 when no answer came.
 *
 * <pre>{@code
 * try {
 *     broker.publish(publication, files);
 * } catch (PactBrokerException e) {
 *     if (e.status() == 409) { ... the pact for that version changed: publish a new version ... }
 * }
 * }</pre>
 */
public final class PactBrokerException extends OpenClawException {
    private static final long serialVersionUID = 1L;

    private final int status;

    PactBrokerException(String message, int status, @Nullable Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /**
     * The HTTP status the broker answered.
     *
     * @return the status, or 0 when the broker could not be reached
     */
    public int status() {
        return status;
    }
}
