package ai.openclaw.sdk.testing.pact;

import static ai.openclaw.sdk.testing.pact.PactMatchers.like;
import static ai.openclaw.sdk.testing.pact.PactMatchers.regex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.sdk.events.EventEnvelope;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.net.URI;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A message's metadata is part of the contract: every expected key must come, matching. */
class PactMessageMetadataTest {
    private static final URI NOWHERE = URI.create("http://127.0.0.1:9"); // messages only: nothing is sent

    @RegisterExtension
    final PactDirectory directory = new PactDirectory();

    @BeforeEach
    void writePact() {
        ConsumerPact pact = ConsumerPact.between("billing-service", "user-service")
                .expectsToReceive(
                        "a user.created event",
                        Map.of("type", "user.created", "contractversion", regex("^1\\.\\d+$", "1.0")),
                        Map.of("userId", like("u-1")))
                .build();
        pact.runMessage("a user.created event", JsonNode.class, (event, meta) -> {});
    }

    private void verify(Supplier<Object> producer) {
        PactVerifier.forProvider("user-service")
                .pactsIn(directory.path())
                .messageProducers(new Object() {
                    @MessageProducer("a user.created event")
                    Object produce() {
                        return producer.get();
                    }
                })
                .verify(NOWHERE);
    }

    @Test
    void metadataMatchersAreWrittenUnderTheirCategory() throws Exception {
        JsonNode pact = PactFiles.JSON.readTree(
                Files.readString(directory.path().resolve("billing-service-user-service.json")));
        JsonNode message = pact.path("interactions").get(0);
        assertThat(message.path("metadata").path("contractversion").asText()).isEqualTo("1.0");
        assertThat(message.path("matchingRules")
                        .path("metadata")
                        .path("contractversion")
                        .path("matchers")
                        .get(0)
                        .path("regex")
                        .asText())
                .isEqualTo("^1\\.\\d+$");
    }

    @Test
    void aProducerGivingTheMetadataPasses() {
        assertThatNoException()
                .isThrownBy(() -> verify(() -> ProducedMessage.event("user.created", "1.3", Map.of("userId", "u-9"))));
    }

    @Test
    void thePublishedEnvelopeCarriesItsOwnMetadata() {
        EventEnvelope published = new EventEnvelope(
                "01J0000000000000000000000",
                "user-service",
                "user.created",
                Instant.parse("2026-12-03T10:00:00Z"),
                Optional.of("urn:openclaw:event:user.created:1.0"),
                Optional.of("1.0"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                JsonNodeFactory.instance.objectNode().put("userId", "u-9"));
        assertThatNoException().isThrownBy(() -> verify(() -> published));
    }

    @Test
    void aWrongVersionOrTypeFailsNamingTheKey() {
        assertThatThrownBy(() -> verify(() -> ProducedMessage.event("user.created", "2.0", Map.of("userId", "u-9"))))
                .hasMessageContaining("metadata contractversion")
                .hasMessageContaining("expected a value matching ^1\\.\\d+$");
        assertThatThrownBy(() -> verify(() -> ProducedMessage.event("user.updated", "1.0", Map.of("userId", "u-9"))))
                .hasMessageContaining("expected the metadata 'type' to be user.created");
    }

    @Test
    void bareContentCarriesNoMetadataAndTheFailureSaysHowToGiveIt() {
        assertThatThrownBy(() -> verify(() -> Map.of("userId", "u-9")))
                .hasMessageContaining("metadata type")
                .hasMessageContaining("return a ProducedMessage or the EventEnvelope it published");
    }
}
