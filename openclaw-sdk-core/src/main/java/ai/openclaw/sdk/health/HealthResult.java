package ai.openclaw.sdk.health;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one run of a {@link HealthCheck} found: a status and a small map of data (strings, numbers, booleans), shown
 * in the check's {@code data} object. Immutable; {@link #withData} returns a copy.
 *
 * <pre>{@code
 * return HealthResult.up().withData("latency_ms", 3).withData("server", "redis.internal:6379");
 * return HealthResult.down("no answer from user-service");
 * }</pre>
 *
 * @param status UP or DOWN
 * @param data values by key, in insertion order; each a {@link String}, {@link Number} or {@link Boolean}
 */
public record HealthResult(HealthStatus status, Map<String, Object> data) {
    /** Checks and copies. */
    public HealthResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(data, "data");
        Map<String, Object> copy = new LinkedHashMap<>();
        data.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "data key"), checked(k, v)));
        data = Collections.unmodifiableMap(copy);
    }

    private static Object checked(String key, Object value) {
        Objects.requireNonNull(value, () -> "the value of data key " + key);
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        throw new IllegalArgumentException("the value of data key " + key + " is a "
                + value.getClass().getName() + "; health data holds strings, numbers and booleans");
    }

    /** UP, no data. */
    public static HealthResult up() {
        return new HealthResult(HealthStatus.UP, Map.of());
    }

    /** DOWN, no data. */
    public static HealthResult down() {
        return new HealthResult(HealthStatus.DOWN, Map.of());
    }

    /** DOWN, with the reason as {@code error}. */
    public static HealthResult down(String reason) {
        return down().withData("error", Objects.requireNonNull(reason, "reason"));
    }

    /** UP when {@code up}, else DOWN. */
    public static HealthResult of(boolean up) {
        return up ? up() : down();
    }

    /** A copy with one more value (or a replaced one). */
    public HealthResult withData(String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(data);
        copy.put(Objects.requireNonNull(key, "key"), value);
        return new HealthResult(status, copy);
    }

    /** A copy with every value of {@code more} added. */
    public HealthResult withData(Map<String, ?> more) {
        Map<String, Object> copy = new LinkedHashMap<>(data);
        copy.putAll(more);
        return new HealthResult(status, copy);
    }

    /** Whether the status is UP. */
    public boolean isUp() {
        return status == HealthStatus.UP;
    }
}
