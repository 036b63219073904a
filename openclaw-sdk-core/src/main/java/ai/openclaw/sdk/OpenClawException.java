package ai.openclaw.sdk;

import org.jspecify.annotations.Nullable;

/**
 * The root of every exception the SDK throws on purpose. All are unchecked; the subtypes carry the facts a caller
 * needs to react (a service name, a file location, a JSON pointer) as methods, not only in the message.
 *
 * <pre>{@code
 * try {
 *     ServiceCatalog catalog = ServiceCatalog.load(Path.of(".openclaw/services.yaml"));
 * } catch (CatalogException e) {
 *     e.findings().forEach(f -> System.err.println(f));
 * } catch (OpenClawException e) {
 *     // anything else the SDK refused
 * }
 * }</pre>
 *
 * <p>Bad arguments to SDK methods are not {@code OpenClawException}s: they fail fast with {@link
 * IllegalArgumentException} or {@link NullPointerException} naming the argument.
 */
public class OpenClawException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message that names what went wrong and where.
     *
     * @param message what went wrong and where
     */
    public OpenClawException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and the exception that caused it.
     *
     * @param message what went wrong and where
     * @param cause the underlying failure, or {@code null}
     */
    public OpenClawException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
