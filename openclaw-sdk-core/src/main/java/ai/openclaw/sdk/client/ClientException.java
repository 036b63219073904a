package ai.openclaw.sdk.client;

import ai.openclaw.sdk.OpenClawException;
import org.jspecify.annotations.Nullable;

/**
 * A call to another service failed. Subtypes say how: {@link HttpStatusException} (it answered with an error status),
 * {@link ServiceUnavailableException} (it could not be reached, or its circuit is open).
 *
 * <pre>{@code
 * try {
 *     users.get("/users/{id}").pathVariable("id", "42").send(User.class);
 * } catch (HttpStatusException e) {
 *     if (e.status() == 404) ...
 * } catch (ClientException e) {
 *     log.warn("{} {} failed", e.service(), e.operation(), e);
 * }
 * }</pre>
 */
public class ClientException extends OpenClawException {
    private static final long serialVersionUID = 1L;

    private final String service;
    private final String operation;

    /**
     * Creates the exception.
     *
     * @param service the called service
     * @param operation the operation, {@code GET /users/{id}}
     * @param message what went wrong
     * @param cause the underlying failure, or null
     */
    public ClientException(String service, String operation, String message, @Nullable Throwable cause) {
        super(message, cause);
        this.service = service;
        this.operation = operation;
    }

    /** The called service. */
    public String service() {
        return service;
    }

    /** The operation, {@code GET /users/{id}}. */
    public String operation() {
        return operation;
    }
}
