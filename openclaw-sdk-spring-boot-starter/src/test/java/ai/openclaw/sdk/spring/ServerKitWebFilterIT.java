package ai.openclaw.sdk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.sdk.catalog.HttpMethod;
import ai.openclaw.sdk.contract.ContractRegistry;
import ai.openclaw.sdk.spring.app.BillingApplication;
import ai.openclaw.sdk.testing.redis.RedisServer;
import ai.openclaw.sdk.testing.stub.StubService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The same billing-service as {@link SpringBootStarterIT}, run as a reactive application on Reactor Netty: the starter
 * registers {@link ServerKitWebFilter} instead of the servlet filter, and requests are checked, served and traced the
 * same way over real HTTP.
 */
class ServerKitWebFilterIT {
    private static final Path SAMPLES =
            Path.of("..", "samples").toAbsolutePath().normalize();

    private static RedisServer redis;
    private static StubService users;
    private static ConfigurableApplicationContext context;
    private static URI base;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        redis = RedisServer.builder().appendOnly(false).start();
        users = StubService.start("user-service", ContractRegistry.load(SAMPLES.resolve("contracts")));
        context = SpringApplication.run(
                BillingApplication.class,
                "--spring.main.web-application-type=reactive",
                "--openclaw.redis.url=" + redis.uri(),
                "--openclaw.service.user-service.url=" + users.baseUrl());
        base = URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
        if (users != null) {
            users.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void theReactiveFilterIsRegisteredAndNotTheServletOne() {
        assertThat(context.getBeansOfType(ServerKitWebFilter.class)).hasSize(1);
        assertThat(context.containsBean("openClawServerKitFilter")).isFalse();
    }

    @Test
    void aRequestThatBreaksTheContractIsRefusedAndAGoodOneServedInTheCallersTrace() throws Exception {
        HttpResponse<String> refused = post("{\"userId\": \"\", \"plan\": \"gold\"}", Map.of());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("{\"pointer\":\"/userId\",\"rule\":\"minLength\"");

        users.respond(
                HttpMethod.GET,
                "/users/{id}",
                200,
                Map.of("id", "u-1", "email", "ada@example.com", "name", "Ada", "createdAt", "2026-11-22T10:00:00Z"));
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        HttpResponse<String> created = post(
                "{\"userId\": \"u-1\", \"plan\": \"trial\"}",
                Map.of("traceparent", "00-" + traceId + "-b7ad6b7169203331-01"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("\"userId\":\"u-1\"");
        assertThat(users.wireMock().getAllServeEvents().get(0).getRequest().getHeader("traceparent"))
                .contains(traceId);
    }

    @Test
    void pathsOutsideTheContractPassUntouched() throws Exception {
        HttpResponse<String> liveness = http.send(
                HttpRequest.newBuilder(base.resolve("/actuator/health/liveness"))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).contains("openclawLiveness");
    }

    private HttpResponse<String> post(String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/subscriptions"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
