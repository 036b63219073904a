package ai.openclaw.sdk.testing.kit;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.sdk.events.redis.RedisTransport;
import ai.openclaw.sdk.testing.redis.RedisExtension;
import ai.openclaw.sdk.testing.redis.RedisServer;
import ai.openclaw.sdk.transport.EventTransport;
import ai.openclaw.sdk.transport.Trim;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Redis transport passes the transport conformance kit, against a real redis-server. */
@ExtendWith(RedisExtension.class)
class RedisTransportConformanceIT extends EventTransportConformanceKit {
    private final RedisServer redis;

    RedisTransportConformanceIT(RedisServer redis) {
        this.redis = redis; // the kit's @BeforeEach runs before any of this class, so the server comes in here
    }

    @Override
    protected EventTransport newTransport() {
        return RedisTransport.create(redis.uri().toString());
    }

    @Override
    protected void trimAll(String stream) {
        redis.command("XTRIM", stream, "MAXLEN", "0");
    }

    /** Redis 6.2 does not report lag: the transport counts it, page by page, up to a limit (the kit's cases are small). */
    @Test
    void lagIsExactPastOnePageAndAtLeastTheLimitBeyondIt() {
        transport.createGroup("big", "reader", false);
        transport.createGroup("big", "idle", true);
        appendMany("big", 1_200);
        assertThat(transport.read("reader", "c1", List.of("big"), 100, Duration.ZERO))
                .hasSize(100);
        assertThat(transport.lag("big", "reader")).isEqualTo(1_100);
        assertThat(transport.lag("big", "idle"))
                .as("a group before the first entry")
                .isEqualTo(1_200);

        appendMany("big", RedisTransport.LAG_COUNT_LIMIT);
        assertThat(transport.lag("big", "reader")).isGreaterThanOrEqualTo(RedisTransport.LAG_COUNT_LIMIT);
        assertThat(transport.lag("big", "idle"))
                .as("the whole stream, counted exactly")
                .isEqualTo(1_200 + RedisTransport.LAG_COUNT_LIMIT);
    }

    private void appendMany(String stream, int count) {
        List<CompletableFuture<String>> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sent.add(transport.append(stream, "e" + i, Trim.NONE).toCompletableFuture());
        }
        CompletableFuture.allOf(sent.toArray(new CompletableFuture<?>[0])).join();
    }
}
