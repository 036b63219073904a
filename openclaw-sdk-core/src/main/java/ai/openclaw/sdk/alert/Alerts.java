package ai.openclaw.sdk.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises alerts to sinks, rate-limited so that a flapping check does not flood anyone: per kind and subject (one
 * health check, one circuit, one stream) at most one alert per {@code minInterval}. What is held back is not lost:
 * when the interval ends, the latest alert held back is sent with the count of those it stands for, so the last state
 * (a check back UP) always arrives.
 *
 * <pre>{@code
 * try (Alerts alerts = Alerts.builder()
 *         .sink(AlertSink.log())
 *         .sink(WebhookAlertSink.builder(URI.create(hookUrl)).build())
 *         .minInterval(Duration.ofMinutes(1))
 *         .build()) {
 *     alerts.raise(Alert.of("billing-service", Alert.Level.CRITICAL, "health", "redis", "redis is DOWN"));
 * }
 * }</pre>
 *
 * <p>{@link #raise} never blocks: sinks run on a thread of this object's, one alert at a time, at most {@code
 * queueCapacity} waiting (more are dropped, counted in {@link #dropped()} and logged). A {@code ServiceRuntime} raises
 * the SDK's own alerts (health changes, circuit transitions, lag, dead letters) through one of these.
 */
public final class Alerts implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Alerts.class);

    private final List<AlertSink> sinks;
    private final Duration minInterval;
    private final Clock clock;
    private final int queueCapacity;
    private final ScheduledThreadPoolExecutor executor;
    private final Map<String, Window> windows = new HashMap<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    /** One key's rate-limit window: when it opened, and the latest alert held back in it. */
    private static final class Window {
        Instant opened;

        @Nullable
        Alert held;

        int heldCount;

        Window(Instant opened) {
            this.opened = opened;
        }
    }

    private Alerts(Builder b) {
        this.sinks = List.copyOf(b.sinks);
        this.minInterval = b.minInterval;
        this.clock = b.clock;
        this.queueCapacity = b.queueCapacity;
        this.executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "openclaw-alerts");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Raises an alert: sent now when its kind and subject sent none within {@code minInterval}, else held back and the
     * latest held back sent when the interval ends.
     *
     * @return whether it was queued for the sinks now (false: held back, dropped, or closed)
     */
    public boolean raise(Alert alert) {
        Objects.requireNonNull(alert, "alert");
        if (executor.isShutdown()) {
            return false;
        }
        String key = alert.service() + "\u0000" + alert.kind() + "\u0000" + alert.subject();
        Instant now = clock.instant();
        synchronized (windows) {
            Window w = windows.get(key);
            if (w != null && Duration.between(w.opened, now).compareTo(minInterval) < 0) {
                boolean first = w.held == null;
                w.held = alert;
                w.heldCount++;
                if (first) {
                    long delay =
                            Duration.between(now, w.opened.plus(minInterval)).toMillis();
                    executor.schedule(() -> flush(key), Math.max(0, delay), TimeUnit.MILLISECONDS);
                }
                return false;
            }
            windows.put(key, new Window(now));
        }
        return deliver(alert.at(now, 0));
    }

    /** The window of a key ended: its latest held-back alert goes out, standing for the others, and opens a new one. */
    private void flush(String key) {
        Alert out;
        Instant now = clock.instant();
        synchronized (windows) {
            Window w = windows.get(key);
            if (w == null || w.held == null) {
                return;
            }
            out = w.held.at(now, w.heldCount - 1);
            Window next = new Window(now);
            windows.put(key, next);
        }
        send(out);
    }

    private boolean deliver(Alert alert) {
        if (executor.getQueue().size() >= queueCapacity) {
            if (dropped.getAndIncrement() == 0) {
                LOG.warn("alerts are dropped: {} wait for the sinks already ({})", queueCapacity, alert);
            }
            return false;
        }
        try {
            executor.execute(() -> send(alert));
            return true;
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return false;
        }
    }

    private void send(Alert alert) {
        for (AlertSink sink : sinks) {
            try {
                sink.send(alert);
            } catch (Exception e) {
                LOG.warn("alert sink {} failed on {}: {}", sink, alert, e.getMessage());
            }
        }
        sent.incrementAndGet();
    }

    /** Alerts handed to the sinks so far. */
    public long sent() {
        return sent.get();
    }

    /** Alerts dropped because {@code queueCapacity} were already waiting. */
    public long dropped() {
        return dropped.get();
    }

    /**
     * Sends what is queued and, at once, the latest alert held back for each kind and subject (so the last state is
     * never lost), then stops; alerts raised afterwards are ignored.
     */
    @Override
    public void close() {
        List<String> keys;
        synchronized (windows) {
            keys = new ArrayList<>(windows.keySet());
        }
        for (String key : keys) {
            try {
                executor.execute(() -> flush(key));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                return; // closed already
            }
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "Alerts" + sinks;
    }

    /** Builds {@link Alerts}. */
    public static final class Builder {
        private final List<AlertSink> sinks = new ArrayList<>();
        private Duration minInterval = Duration.ofMinutes(1);
        private Clock clock = Clock.systemUTC();
        private int queueCapacity = 1_000;

        private Builder() {}

        /** Adds a sink; each alert goes to every sink, in the order added. */
        public Builder sink(AlertSink sink) {
            sinks.add(Objects.requireNonNull(sink, "sink"));
            return this;
        }

        /** At most one alert per kind and subject per this long (default 1 minute; zero: no limit). */
        public Builder minInterval(Duration minInterval) {
            Objects.requireNonNull(minInterval, "minInterval");
            if (minInterval.isNegative()) {
                throw new IllegalArgumentException("minInterval must not be negative, was " + minInterval);
            }
            this.minInterval = minInterval;
            return this;
        }

        /** The clock of the rate limit and of alerts' times (default UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How many alerts may wait for the sinks before more are dropped (default 1,000). */
        public Builder queueCapacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("queueCapacity must be >= 1, was " + capacity);
            }
            this.queueCapacity = capacity;
            return this;
        }

        /** Builds it; with no sink, alerts go to {@link AlertSink#log()}. */
        public Alerts build() {
            if (sinks.isEmpty()) {
                sinks.add(AlertSink.log());
            }
            return new Alerts(this);
        }
    }
}
