package ai.openclaw.sdk.testing.stub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.sdk.catalog.HttpMethod;
import ai.openclaw.sdk.client.HttpStatusException;
import ai.openclaw.sdk.client.ServiceClient;
import ai.openclaw.sdk.client.ServiceClients;
import ai.openclaw.sdk.contract.ContractRegistry;
import ai.openclaw.sdk.discovery.ServiceDiscovery;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A WireMock stand-in for user-service, stubbed from its contract, called through discovery by a real client. */
class StubServiceTest {
    static final String OPENAPI = """
            openapi: 3.0.3
            info: {title: user-service, version: "1.0"}
            paths:
              /users:
                post:
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema:
                          type: object
                          required: [email, name]
                          properties:
                            email: {type: string, format: email}
                            name: {type: string, minLength: 1}
                  responses:
                    "400": {description: invalid}
                    "201":
                      description: created
                      content:
                        application/json:
                          schema: {$ref: "#/components/schemas/User"}
              /users/{id}:
                get:
                  parameters:
                    - {name: id, in: path, required: true, schema: {type: string}}
                  responses:
                    "200":
                      description: the user
                      content:
                        application/json:
                          schema: {$ref: "#/components/schemas/User"}
                          example: {id: u-42, email: ada@example.com, name: Ada, createdAt: "2026-11-22T10:00:00Z", roles: [admin]}
              /auth/refresh:
                post:
                  responses:
                    "204": {description: refreshed}
            components:
              schemas:
                User:
                  type: object
                  additionalProperties: false
                  required: [id, email, name, createdAt]
                  properties:
                    id: {type: string, pattern: "^u-", example: u-1}
                    email: {type: string, format: email}
                    name: {type: string}
                    createdAt: {type: string, format: date-time}
                    plan: {type: string, enum: [trial, paid]}
                    roles: {type: array, items: {type: string}}
            """;

    @TempDir
    Path dir;

    private ContractRegistry contracts;
    private StubService users;
    private ServiceClients clients;
    private ServiceClient client;

    record User(String id, String email, String name, String createdAt, String plan, java.util.List<String> roles) {}

    @BeforeEach
    void start() throws Exception {
        Files.createDirectories(dir.resolve("contracts/http"));
        Files.writeString(dir.resolve("contracts/http/user-service.openapi.yaml"), OPENAPI);
        contracts = ContractRegistry.load(dir.resolve("contracts"));
        users = StubService.start("user-service", contracts);
        clients = ServiceClients.builder(ServiceDiscovery.builder()
                        .addSource(users.instanceSource())
                        .build())
                .contracts(contracts)
                .build();
        client = clients.client("user-service");
    }

    @AfterEach
    void stop() {
        clients.close();
        users.close();
    }

