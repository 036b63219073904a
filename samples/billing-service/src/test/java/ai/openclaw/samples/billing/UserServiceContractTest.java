package ai.openclaw.samples.billing;

import static ai.openclaw.sdk.testing.pact.PactMatchers.datetime;
import static ai.openclaw.sdk.testing.pact.PactMatchers.like;
import static ai.openclaw.sdk.testing.pact.PactMatchers.regex;
import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.samples.support.SampleEnvironment;
import ai.openclaw.sdk.discovery.ServiceDiscovery;
import ai.openclaw.sdk.testing.events.TestTransport;
import ai.openclaw.sdk.testing.pact.ConsumerPact;
import ai.openclaw.sdk.testing.pact.MockProvider;
import ai.openclaw.sdk.testing.pact.PactRequest;
import ai.openclaw.sdk.testing.pact.PactResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * billing-service's consumer contract with user-service: the user look-ups it makes over HTTP and the events it
 * handles, each exercised through billing's real code. Writes {@code samples/target/pacts/billing-service-user-service.json},
 * which user-service's build verifies.
 */
class UserServiceContractTest {
    private static final String EMAIL = "^[^@\\s]+@[^@\\s]+$";
    private static final String RFC3339 = "yyyy-MM-dd'T'HH:mm:ss[.SSS]X"; // user-service writes milliseconds

    private final HttpClient http = HttpClient.newHttpClient();

    private static ConsumerPact pact() {
        return ConsumerPact.between("billing-service", "user-service")
                .given("user u-1 exists", Map.of("id", "u-1"))
                .uponReceiving(
                        "a look-up of user u-1",
                        PactRequest.get("/users/u-1"),
                        PactResponse.status(200)
                                .header("Content-Type", regex("application/json.*", "application/json"))
                                .body(Map.of(
                                        "id", "u-1",
                                        "email", regex(EMAIL, "ada@example.com"),
                                        "name", like("Ada Lovelace"),
                                        // not read by billing, but the provider's contract requires it, and the SDK's
                                        // client checks every answer against that contract
                                        "createdAt", datetime(RFC3339, "2026-11-22T10:00:00Z"))))
                .given("no user u-404")
                .uponReceiving(
                        "a look-up of a user that does not exist",
                        PactRequest.get("/users/u-404"),
                        PactResponse.status(404))
                .expectsToReceive(
                        "a user.created event",
                        "user.created",
                        "1.0",
                        Map.of(
                                "userId", like("u-7"),
                                "email", regex(EMAIL, "grace@example.com"),
                                "name", like("Grace Hopper"),
                                "createdAt", datetime(RFC3339, "2026-11-22T10:00:00Z")))
                .expectsToReceive(
                        "a user.deleted event",
                        "user.deleted",
                        "1.0",
                        Map.of("userId", like("u-7"), "deletedAt", datetime(RFC3339, "2026-11-22T12:00:00Z")))
                .build();
    }

    private static SampleEnvironment env(MockProvider users) {
        return SampleEnvironment.of(Path.of(".."), Map.of(), r -> r.transport(TestTransport.inMemory())
                .discovery(ServiceDiscovery.builder()
                        .addSource(users.instanceSource())
                        .build()));
    }

    @Test
    void billingsUseOfUserServiceIsWrittenAsAPact() throws Exception {
        ConsumerPact pact = pact();
        try (MockProvider users = MockProvider.start(pact);
                BillingService billing = BillingService.start(env(users), 0)) {
            // the events, through billing's real handlers
            pact.runMessage("a user.created event", BillingService.UserCreated.class, billing::onUserCreated);
            assertThat(billing.subscriptionsOf("u-7")).singleElement().satisfies(s -> assertThat(s.status())
                    .isEqualTo("trialing"));
            pact.runMessage("a user.deleted event", BillingService.UserDeleted.class, billing::onUserDeleted);
            assertThat(billing.subscriptionsOf("u-7")).singleElement().satisfies(s -> assertThat(s.status())
                    .isEqualTo("canceled"));

            // the HTTP look-ups, through billing's own API
            HttpResponse<String> created =
                    post(billing.uri(), "/subscriptions", "{\"userId\":\"u-1\",\"plan\":\"pro\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            assertThat(created.body()).contains("\"userId\":\"u-1\"", "\"status\":\"active\"");
            HttpResponse<String> unknown =
                    post(billing.uri(), "/subscriptions", "{\"userId\":\"u-404\",\"plan\":\"pro\"}");
            assertThat(unknown.statusCode()).isEqualTo(422);
            assertThat(unknown.body()).contains("user-service has no user u-404");

            Path file = users.verify();
            assertThat(file).endsWith(Path.of("billing-service-user-service.json"));
        }
    }

    private HttpResponse<String> post(URI base, String path, String json) throws Exception {
        return http.send(
                HttpRequest.newBuilder(base.resolve(path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
