package ai.openclaw.sdk.spring.internal;

import ai.openclaw.sdk.resilience.ResiliencePolicies;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The state of each circuit breaker, by target. Always UP: an open circuit is another service's trouble, and a service
 * restarted or taken out of rotation for it would spread the outage. Kept out of the liveness and readiness groups.
 */
public final class CircuitsHealthIndicator implements HealthIndicator {
    private final ResiliencePolicies policies;

    public CircuitsHealthIndicator(ResiliencePolicies policies) {
        this.policies = policies;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        policies.circuitStates().forEach((target, state) -> health.withDetail(target, state.label()));
        return health.build();
    }
}
