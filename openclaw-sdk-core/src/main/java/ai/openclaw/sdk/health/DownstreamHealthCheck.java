package ai.openclaw.sdk.health;

import ai.openclaw.sdk.discovery.SelectedInstance;
import ai.openclaw.sdk.discovery.ServiceDiscovery;
import ai.openclaw.sdk.internal.Arguments;
import ai.openclaw.sdk.internal.Secrets;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Whether another service is ready: {@code GET /health/ready} on an instance that discovery picks, UP on a 2xx answer.
 * For a readiness check on a service this one cannot work without; most dependencies are better left out of
 * readiness (a circuit breaker and a fallback keep this service useful while the other is down).
 *
 * <pre>{@code
 * registry.readiness("user-service", DownstreamHealthCheck.of(discovery, "user-service"));
 * }</pre>
 *
 * <p>Data: {@code service}, {@code instance} (its base URL without user information), {@code status_code} and {@code
 * latency_ms}; {@code error} when the instance could not be reached. The probe does not count toward the instance's
 * ejection: only real calls do.
 */
public final class DownstreamHealthCheck implements HealthCheck {
    private static final OkHttpClient HTTP = new OkHttpClient.Builder()
            .retryOnConnectionFailure(false)
            .followRedirects(false)
            .build();

    private final ServiceDiscovery discovery;
    private final String service;
    private final String path;
    private final Duration timeout;

    private DownstreamHealthCheck(ServiceDiscovery discovery, String service, String path, Duration timeout) {
        this.discovery = Objects.requireNonNull(discovery, "discovery");
        this.service = Objects.requireNonNull(service, "service");
        this.path = Objects.requireNonNull(path, "path");
        this.timeout = Arguments.positive("timeout", timeout);
    }

    /** Checks {@code /health/ready} of {@code service}, waiting up to one second. */
    public static DownstreamHealthCheck of(ServiceDiscovery discovery, String service) {
        return new DownstreamHealthCheck(discovery, service, "/health/ready", Duration.ofSeconds(1));
    }

    /** A copy that asks another path (such as {@code /actuator/health/readiness}). */
    public DownstreamHealthCheck path(String path) {
        return new DownstreamHealthCheck(discovery, service, path, timeout);
    }

    /** A copy that waits up to {@code timeout} for the answer. */
    public DownstreamHealthCheck timeout(Duration timeout) {
        return new DownstreamHealthCheck(discovery, service, path, timeout);
    }

    @Override
    public HealthResult check() {
        try (SelectedInstance instance = discovery.select(service)) {
            HealthResult base = HealthResult.up()
                    .withData("service", service)
                    .withData("instance", Secrets.redact(instance.baseUrl()));
            okhttp3.Call call = HTTP.newCall(new Request.Builder()
                    .url(instance.resolve(path).toString())
                    .header("Accept", "application/json")
                    .build());
            call.timeout().timeout(timeout.toNanos(), TimeUnit.NANOSECONDS);
            long start = System.nanoTime();
            try (Response response = call.execute()) {
                long latency = (System.nanoTime() - start) / 1_000_000;
                HealthResult r = base.withData("status_code", response.code()).withData("latency_ms", latency);
                return response.isSuccessful() ? r : new HealthResult(HealthStatus.DOWN, r.data());
            } catch (IOException e) {
                return new HealthResult(HealthStatus.DOWN, base.data())
                        .withData(
                                "error",
                                service + " could not be reached: "
                                        + e.getClass().getSimpleName() + ": " + Secrets.redact(e.getMessage()));
            }
        }
    }

    @Override
    public String toString() {
        return "DownstreamHealthCheck{" + service + path + "}";
    }
}
