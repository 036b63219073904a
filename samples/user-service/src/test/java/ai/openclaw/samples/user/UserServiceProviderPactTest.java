package ai.openclaw.samples.user;

import ai.openclaw.samples.support.SampleEnvironment;
import ai.openclaw.sdk.contract.ContractRegistry;
import ai.openclaw.sdk.events.EventEnvelope;
import ai.openclaw.sdk.testing.events.TestTransport;
import ai.openclaw.sdk.testing.pact.ConsumerPact;
import ai.openclaw.sdk.testing.pact.MessageProducer;
import ai.openclaw.sdk.testing.pact.PactVerifier;
import ai.openclaw.sdk.testing.pact.State;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * user-service honours what its consumers expect: every interaction of every pact in {@code samples/target/pacts}
 * (written by billing-service's and notification-service's tests earlier in the same build), replayed against the
 * real service over HTTP, and every event produced by the real service's code path; answers and events are also
 * checked against user-service's own contracts.
 */
class UserServiceProviderPactTest {
    private static final TestTransport transport = TestTransport.inMemory();
    private static final HttpClient http = HttpClient.newHttpClient();
    private static UserService users;
    private static SampleEnvironment env;

    @BeforeAll
    static void start() {
        env = SampleEnvironment.of(Path.of(".."), Map.of(), r -> r.transport(transport));
        users = UserService.start(env, 0);
    }

    @AfterAll
    static void stop() {
        users.close();
    }

    @TestFactory
    Stream<DynamicTest> consumersPacts() {
        return PactVerifier.forProvider("user-service")
                .pactsIn(ConsumerPact.pactDirectory())
                .stateHandlers(this)
                .messageProducers(this)
                .contracts(ContractRegistry.load(Path.of("..", "contracts")))
                .tests(users.uri());
    }

    @State("user u-1 exists")
    void userExists(Map<String, Object> params) {
        String id = String.valueOf(params.getOrDefault("id", "u-1"));
        users.store().put(new User(id, "ada@example.com", "Ada Lovelace", "2026-11-22T10:00:00.123Z"), "correct horse");
    }

    @State("no user u-404")
    void noSuchUser() {
        users.store().remove("u-404");
    }

    @State(value = "user u-1 exists", action = State.Action.TEARDOWN)
    void forgetUsers() {
        users.store().clear();
    }

    @MessageProducer("a user.created event")
    EventEnvelope userCreated() throws Exception {
        transport.clear();
        send(
                "POST",
                "/users",
                "{\"email\":\"grace@example.com\",\"name\":\"Grace Hopper\",\"password\":\"correct horse\"}");
        return transport.awaitPublished("user.created", Duration.ofSeconds(5)); // content and metadata, as published
    }

    @MessageProducer("a user.deleted event")
    EventEnvelope userDeleted() throws Exception {
        if (!users.store().put(new User("u-7", "lin@example.com", "Lin", "2026-11-22T10:00:00Z"), "correct horse")) {
            throw new AssertionError("lin@example.com is taken");
        }
        transport.clear();
        send("DELETE", "/users/u-7", null);
        return transport.awaitPublished("user.deleted", Duration.ofSeconds(5));
    }

    private static void send(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(users.uri() + path));
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new AssertionError(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
    }
}
