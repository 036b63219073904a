package ai.openclaw.sdk.testing.pact;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.core.matchers.RequestMatching;
import au.com.dius.pact.core.matchers.ResponseMatching;
import au.com.dius.pact.core.model.ContentType;
import au.com.dius.pact.core.model.OptionalBody;
import au.com.dius.pact.core.model.Request;
import au.com.dius.pact.core.model.Response;
import au.com.dius.pact.core.model.V4Interaction;
import au.com.dius.pact.core.model.generators.Generators;
import au.com.dius.pact.core.model.matchingrules.MatchingRulesImpl;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The matching rules of the Pact specification (V1 to V4), one case per rule as its text states it
 * ({@code spec-rules.json}, written here from the specification, not taken from any implementation), judged by the SDK
 * and by pact-jvm's matching engine: the SDK must give the specification's verdict on every case, and pact-jvm's
 * verdicts are counted beside it, so that a disagreement between the two is seen.
 */
class SpecRulesAgainstPactJvmTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Verdicts(String name, boolean spec, boolean sdk, boolean pactJvm, String sdkWhy) {}

    @Test
    void theSdkGivesTheSpecificationsVerdictOnEveryRuleAndPactJvmIsCountedBeside() throws Exception {
        JsonNode cases;
        try (InputStream in = getClass().getResourceAsStream("/spec-rules.json")) {
            cases = JSON.readTree(in);
        }
        List<Verdicts> all = new ArrayList<>();
        for (JsonNode c : cases) {
            all.add(judge(c));
        }
        List<String> sdkWrong = all.stream()
                .filter(v -> v.sdk != v.spec)
                .map(v -> v.name + ": the specification says " + (v.spec ? "match" : "no match") + ", the SDK "
                        + (v.sdk ? "matched" : "did not: " + v.sdkWhy))
                .toList();
        List<String> pactJvmOther = all.stream()
                .filter(v -> v.pactJvm != v.spec)
                .map(v -> v.name + " (pact-jvm " + (v.pactJvm ? "matched" : "did not match") + ")")
                .toList();
        System.out.printf(
                "spec rules: %d cases; SDK agrees with the specification on %d, pact-jvm 4.6.21 on %d%n  pact-jvm"
                        + " differs on: %s%n",
                all.size(), all.size() - sdkWrong.size(), all.size() - pactJvmOther.size(), pactJvmOther);
        assertThat(sdkWrong).isEmpty();
        // where pact-jvm reads the specification otherwise (docs/adr/0004-pact-matching-engine.md): a change here is a
        // change in pact-jvm, to look at before upgrading it
        assertThat(pactJvmOther)
                .containsExactlyInAnyOrder(
                        "whitespace after commas (pact-jvm did not match)",
                        "empty body expected, one came (pact-jvm matched)",
                        "xml: text by type (pact-jvm did not match)");
    }

    private static Verdicts judge(JsonNode c) throws Exception {
        String name = c.get("name").asText();
        boolean spec = c.get("match").asBoolean();
        JsonNode expected = c.get("expected");
        JsonNode actual = c.get("actual");
        Map<String, String> headers = new LinkedHashMap<>();
        actual.path("headers")
                .fields()
                .forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
        String body = actual.path("body").isNull() || actual.path("body").isMissingNode()
                ? null
                : actual.get("body").asText();
        boolean request = c.get("side").asText().equals("request");

        List<PactMismatch> sdk = request
                ? PactHttp.matchRequest(
                        expected,
                        new PactHttp.Request(
                                actual.get("method").asText(),
                                actual.get("path").asText(),
                                actual.path("query").isNull()
                                        ? null
                                        : actual.path("query").asText(),
                                headers,
                                body))
                : PactHttp.matchResponse(expected, actual.get("status").asInt(), headers, body);

        V4Interaction.SynchronousHttp interaction = pactJvmInteraction(expected, request);
        Map<String, List<String>> pjHeaders = new LinkedHashMap<>();
        headers.forEach((k, v) -> pjHeaders.put(k, List.of(v)));
        OptionalBody pjBody = body == null
                ? OptionalBody.missing()
                : body.isEmpty()
                        ? OptionalBody.empty()
                        : OptionalBody.body(
                                body.getBytes(StandardCharsets.UTF_8),
                                new ContentType(headers.getOrDefault("Content-Type", "text/plain")));
        boolean pactJvm;
        if (request) {
            Request r = new Request(
                    actual.get("method").asText(),
                    actual.get("path").asText(),
                    query(
                            actual.path("query").isNull()
                                    ? null
                                    : actual.path("query").asText()),
                    pjHeaders,
                    pjBody);
            pactJvm = RequestMatching.requestMismatches(interaction.getRequest(), r)
                    .matchedOk();
        } else {
            Response r = new Response(
                    actual.get("status").asInt(), pjHeaders, pjBody, new MatchingRulesImpl(), new Generators());
            pactJvm = ResponseMatching.responseMismatches(interaction.getResponse(), r)
                    .isEmpty();
        }
        return new Verdicts(name, spec, sdk.isEmpty(), pactJvm, sdk.toString());
    }

    private static V4Interaction.SynchronousHttp pactJvmInteraction(JsonNode expected, boolean request)
            throws Exception {
        return (V4Interaction.SynchronousHttp)
                OneInteractionPact.readByPactJvm(OneInteractionPact.of("4.0", request, expected));
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return out;
    }
}
