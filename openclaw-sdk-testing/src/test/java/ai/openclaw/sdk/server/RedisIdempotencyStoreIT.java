package ai.openclaw.sdk.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.sdk.contract.HttpContract;
import ai.openclaw.sdk.events.redis.RedisIdempotencyStore;
import ai.openclaw.sdk.events.redis.RedisTransport;
import ai.openclaw.sdk.internal.source.SourceDocument;
import ai.openclaw.sdk.testing.redis.RedisServer;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances of a service, each with its own server kit and its own connection to one real redis-server: an
 * Idempotency-Key answered by one is replayed by the other, refused by the other while in flight or when it comes with
 * another request, and a failed or abandoned first attempt does not hold the key.
 */
class RedisIdempotencyStoreIT {
    private static final String CONTRACT = """
            openapi: 3.0.3
            info: {title: billing-service, version: '1.0.0'}
            paths:
              /invoices:
                post:
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema: {type: object, required: [amount], properties: {amount: {type: integer}}}
                  responses:
                    '201':
                      description: created
                      content:
                        application/json:
                          schema: {type: object, required: [id], properties: {id: {type: string}}}
            """;

    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicInteger created = new AtomicInteger();
    private final List<AutoCloseable> open = new ArrayList<>();
    private RedisServer redis;
    private volatile CountDownLatch hold = new CountDownLatch(0);
    private volatile CountDownLatch entered = new CountDownLatch(1);
    private volatile boolean fail;

    @BeforeEach
    void startRedis() {
        redis = RedisServer.builder().appendOnly(false).start();
    }

    @AfterEach
    void stopAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        redis.close();
    }

    private RedisIdempotencyStore store(Duration inFlightTimeout) {
        RedisIdempotencyStore store = RedisIdempotencyStore.builder(
                        "billing-service", RedisTransport.uri(redis.uri().toString()))
                .inFlightTimeout(inFlightTimeout)
                .build();
        open.add(store);
        return store;
    }

    /** An instance: its own kit, store connection and server on loopback. */
    private URI instance() throws Exception {
        HttpContract contract = HttpContract.of(
                "billing-service",
                SourceDocument.parseYaml("billing.yaml", CONTRACT).root());
        ServerKit kit = ServerKit.builder("billing-service", contract)
                .idempotency(store(Duration.ofMinutes(5)))
                .build();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", kit.httpHandler(request -> {
            entered.countDown();
            if (!hold.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
            if (fail) {
                throw new IllegalStateException("the first attempt fails");
            }
            return ServerResponse.created(Map.of("id", "inv-" + created.incrementAndGet()));
        }));
        server.start();
        open.add(() -> server.stop(0));
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private HttpRequest post(URI instance, String key, int amount) {
        return HttpRequest.newBuilder(instance.resolve("/invoices"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString("{\"amount\": " + amount + "}"))
                .build();
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anAnswerOfOneInstanceIsReplayedByTheOther() throws Exception {
        URI a = instance();
        URI b = instance();
        HttpResponse<String> first = send(post(a, "k-1", 100));
        HttpResponse<String> retry = send(post(b, "k-1", 100));
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(retry.headers().firstValue(ServerKit.REPLAYED)).hasValue("true");
        assertThat(created).hasValue(1);
        assertThat(send(post(b, "k-1", 200)).statusCode())
                .as("the key with another request")
                .isEqualTo(422);
    }

    @Test
    void aKeyInFlightOnOneInstanceIsRefusedByTheOtherAndAFailedAttemptReleasesIt() throws Exception {
        URI a = instance();
        URI b = instance();
        hold = new CountDownLatch(1);
        fail = true;
        entered = new CountDownLatch(1);
        CompletableFuture<HttpResponse<String>> first =
                http.sendAsync(post(a, "k-2", 100), HttpResponse.BodyHandlers.ofString());
        assertThat(entered.await(30, TimeUnit.SECONDS))
                .as("the first attempt runs, its key claimed")
                .isTrue();
        assertThat(send(post(b, "k-2", 100)).statusCode()).isEqualTo(409);
        hold.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(500);
        fail = false;
        assertThat(send(post(b, "k-2", 100)).statusCode())
                .as("the failed attempt left the key")
                .isEqualTo(201);
        assertThat(created).hasValue(1);
    }

    @Test
    void aKeyClaimedByAnInstanceThatDiedIsFreedAfterTheInFlightTimeout() throws Exception {
        RedisIdempotencyStore dying = store(Duration.ofMillis(300));
        RedisIdempotencyStore other = store(Duration.ofMillis(300));
        assertThat(dying.claim("k-3", "f").kind()).isEqualTo(IdempotencyStore.Claim.Kind.NEW);
        assertThat(other.claim("k-3", "f").kind()).isEqualTo(IdempotencyStore.Claim.Kind.IN_FLIGHT);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        IdempotencyStore.Claim.Kind kind;
        do {
            kind = other.claim("k-3", "f").kind();
            assertThat(System.nanoTime()).as("waiting for the marker to expire").isLessThan(deadline);
        } while (kind != IdempotencyStore.Claim.Kind.NEW);
    }
}
