package ai.openclaw.sdk.events;

import ai.openclaw.sdk.health.HealthCheck;
import ai.openclaw.sdk.health.HealthResult;
import ai.openclaw.sdk.health.HealthStatus;
import ai.openclaw.sdk.internal.Secrets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The health of an {@link EventSubscriber}, in two flavours.
 *
 * <ul>
 *   <li>{@link #liveness}: the subscriber's loops (reading, acknowledging, reclaiming) are alive. A reading loop that
 *       retries while Redis is down is alive: liveness stays UP, because restarting the process would not help.
 *   <li>{@link #readiness}: additionally, reading works now, and no stream's lag (entries not yet delivered to the
 *       group) exceeds a threshold.
 * </ul>
 *
 * <pre>{@code
 * registry.liveness("subscriber", SubscriberHealthCheck.liveness(subscriber));
 * registry.readiness("subscriber-lag", SubscriberHealthCheck.readiness(subscriber, 5_000));
 * }</pre>
 *
 * <p>Data: {@code group}, {@code consumer}, {@code in_flight}, {@code processed}, {@code dead_lettered}; in readiness
 * also {@code <stream>.lag} and {@code <stream>.pending} for each stream (lag -1 when the transport cannot tell), and
 * {@code error} with the reason when DOWN.
 *
 * <p>On Redis 7 the lag is Redis's own figure. Redis 6.2 does not report it: {@link
 * ai.openclaw.sdk.events.redis.RedisTransport} counts the entries after the group's position itself, exactly up to
 * {@link ai.openclaw.sdk.events.redis.RedisTransport#LAG_COUNT_LIMIT} (10,000), so keep {@code maxLag} below that
 * where Redis 6.2 may run.
 */
public final class SubscriberHealthCheck implements HealthCheck {
    private final EventSubscriber subscriber;
    private final long maxLag;
    private final boolean readiness;

    private SubscriberHealthCheck(EventSubscriber subscriber, long maxLag, boolean readiness) {
        this.subscriber = Objects.requireNonNull(subscriber, "subscriber");
        this.maxLag = maxLag;
        this.readiness = readiness;
    }

    /** UP while the subscriber runs and its loops are alive. */
    public static SubscriberHealthCheck liveness(EventSubscriber subscriber) {
        return new SubscriberHealthCheck(subscriber, Long.MAX_VALUE, false);
    }

    /**
     * UP while the loops are alive, the last read succeeded, and no stream lags by more than {@code maxLag} entries.
     *
     * @throws IllegalArgumentException when {@code maxLag} is negative
     */
    public static SubscriberHealthCheck readiness(EventSubscriber subscriber, long maxLag) {
        if (maxLag < 0) {
            throw new IllegalArgumentException("maxLag must not be negative, was " + maxLag);
        }
        return new SubscriberHealthCheck(subscriber, maxLag, true);
    }

    @Override
    public HealthResult check() {
        SubscriberStats stats = subscriber.stats();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("group", subscriber.group());
        data.put("consumer", subscriber.consumerName());
        data.put("in_flight", stats.inFlight());
        data.put("processed", stats.processed());
        data.put("dead_lettered", stats.deadLettered());
        String dead = subscriber.deadLoop();
        if (dead != null) {
            return down(data, dead);
        }
        if (!readiness) {
            return new HealthResult(HealthStatus.UP, data);
        }
        Instant failingSince = subscriber.readFailingSince();
        if (failingSince != null) {
            String error = subscriber.lastReadError();
            return down(
                    data,
                    "reading has failed since " + failingSince + (error == null ? "" : ": " + Secrets.redact(error)));
        }
        String lagging = null;
        for (String stream : subscriber.streams()) {
            long lag = subscriber.transport().lag(stream, subscriber.group());
            data.put(stream + ".lag", lag);
            data.put(stream + ".pending", subscriber.transport().pending(stream, subscriber.group()));
            if (lag > maxLag && lagging == null) {
                lagging = stream + " lags by " + lag + " entries, more than " + maxLag;
            }
        }
        return lagging == null ? new HealthResult(HealthStatus.UP, data) : down(data, lagging);
    }

    private static HealthResult down(Map<String, Object> data, String reason) {
        return new HealthResult(HealthStatus.DOWN, data).withData("error", reason);
    }

    @Override
    public String toString() {
        return "SubscriberHealthCheck{" + subscriber.group() + (readiness ? ", maxLag=" + maxLag : "") + "}";
    }
}
