package ai.openclaw.sdk.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.sdk.events.redis.RedisTransport;
import ai.openclaw.sdk.resilience.ResiliencePolicies;
import ai.openclaw.sdk.resilience.ResiliencePolicy;
import ai.openclaw.sdk.testing.redis.RedisExtension;
import ai.openclaw.sdk.testing.redis.RedisServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A publisher built with resilience policies rides out a Redis outage that a bare publisher reports. */
class PublisherPoliciesIT {
    @RegisterExtension
    static final RedisExtension REDIS = RedisExtension.perClass();

    @Test
    void retriesUntilRedisIsBack(RedisServer redis) throws Exception {
        ResiliencePolicy patient = ResiliencePolicy.builder()
                .maxAttempts(30)
                .initialBackoff(Duration.ofMillis(100))
                .maxBackoff(Duration.ofMillis(300))
                .circuitBreaker(false)
                .build();
        try (RedisTransport transport = RedisTransport.create(redis.uri().toString());
                ResiliencePolicies policies =
                        ResiliencePolicies.builder().defaults(patient).build()) {
            EventPublisher publisher = EventPublisher.builder("user-service", transport)
                    .timeout(Duration.ofMillis(500))
                    .policies(policies)
                    .build();
            publisher.publish("user.created", Map.of("userId", "before"));

            redis.kill();
            Thread restarter = new Thread(() -> {
                try {
                    Thread.sleep(1_500);
                    redis.startAgain();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            restarter.start();
            long started = System.nanoTime();
            String id = publisher.publish("user.created", Map.of("userId", "during"));
            long tookMillis = (System.nanoTime() - started) / 1_000_000;
            restarter.join();

            assertThat(id).isNotBlank();
            assertThat(tookMillis).as("the publish waited for the restart").isGreaterThanOrEqualTo(1_000);
            // one event before; the one during at least once (a retried XADD whose reply was lost may store it twice)
            assertThat(transport.latest("user.created", 10))
                    .extracting(e -> EventEnvelope.parse(e.data(), new ObjectMapper())
                            .data()
                            .get("userId")
                            .asText())
                    .contains("before", "during");
        }
    }

    @Test
    void withoutPoliciesAnOutageIsReportedAtOnce(RedisServer redis) throws Exception {
        try (RedisTransport transport = RedisTransport.create(redis.uri().toString())) {
            EventPublisher publisher = EventPublisher.builder("user-service", transport)
                    .timeout(Duration.ofMillis(500))
                    .build();
            publisher.publish("user.created", Map.of("userId", "before"));
            redis.kill();
            assertThatThrownBy(() -> publisher.publish("user.created", Map.of("userId", "during")))
                    .isInstanceOf(PublishException.class)
                    .hasMessageContaining("user.created");
            redis.startAgain();
        }
    }
}
