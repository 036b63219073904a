package ai.openclaw.sdk.catalog;

import java.util.Map;
import java.util.Objects;

/**
 * A concrete request path matched to a catalog endpoint.
 *
 * <pre>{@code
 * catalog.findEndpoint("user-service", HttpMethod.GET, "/users/42")
 *        .ifPresent(m -> System.out.println(m.endpoint() + " id=" + m.pathVariables().get("id")));
 * }</pre>
 *
 * @param endpoint the endpoint that matched
 * @param pathVariables the template's variables and their decoded values, in template order
 */
public record EndpointMatch(Endpoint endpoint, Map<String, String> pathVariables) {
    /** Copies the map, keeping its order. */
    public EndpointMatch {
        Objects.requireNonNull(endpoint, "endpoint");
        pathVariables = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(pathVariables));
    }
}
