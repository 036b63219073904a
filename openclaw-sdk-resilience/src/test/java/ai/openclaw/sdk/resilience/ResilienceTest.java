package ai.openclaw.sdk.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.sdk.client.HttpStatusException;
import ai.openclaw.sdk.client.ServiceClient;
import ai.openclaw.sdk.client.ServiceClients;
import ai.openclaw.sdk.client.ServiceUnavailableException;
import ai.openclaw.sdk.discovery.InstanceSource;
import ai.openclaw.sdk.discovery.ServiceDiscovery;
import ai.openclaw.sdk.health.HealthRegistry;
import ai.openclaw.sdk.health.HealthResult;
import ai.openclaw.sdk.health.HealthServer;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retries, circuit breaker, bulkhead and time limit around real HTTP calls on loopback. */
class ResilienceTest {
    private HttpServer server;
    private final List<Long> arrivals = new CopyOnWriteArrayList<>();
    private final List<String> methods = new CopyOnWriteArrayList<>();
    private volatile Function<HttpExchange, Integer> status = e -> 200;
    /** When set, each request waits for it before answering (until the test ends at the latest). */
    private volatile CountDownLatch hold;

    private final List<ServiceClients> open = new CopyOnWriteArrayList<>();
    private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
    private final OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
            .setMeterProvider(
                    SdkMeterProvider.builder().registerMetricReader(metrics).build())
            .build();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            arrivals.add(System.nanoTime());
            methods.add(exchange.getRequestMethod());
            exchange.getRequestBody().readAllBytes();
            CountDownLatch waitFor = hold;
            if (waitFor != null) {
                try {
                    waitFor.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int code = status.apply(exchange);
            byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(code, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        if (hold != null) {
            hold.countDown();
        }
        open.forEach(ServiceClients::close);
        server.stop(0);
    }

    private ServiceClient client(ResiliencePolicies policies) {
        return clients(policies, OpenTelemetry.noop()).client("billing-service");
    }

    /** Clients of the test's billing-service, closed after the test. */
    private ServiceClients clients(ResiliencePolicies policies, OpenTelemetry telemetry) {
        ServiceDiscovery discovery = ServiceDiscovery.builder()
                .addSource(InstanceSource.of(Map.of(
                        "billing-service",
                        List.of(URI.create(
                                "http://127.0.0.1:" + server.getAddress().getPort())))))
                .failuresToEject(1_000)
                .build();
        ServiceClients clients = ServiceClients.builder(discovery)
                .policies(policies)
                .openTelemetry(telemetry)
                .build();
        open.add(clients);
        return clients;
    }

    private ResiliencePolicies with(ResiliencePolicy.Builder policy) {
        return ResiliencePolicies.builder()
                .defaults(policy.build())
                .openTelemetry(otel)
                .build();
    }

    /** Every metric point so far, as "name{attributes}" to value. */
    private Map<String, Long> metricPoints() {
        Map<String, Long> points = new HashMap<>();
        for (MetricData m : metrics.collectAllMetrics()) {
            m.getLongSumData()
                    .getPoints()
                    .forEach(p -> points.merge(m.getName() + p.getAttributes(), p.getValue(), Long::sum));
            m.getLongGaugeData()
                    .getPoints()
                    .forEach(p -> points.merge(m.getName() + p.getAttributes(), p.getValue(), Long::sum));
        }
        return points;
    }

    @Test
    void retriesAreCountedExactlyAndBackOffGrowing() {
        status = e -> 503;
        ServiceClient billing = client(with(ResiliencePolicy.builder()
                .maxAttempts(4)
                .initialBackoff(Duration.ofMillis(50))
                .jitter(0)
                .circuitBreaker(false)));
        assertThatThrownBy(() -> billing.get("/invoices").send(String.class))
                .isInstanceOfSatisfying(
                        HttpStatusException.class, e -> assertThat(e.status()).isEqualTo(503));
        assertThat(arrivals).hasSize(4);
        long first = arrivals.get(1) - arrivals.get(0);
        long second = arrivals.get(2) - arrivals.get(1);
        long third = arrivals.get(3) - arrivals.get(2);
        assertThat(first).isGreaterThanOrEqualTo(Duration.ofMillis(50).toNanos());
        assertThat(second).isGreaterThanOrEqualTo(Duration.ofMillis(100).toNanos());
        assertThat(third).isGreaterThanOrEqualTo(Duration.ofMillis(200).toNanos());
        assertThat(metricPoints())
                .containsEntry("openclaw.resilience.retries{openclaw.target=\"billing-service\"}", 3L);
    }

    @Test
    void retryAfterIsHonoured() {
        status = e -> {
            e.getResponseHeaders().set("Retry-After", "1");
            return arrivals.size() == 1 ? 429 : 200;
        };
        ServiceClient billing = client(with(
                ResiliencePolicy.builder().initialBackoff(Duration.ofMillis(1)).jitter(0)));
        billing.get("/invoices").send(String.class);
        assertThat(arrivals).hasSize(2);
        assertThat(arrivals.get(1) - arrivals.get(0))
                .isGreaterThanOrEqualTo(Duration.ofMillis(950).toNanos());
    }

    @Test
    void aPostIsNotRetriedUnlessItCarriesAnIdempotencyKey() {
        status = e -> 503;
        ServiceClient billing = client(with(
                ResiliencePolicy.builder().initialBackoff(Duration.ofMillis(1)).circuitBreaker(false)));
        assertThatThrownBy(() -> billing.post("/invoices").body(Map.of("a", 1)).send(String.class))
                .isInstanceOf(HttpStatusException.class);
        assertThat(methods).containsExactly("POST");
        methods.clear();
        assertThatThrownBy(() -> billing.post("/invoices")
                        .body(Map.of("a", 1))
                        .idempotencyKey("k-1")
                        .send(String.class))
                .isInstanceOf(HttpStatusException.class);
        assertThat(methods).containsExactly("POST", "POST", "POST");
    }

    @Test
    void clientErrorsAreNotRetried() {
        status = e -> 404;
        ServiceClient billing = client(with(ResiliencePolicy.builder().initialBackoff(Duration.ofMillis(1))));
        assertThatThrownBy(() -> billing.get("/invoices").send(String.class)).isInstanceOf(HttpStatusException.class);
        assertThat(arrivals).hasSize(1);
    }

    @Test
    void theCircuitOpensRejectsWithoutCallingHalfOpensAndCloses() throws Exception {
        List<ResiliencePolicies.CircuitTransition> transitions = new CopyOnWriteArrayList<>();
        ResiliencePolicies policies = ResiliencePolicies.builder()
                .openTelemetry(otel)
                .defaults(ResiliencePolicy.builder()
                        .maxAttempts(1)
                        .window(4)
                        .minimumCalls(4)
                        .failureRate(50)
                        .openDuration(Duration.ofMillis(300))
                        .halfOpenCalls(2)
                        .build())
                .onCircuitTransition(transitions::add)
                .build();
        ServiceClient billing = client(policies);
        status = e -> 500;
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> billing.get("/invoices").send(String.class))
                    .isInstanceOf(HttpStatusException.class);
        }
        assertThat(policies.circuitState("billing-service")).contains(CircuitState.OPEN);
        int before = arrivals.size();
        assertThatThrownBy(() -> billing.get("/invoices").send(String.class))
                .isInstanceOf(ServiceUnavailableException.class)
                .hasMessage("the circuit breaker of billing-service is open: GET /invoices was not sent");
        assertThat(arrivals).as("rejected without calling").hasSize(before);
        assertThat(policies.circuitStates()).containsEntry("billing-service", CircuitState.OPEN);
        assertThat(metricPoints())
                .containsEntry(
                        "openclaw.resilience.circuit.transitions{openclaw.circuit.from=\"closed\", "
                                + "openclaw.circuit.state=\"open\", openclaw.target=\"billing-service\"}",
                        1L)
                .containsEntry(
                        "openclaw.resilience.rejections{openclaw.rejection.reason=\"circuit_open\", "
                                + "openclaw.target=\"billing-service\"}",
                        1L)
                .containsEntry(
                        "openclaw.resilience.circuit.state{openclaw.circuit.state=\"open\", "
                                + "openclaw.target=\"billing-service\"}",
                        1L);
        assertThat(metrics.collectAllMetrics())
                .filteredOn(m -> m.getName().equals("openclaw.resilience.circuit.state"))
                .singleElement()
                .satisfies(m ->
                        assertThat(m.getUnit()).as("as docs/telemetry.md says").isEqualTo("1"));

        Thread.sleep(350);
        status = e -> 200;
        billing.get("/invoices").send(String.class);
        assertThat(policies.circuitState("billing-service")).contains(CircuitState.HALF_OPEN);
        billing.get("/invoices").send(String.class);
        assertThat(policies.circuitState("billing-service")).contains(CircuitState.CLOSED);
        assertThat(transitions)
                .extracting(ResiliencePolicies.CircuitTransition::to)
                .containsExactly(CircuitState.OPEN, CircuitState.HALF_OPEN, CircuitState.CLOSED);
    }

