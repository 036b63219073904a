package ai.openclaw.sdk.testing.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher, source by source, with real redis-server processes. */
class RedisServerIT {
    /** Puts the embedded binary in {@code bin} as {@code redis-server}, as a PATH entry holds one. */
    private static void embeddedBinaryAsRedisServerIn(Path bin) throws IOException {
        Path embedded;
        try (RedisServer probe =
                RedisServer.builder().only(RedisServer.Source.EMBEDDED).start()) {
            embedded = probe.binary().orElseThrow();
        }
        Files.createSymbolicLink(bin.resolve("redis-server"), embedded);
    }

    @Test
    void theEmbeddedBinaryStartsAndKeepsItsDataAcrossRestartAndCrash() {
        try (RedisServer redis =
                RedisServer.builder().only(RedisServer.Source.EMBEDDED).start()) {
            assertThat(redis.source()).isEqualTo(RedisServer.Source.EMBEDDED);
            assertThat(redis.host()).isEqualTo("127.0.0.1");
            assertThat(redis.version()).startsWith("6.2");
            assertThat(redis.command("SET", "k", "v")).isEqualTo("OK");

            redis.restart();
            assertThat(redis.command("GET", "k")).as("append-only file kept it").isEqualTo("v");

            redis.kill();
            assertThat(redis.isUp()).isFalse();
            redis.startAgain();
            assertThat(redis.command("GET", "k"))
                    .as("appendfsync always: nothing acknowledged is lost")
                    .isEqualTo("v");

            redis.flushAll();
            assertThat(redis.command("GET", "k")).isNull();
        }
    }

    @Test
    void closeStopsTheProcessAndDeletesItsDirectory() {
        RedisServer redis =
                RedisServer.builder().only(RedisServer.Source.EMBEDDED).start();
        ProcessHandle[] children = ProcessHandle.current().children().toArray(ProcessHandle[]::new);
        assertThat(children).isNotEmpty();
        redis.close();
        assertThat(redis.isUp()).isFalse();
        assertThat(ProcessHandle.current()
                        .children()
                        .filter(ProcessHandle::isAlive)
                        .count())
                .isLessThan(children.length);
    }

    @Test
    void aRedisServerOnPathComesBeforeTheEmbeddedOne(@TempDir Path bin) throws IOException {
        embeddedBinaryAsRedisServerIn(bin);
        try (RedisServer redis = RedisServer.builder()
                .environment(Map.of("PATH", bin.toString()))
                .start()) {
            assertThat(redis.source()).isEqualTo(RedisServer.Source.PATH);
            assertThat(redis.binary()).contains(bin.resolve("redis-server"));
            assertThat(redis.isUp()).isTrue();
        }
    }

    @Test
    void redisUrlComesFirstAndIsNeverStopped() {
        try (RedisServer real =
                RedisServer.builder().only(RedisServer.Source.EMBEDDED).start()) {
            RedisServer external = RedisServer.builder()
                    .environment(Map.of("REDIS_URL", real.uri().toString(), "PATH", ""))
                    .start();
            assertThat(external.source()).isEqualTo(RedisServer.Source.ENVIRONMENT);
            assertThat(external.command("PING")).isEqualTo("PONG");
            assertThatThrownBy(external::restart).isInstanceOf(UnsupportedOperationException.class);
            external.close();
            assertThat(real.isUp())
                    .as("closing the external handle leaves the server running")
                    .isTrue();
        }
    }

    @Test
    void passwordsFromTheUrlAreUsed() {
        try (RedisServer real =
                RedisServer.builder().only(RedisServer.Source.EMBEDDED).start()) {
            real.command("CONFIG", "SET", "requirepass", "s3cret");
            RedisServer withPassword = RedisServer.builder()
                    .environment(Map.of("REDIS_URL", "redis://:s3cret@127.0.0.1:" + real.port()))
                    .start();
            assertThat(withPassword.command("PING")).isEqualTo("PONG");
            RedisServer wrong = RedisServer.builder()
                    .environment(Map.of("REDIS_URL", "redis://:nope@127.0.0.1:" + real.port()))
                    .start();
            assertThatThrownBy(() -> wrong.command("PING"))
                    .hasMessageContaining("WRONGPASS")
                    .hasMessageNotContaining("nope");
            withPassword.command("CONFIG", "SET", "requirepass", "");
        }
    }

    @Test
    void nothingFoundSaysWhereItLooked() {
        assertThatThrownBy(() -> RedisServer.builder()
                        .only(RedisServer.Source.PATH)
                        .environment(Map.of("PATH", ""))
                        .start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no Redis for tests; looked at: redis-server on PATH (none)");
    }

    @Test
    void openclawTestRedisPicksOneSourceOverTheOrder(@TempDir Path bin) throws IOException {
        embeddedBinaryAsRedisServerIn(bin);
        try (RedisServer redis = RedisServer.builder()
                .environment(Map.of("PATH", bin.toString(), "OPENCLAW_TEST_REDIS", "embedded"))
                .start()) {
            assertThat(redis.source())
                    .as("a redis-server on PATH is passed over")
                    .isEqualTo(RedisServer.Source.EMBEDDED);
        }
        assertThatThrownBy(() -> RedisServer.builder()
                        .environment(Map.of("OPENCLAW_TEST_REDIS", "docker"))
                        .start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("OPENCLAW_TEST_REDIS (or openclaw.test.redis) is 'docker'; "
                        + "expected one of environment, path, embedded");
    }
}
