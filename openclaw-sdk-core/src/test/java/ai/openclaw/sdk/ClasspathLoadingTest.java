package ai.openclaw.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.sdk.catalog.CatalogException;
import ai.openclaw.sdk.catalog.CatalogLoader;
import ai.openclaw.sdk.catalog.ServiceCatalog;
import ai.openclaw.sdk.contract.ContractException;
import ai.openclaw.sdk.contract.ContractLoader;
import ai.openclaw.sdk.contract.ContractRegistry;
import ai.openclaw.sdk.contract.ContractVersion;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Catalog and contracts read from the class path: a directory of it, and a jar, as a service shipped as one jar. */
class ClasspathLoadingTest {
    private static final String CATALOG = """
            services:
              user-service:
                owner: team-identity
                communication:
                  - type: events
                    publishes:
                      - user.created
              billing-service:
                owner: team-payments
                communication:
                  - type: events
                    subscribes:
                      - user.created
            """;

    private static final String SCHEMA = """
            {"$schema": "https://json-schema.org/draft/2020-12/schema",
             "type": "object", "required": ["userId"], "properties": {"userId": {"type": "string"}}}
            """;

    @TempDir
    Path temp;

    @Test
    void aDirectoryOnTheClassPathIsReadInPlace() {
        ContractRegistry contracts = ContractRegistry.loadFromClasspath("contracts");
        assertThat(contracts.httpContract("user-service")).isPresent();
        assertThat(ContractRegistry.loadFromClasspath("/contracts/").httpContract("user-service"))
                .as("leading and trailing slashes are ignored")
                .isPresent();
        ServiceCatalog seed = ServiceCatalog.loadFromClasspath("catalog/seed-services.yaml");
        assertThat(seed.service("user-service").name()).isEqualTo("user-service");
    }

    @Test
    void catalogAndContractsAreReadFromAJar() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put(".openclaw/", null);
        entries.put(".openclaw/services.yaml", CATALOG);
        entries.put("contracts/", null);
        entries.put("contracts/events/", null);
        entries.put("contracts/events/user.created/", null);
        entries.put("contracts/events/user.created/1.0.schema.json", SCHEMA);
        try (URLClassLoader loader = jar(entries)) {
            ServiceCatalog catalog = CatalogLoader.defaults()
                    .validateFromClasspath(".openclaw/services.yaml", loader)
                    .resultOrThrow();
            assertThat(catalog.subscribersOf("user.created")).containsExactly("billing-service");
            assertThat(CatalogLoader.defaults()
                            .validateFromClasspath(".openclaw", loader)
                            .resultOrThrow()
                            .dependentsOf("user-service"))
                    .as("a directory of catalog files")
                    .isNotEmpty();

            ContractRegistry contracts = ContractLoader.defaults()
                    .validateFromClasspath("contracts", loader)
                    .resultOrThrow();
            assertThat(contracts.eventContract("user.created", ContractVersion.parse("1.0")))
                    .isPresent();
        }
    }

    @Test
    void findingsNameTheClasspathFileLineAndColumn() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("contracts/", null);
        entries.put("contracts/events/", null);
        entries.put("contracts/events/user.created/", null);
        entries.put(".openclaw/services.yaml", CATALOG.replace("owner: team-payments", "owner: [team-payments"));
        entries.put("contracts/events/user.created/1.0.schema.json", SCHEMA.replace("\"string\"", "\"text\""));
        try (URLClassLoader loader = jar(entries)) {
            assertThat(CatalogLoader.defaults()
                            .validateFromClasspath(".openclaw/services.yaml", loader)
                            .errors())
                    .first()
                    .asString()
                    .startsWith("classpath:.openclaw/services.yaml:");
            assertThat(ContractLoader.defaults()
                            .validateFromClasspath("contracts", loader)
                            .errors())
                    .first()
                    .asString()
                    .startsWith("classpath:contracts/events/user.created/1.0.schema.json:2:")
                    .contains("/properties/userId/type");
        }
    }

    @Test
    void aMissingResourceIsNamed() {
        assertThatThrownBy(() -> ServiceCatalog.loadFromClasspath("nowhere/services.yaml"))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("classpath:nowhere/services.yaml: no such resource on the class path");
        assertThatThrownBy(() -> ContractRegistry.loadFromClasspath("no-contracts"))
                .isInstanceOf(ContractException.class)
                .hasMessageContaining("classpath:no-contracts: no contracts directory on the class path");
    }

    private URLClassLoader jar(Map<String, String> entries) throws IOException {
        Path jar = Files.createTempFile(temp, "service", ".jar");
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                out.putNextEntry(new JarEntry(e.getKey()));
                if (e.getValue() != null) {
                    out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                }
                out.closeEntry();
            }
        }
        return new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
    }
}
