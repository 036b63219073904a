package ai.openclaw.sdk.testing.pact;

import static ai.openclaw.sdk.testing.pact.PactMatchers.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every V4 pact written conforms to the Pact V4 schema; documents that break it are refused, naming the place. */
class PactSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final PactDirectory directory = new PactDirectory();

    private Path pacts;

    @BeforeEach
    void pactDir() {
        pacts = directory.path();
    }

    /** Every matcher the DSL offers, in an HTTP interaction (request and response) and in a message. */
    private static Map<String, Object> everyMatcher() {
        return Map.ofEntries(
                Map.entry("like", like("Ada")),
                Map.entry("equalTo", equalTo("fixed")),
                Map.entry("regex", regex("^u-[0-9]+$", "u-1")),
                Map.entry("integer", integer(42)),
                Map.entry("decimal", decimal(4.2)),
                Map.entry("number", number(7)),
                Map.entry("bool", bool(true)),
                Map.entry("date", date("yyyy-MM-dd", "2026-11-22")),
                Map.entry("time", time("HH:mm:ss", "10:00:00")),
                Map.entry("datetime", datetime("yyyy-MM-dd'T'HH:mm:ssX", "2026-11-22T10:00:00Z")),
                Map.entry("includes", includes("example")),
                Map.entry("nullValue", nullValue()),
                Map.entry("eachLike", eachLike(Map.of("id", like("s-1")), 1, 5)),
                Map.entry("arrayContaining", arrayContaining(Map.of("kind", equalTo("trial")), like("x"))),
                Map.entry("eachKey", eachKey(regex("^[a-z]+$", "a"), Map.of("a", 1))),
                Map.entry("eachValue", eachValue(integer(1), Map.of("a", 1))));
    }

    @Test
    void everyPactWrittenConformsToTheV4Schema() throws Exception {
        ConsumerPact pact = ConsumerPact.between("billing-service", "user-service")
                .given("user u-1 exists", Map.of("id", "u-1"))
                .uponReceiving(
                        "everything over HTTP",
                        PactRequest.post("/users/u-1/things")
                                .query("expand", like("all"))
                                .header("X-Request-Id", regex("^[a-f0-9-]+$", "0a1b-2c3d"))
                                .body(Map.of("name", like("thing"))),
                        PactResponse.status(201)
                                .header("Content-Type", regex("application/json.*", "application/json"))
                                .body(everyMatcher()))
                .expectsToReceive("everything as an event", "user.created", "1.0", everyMatcher())
                .build();
        pact.runMessage("everything as an event", JsonNode.class, (event, meta) -> {});
        try (MockProvider users = MockProvider.start(pact)) {
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(users.baseUrl() + "/users/u-1/things?expand=all"))
                                    .header("X-Request-Id", "0a1b-2c3d")
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"thing\"}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            Path file = users.verify();
            assertThat(PactSchema.v4().problems(file)).isEmpty();
            JsonNode written = JSON.readTree(file.toFile());
            assertThat(written.at("/interactions/0/contents/contentTypeHint").asText())
                    .isEqualTo("TEXT");
            assertThat(written.toString())
                    .contains("\"match\":\"eachKey\"", "\"match\":\"arrayContains\"", "\"match\":\"time\"");
        }
    }

    private static ObjectNode valid() throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"consumer":{"name":"billing-service"},"provider":{"name":"user-service"},
                 "interactions":[{"type":"Synchronous/HTTP","description":"a user","key":"k",
                   "request":{"method":"GET","path":"/users/u-1"},
                   "response":{"status":200,
                     "body":{"content":{"id":"u-1"},"contentType":"application/json","encoded":false},
                     "matchingRules":{"body":{"$.id":{"combine":"AND","matchers":[{"match":"regex","regex":"u-.*"}]}}}}}],
                 "metadata":{"pactSpecification":{"version":"4.0"}}}
                """);
    }

    @Test
    void documentsBreakingTheShapeAreRefusedNamingThePlace() throws Exception {
        assertThat(PactSchema.v4().problems(valid())).isEmpty();

        ObjectNode noName = valid();
        ((ObjectNode) noName.get("consumer")).remove("name");
        assertThat(PactSchema.v4().problems(noName))
                .anySatisfy(p -> assertThat(p).startsWith("/consumer: ").contains("name"));

        ObjectNode badStatus = valid();
        ((ObjectNode) badStatus.at("/interactions/0/response")).put("status", 600);
        assertThat(PactSchema.v4().problems(badStatus))
                .anySatisfy(p -> assertThat(p).startsWith("/interactions/0/response/status: "));

        ObjectNode unknownType = valid();
        ((ObjectNode) unknownType.at("/interactions/0")).put("type", "Asynchronous/Carrier-Pigeon");
        assertThat(PactSchema.v4().problems(unknownType))
                .anySatisfy(p -> assertThat(p).startsWith("/interactions/0/type: "));

        ObjectNode regexWithout = valid();
        ((ObjectNode) regexWithout.at("/interactions/0/response/matchingRules/body/$.id/matchers/0")).remove("regex");
        assertThat(PactSchema.v4().problems(regexWithout)).anySatisfy(p -> assertThat(p)
                .startsWith("/interactions/0/response/matchingRules/body/$.id/matchers/0: ")
                .contains("regex"));

        ObjectNode bodyWithoutType = valid();
        ((ObjectNode) bodyWithoutType.at("/interactions/0/response/body")).remove("contentType");
        assertThat(PactSchema.v4().problems(bodyWithoutType)).anySatisfy(p -> assertThat(p)
                .startsWith("/interactions/0/response/body: ")
                .contains("contentType"));

        ObjectNode oldVersion = valid();
        ((ObjectNode) oldVersion.at("/metadata/pactSpecification")).put("version", "3.0.0");
        assertThat(PactSchema.v4().problems(oldVersion))
                .anySatisfy(p -> assertThat(p).startsWith("/metadata/pactSpecification/version: "));
    }

    @Test
    void aFileThatIsNotJsonIsOneProblem() throws Exception {
        Path file = Files.writeString(pacts.resolve("broken.json"), "{\"consumer\":");
        List<String> problems = PactSchema.v4().problems(file);
        assertThat(problems).singleElement().asString().contains("is not JSON");
    }

    @Test
    void aPactThatWouldNotConformIsNeverWritten() throws Exception {
        // the DSL refuses such values (PactResponse.status(700) throws); this is the net beneath it
        ObjectNode interaction = (ObjectNode) valid().at("/interactions/0");
        ((ObjectNode) interaction.get("response")).put("status", 700);
        assertThatThrownBy(() ->
                        PactFiles.write(pacts, "billing-service", "user-service", List.of(interaction), PactVersion.V4))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("would not conform to Pact V4")
                .hasMessageContaining("/interactions/0/response/status");
        assertThat(pacts.resolve("billing-service-user-service.json")).doesNotExist();
    }

    @Test
    void pactFilesAreReadableByOthersAsAnyNewFileIs() throws Exception {
        ObjectNode interaction = (ObjectNode) valid().at("/interactions/0");
        Path written = PactFiles.write(pacts, "billing-service", "user-service", List.of(interaction), PactVersion.V4);
        java.nio.file.attribute.PosixFileAttributeView posix =
                java.nio.file.Files.getFileAttributeView(written, java.nio.file.attribute.PosixFileAttributeView.class);
        org.junit.jupiter.api.Assumptions.assumeTrue(posix != null, "a POSIX file system");
        Path plain = java.nio.file.Files.writeString(pacts.resolve("plain.txt"), "x");
        assertThat(java.nio.file.Files.getPosixFilePermissions(written))
                .as("the permissions a new file gets here (the umask's), not owner-only")
                .isEqualTo(java.nio.file.Files.getPosixFilePermissions(plain));
        try (var listing = java.nio.file.Files.list(pacts)) {
            assertThat(listing.map(x -> x.getFileName().toString()))
                    .as("no temporary file left")
                    .noneMatch(n -> n.endsWith(".tmp"));
        }
    }
}
