package ai.openclaw.sdk.canary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.sdk.catalog.ServiceCatalog;
import ai.openclaw.sdk.discovery.CanarySplit;
import ai.openclaw.sdk.json.JsonMappers;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The seed's "openclaw deploy canary --service user-service --percentage 5 --duration 30m", on the samples. */
class CanaryPlanTest {
    private static final ServiceCatalog SAMPLES = ServiceCatalog.load(Path.of("../samples/.openclaw/services.yaml"));

    @Test
    void thePlanNamesTheCallersThatRouteAndWhatTheSplitDoesNotCover() {
        CanaryPlan plan = CanaryPlan.of(
                SAMPLES,
                "user-service",
                CanarySplit.percent(5),
                CanaryCriteria.defaults().withDuration(Duration.ofMinutes(30)));
        assertThat(plan.callers()).containsExactly("billing-service");
        String text = plan.toText();
        assertThat(text)
                .startsWith("Canary of user-service: 5% of calls for 30m\n1. Deploy the new version of user-service")
                .contains("#track=canary&version=<version>")
                .contains("OPENCLAW_SERVICE_USER_SERVICE_URL")
                .contains("in billing-service set openclaw.canary.user-service.percentage=5")
                .contains("openclaw gateway nginx --canary user-service=5")
                .contains("Watch it for 30m: roll back as soon as its error rate exceeds the baseline's by more than 1"
                        + " percentage point (p < 0.05) or its p95 latency is over x1.25")
                .contains("5. Roll back")
                .contains("the canary publishes subscription.inquiry_received, user.created, user.deleted,"
                        + " user.updated to the same streams as the baseline")
                .contains("the canary's subscribers join user-service's consumer group")
                .contains("ask for sticky routing (--sticky)");
        var json = plan.toJson(JsonMappers.standard());
        assertThat(json.get("percentage").asDouble()).isEqualTo(5.0);
        assertThat(json.get("steps")).hasSize(5);
        assertThat(CanaryPlan.of(SAMPLES, "user-service", CanarySplit.stickyPercent(5), CanaryCriteria.defaults())
                        .toText())
                .contains("5% of calls (sticky)")
                .contains("openclaw.canary.user-service.sticky=true")
                .doesNotContain("--sticky");
    }

    @Test
    void anUnknownServiceIsNamedWithTheOneMeant() {
        assertThatThrownBy(
                        () -> CanaryPlan.of(SAMPLES, "user-servce", CanarySplit.percent(5), CanaryCriteria.defaults()))
                .isInstanceOf(CanaryException.class)
                .hasMessage("the catalog has no service 'user-servce'; did you mean 'user-service'?");
    }
}
