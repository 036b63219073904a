package ai.openclaw.sdk.testing.pact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import au.com.dius.pact.core.matchers.RequestMatching;
import au.com.dius.pact.core.matchers.ResponseMatching;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.RequestResponseInteraction;
import au.com.dius.pact.core.model.V4Interaction;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The Pact specification's own test cases, judged by the SDK (and, for HTTP, by pact-jvm beside it), when a folder of
 * them is given: {@code ./mvnw -pl it/pact-interop -am verify -Dpact.specification.cases=DIR}. The cases are the
 * specification's, not ours, so none is kept in this repository; the folder holds them as the specification's branches
 * do, one folder per version: {@code DIR/v1/request/body/*.json}, {@code DIR/v1.1/...}, {@code DIR/v2/...}, {@code
 * DIR/v3/message/body/*.json}, {@code DIR/v4/...}, each file {@code {"match": .., "expected": .., "actual": ..}}.
 *
 * <p>Each side is read as a pact of that version would be (the expected part as the consumer wrote it, the actual
 * part as what came), through the same reader and the same matching the mock provider and the verifier use. Without
 * the property the test is skipped.
 */
class SpecificationCasesTest {
    private static final String PROPERTY = "pact.specification.cases";

    record Verdict(
            String file,
            boolean spec,
            boolean sdk,
            @Nullable Boolean pactJvm,
            String why) {}

    @Test
    void theSdkGivesTheSpecificationsVerdictOnEachOfItsCases() throws IOException {
        String dir = System.getProperty(PROPERTY, "");
        assumeTrue(!dir.isBlank(), "-D" + PROPERTY + "=DIR names a folder of the specification's cases");
        Path root = Path.of(dir);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).as("cases under " + root).isNotEmpty();
        List<Verdict> all = new ArrayList<>();
        for (Path f : files) {
            all.add(judge(root.relativize(f).toString().replace('\\', '/'), PactFiles.JSON.readTree(f.toFile())));
        }
        Map<String, int[]> byVersion = new TreeMap<>();
        for (Verdict v : all) {
            int[] counts = byVersion.computeIfAbsent(v.file.substring(0, v.file.indexOf('/')), k -> new int[4]);
            counts[0]++;
            counts[1] += v.sdk == v.spec ? 1 : 0;
            counts[2] += v.pactJvm == null ? 0 : 1;
            counts[3] += v.pactJvm != null && v.pactJvm == v.spec ? 1 : 0;
        }
        StringBuilder report = new StringBuilder("the specification's cases:\n");
        int[] total = new int[4];
        byVersion.forEach((version, c) -> {
            report.append(String.format(
                    "  %-5s %3d cases: the SDK agrees on %3d; pact-jvm on %3d of the %3d HTTP cases%n",
                    version, c[0], c[1], c[3], c[2]));
            for (int i = 0; i < 4; i++) {
                total[i] += c[i];
            }
        });
        report.append(String.format(
                "  all   %3d cases: the SDK agrees on %3d; pact-jvm on %3d of the %3d HTTP cases%n",
                total[0], total[1], total[3], total[2]));
        List<String> wrong = all.stream()
                .filter(v -> v.sdk != v.spec)
                .map(v -> v.file + ": the specification says " + (v.spec ? "match" : "no match") + ", the SDK "
                        + (v.sdk ? "matched" : "did not: " + v.why))
                .toList();
        all.stream()
                .filter(v -> v.pactJvm != null && v.pactJvm != v.spec)
                .forEach(v ->
                        report.append("  pact-jvm differs: ").append(v.file).append('\n'));
        wrong.forEach(w -> report.append("  SDK differs: ").append(w).append('\n'));
        System.out.print(report);
        assertThat(wrong).isEmpty();
    }

    private static Verdict judge(String file, JsonNode c) {
        String[] parts = file.split("/");
        String version = specificationVersion(parts[0]);
        String kind = parts[1];
        boolean spec = c.path("match").asBoolean();
        try {
            if (kind.equals("message")) {
                List<PactMismatch> m = matchMessage(version, c.path("expected"), c.path("actual"));
                return new Verdict(file, spec, m.isEmpty(), null, m.toString());
            }
            boolean request = kind.equals("request");
            ObjectNode expected = OneInteractionPact.of(version, request, c.path("expected"));
            ObjectNode actual = OneInteractionPact.of(version, request, c.path("actual"));
            List<PactMismatch> m =
                    request ? matchRequest(version, expected, actual) : matchResponse(version, expected, actual);
            return new Verdict(file, spec, m.isEmpty(), pactJvm(request, expected, actual), m.toString());
        } catch (RuntimeException e) {
            return new Verdict(file, spec, false, null, "failed: " + e);
        }
    }

    private static String specificationVersion(String folder) {
        return switch (folder.replace('_', '.')) {
            case "v1", "v1.0" -> "1.0.0";
            case "v1.1" -> "1.1.0";
            case "v2" -> "2.0.0";
            case "v3" -> "3.0.0";
            case "v4" -> "4.0";
            default -> throw new IllegalArgumentException("no specification version for the folder " + folder);
        };
    }

    private static JsonNode v4Part(ObjectNode doc, boolean request) {
        return PactFiles.parse("case", doc).interactions().get(0).path(request ? "request" : "response");
    }

    private static List<PactMismatch> matchRequest(String version, ObjectNode expectedDoc, ObjectNode actualDoc) {
        JsonNode expected = v4Part(expectedDoc, true);
        JsonNode actual = v4Part(actualDoc, true);
        String query;
        if (actual.path("query").isTextual()) {
            query = actual.path("query").asText();
        } else {
            List<String> pairs = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = actual.path("query").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode values = e.getValue().isArray()
                        ? e.getValue()
                        : PactFiles.NODES.arrayNode().add(e.getValue());
                for (JsonNode v : values) {
                    pairs.add(encode(e.getKey()) + "=" + encode(v.asText()));
                }
            }
            query = String.join("&", pairs);
        }
        return PactHttp.matchRequest(
                expected,
                new PactHttp.Request(
                        actual.path("method").asText("GET"),
                        actual.path("path").asText("/"),
                        query,
                        headers(actual),
                        body(actual)));
    }

    private static List<PactMismatch> matchResponse(String version, ObjectNode expectedDoc, ObjectNode actualDoc) {
        JsonNode expected = v4Part(expectedDoc, false);
        JsonNode actual = v4Part(actualDoc, false);
        return PactHttp.matchResponse(expected, actual.path("status").asInt(200), headers(actual), body(actual));
    }

    private static List<PactMismatch> matchMessage(String version, JsonNode expected, JsonNode actual) {
        JsonNode want = message(version, expected);
        JsonNode got = message(version, actual);
        JsonNode rules = want.path("matchingRules");
        JsonNode bodyRules = rules.has("content")
                ? rules.get("content")
                : rules.has("body") ? rules.get("body") : rules.get("contents");
        List<PactMismatch> out = new ArrayList<>();
        JsonNode content = want.path("contents");
        if (content.has("content")) {
            out.addAll(PactMatching.of(bodyRules)
                    .compare(
                            "body", content.get("content"), got.path("contents").get("content"), true));
        }
        out.addAll(PactHttp.metadata(want.path("metadata"), rules.path("metadata"), got.path("metadata"), true));
        return out;
    }

    private static JsonNode message(String version, JsonNode part) {
        ObjectNode doc = PactFiles.NODES.objectNode();
        doc.putObject("consumer").put("name", "consumer");
        doc.putObject("provider").put("name", "provider");
        doc.putObject("metadata").putObject("pactSpecification").put("version", version);
        ObjectNode m = part.deepCopy();
        m.put("description", "case");
        if (version.startsWith("4")) {
            m.put("type", PactFiles.MESSAGE);
            m.put("key", "case");
            doc.putArray("interactions").add(m);
        } else {
            doc.putArray("messages").add(m);
        }
        return PactFiles.parse("case", doc).interactions().get(0);
    }

    private static Map<String, String> headers(JsonNode part) {
        Map<String, String> out = new LinkedHashMap<>();
        part.path("headers").fields().forEachRemaining(h -> {
            List<String> values = new ArrayList<>();
            (h.getValue().isArray() ? h.getValue() : PactFiles.NODES.arrayNode().add(h.getValue()))
                    .forEach(v -> values.add(v.asText()));
            out.put(h.getKey(), String.join(", ", values));
        });
        return out;
    }

    /** The bytes that came, as the mock provider reads them: none for a missing or null body. */
    private static @Nullable String body(JsonNode part) {
        JsonNode body = part.path("body");
        if (body.isMissingNode()
                || body.isNull()
                || !body.has("content")
                || body.get("content").isNull()) {
            return null;
        }
        return PactHttp.received(
                PactHttp.bodyBytes(body), body.path("contentType").asText(null));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** pact-jvm 4.6.21's verdict on the same two documents, read by its own reader. */
    private static @Nullable Boolean pactJvm(boolean request, ObjectNode expectedDoc, ObjectNode actualDoc) {
        try {
            Interaction expected = OneInteractionPact.readByPactJvm(expectedDoc);
            Interaction actual = OneInteractionPact.readByPactJvm(actualDoc);
            if (request) {
                return RequestMatching.requestMismatches(request(expected), request(actual))
                        .matchedOk();
            }
            return ResponseMatching.responseMismatches(response(expected), response(actual))
                    .isEmpty();
        } catch (Exception | LinkageError e) {
            return false;
        }
    }

    private static au.com.dius.pact.core.model.IRequest request(Interaction i) {
        return i instanceof V4Interaction.SynchronousHttp h
                ? h.getRequest()
                : ((RequestResponseInteraction) i).getRequest();
    }

    private static au.com.dius.pact.core.model.IResponse response(Interaction i) {
        return i instanceof V4Interaction.SynchronousHttp h
                ? h.getResponse()
                : ((RequestResponseInteraction) i).getResponse();
    }
}
