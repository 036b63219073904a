package ai.openclaw.sdk.pactinterop;

import static ai.openclaw.sdk.testing.pact.PactMatchers.eachLike;
import static ai.openclaw.sdk.testing.pact.PactMatchers.like;
import static ai.openclaw.sdk.testing.pact.PactMatchers.regex;
import static ai.openclaw.sdk.testing.pact.PactMatchers.uuid;
import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.sdk.testing.pact.ConsumerPact;
import ai.openclaw.sdk.testing.pact.MockProvider;
import ai.openclaw.sdk.testing.pact.PactRequest;
import ai.openclaw.sdk.testing.pact.PactResponse;
import au.com.dius.pact.core.matchers.Mismatch;
import au.com.dius.pact.core.matchers.ResponseMatching;
import au.com.dius.pact.core.model.ContentType;
import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.HttpRequest;
import au.com.dius.pact.core.model.OptionalBody;
import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.core.model.Response;
import au.com.dius.pact.core.model.V4Interaction;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.generators.Generators;
import au.com.dius.pact.core.model.matchingrules.MatchingRulesImpl;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A pact the SDK writes, read by pact-jvm's model, and a real provider judged against it by pact-jvm's own matching
 * engine: the verdicts are the SDK verifier's verdicts.
 */
class SdkPactsReadByPactJvmTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @org.junit.jupiter.api.io.TempDir
    Path dir;

    private String previous;

    @BeforeEach
    void pactDir() throws Exception {
        previous = System.getProperty("openclaw.pact.dir");
        System.setProperty("openclaw.pact.dir", dir.toString());
    }

    @AfterEach
    void restore() {
        if (previous == null) {
            System.clearProperty("openclaw.pact.dir");
        } else {
            System.setProperty("openclaw.pact.dir", previous);
        }
    }

    /** billing-service's pact with user-service, exercised against the SDK's mock and written. */
    private Path sdkPact() throws Exception {
        ConsumerPact pact = ConsumerPact.between("billing-service", "user-service")
                .given("user u-1 exists", Map.of("id", "u-1"))
                .uponReceiving(
                        "a request for user u-1",
                        PactRequest.get("/users/u-1").header("Accept", "application/json"),
                        PactResponse.status(200)
                                .header("Content-Type", regex("application/json.*", "application/json"))
                                .body(Map.of(
                                        "id", like("u-1"),
                                        "email", regex("^[^@]+@[^@]+$", "ada@example.com"),
                                        "roles", eachLike(like("admin")))))
                .expectsToReceive(
                        "a user.created event",
                        "user.created",
                        "1.0",
                        Map.of("userId", like("u-1"), "requestId", uuid()))
                .build();
        try (MockProvider users = MockProvider.start(pact)) {
            HTTP.send(
                    java.net.http.HttpRequest.newBuilder(users.baseUrl().resolve("/users/u-1"))
                            .header("Accept", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            pact.runMessage("a user.created event", Map.class, (event, meta) -> {});
            return users.verify();
        }
    }

    @Test
    void pactJvmReadsTheSdkPactWithItsRulesAndGenerators() throws Exception {
        Pact pact = DefaultPactReader.INSTANCE.loadPact(sdkPact().toFile());

        assertThat(pact).isInstanceOf(V4Pact.class);
        assertThat(pact.getConsumer().getName()).isEqualTo("billing-service");
        assertThat(pact.getInteractions()).hasSize(2);
        V4Interaction.SynchronousHttp http = http(pact);
        assertThat(http.getProviderStates().get(0).getName()).isEqualTo("user u-1 exists");
        assertThat(http.getProviderStates().get(0).getParams()).containsEntry("id", "u-1");
        var bodyRules = http.getResponse().getMatchingRules().rulesForCategory("body");
        assertThat(bodyRules.getMatchingRules().keySet()).contains("$.id", "$.email", "$.roles", "$.roles[*]");
        assertThat(http.getResponse()
                        .getMatchingRules()
                        .rulesForCategory("header")
                        .getMatchingRules())
                .containsKey("Content-Type");
        V4Interaction.AsynchronousMessage message = pact.getInteractions().stream()
                .filter(i -> i instanceof V4Interaction.AsynchronousMessage)
                .map(i -> (V4Interaction.AsynchronousMessage) i)
                .findFirst()
                .orElseThrow();
        assertThat(message.getMetadata()).containsEntry("type", "user.created").containsEntry("contractversion", "1.0");
        assertThat(message.getContents().getGenerators().toString()).contains("requestId");
    }

    @Test
    void pactJvmPassesAProviderThatHonoursTheSdkPactAndFailsOneThatDoesNot() throws Exception {
        V4Interaction.SynchronousHttp http =
                http(DefaultPactReader.INSTANCE.loadPact(sdkPact().toFile()));

        try (Provider good = new Provider("email")) {
            assertThat(mismatches(http, good.uri())).isEmpty();
        }
        try (Provider renamed = new Provider("mail")) {
            assertThat(mismatches(http, renamed.uri()))
                    .extracting(Mismatch::description)
                    .anySatisfy(d -> assertThat(d).contains("email"));
        }
    }

    private static V4Interaction.SynchronousHttp http(Pact pact) {
        return pact.getInteractions().stream()
                .filter(i -> i instanceof V4Interaction.SynchronousHttp)
                .map(i -> (V4Interaction.SynchronousHttp) i)
                .findFirst()
                .orElseThrow();
    }

    /** pact-jvm's verdict on what the provider answers to the interaction's request. */
    private static List<Mismatch> mismatches(V4Interaction.SynchronousHttp interaction, URI provider) throws Exception {
        HttpRequest request = interaction.getRequest();
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(provider.resolve(request.getPath()));
        request.getHeaders().forEach((name, values) -> b.header(name, String.join(", ", values)));
        HttpResponse<byte[]> answer = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        Map<String, List<String>> headers = new LinkedHashMap<>();
        answer.headers().map().forEach(headers::put);
        String contentType = answer.headers().firstValue("Content-Type").orElse("application/json");
        Response actual = new Response(
                answer.statusCode(),
                headers,
                answer.body().length == 0
                        ? OptionalBody.empty()
                        : OptionalBody.body(answer.body(), new ContentType(contentType)),
                new MatchingRulesImpl(),
                new Generators());
        return ResponseMatching.responseMismatches(interaction.getResponse(), actual);
    }
}
