package ai.openclaw.sdk.testing.redis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension injects a running server, and each test starts from an empty one. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisExtensionIT {
    @RegisterExtension
    static final RedisExtension REDIS = RedisExtension.perClass();

    @Test
    @Order(1)
    void aTestWrites(RedisServer redis) {
        assertThat(redis.isUp()).isTrue();
        redis.command("SET", "left-behind", "1");
    }

    @Test
    @Order(2)
    void theNextStartsEmpty(RedisServer redis) {
        assertThat(redis.command("GET", "left-behind")).isNull();
        redis.kill(); // a test that crashes its server
    }

    @Test
    @Order(3)
    void andAKilledServerIsStartedAgain(RedisServer redis) {
        assertThat(redis.command("PING")).isEqualTo("PONG");
    }
}
