package ai.openclaw.sdk.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.sdk.Finding;
import ai.openclaw.sdk.Severity;
import ai.openclaw.sdk.Validation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each JSON Schema dialect read by its {@code $schema}, draft-07 without one: one rule per dialect where the drafts
 * differ, as each draft's validation specification states it.
 */
class SchemaDialectsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static boolean valid(String schema, String instance) {
        return EventContract.of("t.e", ContractVersion.parse("1.0"), json(schema))
                .validate(json(instance))
                .isEmpty();
    }

    @Test
    void draft04MakesMinimumExclusiveWithABoolean() {
        // draft-04 validation 5.1.3: exclusiveMinimum is a boolean that makes minimum exclusive
        String schema = "{\"$schema\":\"http://json-schema.org/draft-04/schema#\",\"type\":\"number\","
                + "\"minimum\":5,\"exclusiveMinimum\":true}";
        assertThat(valid(schema, "5")).isFalse();
        assertThat(valid(schema, "5.5")).isTrue();
    }

    @Test
    void draft06HasANumericExclusiveMinimumAndConst() {
        String schema = "{\"$schema\":\"http://json-schema.org/draft-06/schema#\",\"type\":\"object\","
                + "\"properties\":{\"n\":{\"exclusiveMinimum\":5},\"kind\":{\"const\":\"a\"}}}";
        assertThat(valid(schema, "{\"n\":5}")).isFalse();
        assertThat(valid(schema, "{\"n\":6,\"kind\":\"a\"}")).isTrue();
        assertThat(valid(schema, "{\"kind\":\"b\"}")).isFalse();
    }

    @Test
    void draft07TakesAnArrayOfItemsAsATuple() {
        // draft-07 validation 6.4.1/6.4.2: items as an array validates by position; additionalItems the rest
        String schema = "{\"$schema\":\"http://json-schema.org/draft-07/schema#\",\"type\":\"array\","
                + "\"items\":[{\"type\":\"string\"},{\"type\":\"integer\"}],\"additionalItems\":false}";
        assertThat(valid(schema, "[\"a\",1]")).isTrue();
        assertThat(valid(schema, "[\"a\",\"b\"]")).isFalse();
        assertThat(valid(schema, "[\"a\",1,2]")).isFalse();
    }

    @Test
    void draft201909HasDependentRequired() {
        String schema = "{\"$schema\":\"https://json-schema.org/draft/2019-09/schema\",\"type\":\"object\","
                + "\"dependentRequired\":{\"card\":[\"billingAddress\"]}}";
        assertThat(valid(schema, "{\"card\":1}")).isFalse();
        assertThat(valid(schema, "{\"card\":1,\"billingAddress\":\"x\"}")).isTrue();
    }

    @Test
    void draft202012HasPrefixItems() {
        String schema = "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"type\":\"array\","
                + "\"prefixItems\":[{\"type\":\"string\"}],\"items\":false}";
        assertThat(valid(schema, "[\"a\"]")).isTrue();
        assertThat(valid(schema, "[\"a\",1]")).isFalse();
    }

    @Test
    void withoutSchemaADocumentIsReadAsDraft07() {
        String schema = "{\"type\":\"array\",\"items\":[{\"type\":\"string\"}],\"additionalItems\":false}";
        assertThat(valid(schema, "[\"a\"]")).isTrue();
        assertThat(valid(schema, "[\"a\",\"b\"]")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://json-schema.org/draft-07/schema#",
                "http://json-schema.org/draft-07/schema",
                "https://json-schema.org/draft-07/schema#",
                "https://json-schema.org/draft/2020-12/schema#",
                "http://json-schema.org/draft-04/schema"
            })
    void theUsualSpellingsOfADialectAreUnderstood(String dialect) throws IOException {
        Path file = dir.resolve("events/t.e/1.0.schema.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"$schema\":\"" + dialect + "\",\"type\":\"object\"}");
        Validation<ContractRegistry> v = ContractLoader.defaults().validate(dir);
        assertThat(v.findings()).isEmpty();
        assertThat(v.result()).isPresent();
    }

    @Test
    void aDraft07SchemaWithoutSchemaLoadsFromAFile() throws IOException {
        Path file = dir.resolve("events/t.e/1.0.schema.json");
        Files.createDirectories(file.getParent());
        Files.writeString(
                file,
                "{\n  \"type\": \"object\",\n  \"definitions\": {\"id\": {\"type\": \"string\"}},\n"
                        + "  \"properties\": {\"tags\": {\"type\": \"array\", \"items\": [{\"$ref\": \"#/definitions/id\"}],"
                        + " \"additionalItems\": false}}\n}\n");
        Validation<ContractRegistry> v = ContractLoader.defaults().validate(dir);
        assertThat(v.findings()).isEmpty();
        assertThat(v.result().orElseThrow().validateEvent("t.e", ContractVersion.parse("1.0"), json("{\"tags\":[1]}")))
                .isNotEmpty();
    }

    @Test
    void aLaterKeywordInADocumentWithoutSchemaIsAWarningAtItsPlace() throws IOException {
        Path file = dir.resolve("events/t.e/1.0.schema.json");
        Files.createDirectories(file.getParent());
        Files.writeString(
                file,
                "{\n  \"type\": \"object\",\n  \"properties\": {\n    \"prefixItems\": {\"type\": \"string\"},\n"
                        + "    \"tags\": {\"type\": \"array\", \"prefixItems\": [{\"type\": \"string\"}]}\n  }\n}\n");
        Validation<ContractRegistry> v = ContractLoader.defaults().validate(dir);
        // a property named prefixItems is a name, not the keyword: one warning, for the keyword
        assertThat(v.findings()).hasSize(1);
        Finding f = v.findings().get(0);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.code()).isEqualTo("schema-dialect");
        assertThat(f.yamlPath()).isEqualTo("/properties/tags/prefixItems");
        assertThat(f.message()).contains("draft-07").contains("2020-12");
        assertThat(f.location().orElseThrow().line()).isEqualTo(5);
    }

    @Test
    void theDiffReadsTuplesAsTheDeclaredDialectDoes() {
        // draft-07: prefixItems means nothing, the items array is the tuple
        String d7 = "{\"$schema\":\"http://json-schema.org/draft-07/schema#\",\"type\":\"array\","
                + "\"prefixItems\":[{\"type\":\"integer\"}],\"items\":[{\"type\":\"string\"}%s],"
                + "\"additionalItems\":false}";
        SchemaDiff d7diff = SchemaDiff.between(json(String.format(d7, "")), json(String.format(d7, ",{}")));
        assertThat(d7diff.changes())
                .extracting(SchemaChange::kind)
                .containsExactly(ChangeKind.ITEM_ADDED_TO_CLOSED_CONTENT_MODEL);
        assertThat(d7diff.changes().get(0).path()).isEqualTo("/items/1");
        // 2020-12: additionalItems means nothing, items after prefixItems is the rest
        String d2020 = "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"type\":\"array\","
                + "\"prefixItems\":[{\"type\":\"string\"}],\"items\":%s,\"additionalItems\":%s}";
        SchemaDiff d2020diff = SchemaDiff.between(
                json(String.format(d2020, "true", "false")), json(String.format(d2020, "true", "true")));
        assertThat(d2020diff.isEmpty()).isTrue();
        assertThat(SchemaDiff.between(
                                json(String.format(d2020, "true", "true")), json(String.format(d2020, "false", "true")))
                        .isCompatible(CompatibilityMode.BACKWARD))
                .isFalse();
    }

    @Test
    void anUnknownDialectIsAnErrorAtSchema() throws IOException {
        Path file = dir.resolve("events/t.e/1.0.schema.json");
        Files.createDirectories(file.getParent());
        Files.writeString(
                file, "{\n  \"$schema\": \"http://json-schema.org/draft-03/schema#\",\n  \"type\": \"object\"\n}\n");
        Validation<ContractRegistry> v = ContractLoader.defaults().validate(dir);
        assertThat(v.errors()).hasSize(1);
        Finding f = v.errors().get(0);
        assertThat(f.code()).isEqualTo("schema-dialect");
        assertThat(f.yamlPath()).isEqualTo("/$schema");
        assertThat(f.message()).contains("draft-03").contains("draft-04, draft-06, draft-07, 2019-09, 2020-12");
        assertThat(f.location().orElseThrow().line()).isEqualTo(2);
        assertThatThrownBy(() -> EventContract.of(
                        "t.e", ContractVersion.parse("1.0"), json("{\"$schema\":\"http://example.com/mine\"}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not know");
    }
}
