package ai.openclaw.sdk.alert;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Something about a service that a person should hear of: a health check that changed state, a circuit breaker that
 * opened or closed, a consumer group lagging, events dead-lettered.
 *
 * <pre>{@code
 * alerts.raise(Alert.of("billing-service", Alert.Level.CRITICAL, "health", "redis", "redis is DOWN: not connected"));
 * }</pre>
 *
 * <p>An alert names things (checks, targets, streams, counts), never values from configuration: its text goes to logs
 * and to webhooks outside the service.
 *
 * @param service the service it is about
 * @param level how bad
 * @param kind what raised it: {@code health}, {@code circuit}, {@code lag}, {@code dead-letter}, or your own
 * @param subject what it is about within the kind: a check, a target, a stream; with the kind, the key alerts are
 *     rate-limited by
 * @param summary one line for a person
 * @param details names and figures behind it
 * @param at when it was raised
 * @param suppressed how many alerts of the same kind and subject were held back since the last one sent (rate limit)
 */
public record Alert(
        String service,
        Level level,
        String kind,
        String subject,
        String summary,
        Map<String, Object> details,
        Instant at,
        int suppressed) {

    /** How bad an alert is. */
    public enum Level {
        /** Something works again (a check back UP, a circuit closed). */
        RESOLVED,
        /** Degraded: look soon. */
        WARNING,
        /** Not working. */
        CRITICAL
    }

    /** Validates and copies. */
    public Alert {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(summary, "summary");
        details = Map.copyOf(details);
        Objects.requireNonNull(at, "at");
        if (suppressed < 0) {
            throw new IllegalArgumentException("suppressed must be >= 0, was " + suppressed);
        }
    }

    /** An alert with no details, raised now (the {@link Alerts} it goes through sets its own clock's time). */
    public static Alert of(String service, Level level, String kind, String subject, String summary) {
        return new Alert(service, level, kind, subject, summary, Map.of(), Instant.EPOCH, 0);
    }

    /** This alert with details. */
    public Alert withDetails(Map<String, Object> details) {
        return new Alert(service, level, kind, subject, summary, details, at, suppressed);
    }

    Alert at(Instant when, int held) {
        return new Alert(service, level, kind, subject, summary, details, when, held);
    }

    /** One line: {@code CRITICAL billing-service health/redis: redis is DOWN (2 more held back)}. */
    @Override
    public String toString() {
        return level + " " + service + " " + kind + "/" + subject + ": " + summary
                + (suppressed > 0 ? " (" + suppressed + " more held back)" : "");
    }
}
