package ai.openclaw.sdk.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.sdk.catalog.CatalogLoader;
import ai.openclaw.sdk.catalog.ServiceCatalog;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Where discovery looks, in which order, and what it says when it finds nothing. */
class InstanceSourcesTest {
    private final ServiceCatalog catalog = CatalogLoader.defaults()
            .validate(
                    "services.yaml",
                    "services:\n  user-service:\n    owner: t\n    instances:\n      - http://catalog:8080\n"
                            + "  billing-service:\n    owner: t\n")
            .resultOrThrow();

    private ServiceDiscovery discovery(Properties props, Map<String, String> env, InstanceSource... extra) {
        ServiceDiscovery.Builder b = ServiceDiscovery.builder()
                .systemProperties(props)
                .environment(env)
                .catalog(catalog);
        for (InstanceSource s : extra) {
            b.addSource(s);
        }
        return b.build();
    }

    @Test
    void theCatalogAnswersWhenNothingOverridesIt() {
        assertThat(discovery(new Properties(), Map.of()).instances("user-service"))
                .containsExactly(URI.create("http://catalog:8080"));
    }

    @Test
    void overridesComeFirstInTheirOrder() {
        Properties props = new Properties();
        Map<String, String> env = Map.of("OPENCLAW_SERVICE_USER_SERVICE_URL", " http://env-a:1 , http://env-b:2 ,");
        InstanceSource custom = InstanceSource.of(Map.of("user-service", List.of(URI.create("http://custom:3"))));

        assertThat(discovery(props, Map.of(), custom).instances("user-service"))
                .containsExactly(URI.create("http://custom:3"));
        assertThat(discovery(props, env, custom).instances("user-service"))
                .containsExactly(URI.create("http://env-a:1"), URI.create("http://env-b:2"));
        props.setProperty("openclaw.service.user-service.url", "https://prop:4/base");
        ServiceDiscovery d = discovery(props, env, custom);
        assertThat(d.instances("user-service")).containsExactly(URI.create("https://prop:4/base"));
        try (SelectedInstance i = d.select("user-service")) {
            assertThat(i.resolve("/users/42?x=1")).isEqualTo(URI.create("https://prop:4/base/users/42?x=1"));
        }
    }

    @Test
    void aServiceNobodyKnowsSaysWhereDiscoveryLooked() {
        assertThatThrownBy(() -> discovery(new Properties(), Map.of()).select("billing-service"))
                .isInstanceOfSatisfying(NoInstanceException.class, e -> {
                    assertThat(e.serviceName()).isEqualTo("billing-service");
                    assertThat(e.placesLooked())
                            .containsExactly(
                                    "system property openclaw.service.billing-service.url (not set)",
                                    "environment variable OPENCLAW_SERVICE_BILLING_SERVICE_URL (not set)",
                                    "the catalog's services.billing-service.instances in services.yaml (none listed)");
                })
                .hasMessageStartingWith("no instance known for service 'billing-service'; looked at: system property");
        assertThatThrownBy(() -> discovery(new Properties(), Map.of()).instances("ghost"))
                .hasMessageEndingWith("the catalog (it does not declare 'ghost')");
    }

    @Test
    void aBadValueNamesItsSourceButNeverShowsCredentials() {
        assertThatThrownBy(() -> discovery(new Properties(), Map.of("OPENCLAW_SERVICE_USER_SERVICE_URL", "not a url"))
                        .instances("user-service"))
                .isInstanceOf(DiscoveryException.class)
                .hasMessageStartingWith("environment variable OPENCLAW_SERVICE_USER_SERVICE_URL holds 'not a url'");
        assertThatThrownBy(() -> discovery(
                                new Properties(),
                                Map.of("OPENCLAW_SERVICE_USER_SERVICE_URL", "http://admin:hunter2@host:1"))
                        .instances("user-service"))
                .isInstanceOf(DiscoveryException.class)
                .hasMessageContaining("credentials")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void builderRefusesNonsense() {
        assertThatThrownBy(() -> ServiceDiscovery.builder().failuresToEject(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("failuresToEject must be >= 1, was 0");
        assertThatThrownBy(() -> ServiceDiscovery.builder().ejectionDuration(java.time.Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
