package ai.openclaw.sdk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.sdk.catalog.HttpMethod;
import ai.openclaw.sdk.config.OpenClawSettings;
import ai.openclaw.sdk.contract.ContractRegistry;
import ai.openclaw.sdk.events.EventPublisher;
import ai.openclaw.sdk.runtime.ServiceRuntime;
import ai.openclaw.sdk.spring.app.BillingApplication;
import ai.openclaw.sdk.spring.app.Trials;
import ai.openclaw.sdk.spring.internal.EventHandlers;
import ai.openclaw.sdk.testing.redis.RedisServer;
import ai.openclaw.sdk.testing.stub.StubService;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A billing-service on Spring Boot with the starter, as a user runs it: a real application context on Tomcat (real
 * HTTP on loopback), a real redis-server, user-service as a stub made from its contract on loopback, the samples'
 * catalog, contracts and resilience policies (imported into the Spring environment as a properties file).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SpringBootStarterIT {
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final Path SAMPLES =
            Path.of("..", "samples").toAbsolutePath().normalize();

    private static RedisServer redis;
    private static StubService users;
    private static ConfigurableApplicationContext context;
    private static ServiceRuntime userService;
    private static URI base;
    private static String prefix;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        redis = RedisServer.builder().appendOnly(false).start();
        ContractRegistry contracts = ContractRegistry.load(SAMPLES.resolve("contracts"));
        users = StubService.start("user-service", contracts);
        prefix = "starter-" + UUID.randomUUID().toString().substring(0, 8) + ":";
        // the rest is in src/test/resources/application.yml
        context = SpringApplication.run(
                BillingApplication.class,
                "--openclaw.redis.url=" + redis.uri(),
                "--openclaw.events.stream-prefix=" + prefix,
                "--openclaw.service.user-service.url=" + users.baseUrl());
        base = URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
        userService = ServiceRuntime.builder("user-service")
                .catalog(context.getBean(ServiceRuntime.class).catalog())
                .contracts(contracts)
                .settings(OpenClawSettings.builder()
                        .file(SAMPLES.resolve(".openclaw/resilience.properties"))
                        .map(
                                "test",
                                Map.of(
                                        "openclaw.redis.url",
                                        redis.uri().toString(),
                                        "openclaw.events.stream-prefix",
                                        prefix))
                        .build())
                .build();
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
        if (userService != null) {
            userService.close();
        }
        if (users != null) {
            users.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    @Order(1)
    void aRequestThatBreaksTheContractIsRefusedBeforeTheController() throws Exception {
        HttpResponse<String> response = post("/subscriptions", "{\"userId\": \"\", \"plan\": \"gold\"}", Map.of());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body())
                .contains("{\"pointer\":\"/userId\",\"rule\":\"minLength\"")
                .contains("{\"pointer\":\"/plan\",\"rule\":\"enum\"");
        assertThat(users.wireMock().getAllServeEvents()).isEmpty();
    }

    @Test
    @Order(2)
    void theControllerCallsUserServiceThroughAnInjectedTypedClientInTheCallersTrace() throws Exception {
        users.respond(
                HttpMethod.GET,
                "/users/{id}",
                200,
                Map.of("id", "u-1", "email", "ada@example.com", "name", "Ada", "createdAt", "2026-11-22T10:00:00Z"));
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        HttpResponse<String> response = post(
                "/subscriptions",
                "{\"userId\": \"u-1\", \"plan\": \"trial\"}",
                Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.body()).contains("\"userId\":\"u-1\"");
        ServeEvent call = users.wireMock().getAllServeEvents().get(0);
        assertThat(call.getRequest().getUrl()).isEqualTo("/users/u-1");
        assertThat(call.getRequest().getHeader("traceparent")).contains(traceId);
        users.assertNoViolations();
    }

    @Test
    @Order(3)
    void eventHandlersOnBeanMethodsReceiveEventsAndPoisonGoesToTheDeadLetterStream() {
        EventPublisher publisher = userService.publisher();
        publisher.publish(
                "user.created",
                Map.of(
                        "userId",
                        "u-7",
                        "email",
                        "grace@example.com",
                        "name",
                        "Grace",
                        "createdAt",
                        "2026-11-22T10:00:00Z"));
        publisher.publish(
                "user.created",
                Map.of(
                        "userId",
                        "u-8",
                        "email",
                        "nobody@bounce.invalid",
                        "name",
                        "Nobody",
                        "createdAt",
                        "2026-11-22T10:00:00Z"));
        Trials trials = context.getBean(Trials.class);

        await("the trial of u-7", () -> trials.started().contains("u-7"));
        await("u-8 dead-lettered", () -> {
            Object length = redis.command("XLEN", prefix + "user.created.dlq");
            return length instanceof Long l && l == 1;
        });
        assertThat(trials.started()).doesNotContain("u-8");
    }

    @Test
    @Order(4)
    void actuatorShowsTheSdksChecksInTheLivenessAndReadinessGroups() throws Exception {
        HttpResponse<String> liveness = get("/actuator/health/liveness");
        HttpResponse<String> readiness = get("/actuator/health/readiness");

        assertThat(liveness.statusCode()).as(liveness.body()).isEqualTo(200);
        assertThat(liveness.body())
                .contains("openclawLiveness")
                .contains("subscriber")
                .contains("livenessState");
        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
        assertThat(readiness.body())
                .contains("openclawReadiness")
                .contains("redis")
                .contains("events");
        assertThat(readiness.body()).doesNotContain(redis.uri().toString());
    }

    @Test
    @Order(5)
    void sdkMetricsAndCircuitBreakersAreInMicrometer() throws Exception {
        await(
                "openclaw.client.requests in Micrometer",
                () -> get("/actuator/metrics/openclaw.client.requests").statusCode() == 200);
        await(
                "openclaw.events.processed in Micrometer",
                () -> get("/actuator/metrics/openclaw.events.processed").statusCode() == 200);
        HttpResponse<String> requests = get("/actuator/metrics/openclaw.client.requests");
        assertThat(requests.body()).contains("peer.service").contains("user-service");
        HttpResponse<String> state = get("/actuator/metrics/resilience4j.circuitbreaker.state");
        assertThat(state.statusCode()).isEqualTo(200);
        assertThat(state.body()).contains("user-service");
    }

    @Test
    @Order(6)
    void anOpenCircuitShowsInHealthButNeverFailsLiveness() throws Exception {
        users.respond(HttpMethod.GET, "/users/{id}", 500, Map.of("title", "boom"));
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> response =
                    post("/subscriptions", "{\"userId\": \"u-1\", \"plan\": \"trial\"}", Map.of());
            assertThat(response.statusCode()).isEqualTo(503);
        }
        HttpResponse<String> health = get("/actuator/health");
        HttpResponse<String> liveness = get("/actuator/health/liveness");

        assertThat(health.body()).contains("openclawCircuits").contains("\"user-service\":\"open\"");
        assertThat(liveness.statusCode()).isEqualTo(200);
        await(
                "resilience4j.circuitbreaker.state open",
                () -> get("/actuator/metrics/resilience4j.circuitbreaker.state?tag=state:open&tag=name:user-service")
                        .body()
                        .contains("\"value\":1.0"));
    }

    @Test
    @Order(7)
    void closingTheContextStopsTheSubscriberAndClosesTheRuntime() {
        EventHandlers handlers = context.getBean(EventHandlers.class);
        ServiceRuntime runtime = context.getBean(ServiceRuntime.class);
        assertThat(handlers.isRunning()).isTrue();
        assertThat(handlers.eventTypes()).containsExactly("user.created");

        context.close();

        assertThat(handlers.isRunning()).isFalse();
        assertThat(runtime.isClosed()).isTrue();
    }

    private HttpResponse<String> post(String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(DEADLINE)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(base.resolve(path)).timeout(DEADLINE).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    private static void await(String what, Condition condition) {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (true) {
            try {
                if (condition.holds()) {
                    return;
                }
            } catch (Exception e) {
                // not yet
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + DEADLINE + ": " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }
}
