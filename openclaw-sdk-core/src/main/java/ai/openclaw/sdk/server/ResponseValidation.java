package ai.openclaw.sdk.server;

/**
 * What {@link ServerKit} does with a response that breaks the service's own contract.
 *
 * <pre>{@code
 * ServerKit.builder("user-service", contract).responseValidation(ResponseValidation.REFUSE)  // in tests
 * }</pre>
 */
public enum ResponseValidation {
    /** Responses are not checked (the default: a check costs a schema validation per response). */
    OFF,
    /** Each violation is logged with the trace id and the response goes out as it is. */
    LOG,
    /** The response is replaced by a {@code 500} problem naming the violations: the caller never sees a broken one. */
    REFUSE
}
