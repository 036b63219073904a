package ai.openclaw.samples.notification;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.samples.support.SampleEnvironment;
import ai.openclaw.sdk.config.SettingKeys;
import ai.openclaw.sdk.events.DeadLetter;
import ai.openclaw.sdk.events.DeadLetters;
import ai.openclaw.sdk.events.EventPublisher;
import ai.openclaw.sdk.runtime.ServiceRuntime;
import ai.openclaw.sdk.testing.events.TestTransport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Welcomes sent, a refused address dead-lettered with the mail server's reason, the ones behind it still sent. */
class NotificationServiceTest {
    private final TestTransport transport = TestTransport.inMemory();
    private final SampleEnvironment env = SampleEnvironment.of(
            Path.of(".."),
            Map.of(
                    SettingKeys.EVENTS_PROCESSING_TIMEOUT, "300ms",
                    SettingKeys.EVENTS_MAX_DELIVERIES, "2",
                    SettingKeys.EVENTS_RETRY_BACKOFF, "10ms"),
            r -> r.transport(transport));

    private static Map<String, String> user(String id, String email) {
        return Map.of("userId", id, "email", email, "name", "User " + id, "createdAt", "2026-11-22T10:00:00Z");
    }

    @Test
    void aRefusedAddressIsDeadLetteredAndTheOthersAreWelcomed() throws Exception {
        Outbox outbox = new Outbox();
        try (NotificationService notifications = NotificationService.start(env, 0, outbox);
                ServiceRuntime userService = env.runtime("user-service")) {
            EventPublisher users = userService.publisher();
            users.publish("user.created", user("u-1", "ada@example.com"));
            String poison = users.publish("user.created", user("u-2", "nobody@bounce.invalid"));
            users.publish("user.created", user("u-3", "grace@example.com"));

            transport.awaitHandled("user.created", 2, Duration.ofSeconds(10));
            DeadLetters dlq = DeadLetters.of(transport);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (dlq.count("user.created") == 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            List<DeadLetter> letters = dlq.list("user.created", 10);
            assertThat(letters).singleElement().satisfies(d -> {
                assertThat(d.originalId()).isEqualTo(poison);
                assertThat(d.deliveries()).isEqualTo(2);
                assertThat(d.group()).isEqualTo("notification-service");
                assertThat(d.reason()).contains("550 5.1.2 bounce.invalid: domain does not accept mail");
            });
            assertThat(outbox.sent())
                    .extracting(Mailer.Message::to)
                    .containsExactlyInAnyOrder("ada@example.com", "grace@example.com"); // 4 workers: any order
            assertThat(notifications.subscriber().stats().deadLettered()).isEqualTo(1);

            HttpResponse<String> live = get(notifications.uri().resolve("/health/live"));
            assertThat(live.statusCode()).isEqualTo(200);
            assertThat(live.body()).contains("\"name\":\"subscriber\"", "\"status\":\"UP\"");
        }
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}
