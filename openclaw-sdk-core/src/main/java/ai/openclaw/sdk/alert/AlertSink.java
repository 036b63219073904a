package ai.openclaw.sdk.alert;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where alerts go: a log, a webhook ({@link WebhookAlertSink}), a pager, a chat. {@link Alerts} calls sinks on a thread
 * of its own, one alert at a time, so a slow sink never holds up the code that raised the alert; a sink that throws
 * is logged and the next alert still goes to it.
 *
 * <pre>{@code
 * AlertSink pager = alert -> pagerClient.trigger(alert.service(), alert.summary());
 * }</pre>
 */
@FunctionalInterface
public interface AlertSink {
    /**
     * Delivers one alert.
     *
     * @throws Exception when it could not be delivered (logged by {@link Alerts}, never retried there)
     */
    void send(Alert alert) throws Exception;

    /**
     * Alerts as log lines on the logger {@code openclaw.alerts}: CRITICAL as errors, WARNING as warnings, RESOLVED as
     * information.
     */
    static AlertSink log() {
        Logger log = LoggerFactory.getLogger("openclaw.alerts");
        return alert -> {
            switch (alert.level()) {
                case CRITICAL -> log.error("{} {}", alert, alert.details());
                case WARNING -> log.warn("{} {}", alert, alert.details());
                case RESOLVED -> log.info("{} {}", alert, alert.details());
            }
        };
    }
}
