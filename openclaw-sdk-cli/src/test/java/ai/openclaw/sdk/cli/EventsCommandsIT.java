package ai.openclaw.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.sdk.events.EventSubscriber;
import ai.openclaw.sdk.events.redis.RedisTransport;
import ai.openclaw.sdk.testing.redis.RedisExtension;
import ai.openclaw.sdk.testing.redis.RedisServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** openclaw events publish|tail|pending|dlq list|dlq replay against a real redis-server. */
@ExtendWith(RedisExtension.class)
class EventsCommandsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void publishTailPendingAndDeadLettersRoundTrip(RedisServer redis) throws Exception {
        String url = redis.uri().toString();
        CliRun published = CliRun.of(
                "events",
                "publish",
                "user.created",
                "--data",
                "{\"userId\":\"u-1\"}",
                "--source",
                "user-service",
                "--redis",
                url);
        assertThat(published.exit()).isZero();
        assertThat(published.out().strip()).matches("\\d+-\\d+");

        CliRun tail = CliRun.of("events", "tail", "user.created", "--redis", url, "--format", "json");
        JsonNode entries = JSON.readTree(tail.out()).get("entries");
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).at("/data/source").asText()).isEqualTo("user-service");
        assertThat(entries.get(0).at("/data/data/userId").asText()).isEqualTo("u-1");

        // a subscriber that fails every delivery once: dead letter at once
        try (RedisTransport transport = RedisTransport.create(url)) {
            EventSubscriber subscriber = EventSubscriber.builder("billing-service", transport)
                    .startFromBeginning(true)
                    .maxDeliveries(1)
                    .handlerAttempts(1)
                    .pollTimeout(Duration.ofMillis(100))
                    .onEnvelope("user.created", (envelope, meta) -> {
                        throw new IllegalStateException("billing is down");
                    })
                    .build();
            subscriber.start();
            long deadline = System.currentTimeMillis() + 10_000;
            while (subscriber.stats().deadLettered() < 1 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            subscriber.close();
        }
        CliRun pending = CliRun.of("events", "pending", "user.created", "--group", "billing-service", "--redis", url);
        assertThat(pending.out())
                .isEqualTo("user.created / billing-service: 0 pending, 1 in the stream, 1 dead letters\n");

        CliRun list = CliRun.of("events", "dlq", "list", "user.created", "--redis", url);
        assertThat(list.exit()).isZero();
        assertThat(list.out())
                .contains("billing-service  deliveries 1")
                .contains(
                        "the handler failed on each of 1 deliveries: java.lang.IllegalStateException: billing is down");

        CliRun replay = CliRun.of("events", "dlq", "replay", "user.created", "--all", "--redis", url);
        assertThat(replay.exit()).isZero();
        assertThat(replay.out()).endsWith("1 replayed, 0 skipped\n");
        assertThat(CliRun.of("events", "pending", "user.created", "--group", "billing-service", "--redis", url)
                        .out())
                .contains("2 in the stream, 0 dead letters");
        assertThat(CliRun.of("events", "dlq", "replay", "user.created", "--id", "1-1", "--redis", url)
                        .exit())
                .isEqualTo(2);
    }

    @Test
    void contractsAreCheckedAndAnUnreachableRedisIsNamedWithoutItsPassword(RedisServer redis) throws Exception {
        java.nio.file.Path contracts =
                java.nio.file.Path.of(getClass().getResource("/contracts").toURI());
        CliRun bad = CliRun.of(
                "events",
                "publish",
                "user.created",
                "--data",
                "{\"userId\":42}",
                "--contracts",
                contracts.toString(),
                "--redis",
                redis.uri().toString());
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("/userId");

        CliRun down = CliRun.of("events", "tail", "user.created", "--redis", "redis://:hunter2@127.0.0.1:1");
        assertThat(down.exit()).isEqualTo(2);
        assertThat(down.err()).contains("cannot reach Redis at 127.0.0.1:1").doesNotContain("hunter2");
    }

    @Test
    void aPasswordNeverShowsAndAWrongOneIsCalledThat(RedisServer redis) throws Exception {
        String password = "p@ss w/rd:x";
        CliRun malformed = CliRun.of(
                "events",
                "tail",
                "user.created",
                "--redis",
                "redis://alice:" + password + "@127.0.0.1:" + redis.port());
        assertThat(malformed.exit()).isEqualTo(2);
        assertThat(malformed.err())
                .startsWith("openclaw: --redis: not a Redis URL: redis://****@127.0.0.1:")
                .doesNotContain("ss w")
                .doesNotContain("alice");

        redis.command("CONFIG", "SET", "requirepass", password);
        String encoded = "redis://:p%40ss%20w%2Frd%3Ax@127.0.0.1:" + redis.port();
        try {
            assertThat(CliRun.of("events", "tail", "user.created", "--redis", encoded)
                            .exit())
                    .as("percent-encoded, it connects")
                    .isZero();
            CliRun wrong =
                    CliRun.of("events", "tail", "user.created", "--redis", "redis://:nope@127.0.0.1:" + redis.port());
            assertThat(wrong.exit()).isEqualTo(2);
            assertThat(wrong.err())
                    .isEqualTo(
                            "openclaw: Redis at 127.0.0.1:" + redis.port() + " refused the credentials (WRONGPASS)\n");
        } finally {
            RedisServer.builder()
                    .environment(java.util.Map.of("REDIS_URL", encoded))
                    .start()
                    .command("CONFIG", "SET", "requirepass", "");
        }
    }
}
