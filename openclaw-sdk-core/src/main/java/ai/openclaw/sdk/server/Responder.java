package ai.openclaw.sdk.server;

/**
 * A service's own code: answers a request that keeps the contract.
 *
 * <pre>{@code
 * Responder users = request -> ServerResponse.ok(repository.find(request.variable("id")));
 * }</pre>
 */
@FunctionalInterface
public interface Responder {
    /**
     * Answers a request.
     *
     * @throws Problem for an answer other than success (written as {@code application/problem+json})
     * @throws Exception for a failure, answered {@code 500} without its message (it is logged with the trace id)
     */
    ServerResponse respond(ServerRequest request) throws Exception;
}
