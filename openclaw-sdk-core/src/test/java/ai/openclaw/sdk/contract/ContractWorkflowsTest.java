package ai.openclaw.sdk.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.sdk.Finding;
import ai.openclaw.sdk.catalog.CatalogLoader;
import ai.openclaw.sdk.catalog.ServiceCatalog;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** contracts validate (the four checks), the catalog cross-checks, and contracts evolve, on the seed. */
class ContractWorkflowsTest {
    static ServiceCatalog seedCatalog() {
        try {
            return ServiceCatalog.load(Path.of(ContractWorkflowsTest.class
                    .getResource("/catalog/seed-services.yaml")
                    .toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private final ServiceCatalog catalog = seedCatalog();
    private final ContractRegistry contracts = ContractRegistry.load(SeedContractTest.contracts());

    @Test
    void validatingUserServiceRunsTheFourChecks() {
        Map<ContractChecks.Check, List<Finding>> report =
                ContractChecks.of(catalog, contracts).validateService("user-service");
        assertThat(report.get(ContractChecks.Check.PRODUCER_COMPLIANCE))
                .extracting(Finding::code, Finding::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "missing-event-contract",
                                "'user-service' publishes 'user.deleted' but there is no contract for it"
                                        + " (contracts/events/user.deleted/1.0.schema.json)"),
                        org.assertj.core.groups.Tuple.tuple(
                                "missing-event-contract",
                                "'user-service' publishes 'user.updated' but there is no contract for it"
                                        + " (contracts/events/user.updated/1.0.schema.json)"));
        assertThat(report.get(ContractChecks.Check.PRODUCER_COMPLIANCE))
                .allSatisfy(f -> assertThat(f.location()).isPresent());
        assertThat(report.get(ContractChecks.Check.API_ADHERENCE)).isEmpty();
        assertThat(report.get(ContractChecks.Check.CONSUMER_COMPATIBILITY)).isEmpty();
        assertThat(report.get(ContractChecks.Check.BACKWARD_COMPATIBILITY)).isEmpty();
    }

    @Test
    void endpointsAndOperationsMustMatch() {
        ServiceCatalog changed = CatalogLoader.defaults()
                .validate(
                        "services.yaml",
                        "services:\n  user-service:\n    owner: team-identity\n    endpoints:\n"
                                + "      - POST /users\n      - GET /users/:userId\n      - DELETE /users/:id\n")
                .resultOrThrow();
        List<Finding> adherence = ContractChecks.of(changed, contracts)
                .validateService("user-service")
                .get(ContractChecks.Check.API_ADHERENCE);
        assertThat(adherence)
                .extracting(Finding::code, Finding::yamlPath)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "endpoint-not-in-contract", "services.user-service.endpoints[2]"),
                        org.assertj.core.groups.Tuple.tuple("operation-not-in-catalog", "/paths/~1auth~1login/post"),
                        org.assertj.core.groups.Tuple.tuple("operation-not-in-catalog", "/paths/~1auth~1refresh/post"));
        assertThat(adherence.get(1).location().orElseThrow().toString()).endsWith("user-service.openapi.yaml:53:5");
    }

    @Test
    void consumersMustAcceptEveryVersionTheyCanReceive(@TempDir Path dir) throws IOException {
        Path events = Files.createDirectories(dir.resolve("events/user.created"));
        Files.writeString(events.resolve("1.0.json"), "{\"type\":\"object\"}");
        Files.writeString(events.resolve("2.0.json"), "{\"type\":\"object\",\"required\":[\"role\"]}");
        Files.writeString(events.resolve("2.1.json"), "{\"type\":\"object\",\"required\":[\"role\"]}");
        ContractRegistry twoMajors = ContractRegistry.load(dir);
        String base = "services:\n  user-service:\n    owner: a\n    communication:\n      - type: events\n"
                + "        publishes: [user.created]\n  billing-service:\n    owner: b\n    communication:\n"
                + "      - type: events\n        subscribes: [user.created]\n";
        ServiceCatalog undeclared =
                CatalogLoader.defaults().validate("s.yaml", base).resultOrThrow();
        assertThat(ContractChecks.of(undeclared, twoMajors)
                        .validateService("billing-service")
                        .get(ContractChecks.Check.CONSUMER_COMPATIBILITY))
                .extracting(Finding::code)
                .containsExactly("undeclared-acceptance");
        ServiceCatalog old = CatalogLoader.defaults()
                .validate("s.yaml", base + "        accepts: {user.created: \"1.x, 2.1+\"}\n")
                .resultOrThrow();
        assertThat(ContractChecks.of(old, twoMajors)
                        .validateService("billing-service")
                        .get(ContractChecks.Check.CONSUMER_COMPATIBILITY))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.code()).isEqualTo("unaccepted-version");
                    assertThat(f.message())
                            .isEqualTo("'billing-service' accepts user.created 1.x, 2.1+ but can receive"
                                    + " 2.0 (its publishers' newest major is 2)");
                });
        ServiceCatalog current = CatalogLoader.defaults()
                .validate("s.yaml", base + "        accepts: {user.created: \"2\"}\n")
                .resultOrThrow();
        assertThat(ContractChecks.of(current, twoMajors)
                        .validateService("billing-service")
                        .get(ContractChecks.Check.CONSUMER_COMPATIBILITY))
                .isEmpty();
    }

    @Test
    void theCrossCheckCoversTheWholeSystem() {
        assertThat(ContractChecks.of(catalog, contracts).crossCheck())
                .extracting(Finding::code)
                .containsExactly("missing-http-contract", "missing-event-contract", "missing-event-contract");
    }

    @Test
    void samplesMustKeepTheirContract(@TempDir Path dir) throws IOException {
        Path events = Files.createDirectories(dir.resolve("events/user.created/samples/1.0"));
        Files.writeString(
                dir.resolve("events/user.created/1.0.json"), "{\"type\":\"object\",\"required\":[\"email\"]}");
        Files.writeString(events.resolve("recorded.json"), "{\"name\":\"no email\"}");
        List<Finding> producer = ContractChecks.of(catalog, ContractRegistry.load(dir))
                .validateService("user-service")
                .get(ContractChecks.Check.PRODUCER_COMPLIANCE);
        assertThat(producer)
                .filteredOn(f -> f.code().equals("sample-violates-contract"))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.yamlPath()).isEqualTo("/email");
                    assertThat(f.location().orElseThrow().file()).endsWith("recorded.json");
                });
    }

    @Test
    void addingAnOptionalFieldIsTheNextMinorAndConsumersDeployFirst(@TempDir Path dir) throws IOException {
        ContractEvolution.Result r =
                ContractEvolution.of(catalog, contracts).addField("user.created", "role", "string", false);
        assertThat(r.version()).hasToString("1.1");
        assertThat(r.breaking()).isFalse();
        assertThat(r.schema().at("/properties/role/type").asText()).isEqualTo("string");
        assertThat(r.schema().at("/$id").asText()).isEqualTo("urn:openclaw:event:user.created:1.1");
        assertThat(r.producers()).containsExactly("user-service");
        assertThat(r.consumers()).singleElement().satisfies(c -> {
            assertThat(c.service()).isEqualTo("billing-service");
            assertThat(c.owner()).contains("team-payments");
            assertThat(c.action())
                    .startsWith(
                            "update to user.created 1.1 (optional field 'role') and deploy before"
                                    + " user-service publishes it: consumers on 1.0 reject 1.1 events (/properties/role: property-added-to-closed-content-model (role))");
        });
        Path written = r.write(dir);
        assertThat(written).isEqualTo(dir.resolve("events/user.created/1.1.schema.json"));
        assertThat(Files.readString(written)).contains("\"role\"");
        assertThatThrownBy(() -> r.write(dir)).hasMessageEndingWith("exists already; it is not overwritten");
    }

    @Test
    void aRequiredFieldOrARemovalInAClosedModelNeedsANewMajor() {
        ContractEvolution evolution = ContractEvolution.of(catalog, contracts);
        ContractEvolution.Result required = evolution.addField("user.created", "role", "string", true);
        assertThat(required.version()).hasToString("2.0");
        assertThat(required.breaking()).isTrue();
        assertThat(required.consumers().get(0).action())
                .startsWith(
                        "breaking change (required field 'role'): declare" + " accepts: {user.created: \"1.x, 2.x\"}");
        ContractEvolution.Result removed = evolution.removeField("user.created", "name");
        assertThat(removed.version()).hasToString("2.0");
        assertThat(removed.diff().backwardIncompatibilities())
                .extracting(SchemaChange::kind)
                .contains(ChangeKind.PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL);
        assertThatThrownBy(() -> evolution.addField("user.created", "email", "string", false))
                .hasMessage("user.created 1.0 already has a field 'email'");
        assertThatThrownBy(() -> evolution.addField("user.created", "x", "strng", false))
                .hasMessageStartingWith("unknown field type 'strng' (known: array, boolean, date, date-time");
        assertThatThrownBy(() -> evolution.removeField("user.deleted", "x"))
                .isInstanceOf(ContractException.class)
                .hasMessageStartingWith("no contract for event type 'user.deleted' to evolve");
    }
}
