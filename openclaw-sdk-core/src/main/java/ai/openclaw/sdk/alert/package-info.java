/**
 * Alerts when a service degrades: {@link ai.openclaw.sdk.alert.Alerts} rate-limits them per kind and subject and
 * hands them to {@link ai.openclaw.sdk.alert.AlertSink}s ({@link ai.openclaw.sdk.alert.AlertSink#log()}, {@link
 * ai.openclaw.sdk.alert.WebhookAlertSink}, your own). A {@code ServiceRuntime} raises the SDK's own: health checks
 * changing state, circuit transitions, consumer lag over a threshold, dead letters.
 *
 * <pre>{@code
 * Alerts alerts = Alerts.builder().sink(AlertSink.log()).minInterval(Duration.ofMinutes(1)).build();
 * alerts.raise(Alert.of("billing-service", Alert.Level.WARNING, "lag", "user.created", "lags by 5,000 entries"));
 * }</pre>
 */
@NullMarked
package ai.openclaw.sdk.alert;

import org.jspecify.annotations.NullMarked;
