package ai.openclaw.sdk.testing.kit;

import ai.openclaw.sdk.events.redis.RedisTransport;
import ai.openclaw.sdk.testing.redis.RedisExtension;
import ai.openclaw.sdk.testing.redis.RedisServer;
import ai.openclaw.sdk.transport.EventTransport;
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
}
