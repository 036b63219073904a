package ai.openclaw.sdk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.sdk.contract.ContractRegistry;
import ai.openclaw.sdk.contract.ContractViolationException;
import ai.openclaw.sdk.discovery.InstanceSource;
import ai.openclaw.sdk.discovery.ServiceDiscovery;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Service clients against a real HTTP server on loopback, with user-service's OpenAPI contract. */
class ServiceClientTest {
    record User(String id, String email, String name, String nickname, String createdAt) {}

    record NewUser(String email, String name) {}

    static final String USER = "{\"id\":\"u-42\",\"email\":\"a@b\",\"name\":\"Ada\",\"nickname\":null,"
            + "\"createdAt\":\"2026-11-22T10:00:00Z\"}";

    private HttpServer server;
    private final ConcurrentLinkedQueue<HttpExchange> seen = new ConcurrentLinkedQueue<>();
    private volatile Function<HttpExchange, Object[]> answer = e -> new Object[] {200, "application/json", USER};
    private ServiceClients clients;
    private InMemorySpanExporter spans;
    private OpenTelemetrySdk otel;
    private ServiceDiscovery discovery;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            seen.add(exchange);
            exchange.getRequestBody().readAllBytes();
            Object[] a = answer.apply(exchange);
            byte[] body = ((String) a[2]).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", (String) a[1]);
            exchange.getResponseHeaders().set("X-Request-Id", "req-7");
            exchange.sendResponseHeaders((Integer) a[0], body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        spans = InMemorySpanExporter.create();
        otel = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder()
                        .addSpanProcessor(SimpleSpanProcessor.create(spans))
                        .build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
        discovery = ServiceDiscovery.builder()
                .addSource(InstanceSource.of(Map.of(
                        "user-service",
                        List.of(URI.create(
                                "http://127.0.0.1:" + server.getAddress().getPort())))))
                .build();
        clients = ServiceClients.builder(discovery)
                .contracts(ContractRegistry.load(
                        Path.of(getClass().getResource("/contracts").toURI())))
                .validateRequests(true)
                .openTelemetry(otel)
                .callTimeout(Duration.ofSeconds(2))
                .build();
    }

    @AfterEach
    void stop() {
        clients.close();
        server.stop(0);
    }

