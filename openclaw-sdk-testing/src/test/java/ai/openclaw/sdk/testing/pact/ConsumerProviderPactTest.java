package ai.openclaw.sdk.testing.pact;

import static ai.openclaw.sdk.testing.pact.PactMatchers.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.sdk.client.ServiceClients;
import ai.openclaw.sdk.discovery.ServiceDiscovery;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * billing-service's consumer tests against user-service (HTTP and the user.created event) write a pact; a real
 * user-service on loopback verifies it; a user-service that renamed a field fails, naming the field.
 */
class ConsumerProviderPactTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    record User(String id, String email, String name) {}

    record UserCreated(String userId, String email) {}

    @RegisterExtension
    final PactDirectory directory = new PactDirectory();

    private Path pacts;

    @BeforeEach
    void pactDir() {
        pacts = directory.path();
    }

    private static ConsumerPact billingAgainstUsers() {
        return ConsumerPact.between("billing-service", "user-service")
                .given("user u-1 exists", Map.of("id", "u-1"))
                .uponReceiving(
                        "a request for user u-1",
                        PactRequest.get("/users/u-1").header("Accept", includes("application/json")),
                        PactResponse.status(200)
                                .header("Content-Type", regex("application/json.*", "application/json"))
                                .body(Map.of(
                                        "id", like("u-1"),
                                        "email", regex("^[^@]+@[^@]+$", "ada@example.com"),
                                        "name", like("Ada"))))
                .given("no user u-404")
                .uponReceiving(
                        "a request for a user that does not exist",
                        PactRequest.get("/users/u-404"),
                        PactResponse.status(404))
                .expectsToReceive(
                        "a user.created event",
                        "user.created",
                        "1.0",
                        Map.of("userId", like("u-1"), "email", regex("^[^@]+@[^@]+$", "ada@example.com")))
                .build();
    }

    /** billing-service's real client code, through discovery. */
    private static User fetchUser(MockProvider users, String id) {
        try (ServiceClients clients = ServiceClients.builder(ServiceDiscovery.builder()
                        .addSource(users.instanceSource())
                        .build())
                .build()) {
            return clients.client("user-service")
                    .get("/users/{id}")
                    .pathVariable("id", id)
                    .send(User.class);
        }
    }

    private Path consumerTests() {
        ConsumerPact pact = billingAgainstUsers();
        List<UserCreated> trials = new CopyOnWriteArrayList<>();
        pact.runMessage("a user.created event", UserCreated.class, (event, meta) -> {
            assertThat(meta.envelope().type()).isEqualTo("user.created");
            trials.add(event);
        });
        assertThat(trials).containsExactly(new UserCreated("u-1", "ada@example.com"));
        try (MockProvider users = MockProvider.start(pact)) {
            assertThat(fetchUser(users, "u-1")).isEqualTo(new User("u-1", "ada@example.com", "Ada"));
            assertThatThrownBy(() -> fetchUser(users, "u-404")).hasMessageContaining("404");
            return users.verify();
        }
    }

    @Test
    void theConsumerWritesAV4PactThatOtherToolsRead() throws Exception {
        Path file = consumerTests();
        assertThat(file).isEqualTo(pacts.resolve("billing-service-user-service.json"));
        JsonNode pact = JSON.readTree(file.toFile());
        assertThat(pact.at("/consumer/name").asText()).isEqualTo("billing-service");
        assertThat(pact.at("/provider/name").asText()).isEqualTo("user-service");
        assertThat(pact.at("/metadata/pactSpecification/version").asText()).isEqualTo("4.0");
        assertThat(pact.get("interactions")).hasSize(3);
        JsonNode message = pact.get("interactions").get(0);
        assertThat(message.get("type").asText()).isEqualTo("Asynchronous/Messages");
        assertThat(message.at("/contents/content/email").asText()).isEqualTo("ada@example.com");
        assertThat(message.at("/metadata/type").asText()).isEqualTo("user.created");
        JsonNode http = pact.get("interactions").get(1);
        assertThat(http.get("type").asText()).isEqualTo("Synchronous/HTTP");
        assertThat(http.at("/providerStates/0/name").asText()).isEqualTo("user u-1 exists");
        assertThat(http.at("/providerStates/0/params/id").asText()).isEqualTo("u-1");
        assertThat(http.at("/request/headers/Accept/0").asText()).isEqualTo("application/json");
        assertThat(http.at("/response/body/content/email").asText()).isEqualTo("ada@example.com");
        assertThat(http.at("/response/matchingRules/body").toString())
                .contains("\"$.email\":{\"combine\":\"AND\",\"matchers\":[{\"match\":\"regex\"");
        assertThat(http.get("key").asText()).hasSize(16);

        // written again by a second run: merged, not doubled
        consumerTests();
        assertThat(JSON.readTree(file.toFile()).get("interactions")).hasSize(3);
    }

    @Test
    void aV3PactOnRequest() throws Exception {
        ConsumerPact pact = ConsumerPact.between("billing-service", "user-service")
                .version(PactVersion.V3)
                .uponReceiving(
                        "a user",
                        PactRequest.get("/users/u-1"),
                        PactResponse.status(200).body(Map.of("id", like("u-1"))))
                .build();
        try (MockProvider users = MockProvider.start(pact)) {
            fetchUser(users, "u-1");
            JsonNode written = JSON.readTree(users.verify().toFile());
            assertThat(written.at("/metadata/pactSpecification/version").asText())
                    .isEqualTo("3.0.0");
            assertThat(written.at("/interactions/0/response/body/id").asText()).isEqualTo("u-1");
            assertThat(written.at("/interactions/0/type").isMissingNode()).isTrue();
        }
    }

    @Test
    void theMockFailsOnUnexpectedRequestsAndUnexercisedInteractions() {
        ConsumerPact pact = billingAgainstUsers();
        try (MockProvider users = MockProvider.start(pact)) {
            assertThatThrownBy(() -> fetchUser(users, "u-2")).hasMessageContaining("500");
            assertThat(users.unexpectedRequests()).hasSize(1);
            assertThat(users.unexpectedRequests().get(0))
                    .startsWith(
                            "GET /users/u-2 matched no interaction; 'a request for user u-1': [path: expected /users/u-1");
            assertThatThrownBy(users::verify)
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("interaction not exercised: a request for user u-1")
                    .hasMessageContaining("interaction not exercised: a request for a user that does not exist")
                    .hasMessageContaining("unexpected request: GET /users/u-2");
        }
        assertThat(Files.exists(pacts.resolve("billing-service-user-service.json")))
                .isFalse();
    }

    /** user-service, as it really answers: an in-memory store behind the JDK's HTTP server. */
    static final class UserService implements AutoCloseable {
        final Map<String, Map<String, Object>> users = new ConcurrentHashMap<>();
        final HttpServer server;
        final String emailField;

        UserService(String emailField) throws Exception {
            this.emailField = emailField;
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/users/", exchange -> {
                String id = exchange.getRequestURI().getPath().substring("/users/".length());
                Map<String, Object> user = users.get(id);
                byte[] body = user == null
                        ? "{\"title\":\"no such user\"}".getBytes(StandardCharsets.UTF_8)
                        : JSON.writeValueAsBytes(user);
                exchange.getResponseHeaders()
                        .set(
                                "Content-Type",
                                user == null ? "application/problem+json" : "application/json; charset=utf-8");
                exchange.sendResponseHeaders(user == null ? 404 : 200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        @State("user u-1 exists")
        void userExists(Map<String, Object> params) {
            users.put(
                    (String) params.get("id"),
                    Map.of(
                            "id",
                            params.get("id"),
                            emailField,
                            "grace@example.com",
                            "name",
                            "Grace",
                            "createdAt",
                            "2026-11-22T10:00:00Z"));
        }

        @State("no user u-404")
        void noUser() {
            users.remove("u-404");
        }

        @State(value = "user u-1 exists", action = State.Action.TEARDOWN)
        void forget() {
            users.clear();
        }

        @MessageProducer("a user.created event")
        ProducedMessage userCreated() {
            return ProducedMessage.event(
                    "user.created", "1.0", Map.of("userId", "u-9", emailField, "new@example.com", "name", "New"));
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    @Test
    void theProviderVerifiesThePact() throws Exception {
        consumerTests();
        try (UserService users = new UserService("email")) {
            PactVerifier.forProvider("user-service")
                    .pactsIn(pacts)
                    .stateHandlers(users)
                    .messageProducers(users)
                    .verify(users.uri());
            assertThat(users.users).as("torn down").isEmpty();
            assertThat(PactVerifier.forProvider("user-service")
                            .pactsIn(pacts)
                            .stateHandlers(users)
                            .messageProducers(users)
                            .tests(users.uri()))
                    .hasSize(3);
        }
    }

    @Test
    void aProviderThatRenamedAFieldFailsNamingTheField() throws Exception {
        consumerTests();
        try (UserService renamed = new UserService("mail")) {
            assertThatThrownBy(() -> PactVerifier.forProvider("user-service")
                            .pactsIn(pacts)
                            .stateHandlers(renamed)
                            .messageProducers(renamed)
                            .verify(renamed.uri()))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("user-service does not honour 2 of 3 interaction(s)")
                    .hasMessageContaining("billing-service: a request for user u-1 (given user u-1 exists)")
                    .hasMessageContaining(
                            "body $.email: expected key 'email' is missing (expected \"ada@example.com\", got nothing)")
                    .hasMessageContaining("billing-service: a user.created event");
        }
    }

    @Test
    void aMissingStateHandlerOrProducerIsNamed() throws Exception {
        consumerTests();
        try (UserService users = new UserService("email")) {
            assertThatThrownBy(() -> PactVerifier.forProvider("user-service")
                            .pactsIn(pacts)
                            .verify(users.uri()))
                    .hasMessageContaining("no @State(\"user u-1 exists\") method sets up this provider state")
                    .hasMessageContaining("no @MessageProducer(\"a user.created event\") method produces this message");
            assertThatThrownBy(() -> PactVerifier.forProvider("order-service")
                            .pactsIn(pacts)
                            .verify(users.uri()))
                    .hasMessage("no pact names order-service as its provider");
        }
    }

    @Test
    void aBrokenPactFileIsNamedWithThePlace() throws Exception {
        Files.writeString(pacts.resolve("broken.json"), """
                {"consumer":{"name":"billing-service"},"provider":{"name":"user-service"},"interactions":[1]}
                """);
        assertThatThrownBy(() ->
                        PactVerifier.forProvider("user-service").pactsIn(pacts).verify(URI.create("http://x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(pacts.resolve("broken.json") + " is not a valid pact: /interactions/0 is not an object");
    }
}
