package ai.openclaw.sdk.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.sdk.Finding;
import ai.openclaw.sdk.SourceLocation;
import ai.openclaw.sdk.Validation;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The seed's manifest, copied unchanged from shared/fixtures/seed-services.yaml, loads and answers its questions. */
class SeedCatalogTest {
    static Path seed() {
        try {
            return Path.of(SeedCatalogTest.class
                    .getResource("/catalog/seed-services.yaml")
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private final ServiceCatalog catalog = ServiceCatalog.load(seed());

    @Test
    void loadsEveryKeyOfTheSeed() {
        assertThat(catalog.serviceNames()).containsExactly("billing-service", "user-service");
        ServiceDefinition user = catalog.service("user-service");
        assertThat(user.repo()).contains("my-org/user-service");
        assertThat(user.owner()).isEqualTo("team-identity");
        assertThat(user.description()).contains("User registration, authentication, and profile management");
        assertThat(user.endpoints())
                .containsExactly(
                        Endpoint.parse("POST /users"),
                        Endpoint.parse("GET /users/{id}"),
                        Endpoint.parse("POST /auth/login"),
                        Endpoint.parse("POST /auth/refresh"));
        assertThat(user.dependencies()).containsExactly("notification-service", "billing-service");
        assertThat(user.communication())
                .containsExactly(
                        new HttpCommunication("billing-service", Optional.empty()),
                        new EventCommunication(List.of("user.created", "user.updated", "user.deleted"), List.of()));
        assertThat(user.location()).contains(new SourceLocation(seed().toString(), 4, 3));

        ServiceDefinition billing = catalog.service("billing-service");
        assertThat(billing.subscribes()).containsExactlyInAnyOrder("user.created", "user.deleted");
        assertThat(billing.dependencies()).containsExactly("payment-gateway");
    }

    @Test
    void warnsAboutTheTwoUndeclaredServicesWithTheirPlaces() {
        assertThat(catalog.warnings())
                .extracting(Finding::code, Finding::yamlPath, f -> f.location().orElseThrow())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "unknown-service",
                                "services.user-service.dependencies[0]",
                                new SourceLocation(seed().toString(), 14, 9)),
                        org.assertj.core.groups.Tuple.tuple(
                                "unknown-service",
                                "services.billing-service.dependencies[0]",
                                new SourceLocation(seed().toString(), 33, 9)));
        assertThat(catalog.undeclaredServices()).containsExactly("notification-service", "payment-gateway");
    }

    @Test
    void strictModeRefusesTheUndeclaredServices() {
        Validation<ServiceCatalog> v =
                CatalogLoader.builder().strict(true).build().validate(seed());
        assertThat(v.hasErrors()).isTrue();
        assertThat(v.errors())
                .extracting(Finding::message)
                .containsExactly(
                        "'notification-service' is a dependency of 'user-service' but is not declared in the catalog",
                        "'payment-gateway' is a dependency of 'billing-service' but is not declared in the catalog");
        assertThatThrownBy(v::resultOrThrow)
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("2 errors")
                .hasMessageContaining("seed-services.yaml:14:9: error: services.user-service.dependencies[0]");
    }

    @Test
    void whichServicesDependOnTheUserService() {
        assertThat(catalog.dependentsOf("user-service"))
                .containsExactly(new Dependency(
                        "billing-service",
                        "user-service",
                        Set.of(DependencyKind.EVENTS),
                        Set.of("user.created", "user.deleted")));
        assertThat(catalog.transitiveDependentsOf("user-service")).containsExactly("billing-service");
    }

    @Test
    void dependenciesCombineDeclaredHttpAndEvents() {
        assertThat(catalog.dependenciesOf("user-service"))
                .extracting(Dependency::to, Dependency::kinds)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "billing-service", Set.of(DependencyKind.DECLARED, DependencyKind.HTTP)),
                        org.assertj.core.groups.Tuple.tuple("notification-service", Set.of(DependencyKind.DECLARED)));
        assertThat(catalog.transitiveDependenciesOf("user-service"))
                .containsExactly("billing-service", "notification-service", "payment-gateway");
        assertThat(catalog.dependentsOf("payment-gateway"))
                .extracting(Dependency::from)
                .containsExactly("billing-service");
    }

    @Test
    void whatHappensWhenAUserIsDeleted() {
        EventFlow flow = catalog.eventFlow("user.deleted");
        assertThat(flow.publishers()).containsExactly("user-service");
        assertThat(flow.reactions())
                .containsExactly(new EventFlow.Reaction(0, "user.deleted", "billing-service", List.of()));
    }

    @Test
    void whichTeamOwnsTheBillingService() {
        assertThat(catalog.ownerOf("billing-service")).contains("team-payments");
        assertThat(catalog.servicesOwnedBy("team-payments"))
                .extracting(ServiceDefinition::name)
                .containsExactly("billing-service");
        assertThat(catalog.ownerOf("payment-gateway")).isEmpty();
        assertThat(catalog.teams()).containsExactly("team-identity", "team-payments");
    }

    @Test
    void publishersAndSubscribersOfAnEvent() {
        assertThat(catalog.publishersOf("user.created")).containsExactly("user-service");
        assertThat(catalog.subscribersOf("user.created")).containsExactly("billing-service");
        assertThat(catalog.subscribersOf("user.updated")).isEmpty();
        assertThat(catalog.eventTypes()).containsExactly("user.created", "user.deleted", "user.updated");
    }

    @Test
    void impactOfChangingTheUserService() {
        assertThat(catalog.impactOf("user-service"))
                .containsExactly(new ImpactedService(
                        "billing-service",
                        1,
                        List.of("user-service", "billing-service"),
                        Optional.of("team-payments")));
        assertThat(catalog.impactOf("payment-gateway"))
                .extracting(ImpactedService::name, ImpactedService::distance)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("billing-service", 1),
                        org.assertj.core.groups.Tuple.tuple("user-service", 2));
    }

    @Test
    void matchesAConcreteRequestToItsEndpoint() {
        EndpointMatch match = catalog.findEndpoint("user-service", HttpMethod.GET, "/users/42?expand=profile")
                .orElseThrow();
        assertThat(match.endpoint()).hasToString("GET /users/{id}");
        assertThat(match.pathVariables()).containsEntry("id", "42");
        assertThat(catalog.findEndpoint("user-service", HttpMethod.DELETE, "/users/42"))
                .isEmpty();
    }

    @Test
    void unknownNamesAreRefusedWithASuggestion() {
        assertThatThrownBy(() -> catalog.dependentsOf("user-servce"))
                .isInstanceOfSatisfying(UnknownServiceException.class, e -> {
                    assertThat(e.serviceName()).isEqualTo("user-servce");
                    assertThat(e.suggestion()).contains("user-service");
                })
                .hasMessage("no service 'user-servce' in the catalog (did you mean 'user-service'?)");
        assertThatThrownBy(() -> catalog.service("payment-gateway")).isInstanceOf(UnknownServiceException.class);
    }
}