    @Test
    void anOpenCircuitShowsInReadinessAndNeverFailsLiveness() throws Exception {
        ResiliencePolicies policies = ResiliencePolicies.builder()
                .defaults(ResiliencePolicy.builder()
                        .maxAttempts(1)
                        .window(2)
                        .minimumCalls(2)
                        .openDuration(Duration.ofMinutes(1))
                        .build())
                .build();
        ServiceClient billing = client(policies);
        try (HealthRegistry registry =
                        HealthRegistry.builder().cacheFor(Duration.ZERO).build();
                HealthServer health =
                        HealthServer.builder(registry).host("127.0.0.1").port(0).start()) {
            registry.liveness("process", HealthResult::up);
            registry.readiness("circuits", CircuitBreakerHealthCheck.of(policies));
            registry.readiness(
                    "critical-circuits", CircuitBreakerHealthCheck.of(policies).critical("payments"));
            status = e -> 500;
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> billing.get("/invoices").send(String.class))
                        .isInstanceOf(HttpStatusException.class);
            }
            assertThat(policies.circuitState("billing-service")).contains(CircuitState.OPEN);

            HttpResponse<String> live = get(health.uri() + "/live");
            assertThat(live.statusCode()).isEqualTo(200);
            HttpResponse<String> ready = get(health.uri() + "/ready");
            assertThat(ready.statusCode()).as("billing-service is not critical").isEqualTo(200);
            assertThat(ready.body())
                    .isEqualTo("{\"status\":\"UP\",\"checks\":["
                            + "{\"name\":\"circuits\",\"status\":\"UP\","
                            + "\"data\":{\"billing-service\":\"OPEN\",\"open\":1}},"
                            + "{\"name\":\"critical-circuits\",\"status\":\"UP\","
                            + "\"data\":{\"billing-service\":\"OPEN\",\"open\":1}}]}");

