package ai.openclaw.sdk.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** OpenAPI changes, one at a time, made to a copy of user-service's document. */
class ApiDiffTest {
    private final JsonNode v1 = ContractRegistry.load(SeedContractTest.contracts())
            .httpContract("user-service")
            .orElseThrow()
            .document();

    private ApiDiff change(Consumer<ObjectNode> edit) {
        ObjectNode v2 = v1.deepCopy();
        edit.accept(v2);
        return ApiDiff.between(v1, v2);
    }

    private static ObjectNode at(ObjectNode doc, String pointer) {
        return (ObjectNode) doc.at(pointer);
    }

    @Test
    void theSameDocumentHasNoChanges() {
        assertThat(ApiDiff.between(v1, v1).changes()).isEmpty();
    }

    @Test
    void aRemovedPathOrOperationBreaks() {
        ApiDiff path = change(d -> at(d, "/paths").remove("/auth/refresh"));
        assertThat(path.breakingChanges()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo("path-removed");
            assertThat(c.operation()).isEqualTo("/auth/refresh");
        });
        ApiDiff added = change(d -> at(d, "/paths/~1users~1{id}").set("delete", v1.at("/paths/~1auth~1refresh/post")));
        assertThat(added.changes()).extracting(ApiChange::kind).containsExactly("operation-added");
        assertThat(added.isBreaking()).isFalse();
    }

    @Test
    void aNewRequiredParameterBreaksAnOptionalOneDoesNot() {
        ApiDiff required = change(d -> ((ArrayNode) d.at("/paths/~1users~1{id}/get/parameters"))
                .addObject()
                .put("name", "tenant")
                .put("in", "query")
                .put("required", true)
                .putObject("schema")
                .put("type", "string"));
        assertThat(required.breakingChanges()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo("parameter-added-required");
            assertThat(c.operation()).isEqualTo("GET /users/{id}");
            assertThat(c.detail()).isEqualTo("query:tenant");
        });
        ApiDiff became =
                change(d -> at(d, "/paths/~1users~1{id}/get/parameters/0").put("required", true));
        assertThat(became.breakingChanges()).extracting(ApiChange::kind).containsExactly("parameter-became-required");
    }

    @Test
    void requestBodies() {
        ApiDiff optional = change(d -> at(d, "/components/schemas/NewUser/properties")
                .putObject("locale")
                .put("type", "string"));
        assertThat(optional.changes()).singleElement().satisfies(c -> {
            assertThat(c.breaking()).isFalse();
            assertThat(c.kind()).isEqualTo("request-body/optional-property-added"); // NewUser is an open model
        });
        ApiDiff required = change(d -> {
            at(d, "/components/schemas/NewUser/properties").putObject("locale").put("type", "string");
            ((ArrayNode) d.at("/components/schemas/NewUser/required")).add("locale");
        });
        assertThat(required.breakingChanges())
                .extracting(ApiChange::kind)
                .containsExactly("request-body/required-property-added");
        ApiDiff enumValue =
                change(d -> ((ArrayNode) d.at("/components/schemas/NewUser/properties/role/enum")).remove(1));
        assertThat(enumValue.breakingChanges()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo("request-body/enum-narrowed");
            assertThat(c.path())
                    .isEqualTo("/paths/~1users/post/requestBody/content/application~1json/schema/properties/role/enum");
        });
        ApiDiff narrowed = change(d -> at(
                        d,
                        "/paths/~1auth~1login/post/requestBody/content/application~1json/schema"
                                + "/properties/password")
                .put("minLength", 12));
        assertThat(narrowed.breakingChanges())
                .extracting(ApiChange::kind)
                .containsExactly("request-body/constraint-tightened");
    }

    @Test
    void responseBodies() {
        ApiDiff removed = change(d -> {
            at(d, "/components/schemas/User/properties").remove("nickname");
        });
        // User is the body of two responses: POST /users 201 and GET /users/{id} 200
        assertThat(removed.breakingChanges())
                .extracting(ApiChange::operation, ApiChange::kind, ApiChange::detail)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "POST /users", "response-body/property-removed-from-open-content-model", "nickname"),
                        org.assertj.core.groups.Tuple.tuple(
                                "GET /users/{id}",
                                "response-body/property-removed-from-open-content-model",
                                "nickname"));
        ApiDiff typeChanged =
                change(d -> at(d, "/components/schemas/User/properties/name").put("type", "integer"));
        assertThat(typeChanged.breakingChanges()).extracting(ApiChange::kind).contains("response-body/type-changed");
        ApiDiff added = change(d ->
                at(d, "/components/schemas/User/properties").putObject("avatar").put("type", "string"));
        assertThat(added.isBreaking()).isFalse();
        assertThat(added.changes())
                .extracting(ApiChange::kind)
                .containsOnly("response-body/property-added-to-open-content-model");
    }

    @Test
    void responsesAndMediaTypes() {
        ApiDiff success =
                change(d -> at(d, "/paths/~1users~1{id}/get/responses").remove("200"));
        assertThat(success.breakingChanges()).extracting(ApiChange::kind).containsExactly("success-response-removed");
        ApiDiff error = change(d -> at(d, "/paths/~1users~1{id}/get/responses").remove("404"));
        assertThat(error.isBreaking()).isFalse();
        ApiDiff media = change(d -> at(d, "/paths/~1users/post/requestBody/content")
                .set("application/xml", d.at("/paths/~1users/post/requestBody/content/application~1json")));
        assertThat(media.changes()).extracting(ApiChange::kind).containsExactly("request-media-type-added");
        ApiDiff mediaGone =
                change(d -> at(d, "/paths/~1users/post/requestBody/content").remove("application/json"));
        assertThat(mediaGone.breakingChanges())
                .extracting(ApiChange::kind)
                .containsExactly("request-media-type-removed");
    }

    @Test
    void renamingAPathVariableIsNotAChange() {
        ApiDiff renamed = change(d -> {
            JsonNode item = d.at("/paths/~1users~1{id}");
            at(d, "/paths").remove("/users/{id}");
            ObjectNode moved = at(d, "/paths").set("/users/{userId}", item);
            at(moved, "/~1users~1{userId}/parameters/0").put("name", "userId");
        });
        assertThat(renamed.changes()).isEmpty();
    }
}
