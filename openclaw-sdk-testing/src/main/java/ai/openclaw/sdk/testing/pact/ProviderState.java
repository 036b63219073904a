package ai.openclaw.sdk.testing.pact;

import java.util.Map;
import java.util.Objects;

/**
 * A state the provider must be in for an interaction ("user u-1 exists"), with parameters.
 *
 * @param name the state's name, as provider state handlers know it
 * @param params its parameters (JSON values)
 */
public record ProviderState(String name, Map<String, Object> params) {
    /** Checks and copies. */
    public ProviderState {
        Objects.requireNonNull(name, "name");
        params = Map.copyOf(params);
    }
}
