package ai.openclaw.sdk.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Policies from configuration properties. */
class PolicyPropertiesTest {
    private static ResiliencePolicies from(Map<String, String> properties) {
        return ResiliencePolicies.builder().properties(properties).build();
    }

    @Test
    void namedPoliciesTargetsAndDefaults() {
        Properties p = new Properties();
        p.setProperty("openclaw.resilience.policies.default.max-attempts", "2");
        p.setProperty("openclaw.resilience.policies.payments-critical.max-attempts", "5");
        p.setProperty("openclaw.resilience.policies.payments-critical.time-limit", "2s");
        p.setProperty("openclaw.resilience.policies.payments-critical.initial-backoff", "PT0.25S");
        p.setProperty("openclaw.resilience.policies.payments-critical.retry-statuses", "502, 503");
        p.setProperty("openclaw.resilience.policies.bulk.rate-limit", "100/1m");
        p.setProperty("openclaw.resilience.policies.bulk.circuit-breaker", "false");
        p.setProperty("openclaw.resilience.targets.payment-gateway", "payments-critical");
        p.setProperty("openclaw.resilience.targets.reporting", "bulk");
        p.setProperty("java.version.ignored", "because it has no prefix");
        try (ResiliencePolicies policies =
                ResiliencePolicies.builder().properties(p).build()) {
            ResiliencePolicy critical = policies.policyOf("payment-gateway");
            assertThat(critical.maxAttempts()).isEqualTo(5);
            assertThat(critical.timeLimit()).contains(Duration.ofSeconds(2));
            assertThat(critical.initialBackoff()).isEqualTo(Duration.ofMillis(250));
            assertThat(critical.retryStatuses()).isEqualTo(Set.of(502, 503));
            ResiliencePolicy bulk = policies.policyOf("reporting");
            assertThat(bulk.rateLimit()).isEqualTo(100);
            assertThat(bulk.ratePeriod()).isEqualTo(Duration.ofMinutes(1));
            assertThat(bulk.circuitBreaker()).isFalse();
            assertThat(policies.policyOf("anyone-else").maxAttempts()).isEqualTo(2);
        }
    }

    @Test
    void propertiesComeFromAFileOrTheClassPath(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("resilience.properties");
        Files.writeString(file, "openclaw.resilience.policies.default.max-attempts=4\n");
        try (ResiliencePolicies policies =
                ResiliencePolicies.builder().properties(file).build()) {
            assertThat(policies.policyOf("anyone").maxAttempts()).isEqualTo(4);
        }
        try (ResiliencePolicies policies = ResiliencePolicies.builder()
                .propertiesFromClasspath("/openclaw/resilience.properties")
                .build()) {
            assertThat(policies.policyOf("payment-gateway").maxAttempts()).isEqualTo(5);
        }
        assertThatThrownBy(() -> ResiliencePolicies.builder().properties(dir.resolve("missing.properties")))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("cannot read the resilience properties " + dir.resolve("missing.properties"));
        assertThatThrownBy(() -> ResiliencePolicies.builder().propertiesFromClasspath("nowhere.properties"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no resilience properties at classpath:nowhere.properties");
    }

    @Test
    void codeTargetsWinAndPropertiesCanNameCodePolicies() {
        Map<String, String> p = new HashMap<>();
        p.put("openclaw.resilience.targets.billing-service", "from-code");
        p.put("openclaw.resilience.targets.user-service", "from-code");
        try (ResiliencePolicies policies = ResiliencePolicies.builder()
                .named("from-code", ResiliencePolicy.builder().maxAttempts(7).build())
                .target(
                        "user-service",
                        ResiliencePolicy.builder().maxAttempts(1).build())
                .properties(p)
                .build()) {
            assertThat(policies.policyOf("billing-service").maxAttempts()).isEqualTo(7);
            assertThat(policies.policyOf("user-service").maxAttempts()).isEqualTo(1);
        }
    }

    @Test
    void mistakesNameTheKey() {
        assertThatThrownBy(() -> from(Map.of("openclaw.resilience.policies.a.max-atempts", "3")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(
                        "resilience property openclaw.resilience.policies.a.max-atempts: unknown setting"
                                + " 'max-atempts'");
        assertThatThrownBy(() -> from(Map.of("openclaw.resilience.policies.a.time-limit", "soon")))
                .hasMessage("resilience property openclaw.resilience.policies.a.time-limit: the value is not valid:"
                        + " expected a duration such as 250ms, 2s, 1m or PT2S");
        assertThatThrownBy(() -> from(Map.of("openclaw.resilience.policies.a.max-attempts", "0")))
                .hasMessage("resilience property openclaw.resilience.policies.a: maxAttempts must be >= 1, was 0");
        assertThatThrownBy(() -> from(Map.of("openclaw.resilience.policies.a.retry-statuses", "503,99")))
                .hasMessageContaining("99 is not an HTTP status");
        assertThatThrownBy(() -> from(Map.of("openclaw.resilience.targets.billing-service", "missing")))
                .hasMessage("resilience property openclaw.resilience.targets.billing-service: names policy 'missing',"
                        + " which is not defined (defined: [default])");
        assertThatThrownBy(() -> from(Map.of("openclaw.resilience.retries", "3")))
                .hasMessageContaining("expected openclaw.resilience.policies.<name>.<setting>");
    }
}
