package ai.openclaw.sdk.canary;

import ai.openclaw.sdk.discovery.ServiceDiscovery;
import ai.openclaw.sdk.json.JsonMappers;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where a canary analysis reads what the canary and its baseline did: the SPI a metrics system (Prometheus, an
 * OpenTelemetry backend) implements to feed {@link CanaryAnalysis}.
 *
 * <pre>{@code
 * CanaryMetricsSource mine = CanaryMetricsSource.of(discovery);            // this process's own calls
 * CanaryMetricsSource file = CanaryMetricsSource.fromJson(Path.of("canary-metrics.json"));
 * CanaryMetricsSource prometheus = service -> new CanaryObservation(service,
 *         query(service, "stable"), query(service, "canary"), Duration.ofMinutes(30));
 * CanaryVerdict v = CanaryAnalysis.analyze(prometheus.observe("user-service"), criteria);
 * }</pre>
 */
@FunctionalInterface
public interface CanaryMetricsSource {
    /**
     * What {@code service}'s canary and baseline did over the same time.
     *
     * @throws CanaryException when the source cannot say
     */
    CanaryObservation observe(String service);

    /** The calls this process made through {@code discovery} ({@link ServiceDiscovery#observe}). */
    static CanaryMetricsSource of(ServiceDiscovery discovery) {
        Objects.requireNonNull(discovery, "discovery");
        return discovery::observe;
    }

    /**
     * A JSON file, as a metrics system exports it or as {@code openclaw deploy canary --format json} prints it:
     *
     * <pre>{@code
     * {"observedSeconds": 1800,
     *  "baseline": {"requests": 9120, "errors": 14, "p50Ms": 21.0, "p95Ms": 58.5, "p99Ms": 97.0},
     *  "canary":   {"requests": 488,  "errors": 1,  "p50Ms": 22.4, "p95Ms": 60.1, "p99Ms": 99.3}}
     * }</pre>
     *
     * <p>Read on each {@link #observe}; errors name the file and the JSON pointer.
     */
    static CanaryMetricsSource fromJson(Path file) {
        Objects.requireNonNull(file, "file");
        return service -> {
            JsonNode root;
            try {
                root = JsonMappers.standard().readTree(Files.readString(file));
            } catch (JsonProcessingException e) {
                var at = e.getLocation();
                throw new CanaryException(
                        file + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr()) + ": not JSON");
            } catch (IOException e) {
                throw new CanaryException(
                        file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
            }
            if (root == null || !root.isObject()) {
                throw new CanaryException(file + ": not a JSON object");
            }
            double seconds = number(file, root, "/observedSeconds", true);
            return new CanaryObservation(
                    service,
                    track(file, root, "/baseline"),
                    track(file, root, "/canary"),
                    Duration.ofMillis(Math.round(seconds * 1000)));
        };
    }

    private static TrackMetrics track(Path file, JsonNode root, String pointer) {
        if (!root.at(pointer).isObject()) {
            throw new CanaryException(
                    file + ": " + pointer + " must be an object of requests, errors, p50Ms, p95Ms," + " p99Ms");
        }
        long requests = (long) number(file, root, pointer + "/requests", true);
        long errors = (long) number(file, root, pointer + "/errors", true);
        if (errors > requests) {
            throw new CanaryException(file + ": " + pointer + "/errors is more than " + pointer + "/requests");
        }
        return new TrackMetrics(
                requests,
                errors,
                millis(number(file, root, pointer + "/p50Ms", false)),
                millis(number(file, root, pointer + "/p95Ms", false)),
                millis(number(file, root, pointer + "/p99Ms", false)));
    }

    private static double number(Path file, JsonNode root, String pointer, boolean required) {
        JsonNode n = root.at(pointer);
        if (n.isMissingNode() && !required) {
            return 0;
        }
        if (!n.isNumber() || n.asDouble() < 0) {
            throw new CanaryException(file + ": " + pointer + " must be a number >= 0");
        }
        return n.asDouble();
    }

    private static Duration millis(double ms) {
        return Duration.ofNanos(Math.round(ms * 1e6));
    }
}
