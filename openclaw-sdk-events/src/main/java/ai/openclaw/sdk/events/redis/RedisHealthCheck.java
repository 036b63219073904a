package ai.openclaw.sdk.events.redis;

import ai.openclaw.sdk.health.HealthCheck;
import ai.openclaw.sdk.health.HealthResult;
import ai.openclaw.sdk.health.HealthStatus;
import ai.openclaw.sdk.internal.Arguments;
import ai.openclaw.sdk.internal.Secrets;
import java.time.Duration;
import java.util.Objects;

/**
 * Whether Redis answers: {@code PING} through the transport's shared connection, UP with the round trip in {@code
 * latency_ms}. A readiness check: without Redis a service can neither publish nor consume, but a restart would not
 * bring Redis back, so it does not belong in liveness.
 *
 * <pre>{@code
 * registry.readiness("redis", RedisHealthCheck.of(redis));
 * }</pre>
 *
 * <p>Data: {@code server} (host and port only; never the user or password of the URI), {@code latency_ms} when it
 * answered, {@code error} when it did not ({@code "not connected"} while Lettuce reconnects).
 */
public final class RedisHealthCheck implements HealthCheck {
    private final RedisTransport redis;
    private final Duration timeout;

    private RedisHealthCheck(RedisTransport redis, Duration timeout) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.timeout = Arguments.positive("timeout", timeout);
    }

    /** A check of the transport's Redis, waiting up to one second for the answer. */
    public static RedisHealthCheck of(RedisTransport redis) {
        return new RedisHealthCheck(redis, Duration.ofSeconds(1));
    }

    /** A copy waiting up to {@code timeout} for {@code PONG}. */
    public RedisHealthCheck timeout(Duration timeout) {
        return new RedisHealthCheck(redis, timeout);
    }

    @Override
    public HealthResult check() {
        HealthResult base = HealthResult.up().withData("server", redis.address());
        if (!redis.isConnected()) {
            return new HealthResult(HealthStatus.DOWN, base.data()).withData("error", "not connected");
        }
        try {
            Duration latency = redis.ping(timeout);
            return base.withData("latency_ms", latency.toNanos() / 1e6);
        } catch (RuntimeException e) {
            return new HealthResult(HealthStatus.DOWN, base.data())
                    .withData("error", e.getClass().getSimpleName() + ": " + Secrets.redact(e.getMessage()));
        }
    }

    @Override
    public String toString() {
        return "RedisHealthCheck{" + redis.address() + "}";
    }
}
