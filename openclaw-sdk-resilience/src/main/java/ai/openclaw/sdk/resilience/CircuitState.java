package ai.openclaw.sdk.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.Locale;

/**
 * The state of a target's circuit breaker, as {@link ResiliencePolicies#circuitStates()} and {@link
 * ResiliencePolicies.CircuitTransition} report it: the SDK's own type, so that no Resilience4j type is in its API.
 *
 * <pre>{@code
 * if (policies.circuitState("billing-service").orElse(CircuitState.CLOSED) == CircuitState.OPEN) { ... }
 * }</pre>
 */
public enum CircuitState {
    /** Calls pass; failures are counted. */
    CLOSED,
    /** Calls are refused without being made, until the open duration has passed. */
    OPEN,
    /** A few trial calls pass; their outcome closes or opens the circuit again. */
    HALF_OPEN,
    /** The breaker neither counts nor refuses. */
    DISABLED,
    /** The breaker counts but never refuses. */
    METRICS_ONLY,
    /** The breaker refuses every call until released. */
    FORCED_OPEN;

    static CircuitState of(CircuitBreaker.State state) {
        return valueOf(state.name());
    }

    /** The state as metrics and health output name it: {@code closed}, {@code open}, {@code half_open}... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
