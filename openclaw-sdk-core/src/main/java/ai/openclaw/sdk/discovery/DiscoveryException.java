package ai.openclaw.sdk.discovery;

import ai.openclaw.sdk.OpenClawException;

/**
 * Discovery could not answer: no instance is known, or a source holds something that is not an instance URL.
 *
 * <pre>{@code
 * try {
 *     discovery.select("user-service");
 * } catch (NoInstanceException e) {
 *     log.error("{} (looked at {})", e.serviceName(), e.placesLooked());
 * } catch (DiscoveryException e) {
 *     log.error("discovery is misconfigured: {}", e.getMessage());
 * }
 * }</pre>
 */
public class DiscoveryException extends OpenClawException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, naming the service and the source
     */
    public DiscoveryException(String message) {
        super(message);
    }
}
