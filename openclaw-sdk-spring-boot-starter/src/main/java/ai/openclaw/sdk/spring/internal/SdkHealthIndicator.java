package ai.openclaw.sdk.spring.internal;

import ai.openclaw.sdk.health.HealthGroup;
import ai.openclaw.sdk.health.HealthRegistry;
import ai.openclaw.sdk.health.HealthReport;
import ai.openclaw.sdk.health.HealthStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** One group of the runtime's checks (liveness or readiness) as an Actuator health indicator, each check a detail. */
public final class SdkHealthIndicator implements HealthIndicator {
    private final HealthRegistry registry;
    private final HealthGroup group;

    public SdkHealthIndicator(HealthRegistry registry, HealthGroup group) {
        this.registry = registry;
        this.group = group;
    }

    @Override
    public Health health() {
        HealthReport report = registry.report(group);
        Health.Builder health = report.status() == HealthStatus.UP ? Health.up() : Health.down();
        for (HealthReport.Check check : report.checks()) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("status", check.status().name());
            detail.putAll(check.data());
            health.withDetail(check.name(), detail);
        }
        return health.build();
    }
}