    @Test
    void operationsAnswerTheirExampleOrABodyBuiltFromTheSchemaAndKeepTheContract() {
        User ada = client.get("/users/{id}").pathVariable("id", "u-42").send(User.class);
        assertThat(ada)
                .isEqualTo(new User(
                        "u-42", "ada@example.com", "Ada", "2026-11-22T10:00:00Z", null, java.util.List.of("admin")));

        // no example: built from the schema (the client checks it against the contract too)
        JsonNode created = client.post("/users")
                .body(Map.of("email", "grace@example.com", "name", "Grace"))
                .send(JsonNode.class);
        assertThat(created.get("email").asText()).isEqualTo("user@example.com");
        assertThat(created.get("createdAt").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(created.get("plan").asText()).isEqualTo("trial");
        assertThat(created.get("roles")).hasSize(1);

        client.post("/auth/refresh").send(Void.class);
        users.assertNoViolations();
        assertThat(users.wireMock().getAllServeEvents()).hasSize(3);
    }

    @Test
    void aRequestThatBreaksTheContractIsAnsweredAndRecorded() {
        clients.close();
        clients = ServiceClients.builder(ServiceDiscovery.builder()
                        .addSource(users.instanceSource())
                        .build())
                .build(); // no client-side request check: the stub is the one to notice
        clients.client("user-service").post("/users").body(Map.of("name", "")).send(JsonNode.class);

        assertThat(users.violations()).hasSize(1);
        StubService.Violation v = users.violations().get(0);
        assertThat(v.request()).isEqualTo("POST /users");
        assertThat(v.toString()).contains("/email").contains("/name");
        assertThatThrownBy(users::assertNoViolations)
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("1 request(s) to the user-service stub broke its contract:\nPOST /users");

        users.reset();
        assertThat(users.violations()).isEmpty();
    }

    @Test
    void aTestCanOverrideAnAnswer() {
        users.respond(HttpMethod.GET, "/users/{id}", 404, Map.of("title", "no such user"));
        assertThatThrownBy(() ->
                        client.get("/users/{id}").pathVariable("id", "u-1").send(User.class))
                .isInstanceOfSatisfying(
                        HttpStatusException.class, e -> assertThat(e.status()).isEqualTo(404));
        users.reset();
        assertThat(client.get("/users/{id}")
                        .pathVariable("id", "u-1")
                        .send(User.class)
                        .id())
                .isEqualTo("u-42");
    }

    @Test
    void aContractWhoseResponseCannotBeBuiltSaysWhichOperation() throws Exception {
        Files.writeString(dir.resolve("contracts/http/tree-service.openapi.yaml"), """
                openapi: 3.0.3
                info: {title: tree-service, version: "1.0"}
                paths:
                  /nodes/{id}:
                    get:
                      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                      responses:
                        "200":
                          description: a node
                          content:
                            application/json:
                              schema: {$ref: "#/components/schemas/Node"}
                components:
                  schemas:
                    Node:
                      type: object
                      required: [parent]
                      properties:
                        parent: {$ref: "#/components/schemas/Node"}
                """);
        ContractRegistry trees = ContractRegistry.load(dir.resolve("contracts"));
        assertThatThrownBy(() -> StubService.start("tree-service", trees))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot build a response for GET /nodes/{id} of tree-service: the schema at "
                        + "#/components/schemas/Node refers to itself; give it an example");
        assertThatThrownBy(() -> StubService.start("nobody", trees))
                .hasMessage("the contracts have no HTTP contract for nobody");
    }

    @Test
    void pathTemplatesBecomePatterns() {
        assertThat("/users/u-1/roles").matches(StubService.pathPattern("/users/{id}/roles"));
        assertThat("/users/u-1/x/roles").doesNotMatch(StubService.pathPattern("/users/{id}/roles"));
        assertThat("/a.b").doesNotMatch(StubService.pathPattern("/a-b"));
    }

    /** The extension: one stub for the class, reset before each test, checked after each. */
    @org.junit.jupiter.api.Nested
    class AsAnExtension {
        @org.junit.jupiter.api.extension.RegisterExtension
        final StubServiceExtension users = StubServiceExtension.of("user-service", contractsDir());

        static Path contractsDir() {
            try {
                Path dir = Files.createTempDirectory("stub-extension");
                Files.createDirectories(dir.resolve("http"));
                Files.writeString(dir.resolve("http/user-service.openapi.yaml"), OPENAPI);
                // removed when the JVM exits, innermost first (deleteOnExit runs in reverse order)
                dir.toFile().deleteOnExit();
                dir.resolve("http").toFile().deleteOnExit();
                dir.resolve("http/user-service.openapi.yaml").toFile().deleteOnExit();
                return dir;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Test
        void theStubRunsForTheTest() {
            try (ServiceClients c = ServiceClients.builder(ServiceDiscovery.builder()
                            .addSource(users.stub().instanceSource())
                            .build())
                    .build()) {
                assertThat(c.client("user-service")
                                .get("/users/{id}")
                                .pathVariable("id", "u-42")
                                .send(User.class)
                                .email())
                        .isEqualTo("ada@example.com");
            }
            users.stub().respond(HttpMethod.GET, "/users/{id}", 404, null);
        }

        @Test
        void aRequestBreakingTheContractFailsTheTest() {
            try (ServiceClients c = ServiceClients.builder(ServiceDiscovery.builder()
                            .addSource(users.stub().instanceSource())
                            .build())
                    .build()) {
                c.client("user-service").post("/users").body(Map.of("name", "")).send(JsonNode.class);
            }
            assertThatThrownBy(users::check).isInstanceOf(AssertionError.class).hasMessageContaining("POST /users");
            users.stub().reset(); // this test ends clean: after it, the extension checks again and finds nothing
        }
    }
}