    private HttpExchange last() {
        return seen.stream().reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void aTypedResponseWithEncodedPathQueryAndHeaders() {
        User user = clients.client("user-service")
                .get("/users/{id}")
                .pathVariable("id", "u 42/x")
                .query("expand", true)
                .header("X-Request-Id", "r-1")
                .send(User.class);
        assertThat(user.email()).isEqualTo("a@b");
        HttpExchange e = last();
        assertThat(e.getRequestURI().getRawPath()).isEqualTo("/users/u%2042%2Fx");
        assertThat(e.getRequestURI().getRawQuery()).isEqualTo("expand=true");
        assertThat(e.getRequestHeaders().getFirst("X-Request-Id")).isEqualTo("r-1");
    }

    @Test
    void aClientSpanPerCallAndTheServerSeesItsTraceparent() {
        clients.client("user-service")
                .get("/users/{id}")
                .pathVariable("id", "1")
                .header("X-Request-Id", "r")
                .send(User.class);
        SpanData span = spans.getFinishedSpanItems().get(0);
        assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(span.getName()).isEqualTo("GET /users/{id}");
        assertThat(span.getAttributes().asMap().toString()).contains("http.response.status_code=200");
        assertThat(last().getRequestHeaders().getFirst("traceparent"))
                .contains(span.getTraceId())
                .contains(span.getSpanId());
    }

    @Test
    void logLinesInsideTheCallCarryTheTraceInTheMdc() {
        List<String> seenInCall = new java.util.concurrent.CopyOnWriteArrayList<>();
        okhttp3.OkHttpClient logging = new okhttp3.OkHttpClient.Builder()
                .addInterceptor(chain -> {
                    seenInCall.add(org.slf4j.MDC.get("trace_id") + "/" + org.slf4j.MDC.get("span_id"));
                    return chain.proceed(chain.request());
                })
                .build();
        try (ServiceClients traced = ServiceClients.builder(discovery)
                .openTelemetry(otel)
                .okHttpClient(logging)
                .build()) {
            traced.client("user-service")
                    .get("/users/{id}")
                    .pathVariable("id", "1")
                    .send(User.class);
        }
        SpanData span = spans.getFinishedSpanItems().get(0);
        assertThat(seenInCall).containsExactly(span.getTraceId() + "/" + span.getSpanId());
        assertThat(org.slf4j.MDC.get("trace_id")).as("restored after the call").isNull();
    }

    @Test
    void postsCarryAnIdempotencyKeyWhenAsked() {
        answer = e -> new Object[] {201, "application/json", USER};
        clients.client("user-service")
                .post("/users")
                .body(new NewUser("a@b", "Ada"))
                .idempotencyKey("k-1")
                .send(User.class);
        assertThat(last().getRequestHeaders().getFirst("Idempotency-Key")).isEqualTo("k-1");
        assertThat(last().getRequestMethod()).isEqualTo("POST");
    }

    @Test
    void errorsBecomeTypedExceptionsWithTheProblem() {
        answer = e -> new Object[] {
            404,
            "application/problem+json",
            "{\"type\":\"https://example.com/not-found\",\"title\":\"No such user\",\"status\":404}"
        };
        assertThatThrownBy(() -> clients.client("user-service")
                        .get("/users/{id}")
                        .pathVariable("id", "9")
                        .header("X-Request-Id", "r")
                        .send(User.class))
                .isInstanceOfSatisfying(HttpStatusException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.requestId()).contains("req-7");
                    assertThat(e.problem().orElseThrow().title()).contains("No such user");
                    assertThat(e.service()).isEqualTo("user-service");
                    assertThat(e.operation()).isEqualTo("GET /users/{id}");
                })
                .hasMessage("user-service answered GET /users/{id} with 404 (No such user), request id req-7");
        answer = e -> new Object[] {500, "text/html", "x".repeat(10_000)};
        assertThatThrownBy(() -> clients.client("user-service")
                        .get("/users/{id}")
                        .pathVariable("id", "9")
                        .header("X-Request-Id", "r")
                        .send(User.class))
                .isInstanceOfSatisfying(HttpStatusException.class, e -> assertThat(e.bodyExcerpt())
                        .hasSize(1027));
    }

    @Test
    void driftIsAContractViolationNamingThePointer() {
        answer = e -> new Object[] {200, "application/json", USER.replace("\"Ada\"", "42")};
        assertThatThrownBy(() -> clients.client("user-service")
                        .get("/users/{id}")
                        .pathVariable("id", "1")
                        .header("X-Request-Id", "r")
                        .send(User.class))
                .isInstanceOfSatisfying(
                        ContractViolationException.class,
                        e -> assertThat(e.violations()).singleElement().satisfies(v -> {
                            assertThat(v.pointer()).isEqualTo("/name");
                            assertThat(v.rule()).isEqualTo("type");
                            assertThat(v.contract()).isEqualTo("user-service GET /users/{id} 200");
                        }));
        answer = e -> new Object[] {200, "application/json", USER.replace("\"email\":\"a@b\",", "")};
        assertThatThrownBy(() -> clients.client("user-service")
                        .get("/users/{id}")
                        .pathVariable("id", "1")
                        .header("X-Request-Id", "r")
                        .send(User.class))
                .isInstanceOf(ContractViolationException.class)
                .hasMessageContaining("/email");
        assertThatThrownBy(() -> clients.client("user-service")
                        .get("/users/{id}")
                        .pathVariable("id", "1")
                        .header("X-Request-Id", "r")
                        .sendOrElse(User.class, failure -> null))
                .as("a fallback never hides drift")
                .isInstanceOf(ContractViolationException.class);
    }

    @Test
    void requestsAreCheckedBeforeSendingWhenAsked() {
        int before = seen.size();
        assertThatThrownBy(() -> clients.client("user-service")
                        .get("/users/{id}")
                        .pathVariable("id", "1")
                        .send(User.class))
                .isInstanceOf(ContractViolationException.class)
                .hasMessageContaining("/header/X-Request-Id");
        assertThat(seen).hasSize(before);
    }

    @Test
    void aDeadInstanceIsServiceUnavailableAndATimeLimitHolds() throws IOException {
        answer = e -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            return new Object[] {200, "application/json", USER};
        };
        assertThatThrownBy(() -> clients.client("user-service")
                        .get("/users/{id}")
                        .pathVariable("id", "1")
                        .header("X-Request-Id", "r")
                        .timeout(Duration.ofMillis(300))
                        .send(User.class))
                .isInstanceOf(ServiceUnavailableException.class);
        server.stop(0);
        assertThatThrownBy(() -> clients.client("user-service")
                        .get("/users/{id}")
                        .pathVariable("id", "1")
                        .header("X-Request-Id", "r")
                        .send(User.class))
                .isInstanceOf(ServiceUnavailableException.class)
                .hasMessageContaining("could not be reached");
    }

    @Test
    void asynchronousCallsComplete() throws Exception {
        User user = clients.client("user-service")
                .get("/users/{id}")
                .pathVariable("id", "1")
                .header("X-Request-Id", "r")
                .sendAsync(User.class)
                .get();
        assertThat(user.id()).isEqualTo("u-42");
    }
}
