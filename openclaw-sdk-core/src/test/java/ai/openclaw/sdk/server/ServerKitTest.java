package ai.openclaw.sdk.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.sdk.contract.HttpContract;
import ai.openclaw.sdk.internal.source.SourceDocument;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The server kit on the JDK's HTTP server, on loopback, called over real HTTP. */
class ServerKitTest {
    private static final String CONTRACT = """
            openapi: 3.0.3
            info: {title: user-service, version: '1.2.0'}
            paths:
              /users/{id}:
                get:
                  parameters:
                    - {name: id, in: path, required: true, schema: {type: string, pattern: '^u-[0-9]+$'}}
                    - {name: fields, in: query, schema: {type: array, items: {type: string}}}
                  responses:
                    '200':
                      description: a user
                      content:
                        application/json:
                          schema:
                            type: object
                            required: [id, email]
                            properties: {id: {type: string}, email: {type: string}}
                    '404': {description: no such user}
                delete:
                  parameters:
                    - {name: id, in: path, required: true, schema: {type: string}}
                  responses:
                    '204': {description: deleted}
              /users:
                post:
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema:
                          type: object
                          required: [email]
                          additionalProperties: false
                          properties: {email: {type: string, format: email}, name: {type: string, maxLength: 20}}
                  responses:
                    '201':
                      description: created
                      content:
                        application/json:
                          schema: {type: object, required: [id], properties: {id: {type: string}}}
            """;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(spans))
                    .build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();
    private final HttpClient http = HttpClient.newHttpClient();
    private HttpServer server;
    private URI base;

    private static HttpContract contract() throws Exception {
        return HttpContract.of(
                "user-service",
                SourceDocument.parseYaml("user-service.yaml", CONTRACT).root());
    }

    private void serve(ServerKit kit, Responder responder) throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", kit.httpHandler(responder));
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private ServerKit.Builder kit() throws Exception {
        return ServerKit.builder("user-service", contract()).openTelemetry(otel);
    }

    @BeforeEach
    void clear() {
        spans.reset();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
        otel.close();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder post(String path, String body) {
        return HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    @Test
    void aRequestThatKeepsTheContractReachesTheCodeWithItsPartsDecoded() throws Exception {
        AtomicReference<ServerRequest> seen = new AtomicReference<>();
        serve(kit().build(), request -> {
            seen.set(request);
            return ServerResponse.ok(Map.of("id", request.variable("id"), "email", "a@example.com"));
        });
        HttpResponse<String> r = send(HttpRequest.newBuilder(base.resolve("/users/u-7?fields=a&fields=b%20c")));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(JSON.readTree(r.body()).path("id").asText()).isEqualTo("u-7");
        assertThat(seen.get().operation().toString()).isEqualTo("GET /users/{id}");
        assertThat(seen.get().query()).containsEntry("fields", List.of("a", "b c"));
    }

    @Test
    void aRequestThatBreaksTheContractGetsAProblemNamingEachPointerAndRuleButNoValue() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        serve(kit().build(), request -> {
            calls.incrementAndGet();
            return ServerResponse.created(Map.of("id", "u-1"));
        });
        HttpResponse<String> r =
                send(post("/users", "{\"name\": \"a-name-much-too-long-for-it\", \"secret\": \"hunter2\"}"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValue(ServerKit.PROBLEM_JSON);
        JsonNode problem = JSON.readTree(r.body());
        assertThat(problem.path("title").asText()).isEqualTo("the request breaks the user-service contract");
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("violations"))
                .extracting(
                        v -> v.path("pointer").asText() + " " + v.path("rule").asText())
                .contains("/email required", "/name maxLength");
        assertThat(r.body()).doesNotContain("hunter2").doesNotContain("a-name-much-too-long-for-it");
        assertThat(calls).hasValue(0);
        assertThat(send(HttpRequest.newBuilder(base.resolve("/users/not-a-user-id")))
                        .statusCode())
                .as("a path parameter breaking its pattern")
                .isEqualTo(400);
    }

    @Test
    void bodiesThatAreNotJsonOrTooLargeAreRefusedBeforeTheCode() throws Exception {
        serve(kit().maxBodyBytes(64).build(), request -> ServerResponse.created(Map.of("id", "u-1")));
        HttpResponse<String> broken = send(post("/users", "{\"email\": "));
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(broken.body()).path("title").asText()).isEqualTo("the body is not JSON");
        assertThat(send(post("/users", "{\"email\": \"" + "a".repeat(100) + "@example.com\"}"))
                        .statusCode())
                .isEqualTo(413);
    }

    @Test
    void unknownPathsAre404AndOtherMethodsAre405WithAllow() throws Exception {
        serve(kit().build(), request -> ServerResponse.noContent());
        assertThat(send(HttpRequest.newBuilder(base.resolve("/orders/1"))).statusCode())
                .isEqualTo(404);
        HttpResponse<String> r = send(HttpRequest.newBuilder(base.resolve("/users/u-1"))
                .method("PATCH", HttpRequest.BodyPublishers.noBody()));
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("Allow")).hasValue("DELETE, GET");
    }

    @Test
    void theCallersTraceContinuesInAServerSpanWithTheIdsInTheMdc() throws Exception {
        AtomicReference<String> mdcTrace = new AtomicReference<>();
        serve(kit().build(), request -> {
            mdcTrace.set(MDC.get("trace_id"));
            return ServerResponse.ok(Map.of("id", "u-1", "email", "a@example.com"));
        });
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        HttpResponse<String> r = send(HttpRequest.newBuilder(base.resolve("/users/u-1"))
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));
        assertThat(r.statusCode()).isEqualTo(200);
        SpanData span = spans.getFinishedSpanItems().get(0);
        assertThat(span.getKind()).isEqualTo(SpanKind.SERVER);
        assertThat(span.getName()).isEqualTo("GET /users/{id}");
        assertThat(span.getTraceId()).isEqualTo(traceId);
        assertThat(span.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(span.getAttributes().asMap().toString()).contains("http.route=/users/{id}");
        assertThat(mdcTrace).hasValue(traceId);
    }

    @Test
    void theCodesProblemsAreAnsweredAndItsFailuresHidden() throws Exception {
        serve(kit().build(), request -> {
            if (request.variable("id").equals("u-404")) {
                throw new Problem(404, "no such user", "no user " + request.variable("id"));
            }
            throw new IllegalStateException("database password is hunter2");
        });
        HttpResponse<String> missing = send(HttpRequest.newBuilder(base.resolve("/users/u-404")));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(missing.body()).path("detail").asText()).isEqualTo("no user u-404");
        HttpResponse<String> failed = send(HttpRequest.newBuilder(base.resolve("/users/u-500")));
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.body()).doesNotContain("hunter2").contains("internal error");
        assertThat(spans.getFinishedSpanItems())
                .filteredOn(s -> s.getStatus().getStatusCode() == io.opentelemetry.api.trace.StatusCode.ERROR)
                .hasSize(1);
    }

    @Test
    void settingsConfigureTheKitAndAWrongOneNamesItsKey() throws Exception {
        ServerKit kit = kit().settings(ai.openclaw.sdk.config.OpenClawSettings.of(Map.of(
                        "openclaw.server.max-body-bytes", "16",
                        "openclaw.server.response-validation", "refuse",
                        "openclaw.server.idempotency.enabled", "false")))
                .build();
        assertThat(kit.maxBodyBytes()).isEqualTo(16);
        assertThat(kit.toString()).contains("responses REFUSE");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> kit().settings(ai.openclaw.sdk.config.OpenClawSettings.of(
                                Map.of("openclaw.server.response-validation", "sometimes"))))
                .hasMessage("openclaw.server.response-validation (from given) is not one of off, log, refuse");
    }

    @Test
    void anErrorThrownByTheCodeGoesOnUpAndItsSpanStillEndsFailed() throws Exception {
        ServerKit kit = kit().build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        kit.handle(new ServerKit.Inbound("GET", "/users/u-1", null, Map.of(), new byte[0]), request -> {
                            throw new AssertionError("out of its depth");
                        }))
                .isInstanceOf(AssertionError.class);
        assertThat(spans.getFinishedSpanItems()).singleElement().satisfies(s -> assertThat(
                        s.getStatus().getStatusCode())
                .isEqualTo(io.opentelemetry.api.trace.StatusCode.ERROR));
    }

    @Test
    void aRepeatedIdempotencyKeyIsAnsweredWithTheFirstResponse() throws Exception {
        AtomicInteger created = new AtomicInteger();
        serve(kit().build(), request -> ServerResponse.created(Map.of("id", "u-" + created.incrementAndGet())));
        String body = "{\"email\": \"a@example.com\"}";
        HttpResponse<String> first = send(post("/users", body).header("Idempotency-Key", "k-1"));
        HttpResponse<String> again = send(post("/users", body).header("Idempotency-Key", "k-1"));
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue(ServerKit.REPLAYED)).hasValue("true");
        assertThat(created).hasValue(1);
        HttpResponse<String> otherRequest =
                send(post("/users", "{\"email\": \"b@example.com\"}").header("Idempotency-Key", "k-1"));
        assertThat(otherRequest.statusCode()).isEqualTo(422);
        assertThat(send(post("/users", body).header("Idempotency-Key", "k-2")).statusCode())
                .isEqualTo(201);
        assertThat(created).hasValue(2);
        assertThat(send(post("/users", body)).statusCode())
                .as("no key: no deduplication")
                .isEqualTo(201);
        assertThat(created).hasValue(3);
    }

    @Test
    void aKeyWhoseFirstRequestIsStillRunningIsRefusedAndAFailedOneMayBeRetried() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        serve(kit().build(), request -> {
            if (calls.incrementAndGet() == 1) {
                entered.countDown();
                assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
                throw new IllegalStateException("first attempt fails");
            }
            return ServerResponse.created(Map.of("id", "u-1"));
        });
        String body = "{\"email\": \"a@example.com\"}";
        var first = http.sendAsync(
                post("/users", body).header("Idempotency-Key", "k-9").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(send(post("/users", body).header("Idempotency-Key", "k-9")).statusCode())
                .isEqualTo(409);
        release.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(500);
        assertThat(send(post("/users", body).header("Idempotency-Key", "k-9")).statusCode())
                .as("a failed first attempt is forgotten")
                .isEqualTo(201);
    }

    @Test
    void responsesThatBreakTheContractAreLoggedOrRefused() throws Exception {
        Responder broken = request -> ServerResponse.ok(Map.of("id", "u-1")); // email is required
        serve(kit().responseValidation(ResponseValidation.LOG).build(), broken);
        assertThat(send(HttpRequest.newBuilder(base.resolve("/users/u-1"))).statusCode())
                .isEqualTo(200);
        server.stop(0);
        serve(kit().responseValidation(ResponseValidation.REFUSE).build(), broken);
        HttpResponse<String> refused = send(HttpRequest.newBuilder(base.resolve("/users/u-1")));
        assertThat(refused.statusCode()).isEqualTo(500);
        assertThat(JSON.readTree(refused.body())
                        .path("violations")
                        .get(0)
                        .path("rule")
                        .asText())
                .isEqualTo("required");
    }
}
