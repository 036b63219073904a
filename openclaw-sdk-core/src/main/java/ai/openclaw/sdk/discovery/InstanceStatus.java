package ai.openclaw.sdk.discovery;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of one instance's state in discovery, for health output and debugging.
 *
 * <pre>{@code
 * discovery.status("user-service").forEach(s ->
 *         System.out.println(s.baseUrl() + " in flight " + s.inFlight() + " ejected until " + s.ejectedUntil()));
 * }</pre>
 *
 * @param baseUrl the instance's base URL
 * @param inFlight requests selected but not yet closed
 * @param consecutiveFailures failures since the last success
 * @param ejectedUntil when an ejected instance returns; empty when it is not ejected
 */
public record InstanceStatus(URI baseUrl, int inFlight, int consecutiveFailures, Optional<Instant> ejectedUntil) {
    /** Validates the components. */
    public InstanceStatus {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(ejectedUntil, "ejectedUntil");
    }

    /** Whether the instance is ejected now. */
    public boolean isEjected() {
        return ejectedUntil.isPresent();
    }
}
