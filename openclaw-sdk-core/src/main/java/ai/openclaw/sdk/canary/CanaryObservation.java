package ai.openclaw.sdk.canary;

import java.time.Duration;
import java.util.Objects;

/**
 * What was seen of a canary and its baseline over the same time, for {@link CanaryAnalysis}.
 *
 * <pre>{@code
 * CanaryObservation seen = CanaryMetricsSource.of(discovery).observe("user-service");
 * seen.canary().requests();
 * }</pre>
 *
 * @param service the service
 * @param baseline the calls to the instances that are not canaries
 * @param canary the calls to the canary instances
 * @param observedFor how long these calls were gathered
 */
public record CanaryObservation(String service, TrackMetrics baseline, TrackMetrics canary, Duration observedFor) {
    /** Validates the components. */
    public CanaryObservation {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(canary, "canary");
        Objects.requireNonNull(observedFor, "observedFor");
    }
}
