package ai.openclaw.sdk.discovery;

import java.util.List;

/**
 * No source knows an instance of the service. The message, and {@link #placesLooked()}, say where discovery looked, so
 * that the fix is obvious: set {@code OPENCLAW_SERVICE_USER_SERVICE_URL}, or list {@code instances} in the catalog.
 *
 * <pre>{@code
 * catch (NoInstanceException e) {
 *     e.serviceName();  // "user-service"
 *     e.placesLooked(); // ["system property openclaw.service.user-service.url (not set)", ...]
 * }
 * }</pre>
 */
public final class NoInstanceException extends DiscoveryException {
    private static final long serialVersionUID = 1L;

    private final String serviceName;
    private final List<String> placesLooked;

    NoInstanceException(String serviceName, List<String> placesLooked) {
        super("no instance known for service '" + serviceName + "'; looked at: " + String.join("; ", placesLooked));
        this.serviceName = serviceName;
        this.placesLooked = List.copyOf(placesLooked);
    }

    /** The service asked for. */
    public String serviceName() {
        return serviceName;
    }

    /** Each source's description of where it looked, in the order asked. */
    public List<String> placesLooked() {
        return placesLooked;
    }
}
