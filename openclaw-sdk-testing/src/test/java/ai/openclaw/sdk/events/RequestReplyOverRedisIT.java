package ai.openclaw.sdk.events;

import ai.openclaw.sdk.events.redis.RedisTransport;
import ai.openclaw.sdk.testing.redis.RedisExtension;
import ai.openclaw.sdk.testing.redis.RedisServer;
import ai.openclaw.sdk.transport.EventTransport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** Request-reply over events against a real redis-server started by the test harness. */
@ExtendWith(RedisExtension.class)
class RequestReplyOverRedisIT extends RequestReplyContract {
    private RedisTransport transport;

    @BeforeEach
    void connect(RedisServer redis) {
        transport = RedisTransport.create(redis.uri().toString());
    }

    @Override
    EventTransport transport() {
        return transport;
    }
}
