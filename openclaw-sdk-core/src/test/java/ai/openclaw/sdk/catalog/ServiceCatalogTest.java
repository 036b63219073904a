package ai.openclaw.sdk.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.sdk.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Queries on a catalog built in code, richer than the seed's. */
class ServiceCatalogTest {
    private final ServiceCatalog catalog = ServiceCatalog.of(List.of(
            ServiceDefinition.builder("user-service")
                    .owner("team-identity")
                    .dependsOn("billing-service")
                    .calls("billing-service")
                    .publishes("user.created", "user.deleted")
                    .build(),
            ServiceDefinition.builder("billing-service")
                    .owner("team-payments")
                    .subscribes("user.created", "user.deleted")
                    .publishes("subscription.cancelled")
                    .build(),
            ServiceDefinition.builder("notification-service")
                    .owner("team-engagement")
                    .subscribes("user.created", "subscription.cancelled")
                    .publishes("notification.sent")
                    .build(),
            ServiceDefinition.builder("audit-service")
                    .owner("team-payments")
                    .subscribes("notification.sent", "user.deleted")
                    .build(),
            ServiceDefinition.builder("gateway")
                    .owner("team-edge")
                    .calls("user-service")
                    .build()));

    @Test
    void eventFlowFollowsWhatReactionsPublishTransitively() {
        EventFlow flow = catalog.eventFlow("user.deleted");
        assertThat(flow.reactions())
                .containsExactly(
                        new EventFlow.Reaction(0, "user.deleted", "audit-service", List.of()),
                        new EventFlow.Reaction(0, "user.deleted", "billing-service", List.of("subscription.cancelled")),
                        new EventFlow.Reaction(
                                1, "subscription.cancelled", "notification-service", List.of("notification.sent")),
                        new EventFlow.Reaction(2, "notification.sent", "audit-service", List.of()));
        assertThat(catalog.eventFlow("nobody.cares").reactions()).isEmpty();
    }

    @Test
    void transitiveDependentsAreNearestFirst() {
        assertThat(catalog.transitiveDependentsOf("user-service"))
                .containsExactly("audit-service", "billing-service", "gateway", "notification-service");
        assertThat(catalog.transitiveDependentsOf("billing-service"))
                .containsExactly("notification-service", "user-service", "audit-service", "gateway");
    }

    @Test
    void impactNamesPathsAndOwners() {
        List<ImpactedService> impact = catalog.impactOf("billing-service");
        assertThat(impact)
                .filteredOn(s -> s.name().equals("gateway"))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.distance()).isEqualTo(2);
                    assertThat(s.path()).containsExactly("billing-service", "user-service", "gateway");
                    assertThat(s.owner()).contains("team-edge");
                });
    }

    @Test
    void teamsAndTheirServices() {
        assertThat(catalog.servicesOwnedBy("team-payments"))
                .extracting(ServiceDefinition::name)
                .containsExactly("audit-service", "billing-service");
        assertThat(catalog.servicesOwnedBy("team-nobody")).isEmpty();
    }

    @Test
    void codeBuiltCatalogsAreCheckedToo() {
        ServiceCatalog c = ServiceCatalog.of(List.of(ServiceDefinition.builder("a")
                .owner("t")
                .dependsOn("ghost")
                .subscribes("nobody.publishes")
                .build()));
        assertThat(c.warnings())
                .extracting(Finding::code, Finding::yamlPath)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("unknown-service", "services.a.dependencies"),
                        org.assertj.core.groups.Tuple.tuple("unpublished-event", "services.a.communication"));
        assertThat(c.warnings()).allSatisfy(w -> assertThat(w.location()).isEmpty());
        assertThatThrownBy(() -> ServiceCatalog.of(List.of(
                        ServiceDefinition.builder("a").owner("t").build(),
                        ServiceDefinition.builder("a").owner("u").build())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("service 'a' is defined twice");
    }

    @Test
    void isImmutable() {
        assertThatThrownBy(() -> catalog.services().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> catalog.dependentsOf("user-service").clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> catalog.transitiveDependentsOf("user-service").clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void answersTheSameFromManyThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                answers.add(pool.submit(() -> List.copyOf(catalog.transitiveDependentsOf("user-service"))));
            }
            for (Future<List<String>> a : answers) {
                assertThat(a.get())
                        .containsExactly("audit-service", "billing-service", "gateway", "notification-service");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
