package ai.openclaw.sdk.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.sdk.catalog.CatalogLoader;
import ai.openclaw.sdk.catalog.ServiceCatalog;
import ai.openclaw.sdk.contract.CompatibilityMode;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeploymentPlannerTest {
    private static ServiceCatalog seed() {
        try {
            return ServiceCatalog.load(Path.of(DeploymentPlannerTest.class
                    .getResource("/catalog/seed-services.yaml")
                    .toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private final ServiceCatalog catalog = seed();

    @Test
    void theSeedsPlanDeploysBillingBeforeUserWithRollbackNotes() {
        DeploymentPlan plan =
                DeploymentPlanner.of(catalog).plan(List.of("user-service", "billing-service", "user.created"));
        assertThat(plan.phases())
                .extracting(DeploymentPlan.Phase::title)
                .containsExactly("Deploy contract changes", "Deploy consumers first", "Deploy producer");
        assertThat(plan.phases().get(1).steps()).singleElement().satisfies(s -> {
            assertThat(s.subject()).isEqualTo("billing-service");
            assertThat(s.reason()).isEqualTo("handles the changed user.created; serves user-service");
        });
        assertThat(plan.phases().get(2).steps())
                .extracting(DeploymentPlan.Step::subject)
                .containsExactly("user-service");
        assertThat(plan.phases().get(1).rollback())
                .isEqualTo("roll back billing-service; do not proceed to Phase 3 (user-service would publish events the"
                        + " old billing-service cannot read)");
        assertThat(plan.phases().get(2).rollback()).startsWith("roll back user-service; this is safe");
        assertThat(plan.notes()).isEmpty();
        assertThat(plan.toMarkdown())
                .startsWith("## Deployment Plan\n### Phase 1: Deploy contract changes\n")
                .contains("### Phase 2: Deploy consumers first\n- billing-service (")
                .contains("### Rollback Plan\n- If Phase 3 fails: roll back user-service")
                .endsWith("- If Phase 1 fails: revert the contract changes; nothing deployed depends on them yet\n");
    }

    @Test
    void withoutNamedEventsEveryEventOfAChangedServiceCounts() {
        DeploymentPlan plan = DeploymentPlanner.of(catalog).plan(List.of("user-service", "billing-service"));
        assertThat(plan.phases().get(0).steps().get(0).reason())
                .isEqualTo("update the shared contracts of user.created, user.deleted, user.updated");
        assertThat(plan.phases().get(1).steps())
                .extracting(DeploymentPlan.Step::subject)
                .containsExactly("billing-service");
    }

    @Test
    void forwardModesDeployProducersFirst() {
        ServiceCatalog events = CatalogLoader.defaults()
                .validate(
                        "s.yaml",
                        "services:\n  p:\n    owner: t\n"
                                + "    communication:\n      - type: events\n        publishes: [e]\n  c:\n    owner: t\n"
                                + "    communication:\n      - type: events\n        subscribes: [e]\n")
                .resultOrThrow();
        DeploymentPlan plan =
                DeploymentPlanner.of(events).withMode(CompatibilityMode.FORWARD).plan(List.of("p", "c"));
        assertThat(plan.phases().get(1).steps())
                .extracting(DeploymentPlan.Step::subject)
                .containsExactly("p");
        assertThat(plan.phases().get(2).steps())
                .extracting(DeploymentPlan.Step::subject)
                .containsExactly("c");
    }

    @Test
    void cyclesGiveWayOrAreDeployedTogether() {
        // a calls b over HTTP (b first), b consumes a's event (b first too): fine. Add a consuming b's event: a cycle.
        ServiceCatalog cyclic = CatalogLoader.defaults()
                .validate(
                        "s.yaml",
                        "services:\n  a:\n    owner: t\n"
                                + "    dependencies: [b]\n    communication:\n      - type: events\n        publishes: [a.done]\n"
                                + "        subscribes: [b.done]\n  b:\n    owner: t\n    communication:\n      - type: events\n"
                                + "        publishes: [b.done]\n        subscribes: [a.done]\n")
                .resultOrThrow();
        DeploymentPlan plan = DeploymentPlanner.of(cyclic).plan(List.of("a", "b"));
        assertThat(plan.phases()).hasSize(2);
        assertThat(plan.phases().get(1).steps())
                .extracting(DeploymentPlan.Step::subject)
                .containsExactly("a", "b");
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("declared ordering gave way"));
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("deployed together"));
    }

    @Test
    void unknownChangesAreNamed() {
        assertThatThrownBy(() -> DeploymentPlanner.of(catalog).plan(List.of("user-servce")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'user-servce' is neither a service nor an event type of the catalog (did you mean"
                        + " 'user-service'?)");
    }
}
