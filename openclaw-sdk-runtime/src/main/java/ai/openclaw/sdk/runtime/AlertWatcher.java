package ai.openclaw.sdk.runtime;

import ai.openclaw.sdk.alert.Alert;
import ai.openclaw.sdk.alert.Alerts;
import ai.openclaw.sdk.events.EventSubscriber;
import ai.openclaw.sdk.health.HealthCheck;
import ai.openclaw.sdk.health.HealthRegistry;
import ai.openclaw.sdk.health.HealthReport;
import ai.openclaw.sdk.health.HealthResult;
import ai.openclaw.sdk.health.HealthStatus;
import ai.openclaw.sdk.resilience.CircuitState;
import ai.openclaw.sdk.resilience.ResiliencePolicies;
import ai.openclaw.sdk.transport.EventTransport;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime's own alerts: every {@code interval} it compares each health check with its last state (DOWN is
 * CRITICAL, UP again RESOLVED), each subscriber's dead letters with their last count (new ones WARNING) and each
 * subscribed stream's lag with the threshold (over it WARNING, under again RESOLVED); circuit transitions are raised as
 * they happen (OPEN CRITICAL, CLOSED RESOLVED).
 */
final class AlertWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertWatcher.class);

    private final String service;
    private final Alerts alerts;
    private final HealthRegistry health;
    private final EventTransport transport;
    private final long lagThreshold;
    private final List<EventSubscriber> subscribers = new CopyOnWriteArrayList<>();
    private final Map<String, HealthStatus> checks = new HashMap<>();
    private final Map<EventSubscriber, Map<String, HealthCheck>> ownChecks =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<EventSubscriber, Long> deadLettered = new HashMap<>();
    private final Map<String, Boolean> lagging = new HashMap<>();
    private final ScheduledExecutorService timer;

    AlertWatcher(
            String service,
            Alerts alerts,
            HealthRegistry health,
            EventTransport transport,
            Duration interval,
            long lagThreshold) {
        this.service = service;
        this.alerts = alerts;
        this.health = health;
        this.transport = transport;
        this.lagThreshold = lagThreshold;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "openclaw-alert-watch-" + service);
            t.setDaemon(true);
            return t;
        });
        long millis = Math.max(10, interval.toMillis());
        timer.scheduleWithFixedDelay(this::check, millis, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Watches a subscriber's dead letters and lag, and its own health checks (by name) only while it runs: one not
     * started yet, or stopped on purpose, is no alert. Its checks are evaluated here, not read from the registry's
     * cache, so a state from before a start or a stop is never taken for the present.
     */
    void watch(EventSubscriber subscriber, Map<String, HealthCheck> checksOfIt) {
        ownChecks.put(subscriber, Map.copyOf(checksOfIt));
        subscribers.add(subscriber);
    }

    /** A circuit breaker changed state. */
    void circuit(ResiliencePolicies.CircuitTransition t) {
        Alert.Level level =
                switch (t.to()) {
                    case OPEN, FORCED_OPEN -> Alert.Level.CRITICAL;
                    case CLOSED -> Alert.Level.RESOLVED;
                    default -> Alert.Level.WARNING;
                };
        String summary = t.to() == CircuitState.CLOSED
                ? "calls to " + t.target() + " flow again (circuit closed)"
                : "calls to " + t.target() + ": circuit " + t.from().label() + " -> " + t.to().label();
        alerts.raise(Alert.of(service, level, "circuit", t.target(), summary)
                .withDetails(Map.of("from", t.from().label(), "to", t.to().label())));
    }

    private synchronized void check() {
        try {
            checkHealth();
            for (EventSubscriber s : subscribers) {
                checkDeadLetters(s);
                checkLag(s);
            }
        } catch (RuntimeException e) {
            LOG.warn("{}: the alert check failed: {}", service, e.toString());
        }
    }

    private void checkHealth() {
        java.util.Set<String> subscriberChecks = new java.util.HashSet<>();
        ownChecks.values().forEach(m -> subscriberChecks.addAll(m.keySet()));
        for (HealthReport.Check check : health.report().checks()) {
            if (!subscriberChecks.contains(check.name())) {
                compare(check.name(), check.status(), check.data());
            }
        }
        ownChecks.forEach((subscriber, checksOfIt) -> {
            boolean runningBefore = subscriber.isRunning();
            Map<String, HealthResult> results = new HashMap<>();
            checksOfIt.forEach((name, check) -> results.put(name, evaluate(check)));
            if (runningBefore && subscriber.isRunning()) {
                results.forEach((name, result) -> compare(name, result.status(), result.data()));
            } else {
                checksOfIt.keySet().forEach(checks::remove); // its next start is looked at afresh
            }
        });
    }

    private static HealthResult evaluate(HealthCheck check) {
        try {
            return check.check();
        } catch (Exception e) {
            return HealthResult.down(e.getClass().getSimpleName());
        }
    }

    private void compare(String name, HealthStatus status, Map<String, Object> data) {
        HealthStatus before = checks.put(name, status);
        boolean down = status == HealthStatus.DOWN;
        if (before == null ? down : before != status) {
            Map<String, Object> details = new HashMap<>();
            data.forEach((k, v) -> details.put(k, String.valueOf(v)));
            alerts.raise(Alert.of(
                            service,
                            down ? Alert.Level.CRITICAL : Alert.Level.RESOLVED,
                            "health",
                            name,
                            name + (down ? " is DOWN" : " is UP again"))
                    .withDetails(details));
        }
    }

    private void checkDeadLetters(EventSubscriber s) {
        long now = s.stats().deadLettered();
        long before = deadLettered.getOrDefault(s, 0L);
        deadLettered.put(s, now);
        if (now > before) {
            long added = now - before;
            alerts.raise(Alert.of(
                            service,
                            Alert.Level.WARNING,
                            "dead-letter",
                            s.group(),
                            added + (added == 1 ? " event" : " events") + " dead-lettered by " + s.group())
                    .withDetails(Map.of("new", added, "total", now, "streams", String.join(",", s.streams()))));
        }
    }

    private void checkLag(EventSubscriber s) {
        for (String stream : s.streams()) {
            long lag;
            try {
                lag = transport.lag(stream, s.group());
            } catch (RuntimeException e) {
                continue; // the transport cannot tell now: health reports reading failures
            }
            if (lag < 0) {
                continue;
            }
            String key = s.group() + " " + stream;
            boolean over = lag > lagThreshold;
            Boolean before = lagging.put(key, over);
            if (before == null ? over : before != over) {
                alerts.raise(Alert.of(
                                service,
                                over ? Alert.Level.WARNING : Alert.Level.RESOLVED,
                                "lag",
                                stream,
                                over
                                        ? s.group() + " lags on " + stream + " by " + lag + " entries, more than "
                                                + lagThreshold
                                        : s.group() + " caught up on " + stream + " (lag " + lag + ")")
                        .withDetails(Map.of("lag", lag, "threshold", lagThreshold, "group", s.group())));
            }
        }
    }

    /** Checks once more (so a last change is not missed), then stops. */
    @Override
    public void close() {
        timer.shutdownNow();
        check();
    }
}
