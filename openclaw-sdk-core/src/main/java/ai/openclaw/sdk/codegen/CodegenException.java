package ai.openclaw.sdk.codegen;

/**
 * Code that cannot be generated: an unknown service or event, an event the service does not subscribe to, a provider
 * without an HTTP contract. The message names it and the name probably meant.
 *
 * <pre>{@code
 * try {
 *     generator.eventHandler("billing-service", "user.craeted");
 * } catch (CodegenException e) {
 *     // 'billing-service' does not subscribe to 'user.craeted' ...; did you mean 'user.created'?
 * }
 * }</pre>
 */
public class CodegenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with its message. */
    public CodegenException(String message) {
        super(message);
    }
}
