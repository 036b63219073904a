package ai.openclaw.samples.notification.spring;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.samples.notification.Outbox;
import ai.openclaw.sdk.config.OpenClawSettings;
import ai.openclaw.sdk.runtime.ServiceRuntime;
import ai.openclaw.sdk.testing.redis.RedisServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** notification-service on Spring Boot against a real redis-server: a user.created welcomed, health in Actuator. */
class NotificationApplicationIT {
    private static final Path SAMPLES = Path.of("..").toAbsolutePath().normalize();

    @Test
    void welcomesANewUserAndReportsReadiness() throws Exception {
        Outbox outbox = new Outbox();
        String[] where = {
            "--openclaw.catalog=" + SAMPLES.resolve(".openclaw/services.yaml"),
            "--openclaw.contracts=" + SAMPLES.resolve("contracts"),
            "--spring.config.import=file:" + SAMPLES.resolve(".openclaw/resilience.properties"),
        };
        try (RedisServer redis = RedisServer.builder().appendOnly(false).start();
                ConfigurableApplicationContext app = NotificationApplication.start(
                        outbox, where[0], where[1], where[2], "--openclaw.redis.url=" + redis.uri());
                ServiceRuntime users = ServiceRuntime.builder("user-service")
                        .settings(OpenClawSettings.builder()
                                .file(SAMPLES.resolve(".openclaw/resilience.properties"))
                                .map(
                                        "test",
                                        Map.of(
                                                "openclaw.catalog",
                                                        SAMPLES.resolve(".openclaw/services.yaml")
                                                                .toString(),
                                                "openclaw.contracts",
                                                        SAMPLES.resolve("contracts")
                                                                .toString(),
                                                "openclaw.redis.url",
                                                        redis.uri().toString()))
                                .build())
                        .build()) {
            users.publisher()
                    .publish(
                            "user.created",
                            Map.of(
                                    "userId",
                                    "u-1",
                                    "email",
                                    "ada@example.com",
                                    "name",
                                    "Ada",
                                    "createdAt",
                                    "2026-11-22T10:00:00Z"));

            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (outbox.sent().isEmpty() && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
            assertThat(outbox.sent()).extracting(m -> m.to()).containsExactly("ada@example.com");

            URI base = URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"));
            HttpResponse<String> readiness = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(base.resolve("/actuator/health/readiness"))
                                    .timeout(Duration.ofSeconds(30))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(readiness.statusCode()).isEqualTo(200);
            assertThat(readiness.body()).contains("openclawReadiness").contains("redis");
        }
    }
}
