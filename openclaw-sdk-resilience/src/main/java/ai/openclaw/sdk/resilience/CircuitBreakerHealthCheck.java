package ai.openclaw.sdk.resilience;

import ai.openclaw.sdk.health.HealthCheck;
import ai.openclaw.sdk.health.HealthResult;
import ai.openclaw.sdk.health.HealthStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The circuit breakers of a {@link ResiliencePolicies}, for readiness: the state of each circuit as data ({@code
 * "user-service": "OPEN"}), and {@code open} with how many are open. UP by default even when circuits are open: an
 * open circuit means a dependency is failing, and the circuit (with a fallback) is what keeps this service useful;
 * taking this service out of rotation would spread the failure. Name the targets this service cannot work without
 * with {@link #critical}: an open circuit to one of them makes the check DOWN.
 *
 * <pre>{@code
 * registry.readiness("circuit-breakers", CircuitBreakerHealthCheck.of(policies).critical("payment-gateway"));
 * }</pre>
 *
 * <p>Never register it in liveness: restarting a process does not mend the service it calls.
 */
public final class CircuitBreakerHealthCheck implements HealthCheck {
    private final ResiliencePolicies policies;
    private final Set<String> critical;

    private CircuitBreakerHealthCheck(ResiliencePolicies policies, Set<String> critical) {
        this.policies = Objects.requireNonNull(policies, "policies");
        this.critical = Set.copyOf(critical);
    }

    /** Shows every circuit; UP whatever their states. */
    public static CircuitBreakerHealthCheck of(ResiliencePolicies policies) {
        return new CircuitBreakerHealthCheck(policies, Set.of());
    }

    /** A copy that is DOWN while the circuit to any of {@code targets} is open (or forced open). */
    public CircuitBreakerHealthCheck critical(String... targets) {
        return new CircuitBreakerHealthCheck(policies, Set.of(targets));
    }

    @Override
    public HealthResult check() {
        Map<String, Object> data = new LinkedHashMap<>();
        List<String> criticalOpen = new ArrayList<>();
        int open = 0;
        for (Map.Entry<String, CircuitState> e : policies.circuitStates().entrySet()) {
            data.put(e.getKey(), e.getValue().name());
            if (isOpen(e.getValue())) {
                open++;
                if (critical.contains(e.getKey())) {
                    criticalOpen.add(e.getKey());
                }
            }
        }
        data.put("open", open);
        if (criticalOpen.isEmpty()) {
            return new HealthResult(HealthStatus.UP, data);
        }
        return new HealthResult(HealthStatus.DOWN, data)
                .withData("error", "the circuit to " + String.join(", ", criticalOpen) + " is open");
    }

    private static boolean isOpen(CircuitState state) {
        return state == CircuitState.OPEN || state == CircuitState.FORCED_OPEN;
    }

    @Override
    public String toString() {
        return "CircuitBreakerHealthCheck" + (critical.isEmpty() ? "" : "{critical=" + critical + "}");
    }
}
