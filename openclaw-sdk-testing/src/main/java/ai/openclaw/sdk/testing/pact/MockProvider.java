package ai.openclaw.sdk.testing.pact;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import ai.openclaw.sdk.discovery.InstanceSource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A WireMock server playing the provider of a {@link ConsumerPact} in a consumer's test: each request is matched
 * against the pact's HTTP interactions (Pact's request rules: no unexpected query parameters or body keys) and answered
 * with the matching interaction's response example; any other request is answered 500 with what did not match, and
 * remembered.
 *
 * <pre>{@code
 * try (MockProvider users = MockProvider.start(pact)) {
 *     ServiceDiscovery discovery = ServiceDiscovery.builder().addSource(users.instanceSource()).build();
 *     ... the consumer's code calls user-service ...
 *     users.verify();   // fails on unexpected requests and unexercised interactions; else writes the pact file
 * }
 * }</pre>
 *
 * <p>Provider states are only recorded for the provider's verification: a consumer test sets up no state.
 */
public final class MockProvider implements AutoCloseable {
    private static final String TRANSFORMER = "openclaw-pact";

    private final ConsumerPact pact;
    private final WireMockServer server;
    private final List<String> unexpected = new CopyOnWriteArrayList<>();

    private MockProvider(ConsumerPact pact) {
        this.pact = pact;
        this.server = new WireMockServer(WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .notifier(new ConsoleNotifier(false))
                .extensions(new Answer()));
        server.start();
        server.stubFor(any(anyUrl())
                .willReturn(ResponseDefinitionBuilder.responseDefinition().withStatus(500)));
    }

    /** Starts a mock of the pact's provider on a free loopback port. */
    public static MockProvider start(ConsumerPact pact) {
        return new MockProvider(java.util.Objects.requireNonNull(pact, "pact"));
    }

    /** Where it listens, such as {@code http://127.0.0.1:51234}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** A discovery source placing the provider at this mock. */
    public InstanceSource instanceSource() {
        return InstanceSource.of(Map.of(pact.provider(), List.of(baseUrl())));
    }

    /** The requests that matched no interaction, each with why. */
    public List<String> unexpectedRequests() {
        return List.copyOf(unexpected);
    }

    /**
     * Checks that every HTTP interaction was exercised and no unexpected request came, then writes the pact file.
     *
     * @return the pact file written
     * @throws AssertionError listing what was missed and what was unexpected
     */
    public Path verify() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new AssertionError(failure(problems));
        }
        return pact.write();
    }

    /** The interactions not exercised and the unexpected requests so far, one line each; empty when all is well. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (ObjectNode i : pact.interactions()) {
            if (i.path("type").asText().equals(PactFiles.HTTP) && !pact.isExercised(i)) {
                problems.add(
                        "interaction not exercised: " + i.path("description").asText());
            }
        }
        unexpected.forEach(u -> problems.add("unexpected request: " + u));
        return problems;
    }

    String failure(List<String> problems) {
        return "the mock " + pact.provider() + " for " + pact.consumer() + " saw " + problems.size()
                + " problem(s):\n  " + String.join("\n  ", problems);
    }

    /** The pact this mock plays the provider of. */
    public ConsumerPact pact() {
        return pact;
    }

    /** Stops the server (without verifying). */
    @Override
    public void close() {
        server.stop();
    }

    @Override
    public String toString() {
        return "MockProvider{" + pact.provider() + " at " + baseUrl() + "}";
    }

    private final class Answer implements ResponseDefinitionTransformerV2 {
        @Override
        public String getName() {
            return TRANSFORMER;
        }

        @Override
        public boolean applyGlobally() {
            return true;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            var request = event.getRequest();
            Map<String, String> headers = new LinkedHashMap<>();
            for (HttpHeader h : request.getHeaders().all()) {
                headers.put(h.key(), String.join(", ", h.values()));
            }
            String url = request.getUrl();
            int q = url.indexOf('?');
            PactHttp.Request actual = new PactHttp.Request(
                    request.getMethod().getName(),
                    q < 0 ? url : url.substring(0, q),
                    q < 0 ? null : url.substring(q + 1),
                    headers,
                    PactHttp.received(request.getBody(), request.getHeader("Content-Type")));
            List<String> near = new ArrayList<>();
            for (ObjectNode i : pact.interactions()) {
                if (!i.path("type").asText().equals(PactFiles.HTTP)) {
                    continue;
                }
                List<PactMismatch> mismatches = PactHttp.matchRequest(i.path("request"), actual);
                if (mismatches.isEmpty()) {
                    pact.exercised(i);
                    return answer(i.path("response"));
                }
                near.add("'" + i.path("description").asText() + "': " + mismatches);
            }
            String why = actual
                    + (near.isEmpty()
                            ? " (the pact has no HTTP interaction)"
                            : " matched no interaction; " + String.join("; ", near));
            unexpected.add(why);
            return ResponseDefinitionBuilder.responseDefinition()
                    .withStatus(500)
                    .withHeader("Content-Type", "text/plain")
                    .withBody("pact mock of " + pact.provider() + ": " + why)
                    .build();
        }

        private ResponseDefinition answer(JsonNode example) {
            // generators give fresh values where the consumer asked for them; a MockServerURL one points here
            JsonNode response = PactGenerators.applyToPart(
                    example, PactGenerators.Context.consumer(baseUrl().toString()));
            ResponseDefinitionBuilder b = ResponseDefinitionBuilder.responseDefinition()
                    .withStatus(response.path("status").asInt(200));
            for (Iterator<Map.Entry<String, JsonNode>> it =
                            response.path("headers").fields();
                    it.hasNext(); ) {
                Map.Entry<String, JsonNode> h = it.next();
                b.withHeader(h.getKey(), PactFiles.joined(h.getValue()));
            }
            if (response.path("body").has("content")) {
                b.withBody(PactHttp.bodyBytes(response.path("body")));
            }
            return b.build();
        }
    }
}
