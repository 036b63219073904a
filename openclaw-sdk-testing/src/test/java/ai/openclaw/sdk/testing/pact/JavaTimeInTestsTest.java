package ai.openclaw.sdk.testing.pact;

import static ai.openclaw.sdk.testing.pact.PactMatchers.like;
import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.sdk.catalog.HttpMethod;
import ai.openclaw.sdk.client.ServiceClients;
import ai.openclaw.sdk.discovery.ServiceDiscovery;
import ai.openclaw.sdk.events.EventPublisher;
import ai.openclaw.sdk.json.JsonMappers;
import ai.openclaw.sdk.testing.events.TestTransport;
import ai.openclaw.sdk.testing.stub.StubService;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Payloads and bodies with java.time, Optional and records work in every fake without configuration. */
class JavaTimeInTestsTest {
    record UserCreated(String userId, Instant createdAt, Optional<String> referrer) {}

    record User(String id, Instant createdAt) {}

    private static final Instant AT = Instant.parse("2026-12-02T10:15:30.123Z");

    @RegisterExtension
    final PactDirectory directory = new PactDirectory();

    @Test
    void testTransportMapsPublishedPayloadsBack() {
        try (TestTransport events = TestTransport.inMemory()) {
            EventPublisher.builder("user-service", events)
                    .build()
                    .publish("user.created", new UserCreated("u-1", AT, Optional.of("ada")));
            assertThat(events.payloads("user.created", UserCreated.class))
                    .containsExactly(new UserCreated("u-1", AT, Optional.of("ada")));
        }
    }

    @Test
    void testTransportTakesTheMapperThePublisherUses() {
        ObjectMapper snake = JsonMappers.standard().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        try (TestTransport events = TestTransport.inMemory().objectMapper(snake)) {
            EventPublisher.builder("user-service", events)
                    .objectMapper(snake)
                    .build()
                    .publish("user.created", new UserCreated("u-1", AT, Optional.empty()));
            assertThat(events.published("user.created").get(0).data().has("created_at"))
                    .isTrue();
            assertThat(events.payloads("user.created", UserCreated.class))
                    .containsExactly(new UserCreated("u-1", AT, Optional.empty()));
        }
    }

    @Test
    void aConsumerPactWithInstantsIsWrittenRunAndVerified() {
        ConsumerPact pact = ConsumerPact.between("billing-service", "user-service")
                .expectsToReceive(
                        "a user.created event", "user.created", "1.0", new UserCreated("u-1", AT, Optional.empty()))
                .expectsToReceive(
                        "a user.created event, matched",
                        Map.of("userId", like("u-2"), "createdAt", like(AT), "referrer", like("ada")))
                .build();
        List<UserCreated> handled = new CopyOnWriteArrayList<>();
        pact.runMessage("a user.created event", UserCreated.class, (event, meta) -> handled.add(event));
        pact.runMessage("a user.created event, matched", UserCreated.class, (event, meta) -> handled.add(event));
        assertThat(handled)
                .containsExactly(
                        new UserCreated("u-1", AT, Optional.empty()), new UserCreated("u-2", AT, Optional.of("ada")));
        assertThat(pact.toJson().toString()).contains("\"createdAt\":\"2026-12-02T10:15:30.123Z\"");

        Object producer = new Object() {
            @MessageProducer("a user.created event")
            ProducedMessage created() {
                return ProducedMessage.event("user.created", "1.0", new UserCreated("u-1", AT, Optional.empty()));
            }

            @MessageProducer("a user.created event, matched")
            UserCreated matched() {
                return new UserCreated("u-7", AT.plusSeconds(60), Optional.of("grace"));
            }
        };
        PactVerifier.forProvider("user-service")
                .pactsIn(directory.path())
                .messageProducers(producer)
                .verify(URI.create("http://127.0.0.1:9")); // messages only: nothing is sent
    }

    @Test
    void aStubServiceAnswersWithInstants() {
        try (StubService users = StubService.start("user-service");
                ServiceClients clients = ServiceClients.builder(ServiceDiscovery.builder()
                                .addSource(users.instanceSource())
                                .build())
                        .build()) {
            users.respond(HttpMethod.GET, "/users/{id}", 200, new User("u-1", AT));
            assertThat(clients.client("user-service")
                            .get("/users/{id}")
                            .pathVariable("id", "u-1")
                            .send(User.class))
                    .isEqualTo(new User("u-1", AT));
        }
    }
}
