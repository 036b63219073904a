package ai.openclaw.sdk.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The webhook sink against a receiver on loopback: the body, the header, what is retried and what is not. */
class WebhookAlertSinkTest {
    private static final String SECRET_PATH = "/hooks/T0KEN-s3cr3t";

    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;

    private URI receiver(IntSupplier status, boolean hang) throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext(SECRET_PATH, exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            if (hang) {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.sendResponseHeaders(status.getAsInt(), -1);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + SECRET_PATH);
    }

    @AfterEach
    void stop() {
        release.countDown();
        if (server != null) {
            server.stop(0);
        }
    }

    private static Alert alert() {
        return new Alert(
                "billing-service",
                Alert.Level.CRITICAL,
                "health",
                "redis",
                "redis is DOWN",
                Map.of("server", "127.0.0.1:6379"),
                Instant.parse("2026-12-03T10:00:00Z"),
                2);
    }

    @Test
    void postsTheAlertAsJsonWithTheHeaderButNeverTheSecretsInTheBody() throws Exception {
        URI uri = receiver(() -> 204, false);
        WebhookAlertSink sink = WebhookAlertSink.builder(uri)
                .header("Authorization", "Bearer tok-123")
                .build();

        sink.send(alert());

        assertThat(bodies).hasSize(1);
        JsonNode body = new ObjectMapper().readTree(bodies.get(0));
        assertThat(body.get("service").asText()).isEqualTo("billing-service");
        assertThat(body.get("level").asText()).isEqualTo("critical");
        assertThat(body.get("kind").asText()).isEqualTo("health");
        assertThat(body.get("subject").asText()).isEqualTo("redis");
        assertThat(body.get("summary").asText()).isEqualTo("redis is DOWN");
        assertThat(body.get("details").get("server").asText()).isEqualTo("127.0.0.1:6379");
        assertThat(body.get("at").asText()).isEqualTo("2026-12-03T10:00:00Z");
        assertThat(body.get("suppressed").asInt()).isEqualTo(2);
        assertThat(authorizations).containsExactly("Bearer tok-123");
        assertThat(bodies.get(0)).doesNotContain("tok-123").doesNotContain("T0KEN");
        assertThat(sink.toString()).doesNotContain("T0KEN").contains("127.0.0.1");
    }

    @Test
    void retriesServerErrorsUntilTheReceiverTakesIt() throws Exception {
        int[] answers = {503, 500, 200};
        URI uri = receiver(() -> answers[Math.min(bodies.size() - 1, 2)], false);
        WebhookAlertSink sink = WebhookAlertSink.builder(uri)
                .attempts(3)
                .backoff(Duration.ofMillis(10))
                .build();

        sink.send(alert());

        assertThat(bodies).hasSize(3);
    }

    @Test
    void aClientErrorIsNotRetriedAndTheErrorNamesTheHostNotTheUrl() throws Exception {
        URI uri = receiver(() -> 400, false);
        WebhookAlertSink sink = WebhookAlertSink.builder(uri)
                .attempts(3)
                .backoff(Duration.ofMillis(10))
                .build();

        assertThatThrownBy(() -> sink.send(alert()))
                .isInstanceOf(WebhookAlertSink.AlertDeliveryException.class)
                .hasMessageContaining("answered 400 (not retried)")
                .hasMessageContaining("127.0.0.1")
                .hasMessageNotContaining("T0KEN");
        assertThat(bodies).hasSize(1);
    }

    @Test
    void aReceiverThatNeverAnswersTimesOutOnEveryAttempt() throws Exception {
        URI uri = receiver(() -> 200, true);
        WebhookAlertSink sink = WebhookAlertSink.builder(uri)
                .timeout(Duration.ofMillis(300))
                .attempts(2)
                .backoff(Duration.ZERO)
                .build();

        assertThatThrownBy(() -> sink.send(alert()))
                .hasMessageContaining("did not take the alert in 2 attempts")
                .hasMessageContaining("HttpTimeoutException")
                .hasMessageNotContaining("T0KEN");
    }

    @Test
    void aUrlThatIsNotHttpIsRefusedWithoutRepeatingIt() {
        assertThatThrownBy(() -> WebhookAlertSink.builder(URI.create("mailto:ops-T0KEN@example.com")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("T0KEN");
    }
}
