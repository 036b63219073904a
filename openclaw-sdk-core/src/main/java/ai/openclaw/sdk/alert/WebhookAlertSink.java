package ai.openclaw.sdk.alert;

import ai.openclaw.sdk.json.JsonMappers;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Posts each alert as JSON to a webhook (an incident tool, a chat bridge, your own receiver), retrying what may pass
 * on a second try (no answer, a timeout, 408, 429, 5xx) with a doubling pause, and giving up at once on any other 4xx.
 *
 * <pre>{@code
 * AlertSink hook = WebhookAlertSink.builder(URI.create(System.getenv("ALERT_WEBHOOK")))
 *         .header("Authorization", "Bearer " + System.getenv("ALERT_TOKEN"))
 *         .timeout(Duration.ofSeconds(5))
 *         .attempts(3)
 *         .build();
 * }</pre>
 *
 * <p>The body is the alert and nothing else: {@code {"service", "level", "kind", "subject", "summary", "details",
 * "at", "suppressed"}}. Webhook URLs and header values are secrets (many tools put the token in the path): neither
 * appears in a body, a log line, an exception or {@link #toString()}, which name the webhook by scheme, host and port
 * only.
 */
public final class WebhookAlertSink implements AlertSink {
    private final URI uri;
    private final String where;
    private final Map<String, String> headers;
    private final Duration timeout;
    private final int attempts;
    private final Duration backoff;
    private final ObjectMapper json;
    private final HttpClient http;

    private WebhookAlertSink(Builder b) {
        this.uri = b.uri;
        this.where = b.uri.getScheme() + "://" + b.uri.getHost() + (b.uri.getPort() < 0 ? "" : ":" + b.uri.getPort());
        this.headers = Map.copyOf(b.headers);
        this.timeout = b.timeout;
        this.attempts = b.attempts;
        this.backoff = b.backoff;
        this.json = b.json;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /**
     * A builder.
     *
     * @param uri the webhook, {@code http} or {@code https}
     */
    public static Builder builder(URI uri) {
        return new Builder(uri);
    }

    @Override
    public void send(Alert alert) throws AlertDeliveryException, InterruptedException {
        byte[] body;
        try {
            body = json.writeValueAsBytes(bodyOf(alert));
        } catch (IOException e) {
            throw new AlertDeliveryException("the alert cannot be written as JSON: " + e.getMessage());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        String last = "";
        Duration pause = backoff;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (attempt > 1) {
                Thread.sleep(pause.toMillis());
                pause = pause.multipliedBy(2);
            }
            try {
                int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                if (status >= 200 && status < 300) {
                    return;
                }
                last = "answered " + status;
                if (status < 500 && status != 408 && status != 429) {
                    throw new AlertDeliveryException("the webhook at " + where + " " + last + " (not retried)");
                }
            } catch (IOException e) {
                // the exception's message may hold the URL: name its kind only
                last = "failed: " + e.getClass().getSimpleName();
            }
        }
        throw new AlertDeliveryException(
                "the webhook at " + where + " did not take the alert in " + attempts + " attempts; the last " + last);
    }

    private static Map<String, Object> bodyOf(Alert alert) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("service", alert.service());
        body.put("level", alert.level().name().toLowerCase(Locale.ROOT));
        body.put("kind", alert.kind());
        body.put("subject", alert.subject());
        body.put("summary", alert.summary());
        body.put("details", alert.details());
        body.put("at", alert.at().toString());
        body.put("suppressed", alert.suppressed());
        return body;
    }

    @Override
    public String toString() {
        return "WebhookAlertSink[" + where + "]";
    }

    /** An alert a sink could not deliver. */
    public static final class AlertDeliveryException extends Exception {
        private static final long serialVersionUID = 1L;

        AlertDeliveryException(String message) {
            super(message);
        }
    }

    /** Builds a {@link WebhookAlertSink}. */
    public static final class Builder {
        private final URI uri;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Duration timeout = Duration.ofSeconds(5);
        private int attempts = 3;
        private Duration backoff = Duration.ofMillis(500);
        private ObjectMapper json = JsonMappers.standard();

        private Builder(URI uri) {
            this.uri = Objects.requireNonNull(uri, "uri");
            String scheme = uri.getScheme();
            if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || uri.getHost() == null) {
                // the URL itself is not repeated: it may hold a token
                throw new IllegalArgumentException("an alert webhook must be an http:// or https:// URL with a host");
            }
        }

        /** A header on every post ({@code Authorization}); its value is never logged. */
        public Builder header(String name, String value) {
            headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** How long one attempt may take, connecting included (default 5 s). */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException("timeout must be positive, was " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** Attempts per alert, at least 1 (default 3). */
        public Builder attempts(int attempts) {
            if (attempts < 1) {
                throw new IllegalArgumentException("attempts must be >= 1, was " + attempts);
            }
            this.attempts = attempts;
            return this;
        }

        /** The pause before the second attempt, doubling after (default 500 ms). */
        public Builder backoff(Duration backoff) {
            Objects.requireNonNull(backoff, "backoff");
            if (backoff.isNegative()) {
                throw new IllegalArgumentException("backoff must not be negative, was " + backoff);
            }
            this.backoff = backoff;
            return this;
        }

        /** The JSON mapper of bodies (default {@link JsonMappers#standard()}). */
        public Builder json(ObjectMapper json) {
            this.json = Objects.requireNonNull(json, "json");
            return this;
        }

        /** Builds it. */
        public WebhookAlertSink build() {
            return new WebhookAlertSink(this);
        }
    }
}
