package ai.openclaw.sdk.health;

import ai.openclaw.sdk.json.JsonMappers;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The health of a group of checks (or of all of them): UP when every check is UP, and each check's result. {@link
 * #toJson()} writes the MicroProfile Health wire format:
 *
 * <pre>{@code
 * {"status":"DOWN","checks":[
 *   {"name":"redis","status":"DOWN","data":{"server":"localhost:6379","error":"RedisConnectionException: ..."}},
 *   {"name":"circuit-breakers","status":"UP","data":{"user-service":"OPEN"}}]}
 * }</pre>
 *
 * @param status UP when every check is UP (and when there are none)
 * @param checks each check, in registration order
 */
public record HealthReport(HealthStatus status, List<Check> checks) {
    private static final ObjectMapper JSON = JsonMappers.standard();

    /**
     * One check's part of a report.
     *
     * @param name the name it was registered under
     * @param status its status
     * @param data its data (empty when it has none)
     */
    public record Check(String name, HealthStatus status, Map<String, Object> data) {
        /** Checks and copies. */
        public Check {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(status, "status");
            data = new HealthResult(status, data).data(); // checks the values and keeps their order
        }
    }

    /** Copies the list. */
    public HealthReport {
        Objects.requireNonNull(status, "status");
        checks = List.copyOf(checks);
    }

    /** The report of {@code checks}: DOWN when any is DOWN. */
    public static HealthReport of(List<Check> checks) {
        boolean up = checks.stream().allMatch(c -> c.status() == HealthStatus.UP);
        return new HealthReport(up ? HealthStatus.UP : HealthStatus.DOWN, checks);
    }

    /** Whether the status is UP. */
    public boolean isUp() {
        return status == HealthStatus.UP;
    }

    /** The check of that name, if the report has one. */
    public Optional<Check> check(String name) {
        return checks.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The report in the MicroProfile Health JSON format; {@code data} is left out of checks that have none. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("status", status.name());
        ArrayNode array = root.putArray("checks");
        for (Check c : checks) {
            ObjectNode check = array.addObject();
            check.put("name", c.name());
            check.put("status", c.status().name());
            if (!c.data().isEmpty()) {
                ObjectNode data = check.putObject("data");
                c.data().forEach((k, v) -> put(data, k, v));
            }
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void put(ObjectNode node, String key, Object value) {
        if (value instanceof Boolean b) {
            node.put(key, b);
        } else if (value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte) {
            node.put(key, ((Number) value).longValue());
        } else if (value instanceof BigInteger b) {
            node.put(key, b);
        } else if (value instanceof BigDecimal b) {
            node.put(key, b);
        } else if (value instanceof Number n) {
            node.put(key, n.doubleValue());
        } else {
            node.put(key, value.toString());
        }
    }
}
