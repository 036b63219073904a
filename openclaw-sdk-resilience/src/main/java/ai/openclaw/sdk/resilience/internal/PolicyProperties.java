package ai.openclaw.sdk.resilience.internal;

import ai.openclaw.sdk.config.OpenClawSettings;
import ai.openclaw.sdk.resilience.ResiliencePolicy;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads policies from flat properties: {@code <prefix>policies.<name>.<setting>=value} and
 * {@code <prefix>targets.<service>=<policy name>}. Every unknown setting or malformed value is an error naming the key.
 */
public final class PolicyProperties {
    private static final Pattern RATE = Pattern.compile("(\\d+)\\s*/\\s*(.+)");

    /** What the properties say: policies by name, and the policy name of each target. */
    public record Read(Map<String, ResiliencePolicy> policies, Map<String, String> targets) {}

    private static final Map<String, BiConsumer<ResiliencePolicy.Builder, String>> SETTINGS = new TreeMap<>();

    static {
        SETTINGS.put("max-attempts", (b, v) -> b.maxAttempts(integer(v)));
        SETTINGS.put("initial-backoff", (b, v) -> b.initialBackoff(duration(v)));
        SETTINGS.put("backoff-multiplier", (b, v) -> b.backoffMultiplier(decimal(v)));
        SETTINGS.put("max-backoff", (b, v) -> b.maxBackoff(duration(v)));
        SETTINGS.put("jitter", (b, v) -> b.jitter(decimal(v)));
        SETTINGS.put("max-retry-after", (b, v) -> b.maxRetryAfter(duration(v)));
        SETTINGS.put("retry-statuses", (b, v) -> b.retryStatuses(statuses(v)));
        SETTINGS.put("circuit-breaker", (b, v) -> b.circuitBreaker(bool(v)));
        SETTINGS.put("window", (b, v) -> b.window(integer(v)));
        SETTINGS.put("minimum-calls", (b, v) -> b.minimumCalls(integer(v)));
        SETTINGS.put("failure-rate", (b, v) -> b.failureRate((float) decimal(v)));
        SETTINGS.put("open-duration", (b, v) -> b.openDuration(duration(v)));
        SETTINGS.put("half-open-calls", (b, v) -> b.halfOpenCalls(integer(v)));
        SETTINGS.put("slow-call", (b, v) -> b.slowCall(duration(v)));
        SETTINGS.put("slow-call-rate", (b, v) -> b.slowCallRate((float) decimal(v)));
        SETTINGS.put("time-limit", (b, v) -> b.timeLimit(v.equalsIgnoreCase("none") ? null : duration(v)));
        SETTINGS.put("max-concurrent-calls", (b, v) -> b.maxConcurrentCalls(integer(v)));
        SETTINGS.put("rate-limit", (b, v) -> {
            Matcher m = RATE.matcher(v);
            if (!m.matches()) {
                throw new IllegalArgumentException("expected calls/period such as 100/1s");
            }
            b.rateLimit(integer(m.group(1)), duration(m.group(2).trim()));
        });
    }

    private PolicyProperties() {}

    /**
     * Reads every key under {@code prefix}; other keys are ignored. Named policies start from {@code base}.
     *
     * @throws IllegalArgumentException naming the key, for an unknown setting, a malformed or out-of-range value, or a
     *     target naming a policy the properties do not define (unless {@code known} has it)
     */
    public static Read read(Map<String, String> properties, String prefix, ResiliencePolicy base, Set<String> known) {
        Map<String, ResiliencePolicy.Builder> builders = new TreeMap<>();
        Map<String, String> targets = new TreeMap<>();
        for (Map.Entry<String, String> e : new TreeMap<>(properties).entrySet()) {
            String key = e.getKey();
            if (!key.startsWith(prefix)) {
                continue;
            }
            String rest = key.substring(prefix.length());
            String value = e.getValue() == null ? "" : e.getValue().trim();
            if (rest.startsWith("policies.")) {
                String tail = rest.substring("policies.".length());
                int dot = tail.lastIndexOf('.');
                if (dot <= 0) {
                    throw invalid(key, "expected " + prefix + "policies.<name>.<setting>");
                }
                String name = tail.substring(0, dot);
                String setting = tail.substring(dot + 1).toLowerCase(Locale.ROOT);
                BiConsumer<ResiliencePolicy.Builder, String> apply = SETTINGS.get(setting);
                if (apply == null) {
                    throw invalid(key, "unknown setting '" + setting + "' (known: " + SETTINGS.keySet() + ")");
                }
                try {
                    apply.accept(builders.computeIfAbsent(name, n -> base.toBuilder()), value);
                } catch (IllegalArgumentException | DateTimeParseException ex) {
                    // the value itself is never repeated: settings can hold secrets, and errors reach logs
                    throw invalid(key, "the value is not valid: " + ex.getMessage());
                }
            } else if (rest.startsWith("targets.")) {
                String service = rest.substring("targets.".length());
                if (service.isEmpty() || value.isEmpty()) {
                    throw invalid(key, "expected " + prefix + "targets.<service>=<policy name>");
                }
                targets.put(service, value);
            } else {
                throw invalid(
                        key, "expected " + prefix + "policies.<name>.<setting> or " + prefix + "targets.<service>");
            }
        }
        Map<String, ResiliencePolicy> policies = new TreeMap<>();
        for (Map.Entry<String, ResiliencePolicy.Builder> b : builders.entrySet()) {
            try {
                policies.put(b.getKey(), b.getValue().build());
            } catch (IllegalArgumentException ex) {
                throw invalid(prefix + "policies." + b.getKey(), ex.getMessage());
            }
        }
        for (Map.Entry<String, String> t : targets.entrySet()) {
            if (!policies.containsKey(t.getValue()) && !known.contains(t.getValue())) {
                throw invalid(
                        prefix + "targets." + t.getKey(),
                        "names policy '" + t.getValue() + "', which is not defined (defined: "
                                + union(policies.keySet(), known) + ")");
            }
        }
        return new Read(Map.copyOf(policies), Map.copyOf(targets));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private static IllegalArgumentException invalid(String key, String problem) {
        return new IllegalArgumentException("resilience property " + key + ": " + problem);
    }

    private static int integer(String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a whole number");
        }
    }

    private static double decimal(String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a number");
        }
    }

    private static boolean bool(String v) {
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(v);
        }
        throw new IllegalArgumentException("expected true or false");
    }

    private static Set<Integer> statuses(String v) {
        Set<Integer> all = new LinkedHashSet<>();
        for (String s : v.split(",")) {
            int status = integer(s.trim());
            if (status < 100 || status > 599) {
                throw new IllegalArgumentException(status + " is not an HTTP status");
            }
            all.add(status);
        }
        return all;
    }

    /** The duration syntax of every {@code openclaw.*} setting ({@link OpenClawSettings#parseDuration}). */
    static Duration duration(String v) {
        return OpenClawSettings.parseDuration(v);
    }
}
