package ai.openclaw.sdk.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The seed's UserCreatedEvent contract, as the contracts issue states its acceptance. */
class SeedContractTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final ContractVersion V1_0 = ContractVersion.parse("1.0");

    static Path contracts() {
        try {
            return Path.of(SeedContractTest.class.getResource("/contracts").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private final ContractRegistry registry = ContractRegistry.load(contracts());

    @Test
    void aValidPayloadPasses() {
        assertThat(registry.validateEvent(
                        "user.created",
                        V1_0,
                        json("{\"userId\":\"u-1\",\"email\":\"ada@example.com\",\"name\":\"Ada\","
                                + "\"createdAt\":\"2026-11-22T10:00:00Z\"}")))
                .isEmpty();
    }

    @Test
    void aMissingEmailNamesTheEmailPointer() {
        var violations = registry.validateEvent(
                "user.created", V1_0, json("{\"userId\":\"u-1\",\"name\":\"Ada\",\"createdAt\":\"2026-11-22\"}"));
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.contract()).isEqualTo("user.created");
            assertThat(v.version()).isEqualTo("1.0");
            assertThat(v.pointer()).isEqualTo("/email");
            assertThat(v.rule()).isEqualTo("required");
            assertThat(v.valueSeen()).isEmpty();
        });
    }

    @Test
    void aNumericUserIdNamesThePointerAndTheExpectedType() {
        var violations = registry.validateEvent(
                "user.created",
                V1_0,
                json("{\"userId\":42,\"email\":\"a@b\",\"name\":\"Ada\",\"createdAt\":\"2026-11-22\"}"));
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.pointer()).isEqualTo("/userId");
            assertThat(v.rule()).isEqualTo("type");
            assertThat(v.message()).contains("string expected");
            assertThat(v.valueSeen()).isEqualTo("42");
        });
        assertThat(violations.get(0))
                .hasToString("user.created 1.0: /userId: type: integer found, string expected (seen: 42)");
    }

    @Test
    void checkThrowsWithEveryViolation() {
        EventContract contract = registry.requireEventContract("user.created", V1_0);
        assertThat(contract.id()).isEqualTo("urn:openclaw:event:user.created:1.0");
        assertThatThrownBy(() -> contract.check(json("{\"userId\":42,\"extra\":\"secret-value\"}")))
                .isInstanceOfSatisfying(ContractViolationException.class, e -> assertThat(e.violations())
                        .extracting(ContractViolation::pointer)
                        .containsExactlyInAnyOrder("/userId", "/email", "/name", "/createdAt", "/extra"))
                .hasMessageNotContaining("secret-value");
    }

    @Test
    void unknownTypesAndVersionsAreNamed() {
        assertThatThrownBy(() -> registry.requireEventContract("user.create", V1_0))
                .hasMessage("no contract for event type 'user.create' (did you mean 'user.created'?)");
        assertThatThrownBy(() -> registry.requireEventContract("user.created", ContractVersion.parse("2.0")))
                .hasMessage("no contract for user.created 2.0 (versions: 1.0)");
    }

    @Test
    void consumersDeclareTheVersionsTheyAccept() {
        assertThat(registry.isAcceptable("user.created", V1_0, AcceptedVersions.parse("1.x")))
                .isTrue();
        assertThat(registry.isAcceptable("user.created", V1_0, AcceptedVersions.parse("2")))
                .isFalse();
        assertThat(registry.isAcceptable("user.created", ContractVersion.parse("1.5"), AcceptedVersions.parse("1")))
                .as("no contract for 1.5")
                .isFalse();
        AcceptedVersions accepted = AcceptedVersions.parse("1.x, 2.1+, 3.0");
        assertThat(accepted.accepts(ContractVersion.parse("1.9"))).isTrue();
        assertThat(accepted.accepts(ContractVersion.parse("2.0"))).isFalse();
        assertThat(accepted.accepts(ContractVersion.parse("2.3"))).isTrue();
        assertThat(accepted.accepts(ContractVersion.parse("3.1"))).isFalse();
        assertThat(accepted).hasToString("1.x, 2.1+, 3.0");
        assertThatThrownBy(() -> AcceptedVersions.parse("1.x, v2"))
                .hasMessage("accepted version 'v2' in '1.x, v2' is none of 1, 1.x, 1.2+ or 1.2");
    }

    @Test
    void examplesAreKeptAsSamples() {
        assertThat(registry.samples()).singleElement().satisfies(s -> {
            assertThat(s.eventType()).isEqualTo("user.created");
            assertThat(registry.validateEvent(s.eventType(), s.version(), s.payload()))
                    .isEmpty();
        });
    }
}
