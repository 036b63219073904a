package ai.openclaw.sdk.contract;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.sdk.Finding;
import ai.openclaw.sdk.SourceLocation;
import ai.openclaw.sdk.Validation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed schemas and OpenAPI documents: errors with file and location, never a stack trace. */
class MalformedContractsTest {
    @TempDir
    Path dir;

    private Path write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private Finding only(Validation<ContractRegistry> v) {
        assertThat(v.findings()).hasSize(1);
        assertThat(v.result()).isEmpty();
        return v.findings().get(0);
    }

    @Test
    void aSchemaWithAnUnknownType() throws IOException {
        Path file = write(
                "events/order.placed/1.0.schema.json",
                "{\n  \"type\": \"object\",\n  \"properties\": {\n"
                        + "    \"total\": { \"type\": \"numbr\" }\n  }\n}\n");
        Finding f = only(ContractLoader.defaults().validate(dir));
        assertThat(f.code()).isEqualTo("invalid-schema");
        assertThat(f.yamlPath()).isEqualTo("/properties/total/type");
        assertThat(f.location()).contains(new SourceLocation(file.toString(), 4, 24));
    }

    @Test
    void aSchemaThatIsNotJson() throws IOException {
        Path file = write("events/order.placed/1.0.json", "{\n  \"type\": \"object\",\n  \"required\": [\"a\",]\n}\n");
        Finding f = only(ContractLoader.defaults().validate(dir));
        assertThat(f.code()).isEqualTo("syntax");
        assertThat(f.location().orElseThrow().file()).isEqualTo(file.toString());
        assertThat(f.location().orElseThrow().line()).isEqualTo(3);
    }

    @Test
    void aFileNotNamedAfterItsVersion() throws IOException {
        write("events/order.placed/latest.json", "{}");
        Finding f = only(ContractLoader.defaults().validate(dir));
        assertThat(f.code()).isEqualTo("invalid-file-name");
        assertThat(f.message()).contains("MAJOR.MINOR");
    }

    @Test
    void aVersionDefinedTwice() throws IOException {
        write("events/order.placed/1.0.json", "{}");
        write("events/order.placed/1.0.schema.yaml", "type: object\n");
        assertThat(only(ContractLoader.defaults().validate(dir)).code()).isEqualTo("duplicate-contract");
    }

    @Test
    void aSwaggerDocument() throws IOException {
        Path file = write("http/legacy-service.yaml", "swagger: \"2.0\"\ninfo:\n  version: \"1\"\npaths: {}\n");
        Finding f = only(ContractLoader.defaults().validate(dir));
        assertThat(f.code()).isEqualTo("invalid-openapi");
        assertThat(f.message()).contains("Swagger 2.0 is not supported");
        assertThat(f.location()).contains(new SourceLocation(file.toString(), 1, 1));
    }

    @Test
    void anUnresolvedReference() throws IOException {
        Path file = write(
                "http/user-service.openapi.yaml",
                "openapi: 3.1.0\ninfo:\n  version: '1'\npaths:\n  /users:\n    get:\n      responses:\n"
                        + "        '200':\n          description: ok\n          content:\n            application/json:\n"
                        + "              schema:\n                $ref: '#/components/schemas/Missing'\n");
        Finding f = only(ContractLoader.defaults().validate(dir));
        assertThat(f.code()).isEqualTo("unresolved-ref");
        assertThat(f.location()).contains(new SourceLocation(file.toString(), 13, 23));
        assertThat(f.yamlPath()).isEqualTo("/paths/~1users/get/responses/200/content/application~1json/schema/$ref");
    }

    @Test
    void referencesToOtherContractFilesResolveAndNothingElse() throws IOException {
        write(
                "http/common/user.yaml",
                "User:\n  type: object\n  required: [id]\n  properties:\n    id: {type: string}\n");
        write(
                "http/user-service.yaml",
                "openapi: 3.1.0\ninfo:\n  version: '1'\npaths:\n  /users/{id}:\n    get:\n"
                        + "      parameters: [{name: id, in: path, required: true, schema: {type: string}}]\n"
                        + "      responses:\n"
                        + "        '200':\n          description: ok\n          content:\n            application/json:\n"
                        + "              schema:\n                $ref: 'common/user.yaml#/User'\n");
        Validation<ContractRegistry> v = ContractLoader.defaults().validate(dir);
        assertThat(v.findings()).isEmpty();
        HttpContract users = v.resultOrThrow().httpContract("user-service").orElseThrow();
        assertThat(users.validateResponse(
                        ai.openclaw.sdk.catalog.HttpMethod.GET,
                        "/users/1",
                        200,
                        "application/json",
                        SeedContractTest.json("{}")))
                .singleElement()
                .satisfies(violation -> assertThat(violation.pointer()).isEqualTo("/id"));

        write(
                "http/evil-service.yaml",
                "openapi: 3.1.0\ninfo:\n  version: '1'\npaths:\n  /x:\n    get:\n      responses:\n"
                        + "        '200':\n          $ref: 'https://example.com/responses.yaml#/Ok'\n");
        Finding f = only(ContractLoader.defaults().validate(dir));
        assertThat(f.code()).isEqualTo("unresolved-ref");
        assertThat(f.message()).contains("references may only reach files under the contracts directory");
    }

    @Test
    void aMissingDirectory() {
        Finding f = only(ContractLoader.defaults().validate(dir.resolve("nope")));
        assertThat(f.code()).isEqualTo("unreadable-file");
    }
}
