package ai.openclaw.sdk.pactinterop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.sdk.testing.pact.MessageProducer;
import ai.openclaw.sdk.testing.pact.PactVerifier;
import ai.openclaw.sdk.testing.pact.ProducedMessage;
import ai.openclaw.sdk.testing.pact.State;
import au.com.dius.pact.consumer.ConsumerPactBuilder;
import au.com.dius.pact.consumer.MessagePactBuilder;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslJsonRootValue;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pacts pact-jvm's consumer DSL writes (HTTP and messages, V4 and V3), verified by the SDK's verifier. */
class PactJvmPactsVerifiedBySdkTest {
    @org.junit.jupiter.api.io.TempDir
    Path dir;

    @BeforeEach
    void writePacts() throws Exception {
        V4Pact http = ConsumerPactBuilder.consumer("billing-service")
                .hasPactWith("user-service")
                .given("user u-1 exists")
                .uponReceiving("a request for user u-1")
                .path("/users/u-1")
                .method("GET")
                .willRespondWith()
                .status(200)
                .matchHeader("Content-Type", "application/json.*", "application/json")
                .body(new PactDslJsonBody()
                        .stringType("id", "u-1")
                        .stringMatcher("email", "^[^@]+@[^@]+$", "ada@example.com")
                        .minArrayLike("roles", 1, PactDslJsonRootValue.stringType("admin"), 1))
                .toPact(V4Pact.class);
        http.write(dir.toString(), PactSpecVersion.V4);
    }

    public static final class States {
        @State("user u-1 exists")
        void userExists() {}
    }

    @Test
    void theSdkVerifiesAPactJvmHttpPact() {
        try (Provider good = new Provider("email")) {
            PactVerifier.forProvider("user-service")
                    .pactsIn(dir)
                    .stateHandlers(new States())
                    .verify(good.uri());
        }
        try (Provider renamed = new Provider("mail")) {
            assertThatThrownBy(() -> PactVerifier.forProvider("user-service")
                            .pactsIn(dir)
                            .stateHandlers(new States())
                            .verify(renamed.uri()))
                    .hasMessageContaining("body $.email")
                    .hasMessageContaining("expected key 'email' is missing");
        }
    }

    private Path messagePact(PactSpecVersion version) throws Exception {
        Path out = Files.createDirectories(dir.resolve("messages-" + version));
        var pact = new MessagePactBuilder(version)
                .consumer("billing-service")
                .hasPactWith("user-service")
                .expectsToReceive("a user.created event")
                .withMetadata(Map.of("type", "user.created", "contractversion", "1.0"))
                .withContent(new PactDslJsonBody().stringType("userId", "u-1").stringMatcher("email", ".+@.+", "a@b.c"))
                .toPact();
        pact.write(out.toString(), version);
        return out;
    }

    private static void verifyMessages(Path pacts, Supplier<Object> producer) {
        PactVerifier.forProvider("user-service")
                .pactsIn(pacts)
                .messageProducers(new Object() {
                    @MessageProducer("a user.created event")
                    Object produce() {
                        return producer.get();
                    }
                })
                .verify(URI.create("http://127.0.0.1:9")); // messages only
    }

    @Test
    void theSdkVerifiesPactJvmMessagePactsContentAndMetadata() throws Exception {
        for (PactSpecVersion version : new PactSpecVersion[] {PactSpecVersion.V3, PactSpecVersion.V4}) {
            Path pacts = messagePact(version);
            verifyMessages(
                    pacts,
                    () -> ProducedMessage.event("user.created", "1.0", Map.of("userId", "u-9", "email", "x@y.z")));
            assertThatThrownBy(() -> verifyMessages(
                            pacts,
                            () -> ProducedMessage.event(
                                    "user.created", "1.0", Map.of("userId", "u-9", "email", "xyz"))))
                    .as(version.toString())
                    .hasMessageContaining("body $.email");
            assertThatThrownBy(() -> verifyMessages(
                            pacts,
                            () -> ProducedMessage.event(
                                    "user.created", "2.0", Map.of("userId", "u-9", "email", "x@y.z"))))
                    .as(version.toString())
                    .hasMessageContaining("metadata contractversion");
        }
    }

    @Test
    void thePactJvmFilesAreWhereTheVerifierLooks() throws Exception {
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("billing-service-user-service.json");
        }
    }
}
