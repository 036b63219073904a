package ai.openclaw.sdk.catalog;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: http}: the service calls {@code target} over HTTP.
 *
 * <pre>{@code
 * communication:
 *   - type: http
 *     target: billing-service
 *     resilience: payments-critical   # optional extension: the resilience policy for these calls
 * }</pre>
 *
 * @param target the called service's catalog name
 * @param resiliencePolicy the name of the resilience policy for calls to the target, if the catalog names one
 */
public record HttpCommunication(String target, Optional<String> resiliencePolicy) implements Communication {
    /** Validates the components. */
    public HttpCommunication {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(resiliencePolicy, "resiliencePolicy");
    }

    /**
     * An HTTP link with no resilience policy named.
     *
     * @param target the called service
     * @param resiliencePolicy the policy's name, or {@code null}
     * @return the link
     */
    public static HttpCommunication to(String target, @Nullable String resiliencePolicy) {
        return new HttpCommunication(target, Optional.ofNullable(resiliencePolicy));
    }
}
