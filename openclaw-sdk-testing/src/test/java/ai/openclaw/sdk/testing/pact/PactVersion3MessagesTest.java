package ai.openclaw.sdk.testing.pact;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Version-3 message pacts as other tools write them: contents left out, rules keyed by any of their spellings. */
class PactVersion3MessagesTest {
    private static final URI NOWHERE = URI.create("http://127.0.0.1:9"); // messages only: nothing is sent

    @RegisterExtension
    final PactDirectory directory = new PactDirectory();

    private void pact(String message) throws Exception {
        Files.writeString(
                directory.path().resolve("billing-service-user-service.json"),
                "{\"consumer\": {\"name\": \"billing-service\"}, \"provider\": {\"name\": \"user-service\"},"
                        + " \"messages\": [" + message + "],"
                        + " \"metadata\": {\"pactSpecification\": {\"version\": \"3.0.0\"}}}");
    }

    private void verify(Supplier<Object> producer) {
        PactVerifier.forProvider("user-service")
                .pactsIn(directory.path())
                .messageProducers(new Object() {
                    @MessageProducer("an audit event")
                    Object produce() {
                        return producer.get();
                    }
                })
                .verify(NOWHERE);
    }

    @Test
    void aMessageWithoutContentsExpectsNothingOfThem() throws Exception {
        pact("{\"description\": \"an audit event\", \"metaData\": {\"contentType\": \"application/json\"}}");
        assertThatNoException().isThrownBy(() -> verify(() -> Map.of("alligator", Map.of("age", 3))));
    }

    @Test
    void contentsNullExpectsNull() throws Exception {
        pact("{\"description\": \"an audit event\", \"contents\": null}");
        assertThatThrownBy(() -> verify(() -> Map.of("age", 3))).isInstanceOf(AssertionError.class);
    }

    @Test
    void rulesKeyedContentsApplyToTheContents() throws Exception {
        pact("{\"description\": \"an audit event\", \"contents\": {\"animals\": [{\"name\": \"Fred\"}]},"
                + " \"matchingRules\": {\"contents\": {"
                + "\"$.animals\": {\"matchers\": [{\"match\": \"type\", \"min\": 1}]},"
                + "\"$.animals[*].*\": {\"matchers\": [{\"match\": \"type\"}]}}}}");
        assertThatNoException()
                .isThrownBy(() ->
                        verify(() -> Map.of("animals", List.of(Map.of("name", "Mary"), Map.of("name", "Susan")))));
        assertThatThrownBy(() -> verify(() -> Map.of("animals", List.of(Map.of("name", 1)))))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("$.animals[0].name");
    }
}
