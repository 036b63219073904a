package ai.openclaw.sdk.contract;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.sdk.Finding;
import ai.openclaw.sdk.Validation;
import ai.openclaw.sdk.catalog.HttpMethod;
import ai.openclaw.sdk.internal.source.SourceDocument;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenAPI validation corner cases (src/test/resources/openapi-corners): parameter serialisation, readOnly and
 * writeOnly, server base paths, path items by reference, templates with literals, response headers, discriminators,
 * integer formats and documents the specification forbids. Each case states the verdict the specification requires.
 */
class OpenApiCornerCasesTest {
    @TempDir
    Path dir;

    private static JsonNode yaml(String resource) throws Exception {
        try (InputStream in = OpenApiCornerCasesTest.class.getResourceAsStream("/openapi-corners/" + resource)) {
            return SourceDocument.parseYaml(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .root();
        }
    }

    @Test
    void theSuiteHasAtLeastSixtyCases() throws Exception {
        assertThat(yaml("cases.yaml").size()).isGreaterThanOrEqualTo(60);
    }

    @TestFactory
    Stream<DynamicTest> cases() throws Exception {
        JsonNode documents = yaml("documents.yaml");
        JsonNode cases = yaml("cases.yaml");
        Map<String, Validation<ContractFile>> loaded = new LinkedHashMap<>();
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : cases) {
            String name = c.path("name").asText() + " [" + c.path("document").asText() + "]";
            tests.add(DynamicTest.dynamicTest(name, () -> {
                String docName = c.path("document").asText();
                Validation<ContractFile> v = loaded.computeIfAbsent(docName, d -> load(d, documents.path(d)));
                if (c.has("load")) {
                    assertThat(c.get("load").asText().equals("error") ? v.errors() : v.warnings())
                            .as("%s: %s", name, c.path("spec").asText())
                            .extracting(Finding::yamlPath)
                            .contains(c.path("pointer").asText());
                    return;
                }
                assertThat(v.findings()).as("the document %s loads", docName).isEmpty();
                HttpContract contract = ((ContractFile.OpenApi) v.resultOrThrow()).contract();
                List<ContractViolation> violations = run(contract, c);
                String why = name + ": " + c.path("spec").asText() + " -> " + violations;
                if (c.path("valid").asBoolean()) {
                    assertThat(violations).as(why).isEmpty();
                } else {
                    assertThat(violations).as(why).isNotEmpty();
                    assertThat(violations).as(why).anySatisfy(x -> {
                        assertThat(x.pointer()).isEqualTo(c.path("pointer").asText());
                        assertThat(x.rule()).isEqualTo(c.path("rule").asText());
                    });
                }
            }));
        }
        return tests.stream();
    }

    private static List<ContractViolation> run(HttpContract contract, JsonNode c) {
        boolean request = c.has("request");
        JsonNode r = request ? c.get("request") : c.get("response");
        HttpMethod method = HttpMethod.parse(r.path("method").asText()).orElseThrow();
        String path = r.path("path").asText();
        Map<String, String> headers = new LinkedHashMap<>();
        r.path("headers")
                .properties()
                .forEach(e -> headers.put(e.getKey(), e.getValue().asText()));
        String contentType = r.has("contentType") ? r.get("contentType").asText() : null;
        JsonNode body = r.get("body");
        if (request) {
            return contract.validateRequest(method, path, headers, contentType, body);
        }
        return contract.validateResponse(method, path, r.path("status").asInt(), headers, contentType, body);
    }

    /** A document of documents.yaml, as a contract file: one file, or several with {@code files} and {@code main}. */
    private Validation<ContractFile> load(String name, JsonNode document) {
        try {
            Path folder = Files.createDirectories(dir.resolve(name));
            if (document.has("files")) {
                for (Map.Entry<String, JsonNode> f : document.get("files").properties()) {
                    Files.writeString(folder.resolve(f.getKey()), f.getValue().toString());
                }
                return ContractLoader.defaults()
                        .read(folder.resolve(document.path("main").asText()));
            }
            Path file = folder.resolve(name + ".openapi.json");
            Files.writeString(file, document.toString());
            return ContractLoader.defaults().read(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
