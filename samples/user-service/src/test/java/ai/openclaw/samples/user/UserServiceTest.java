package ai.openclaw.samples.user;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.samples.support.SampleEnvironment;
import ai.openclaw.sdk.events.EventEnvelope;
import ai.openclaw.sdk.testing.events.TestTransport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
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

/** user-service over real HTTP on loopback, its events in a test transport. */
class UserServiceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADA = "{\"email\":\"ada@example.com\",\"name\":\"Ada\",\"password\":\"correct horse\"}";

    private final TestTransport transport = TestTransport.inMemory();
    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final HttpClient http = HttpClient.newHttpClient();
    private OpenTelemetrySdk otel;
    private UserService users;

    @BeforeEach
    void start() {
        otel = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder()
                        .addSpanProcessor(SimpleSpanProcessor.create(spans))
                        .build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
        SampleEnvironment env = SampleEnvironment.of(
                Path.of(".."), Map.of(), r -> r.transport(transport).openTelemetry(otel));
        users = UserService.start(env, 0);
    }

    @AfterEach
    void stop() {
        users.close();
        otel.close();
    }

    @Test
    void aNewUserIsStoredAndPublishedInTheCallersTrace() throws Exception {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        HttpResponse<String> created =
                send("POST", "/users", ADA, Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode user = JSON.readTree(created.body());
        String id = user.get("id").asText();
        assertThat(user.has("password")).isFalse();

        EventEnvelope event = transport.awaitPublished("user.created", Duration.ofSeconds(5));
        assertThat(event.source()).isEqualTo("user-service");
        assertThat(event.contractVersion()).contains("1.0");
        assertThat(event.partitionKey()).contains(id);
        assertThat(event.data().get("userId").asText()).isEqualTo(id);
        assertThat(event.data().get("email").asText()).isEqualTo("ada@example.com");
        assertThat(event.data().get("createdAt").asText())
                .isEqualTo(user.get("createdAt").asText());
        assertThat(event.traceParent()).hasValueSatisfying(tp -> assertThat(tp).contains(traceId));
        assertThat(spans.getFinishedSpanItems())
                .anySatisfy(s -> {
                    assertThat(s.getName()).isEqualTo("POST /users");
                    assertThat(s.getTraceId()).isEqualTo(traceId);
                })
                .anySatisfy(s -> {
                    assertThat(s.getName()).isEqualTo("publish user.created");
                    assertThat(s.getTraceId()).isEqualTo(traceId);
                });

        HttpResponse<String> fetched = send("GET", "/users/" + id, null, Map.of());
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(fetched.body())).isEqualTo(user);
    }

    @Test
    void aRequestBreakingTheContractIsRefusedWithThePointerAndNothingIsPublished() throws Exception {
        HttpResponse<String> r = send(
                "POST",
                "/users",
                "{\"email\":\"not-an-email\",\"name\":\"Ada\",\"password\":\"short\",\"admin\":true}",
                Map.of());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = JSON.readTree(r.body());
        assertThat(problem.get("title").asText()).isEqualTo("the request breaks the user-service contract");
        assertThat(problem.get("violations").toString())
                .contains("\"pointer\":\"/email\",\"rule\":\"pattern\"")
                .contains("\"pointer\":\"/password\",\"rule\":\"minLength\"")
                .contains("\"rule\":\"additionalProperties\"");
        assertThat(problem.toString()).doesNotContain("short"); // a password is never echoed
        assertThat(transport.appended()).isEmpty();

        HttpResponse<String> notJson = send("POST", "/users", "{\"email\":", Map.of());
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).contains("the body is not JSON", "line 1, column");
    }

    @Test
    void profileChangesAndDeletionArePublished() throws Exception {
        String id = JSON.readTree(send("POST", "/users", ADA, Map.of()).body())
                .get("id")
                .asText();
        assertThat(send("POST", "/users", ADA, Map.of()).statusCode()).isEqualTo(409);

        HttpResponse<String> patched = send("PATCH", "/users/" + id, "{\"name\":\"Ada King\"}", Map.of());
        assertThat(patched.statusCode()).isEqualTo(200);
        assertThat(patched.body()).contains("\"name\":\"Ada King\"");
        JsonNode updated =
                transport.awaitPublished("user.updated", Duration.ofSeconds(5)).data();
        assertThat(updated.get("changed")).isEqualTo(JSON.readTree("{\"name\":\"Ada King\"}"));

        assertThat(send("DELETE", "/users/" + id, null, Map.of()).statusCode()).isEqualTo(204);
        assertThat(transport
                        .awaitPublished("user.deleted", Duration.ofSeconds(5))
                        .data()
                        .get("userId")
                        .asText())
                .isEqualTo(id);
        HttpResponse<String> gone = send("GET", "/users/" + id, null, Map.of());
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.body()).contains("no such user");
    }

    @Test
    void loginAndRefreshIssueTokensThatAreUsedOnce() throws Exception {
        send("POST", "/users", ADA, Map.of());
        HttpResponse<String> wrong =
                send("POST", "/auth/login", "{\"email\":\"ada@example.com\",\"password\":\"wrong horse\"}", Map.of());
        assertThat(wrong.statusCode()).isEqualTo(401);
        HttpResponse<String> login =
                send("POST", "/auth/login", "{\"email\":\"ada@example.com\",\"password\":\"correct horse\"}", Map.of());
        assertThat(login.statusCode()).isEqualTo(200);
        JsonNode tokens = JSON.readTree(login.body());
        assertThat(tokens.get("expiresIn").asLong()).isEqualTo(900);
        assertThat(users.store().authenticate(tokens.get("accessToken").asText()))
                .hasValueSatisfying(u -> assertThat(u.email()).isEqualTo("ada@example.com"));

        String refresh = "{\"refreshToken\":\"" + tokens.get("refreshToken").asText() + "\"}";
        HttpResponse<String> refreshed = send("POST", "/auth/refresh", refresh, Map.of());
        assertThat(refreshed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(refreshed.body()).get("accessToken").asText())
                .isNotEqualTo(tokens.get("accessToken").asText());
        assertThat(send("POST", "/auth/refresh", refresh, Map.of()).statusCode())
                .isEqualTo(401);
    }

    @Test
    void whenEventsCannotBePublishedTheUserIsNotCreated() throws Exception {
        transport.failNext(
                TestTransport.Operation.APPEND, 100, new IllegalStateException("connection refused (injected)"));
        HttpResponse<String> r = send("POST", "/users", ADA, Map.of());
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).contains("events unavailable");
        assertThat(users.store().findByEmail("ada@example.com")).isEmpty();
    }

    @Test
    void healthIsServed() throws Exception {
        HttpResponse<String> ready = send("GET", "/health/ready", null, Map.of());
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).startsWith("{\"status\":\"UP\"");
    }

    private HttpResponse<String> send(String method, String path, String json, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(users.uri() + path));
        headers.forEach(b::header);
        if (json == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
