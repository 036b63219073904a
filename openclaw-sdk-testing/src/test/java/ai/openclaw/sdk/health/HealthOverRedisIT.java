package ai.openclaw.sdk.health;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.sdk.events.EventPublisher;
import ai.openclaw.sdk.events.EventSubscriber;
import ai.openclaw.sdk.events.SubscriberHealthCheck;
import ai.openclaw.sdk.events.redis.RedisHealthCheck;
import ai.openclaw.sdk.events.redis.RedisTransport;
import ai.openclaw.sdk.testing.redis.RedisServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The health endpoints of a service consuming from a real redis-server (an ACL user with a password in the URI): Redis
 * stopped gives readiness 503 while liveness stays 200; lag above the threshold shows in readiness; the password never
 * appears in any answer.
 */
class HealthOverRedisIT {
    private static final String PASSWORD = "s3cret-pw";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(HealthServer server, String path) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(server.uri() + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.body()).as("no password in health output").doesNotContain(PASSWORD);
        return r;
    }

    private HttpResponse<String> await(HealthServer server, String path, Predicate<HttpResponse<String>> until)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            HttpResponse<String> r = get(server, path);
            if (until.test(r)) {
                return r;
            }
            assertThat(System.nanoTime())
                    .as("waiting on " + path + ", last: " + r.body())
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static JsonNode check(HttpResponse<String> r, String name) throws Exception {
        for (JsonNode c : JSON.readTree(r.body()).get("checks")) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no check " + name + " in " + r.body());
    }

    private static void createUser(RedisServer redis) {
        redis.command("ACL", "SETUSER", "billing", "on", ">" + PASSWORD, "~*", "&*", "+@all");
    }

    @Test
    void redisStoppedMakesReadiness503AndLeavesLiveness200() throws Exception {
        try (RedisServer redis = RedisServer.builder().appendOnly(false).start()) {
            createUser(redis);
            String uri = "redis://billing:" + PASSWORD + "@127.0.0.1:" + redis.port();
            CountDownLatch release = new CountDownLatch(1);
            try (RedisTransport transport = RedisTransport.create(uri);
                    HealthRegistry registry = HealthRegistry.builder()
                            .timeout(Duration.ofSeconds(5)) // a loaded machine answers in time; Redis stopped does not
                            .cacheFor(Duration.ZERO)
                            .build();
                    HealthServer server = HealthServer.builder(registry)
                            .host("127.0.0.1")
                            .port(0)
                            .start()) {
                EventSubscriber subscriber = EventSubscriber.builder("billing-service", transport)
                        .pollTimeout(Duration.ofMillis(100))
                        .maxInFlight(1)
                        .workers(1)
                        .batchSize(1)
                        .onEnvelope("user.created", (envelope, meta) -> release.await())
                        .build();
                registry.liveness("subscriber", SubscriberHealthCheck.liveness(subscriber));
                registry.readiness("redis", RedisHealthCheck.of(transport));
                registry.readiness("subscriber-lag", SubscriberHealthCheck.readiness(subscriber, 5));

                HttpResponse<String> live = get(server, "/live");
                assertThat(live.statusCode()).as("not started yet").isEqualTo(503);
                assertThat(check(live, "subscriber").get("data").get("error").asText())
                        .isEqualTo("not started");

                subscriber.start();
                HttpResponse<String> ready = await(server, "/ready", r -> r.statusCode() == 200);
                JsonNode redisCheck = check(ready, "redis");
                assertThat(redisCheck.get("status").asText()).isEqualTo("UP");
                assertThat(redisCheck.get("data").get("server").asText()).isEqualTo("127.0.0.1:" + redis.port());
                assertThat(redisCheck.get("data").get("latency_ms").isNumber()).isTrue();
                JsonNode lag = check(ready, "subscriber-lag");
                assertThat(lag.get("data").get("group").asText()).isEqualTo("billing-service");
                assertThat(lag.get("data").get("user.created.lag").asLong()).isZero();

                // the handler holds its one slot: the rest of 10 events waits in the stream
                EventPublisher publisher =
                        EventPublisher.builder("user-service", transport).build();
                for (int i = 0; i < 10; i++) {
                    publisher.publish("user.created", Map.of("userId", "u-" + i));
                }
                ready = await(server, "/ready", r -> {
                    try { // until the reader holds the first event in its one slot
                        return r.statusCode() == 503
                                && check(r, "subscriber-lag")
                                                .path("data")
                                                .path("user.created.pending")
                                                .asLong()
                                        == 1;
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                });
                lag = check(ready, "subscriber-lag");
                assertThat(lag.get("status").asText()).isEqualTo("DOWN");
                assertThat(lag.get("data").get("user.created.lag").asLong()).isEqualTo(9);
                assertThat(lag.get("data").get("user.created.pending").asLong()).isEqualTo(1);
                assertThat(lag.get("data").get("error").asText())
                        .isEqualTo("user.created lags by 9 entries, more than 5");
                assertThat(get(server, "/live").statusCode()).isEqualTo(200);
                release.countDown();
                await(server, "/ready", r -> r.statusCode() == 200);

                redis.stop();
                ready = await(server, "/ready", r -> r.statusCode() == 503);
                assertThat(check(ready, "redis").get("status").asText()).isEqualTo("DOWN");
                assertThat(check(ready, "redis").get("data").get("error").asText())
                        .isNotBlank();
                live = get(server, "/live");
                assertThat(live.statusCode())
                        .as("Redis down is not a reason to restart")
                        .isEqualTo(200);
                assertThat(check(live, "subscriber").get("status").asText()).isEqualTo("UP");
                ready = await(server, "/ready", r -> {
                    try {
                        // until the reader's own read fails (Lettuce holds commands up to its command timeout, 10 s;
                        // meanwhile the lag query times out, which is DOWN too)
                        JsonNode error = check(r, "subscriber-lag").get("data").get("error");
                        return error != null && error.asText().startsWith("reading has failed since ");
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                });
                assertThat(check(ready, "subscriber-lag")
                                .get("data")
                                .get("error")
                                .asText())
                        .startsWith("reading has failed since ");
                assertThat(get(server, "").body()).doesNotContain(PASSWORD);

                redis.startAgain();
                createUser(redis);
                await(server, "/ready", r -> r.statusCode() == 200);
                assertThat(get(server, "/live").statusCode()).isEqualTo(200);

                subscriber.close();
                live = get(server, "/live");
                assertThat(live.statusCode()).isEqualTo(503);
                assertThat(check(live, "subscriber").get("data").get("error").asText())
                        .isEqualTo("stopped");
            }
        }
    }
}
