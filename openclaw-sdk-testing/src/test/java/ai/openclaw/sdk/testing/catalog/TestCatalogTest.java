package ai.openclaw.sdk.testing.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.sdk.catalog.CatalogException;
import ai.openclaw.sdk.catalog.ServiceCatalog;
import ai.openclaw.sdk.discovery.InstanceSource;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCatalogTest {
    @Test
    void aCatalogBuiltInCodeAnswersTheCatalogsQuestions() {
        ServiceCatalog catalog = TestCatalog.builder()
                .service("user-service", s -> s.owner("team-identity")
                        .endpoints("POST /users", "GET /users/:id")
                        .callsHttp("billing-service")
                        .publishes("user.created")
                        .instances("http://127.0.0.1:8081"))
                .service("billing-service", s -> s.owner("team-payments").subscribes("user.created"))
                .service("notification-service", s -> s.subscribes("user.created"))
                .build();
        assertThat(catalog.service("user-service").owner()).isEqualTo("team-identity");
        assertThat(InstanceSource.catalog(catalog).instances("user-service"))
                .containsExactly(URI.create("http://127.0.0.1:8081"));
        assertThat(catalog.toString()).isNotBlank();
    }

    @Test
    void itIsValidatedLikeAFile() {
        TestCatalog broken = TestCatalog.builder().service("user-service", s -> s.endpoints("GETT /users"));
        assertThat(broken.toYaml()).contains("  - \"GETT /users\"");
        assertThatThrownBy(broken::build)
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("services.user-service.endpoints[0]")
                .hasMessageContaining("unknown HTTP method 'GETT'");
    }

    @Test
    void theRealCatalogIsFoundFromAFolderUp(@TempDir Path repo, @TempDir Path elsewhere) throws Exception {
        Files.createDirectories(repo.resolve(".openclaw"));
        Files.writeString(
                repo.resolve(".openclaw/services.yaml"),
                TestCatalog.builder().service("user-service").toYaml());
        Path module = Files.createDirectories(repo.resolve("services/user-service/src"));
        assertThat(TestCatalog.load(module).service("user-service").owner()).isEqualTo("team-test");
        assertThatThrownBy(() -> TestCatalog.load(elsewhere))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no .openclaw/services.yaml in " + elsewhere.toAbsolutePath());
    }
}
