package ai.openclaw.samples.billing;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.samples.support.SampleEnvironment;
import ai.openclaw.sdk.catalog.HttpMethod;
import ai.openclaw.sdk.contract.ContractRegistry;
import ai.openclaw.sdk.discovery.ServiceDiscovery;
import ai.openclaw.sdk.events.EventPublisher;
import ai.openclaw.sdk.runtime.ServiceRuntime;
import ai.openclaw.sdk.testing.events.TestTransport;
import ai.openclaw.sdk.testing.stub.StubService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * billing-service against a stub of user-service made from user-service's contract (WireMock, every request checked),
 * its events in a test transport, its API over real HTTP.
 */
class BillingServiceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestTransport transport = TestTransport.inMemory();
    private final HttpClient http = HttpClient.newHttpClient();
    private StubService users;
    private SampleEnvironment env;
    private BillingService billing;
    private EventPublisher userEvents;
    private ServiceRuntime userService;

    @BeforeEach
    void start() {
        users = StubService.start("user-service", ContractRegistry.load(Path.of("..", "contracts")));
        env = SampleEnvironment.of(Path.of(".."), Map.of(), r -> r.transport(transport)
                .discovery(ServiceDiscovery.builder()
                        .addSource(users.instanceSource())
                        .build()));
        billing = BillingService.start(env, 0);
        userService = env.runtime("user-service");
        userEvents = userService.publisher();
    }

    @AfterEach
    void stop() {
        userService.close();
        billing.close();
        users.assertNoViolations();
        users.close();
    }

    private static Map<String, String> created(String id) {
        return Map.of(
                "userId", id, "email", id + "@example.com", "name", "User " + id, "createdAt", "2026-11-22T10:00:00Z");
    }

    @Test
    void aNewUserGetsOneTrialEvenWhenTheEventComesTwiceAndLosesItWhenDeleted() throws Exception {
        userEvents.publish("user.created", created("u-5"));
        transport.awaitHandled("user.created", 1, Duration.ofSeconds(5));
        // at least once: the same user announced again (a publisher retry, a replayed dead letter)
        userEvents.publish("user.created", created("u-5"));
        transport.awaitHandled("user.created", 2, Duration.ofSeconds(5));
        assertThat(billing.subscriptionsOf("u-5")).singleElement().satisfies(s -> {
            assertThat(s.plan()).isEqualTo("trial");
            assertThat(s.status()).isEqualTo("trialing");
        });

        JsonNode fetched = JSON.readTree(send(
                        "GET",
                        "/subscriptions/"
                                + billing.subscriptionsOf("u-5").get(0).id(),
                        null)
                .body());
        assertThat(fetched.get("userId").asText()).isEqualTo("u-5");

        userEvents.publish("user.deleted", Map.of("userId", "u-5", "deletedAt", "2026-11-22T12:00:00Z"));
        transport.awaitHandled("user.deleted", 1, Duration.ofSeconds(5));
        assertThat(billing.subscriptionsOf("u-5")).singleElement().satisfies(s -> assertThat(s.status())
                .isEqualTo("canceled"));
    }

    @Test
    void anInvoiceGoesToTheEmailUserServiceHas() throws Exception {
        users.respond(
                HttpMethod.GET,
                "/users/{id}",
                200,
                Map.of("id", "u-1", "email", "ada@example.com", "name", "Ada", "createdAt", "2026-11-22T10:00:00Z"));
        HttpResponse<String> subscribed = send("POST", "/subscriptions", "{\"userId\":\"u-1\",\"plan\":\"basic\"}");
        assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);
        String subscription = JSON.readTree(subscribed.body()).get("id").asText();

        HttpResponse<String> invoice = send(
                "POST",
                "/invoices",
                "{\"subscriptionId\":\"" + subscription + "\",\"amountCents\":900,\"currency\":\"EUR\"}");
        assertThat(invoice.statusCode()).as(invoice.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(invoice.body());
        assertThat(body.get("email").asText()).isEqualTo("ada@example.com");
        assertThat(body.get("amountCents").asLong()).isEqualTo(900);
        assertThat(body.get("status").asText()).isEqualTo("open");
    }

    @Test
    void userServiceDownIs503AndABadRequestIs400() throws Exception {
        users.respond(HttpMethod.GET, "/users/{id}", 503, null);
        HttpResponse<String> r = send("POST", "/subscriptions", "{\"userId\":\"u-1\",\"plan\":\"basic\"}");
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).contains("user-service unavailable");

        HttpResponse<String> bad =
                send("POST", "/invoices", "{\"subscriptionId\":\"s-1\",\"amountCents\":-1,\"currency\":\"euro\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body())
                .contains(
                        "\"pointer\":\"/amountCents\",\"rule\":\"minimum\"",
                        "\"pointer\":\"/currency\",\"rule\":\"pattern\"");
    }

    @Test
    void readinessReportsTheSubscriberAndTheCircuits() throws Exception {
        HttpResponse<String> ready = send("GET", "/health/ready", null);
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"name\":\"events\"", "\"name\":\"circuits\"");
    }

    private HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(billing.uri() + path));
        if (json == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