            registry.unregister("critical-circuits");
            registry.readiness(
                    "critical-circuits", CircuitBreakerHealthCheck.of(policies).critical("billing-service"));
            ready = get(health.uri() + "/ready");
            assertThat(ready.statusCode())
                    .as("an open circuit to a critical service")
                    .isEqualTo(503);
            assertThat(ready.body())
                    .contains("{\"name\":\"critical-circuits\",\"status\":\"DOWN\",\"data\":{"
                            + "\"billing-service\":\"OPEN\",\"open\":1,"
                            + "\"error\":\"the circuit to billing-service is open\"}}");
            assertThat(get(health.uri() + "/live").statusCode()).isEqualTo(200);
        }
    }

    private static HttpResponse<String> get(String uri) throws Exception {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aFallbackAnswersWhenTheCircuitIsOpenWithoutCallingTheService() {
        ResiliencePolicies policies = ResiliencePolicies.builder()
                .defaults(ResiliencePolicy.builder()
                        .maxAttempts(1)
                        .window(2)
                        .minimumCalls(2)
                        .openDuration(Duration.ofSeconds(30))
                        .build())
                .build();
        ServiceClient billing = client(policies);
        status = e -> 503;
        List<String> reasons = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 2; i++) {
            String answer = billing.get("/invoices").sendOrElse(String.class, failure -> {
                reasons.add(failure.getClass().getSimpleName());
                return "cached";
            });
            assertThat(answer).isEqualTo("cached");
        }
        int before = arrivals.size();
        assertThat(billing.get("/invoices").sendOrElse(String.class, failure -> {
                    reasons.add(failure.getMessage());
                    return "cached";
                }))
                .isEqualTo("cached");
        assertThat(arrivals).as("the open circuit answered, not the service").hasSize(before);
        assertThat(reasons)
                .containsExactly(
                        "HttpStatusException",
                        "HttpStatusException",
                        "the circuit breaker of billing-service is open: GET /invoices was not sent");
    }

    @Test
    void theBulkheadRejectsBeyondItsLimit() throws Exception {
        hold = new CountDownLatch(1);
        ServiceClient billing =
                client(with(ResiliencePolicy.builder().maxConcurrentCalls(1).maxAttempts(1)));
        CompletableFuture<String> first = billing.get("/invoices").sendAsync(String.class);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (arrivals.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5); // until the first call is at the service, where it stays until released
        }
        // refused rather than queued: a queued call would wait for the release below, which comes after this
        assertThatThrownBy(() -> billing.get("/invoices").send(String.class))
                .isInstanceOf(ServiceUnavailableException.class)
                .hasMessageContaining("1 calls to billing-service are in progress already");
        assertThat(arrivals).as("the refused call was not sent").hasSize(1);
        hold.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS)).contains("ok");
    }

    @Test
    void aTimeLimitCancelsTheCall() {
        hold = new CountDownLatch(1); // the service never answers while the call waits
        ResiliencePolicies policies =
                with(ResiliencePolicy.builder().maxAttempts(1).timeLimit(Duration.ofMillis(200)));
        ServiceClient billing = client(policies);
        assertThatThrownBy(() -> billing.get("/invoices").send(String.class))
                .isInstanceOf(ServiceUnavailableException.class)
                .hasMessage("GET /invoices on billing-service did not finish within PT0.2S");
        policies.close();
    }

    @Test
    void aTimeLimitedCallStaysInTheCallersTrace() {
        InMemorySpanExporter spans = InMemorySpanExporter.create();
        List<String> traceparents = new CopyOnWriteArrayList<>();
        status = e -> {
            traceparents.add(String.valueOf(e.getRequestHeaders().getFirst("traceparent")));
            return 200;
        };
        try (OpenTelemetrySdk traced = OpenTelemetrySdk.builder()
                        .setTracerProvider(SdkTracerProvider.builder()
                                .addSpanProcessor(SimpleSpanProcessor.create(spans))
                                .build())
                        .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                        .build();
                ResiliencePolicies policies = with(ResiliencePolicy.builder().timeLimit(Duration.ofSeconds(2)))) {
            ServiceClients clients = clients(policies, traced);
            Span parent = traced.getTracer("test").spanBuilder("checkout").startSpan();
            try (Scope ignored = parent.makeCurrent()) {
                clients.client("billing-service").get("/invoices").send(String.class);
            } finally {
                parent.end();
            }
            SpanData client = spans.getFinishedSpanItems().stream()
                    .filter(s -> s.getKind() == SpanKind.CLIENT)
                    .findFirst()
                    .orElseThrow();
            assertThat(client.getParentSpanId())
                    .isEqualTo(parent.getSpanContext().getSpanId());
            assertThat(client.getTraceId()).isEqualTo(parent.getSpanContext().getTraceId());
            assertThat(traceparents)
                    .singleElement()
                    .asString()
                    .contains(parent.getSpanContext().getTraceId());
        }
    }

    @Test
    void anAttemptAbandonedByTheTimeLimitIsCancelledAndTracedAsAnError() throws Exception {
        InMemorySpanExporter spans = InMemorySpanExporter.create();
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        status = e -> {
            if (calls.incrementAndGet() == 1) {
                try {
                    release.await(60, TimeUnit.SECONDS); // the first attempt hangs until the test lets it answer
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            return 200;
        };
        try (OpenTelemetrySdk traced = OpenTelemetrySdk.builder()
                        .setTracerProvider(SdkTracerProvider.builder()
                                .addSpanProcessor(SimpleSpanProcessor.create(spans))
                                .build())
                        .build();
                ResiliencePolicies policies = with(ResiliencePolicy.builder()
                        .maxAttempts(2)
                        .initialBackoff(Duration.ofMillis(10))
                        // long enough for the second attempt on a loaded machine; the first never answers in time
                        .timeLimit(Duration.ofSeconds(5)))) {
            ServiceClients clients = clients(policies, traced);
            assertThat(clients.client("billing-service").get("/invoices").send(String.class))
                    .contains("ok");
            release.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            List<SpanData> client;
            do {
                Thread.sleep(10); // the abandoned attempt's span ends on its own thread once cancelled
                client = spans.getFinishedSpanItems().stream()
                        .filter(s -> s.getKind() == SpanKind.CLIENT)
                        .toList();
            } while (client.size() < 2 && System.nanoTime() < deadline);
            assertThat(client).hasSize(2);
            assertThat(client)
                    .filteredOn(s -> s.getStatus().getStatusCode() == StatusCode.ERROR)
                    .singleElement()
                    .satisfies(s -> {
                        assertThat(s.getStatus().getDescription())
                                .isEqualTo("abandoned: the policy's time limit passed");
                        assertThat(s.getAttributes().get(AttributeKey.stringKey("error.type")))
                                .isEqualTo("timeout");
                    });
            assertThat(client)
                    .filteredOn(s -> s.getStatus().getStatusCode() != StatusCode.ERROR)
                    .singleElement()
                    .satisfies(s -> assertThat(s.getAttributes().get(AttributeKey.longKey("http.response.status_code")))
                            .isEqualTo(200L));
        }
    }

    @Test
    void policiesComeFromTheCatalogByName() throws Exception {
        var catalog = ai.openclaw.sdk.catalog.CatalogLoader.defaults()
                .validate(
                        "s.yaml",
                        "services:\n  user-service:\n    owner: a\n    communication:\n      - type: http\n"
                                + "        target: billing-service\n        resilience: careful\n"
                                + "  billing-service:\n    owner: b\n")
                .resultOrThrow();
        ResiliencePolicy careful = ResiliencePolicy.builder().maxAttempts(5).build();
        ResiliencePolicies policies = ResiliencePolicies.builder()
                .named("careful", careful)
                .catalog(catalog)
                .build();
        assertThat(policies.policyOf("billing-service")).isSameAs(careful);
        assertThat(policies.policyOf("user-service")).isSameAs(ResiliencePolicy.defaults());
        assertThatThrownBy(() -> ResiliencePolicies.builder().catalog(catalog).build())
                .hasMessageContaining("names resilience policy 'careful'");
        assertThatThrownBy(() -> ResiliencePolicy.builder().maxAttempts(0).build())
                .hasMessage("maxAttempts must be >= 1, was 0");
    }
}
