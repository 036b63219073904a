package ai.openclaw.sdk.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.sdk.internal.source.SourceDocument;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI diff's rules, one per test, each written from what a client of the old document sees when the new one is
 * served: security, response headers, readOnly and writeOnly, bounds in OpenAPI 3.0, discriminators, parameter
 * serialisation, rewrites that validate the same documents, and the direction of response-side labels.
 */
class ApiDiffRulesTest {
    private static JsonNode yaml(String text) {
        try {
            return SourceDocument.parseYaml("test.yaml", text).root();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A document with one operation, GET /items, whose parts are given as YAML fragments. */
    private static JsonNode doc(String operation, String components) {
        return yaml("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /items:\n    get:\n"
                + indent(operation, 6) + "components:\n" + indent(components, 2));
    }

    private static String indent(String text, int spaces) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n")) {
            out.append(" ".repeat(spaces)).append(line).append('\n');
        }
        return out.toString();
    }

    private static final String OK = "responses:\n  '200': {description: ok}\n";

    private static final String SCHEMES = "securitySchemes:\n"
            + "  key: {type: apiKey, in: header, name: X-Key}\n"
            + "  bearer: {type: http, scheme: bearer}\n"
            + "  oauth:\n"
            + "    type: oauth2\n"
            + "    flows:\n"
            + "      clientCredentials:\n"
            + "        tokenUrl: https://auth.example.com/token\n"
            + "        scopes: {read: read, write: write}\n";

    private static ApiDiff security(String oldSecurity, String newSecurity) {
        return ApiDiff.between(doc(oldSecurity + OK, SCHEMES), doc(newSecurity + OK, SCHEMES));
    }

    @Test
    void aSchemeAddedToARequirementBreaks() {
        ApiDiff d = security("security: [{key: []}]\n", "security: [{key: [], bearer: []}]\n");
        assertThat(d.changes())
                .extracting(ApiChange::kind, ApiChange::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("security-scheme-added", "key now needs bearer"));
        assertThat(d.isBreaking()).isTrue();
    }

    @Test
    void aRemovedAlternativeBreaksAnAddedOneDoesNot() {
        assertThat(security("security: [{key: []}, {bearer: []}]\n", "security: [{key: []}]\n")
                        .breakingChanges())
                .extracting(ApiChange::detail)
                .containsExactly("bearer");
        ApiDiff added = security("security: [{key: []}]\n", "security: [{key: []}, {bearer: []}]\n");
        assertThat(added.isBreaking()).isFalse();
        assertThat(added.changes()).extracting(ApiChange::kind).containsExactly("security-alternative-added");
    }

    @Test
    void securityOnAnAnonymousOperationBreaks() {
        assertThat(security("", "security: [{bearer: []}]\n").breakingChanges())
                .extracting(ApiChange::kind)
                .containsExactly("security-added");
        assertThat(security("security: [{bearer: []}]\n", "").isBreaking()).isFalse();
    }

    @Test
    void aScopeAddedBreaks() {
        assertThat(security("security: [{oauth: [read]}]\n", "security: [{oauth: [read, write]}]\n")
                        .changes())
                .extracting(ApiChange::kind, ApiChange::detail, ApiChange::breaking)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "security-scope-added", "oauth[\"read\"] now needs oauth:write", true));
        assertThat(security("security: [{oauth: [read, write]}]\n", "security: [{oauth: [read]}]\n")
                        .isBreaking())
                .isFalse();
    }

    @Test
    void aSchemeWhoseTypeOrKeyPlaceChangesBreaks() {
        JsonNode v1 = doc("security: [{key: []}]\n" + OK, SCHEMES);
        JsonNode moved = doc("security: [{key: []}]\n" + OK, SCHEMES.replace("in: header", "in: query"));
        assertThat(ApiDiff.between(v1, moved).breakingChanges()).anySatisfy(c -> {
            assertThat(c.kind()).isEqualTo("security-scheme-changed");
            assertThat(c.detail()).isEqualTo("key: in header -> query");
        });
        JsonNode retyped = doc(
                "security: [{key: []}]\n" + OK,
                SCHEMES.replace("key: {type: apiKey, in: header, name: X-Key}", "key: {type: http, scheme: basic}"));
        assertThat(ApiDiff.between(v1, retyped).breakingChanges())
                .extracting(ApiChange::detail)
                .contains("key: type apiKey -> http");
    }

    @Test
    void aSchemeNoLongerOfferingAScopeBreaksOnlyOperationsThatAskForIt() {
        String readOnly = SCHEMES.replace("scopes: {read: read, write: write}", "scopes: {read: read}");
        JsonNode asksForRead = doc("security: [{oauth: [read]}]\n" + OK, SCHEMES);
        assertThat(ApiDiff.between(asksForRead, doc("security: [{oauth: [read]}]\n" + OK, readOnly))
                        .changes())
                .as("write was never asked for here")
                .isEmpty();
        JsonNode asksForWrite = doc("security: [{oauth: [write]}]\n" + OK, SCHEMES);
        assertThat(ApiDiff.between(asksForWrite, doc("security: [{oauth: [write]}]\n" + OK, readOnly))
                        .breakingChanges())
                .extracting(ApiChange::kind, ApiChange::detail)
                .contains(org.assertj.core.groups.Tuple.tuple(
                        "security-scheme-changed", "oauth: flow clientCredentials scope write removed"));
    }

    @Test
    void undefinedSchemesAreRefusedWithTheirPlace() {
        assertThatThrownBy(() -> ApiDiff.between(doc(OK, SCHEMES), doc("security: [{nope: []}]\n" + OK, SCHEMES)))
                .isInstanceOf(ContractException.class)
                .hasMessageStartingWith("the contract set has 1 error:")
                .hasMessageContaining("/paths/~1items/get/security/0/nope")
                .hasMessageContaining("security scheme 'nope' is not defined");
    }

    private static String headers(String headers) {
        return "responses:\n  '200':\n    description: ok\n    headers:\n" + indent(headers, 6);
    }

    /** /items with a GET described by the given YAML lines and a POST that stays; /other stays too. */
    private static JsonNode withGet(String getLines) {
        return yaml("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /other:\n    get:\n"
                + indent(OK, 6) + "  /items:\n    post:\n" + indent(OK, 6)
                + (getLines == null ? "" : "    get:\n" + indent(getLines + OK, 6)));
    }

    @Test
    void anOperationMayGoOnceDeprecatedAndPastItsSunset() {
        JsonNode gone = withGet(null);
        assertThat(ApiDiff.between(withGet(""), gone).breakingChanges())
                .extracting(ApiChange::kind, ApiChange::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("operation-removed", ""));
        ApiDiff afterSunset = ApiDiff.between(withGet("deprecated: true\nx-sunset: '2001-08-10'\n"), gone);
        assertThat(afterSunset.isBreaking()).isFalse();
        assertThat(afterSunset.changes())
                .extracting(ApiChange::detail)
                .containsExactly("deprecated, x-sunset 2001-08-10 passed");
        assertThat(ApiDiff.between(withGet("deprecated: true\n"), gone).isBreaking())
                .as("deprecated with no sunset: clients were told")
                .isFalse();
        assertThat(ApiDiff.between(withGet("deprecated: true\nx-sunset: '9999-08-10'\n"), gone)
                        .breakingChanges())
                .extracting(ApiChange::detail)
                .containsExactly("removed before its x-sunset date 9999-08-10");
        assertThat(ApiDiff.between(withGet("deprecated: true\nx-sunset: soon\n"), gone)
                        .breakingChanges())
                .extracting(ApiChange::detail)
                .containsExactly("deprecated, but its x-sunset 'soon' is not a date (RFC 3339)");
        assertThat(ApiDiff.between(withGet("x-sunset: '2001-08-10'\n"), gone).isBreaking())
                .as("a sunset without deprecation announces nothing")
                .isTrue();
    }

    @Test
    void aPathMayGoOnlyWhenEveryOperationUnderItMay() {
        JsonNode before = yaml("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /other:\n    get:\n"
                + indent(OK, 6) + "  /items:\n"
                + "    get:\n" + indent("deprecated: true\nx-sunset: '2001-01-01'\n" + OK, 6)
                + "    post:\n" + indent("deprecated: true\nx-sunset: '9999-01-01'\n" + OK, 6));
        JsonNode after =
                yaml("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /other:\n    get:\n" + indent(OK, 6));
        assertThat(ApiDiff.between(before, after).breakingChanges())
                .extracting(ApiChange::kind, ApiChange::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "path-removed", "removed before its x-sunset date 9999-01-01"));
        assertThat(ApiDiff.between(
                                yaml("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /other:\n"
                                        + "    get:\n" + indent(OK, 6) + "  /items:\n    get:\n"
                                        + indent("deprecated: true\n" + OK, 6)),
                                after)
                        .isBreaking())
                .isFalse();
    }

    @Test
    void anOperationAtDraftOrAlphaStabilityPromisesNothing() {
        JsonNode alpha =
                withGet("x-stability-level: alpha\nparameters: [{name: q, in: query, schema: {type: string}}]\n");
        assertThat(ApiDiff.between(alpha, withGet(null)).isBreaking()).isFalse();
        ApiDiff changed = ApiDiff.between(
                alpha,
                withGet("x-stability-level: alpha\n"
                        + "parameters: [{name: q, in: query, required: true, schema: {type: string}}]\n"));
        assertThat(changed.isBreaking()).isFalse();
        assertThat(changed.changes())
                .extracting(ApiChange::kind, ApiChange::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "parameter-became-required", "query:q; x-stability-level alpha"));
        assertThat(ApiDiff.between(withGet("x-stability-level: beta\n"), withGet(null))
                        .isBreaking())
                .isTrue();
    }

    @Test
    void aDefaultResponseRemovedBreaksOnlyWhenNoSuccessIsLeft() {
        String withDefault = "responses:\n  '200': {description: ok}\n  default: {description: error}\n";
        ApiDiff catchAllGone = ApiDiff.between(doc(withDefault, "{}"), doc(OK, "{}"));
        assertThat(catchAllGone.isBreaking()).isFalse();
        assertThat(catchAllGone.changes()).extracting(ApiChange::kind).containsExactly("response-removed");
        ApiDiff answerGone = ApiDiff.between(
                doc("responses:\n  default: {description: any}\n  '400': {description: bad}\n", "{}"),
                doc("responses:\n  '400': {description: bad}\n", "{}"));
        assertThat(answerGone.breakingChanges())
                .extracting(ApiChange::kind)
                .containsExactly("success-response-removed");
    }

    @Test
    void responseHeaders() {
        JsonNode v1 = doc(
                headers("X-Rate: {required: true, schema: {type: integer}}\nX-Trace: {schema: {type: string}}"), "{}");
        assertThat(ApiDiff.between(v1, doc(headers("X-Trace: {schema: {type: string}}"), "{}"))
                        .breakingChanges())
                .extracting(ApiChange::kind, ApiChange::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("response-required-header-removed", "200 X-Rate"));
        ApiDiff optionalGone =
                ApiDiff.between(v1, doc(headers("X-Rate: {required: true, schema: {type: integer}}"), "{}"));
        assertThat(optionalGone.isBreaking())
                .as("read strictly, as an optional response property")
                .isTrue();
        assertThat(optionalGone.changes())
                .extracting(ApiChange::kind)
                .containsExactly("response-optional-header-removed");
        assertThat(ApiDiff.between(
                                v1,
                                doc(
                                        headers("X-Rate: {schema: {type: integer}}\nX-Trace: {schema: {type: string}}"),
                                        "{}"))
                        .breakingChanges())
                .extracting(ApiChange::kind)
                .containsExactly("response-header-became-optional");
        assertThat(ApiDiff.between(
                                v1,
                                doc(
                                        headers("X-Rate: {required: true, schema: {type: string}}\n"
                                                + "X-Trace: {schema: {type: string}}"),
                                        "{}"))
                        .breakingChanges())
                .extracting(ApiChange::kind)
                .contains("response-header/X-Rate/type-changed");
    }

    private static JsonNode body(String requestSchema, String responseSchema) {
        return yaml("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /items:\n    post:\n"
                + "      requestBody:\n        content:\n          application/json:\n            schema:\n"
                + indent(requestSchema, 14)
                + "      responses:\n        '200':\n          description: ok\n          content:\n"
                + "            application/json:\n              schema:\n" + indent(responseSchema, 16)
                + "components:\n  schemas:\n    Item:\n      type: object\n      properties:\n"
                + "        id: {type: string}\n");
    }

    private static final String ITEM = "type: object\nproperties:\n  id: {type: string}\n  name: {type: string}";

    @Test
    void aRequiredReadOnlyPropertyIsNoRequestRequirement() {
        String readOnlyId = ITEM.replace("id: {type: string}", "id: {type: string, readOnly: true}");
        ApiDiff d = ApiDiff.between(body(readOnlyId, ITEM), body(readOnlyId + "\nrequired: [id]", ITEM));
        assertThat(d.isBreaking()).as("%s", d.changes()).isFalse();
        ApiDiff became = ApiDiff.between(body(ITEM, ITEM), body(readOnlyId, ITEM));
        assertThat(became.breakingChanges())
                .as("what clients send is now ignored")
                .extracting(ApiChange::kind)
                .containsExactly("request-body/property-became-read-only");
        ApiDiff noLongerReadOnly = ApiDiff.between(
                body(
                        ITEM.replace("id: {type: string}", "id: {type: string, readOnly: true}") + "\nrequired: [id]",
                        ITEM),
                body(ITEM + "\nrequired: [id]", ITEM));
        assertThat(noLongerReadOnly.breakingChanges())
                .extracting(ApiChange::kind)
                .containsExactly("request-body/required-property-added");
    }

    @Test
    void aResponsePropertyMadeWriteOnlyBreaks() {
        ApiDiff d = ApiDiff.between(
                body(ITEM, ITEM),
                body(ITEM, ITEM.replace("name: {type: string}", "name: {type: string, writeOnly: true}")));
        assertThat(d.breakingChanges())
                .extracting(ApiChange::kind, ApiChange::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "response-body/property-removed-from-open-content-model", "name"));
    }

    @Test
    void openApi30BooleanExclusiveBoundsAreLimits() {
        String old = "type: integer\nminimum: 0";
        ApiDiff tightened = ApiDiff.between(body(old, old), body(old + "\nexclusiveMinimum: true", old));
        assertThat(tightened.breakingChanges())
                .extracting(ApiChange::kind)
                .containsExactly("request-body/constraint-tightened");
    }

    @Test
    void responseLabelsReadOldToNew() {
        String five = "type: string\nmaxLength: 5";
        String three = "type: string\nmaxLength: 3";
        ApiDiff d = ApiDiff.between(body(five, five), body(five, three));
        assertThat(d.changes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo("response-body/constraint-tightened");
            assertThat(c.detail()).isEqualTo("5 -> 3");
            assertThat(c.breaking()).as("old clients read shorter strings").isFalse();
        });
        ApiDiff relaxed = ApiDiff.between(body(five, three), body(five, five));
        assertThat(relaxed.breakingChanges()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo("response-body/constraint-relaxed");
            assertThat(c.detail()).isEqualTo("3 -> 5");
        });
    }

    @Test
    void rewritesThatValidateTheSameDocumentsAreNoChange() {
        String ref = "$ref: '#/components/schemas/Item'";
        String wrapped = "allOf:\n  - $ref: '#/components/schemas/Item'";
        assertThat(ApiDiff.between(body(ref, ref), body(wrapped, wrapped)).changes())
                .isEmpty();
        assertThat(ApiDiff.between(body(wrapped, wrapped), body(ref, ref)).changes())
                .isEmpty();
        String annotated = "allOf:\n  - $ref: '#/components/schemas/Item'\n  - description: an item";
        assertThat(ApiDiff.between(body(annotated, annotated), body(wrapped, wrapped))
                        .isBreaking())
                .isFalse();
    }

    @Test
    void int32WidenedToInt64BreaksResponsesOnly() {
        String i32 = "type: integer\nformat: int32";
        String i64 = "type: integer\nformat: int64";
        assertThat(ApiDiff.between(body(i32, i32), body(i64, i32)).isBreaking())
                .as("a request reader on int64 reads every int32")
                .isFalse();
        assertThat(ApiDiff.between(body(i32, i32), body(i32, i64)).breakingChanges())
                .extracting(ApiChange::kind, ApiChange::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "response-body/constraint-relaxed", "\"int32\" -> \"int64\""));
    }

    @Test
    void aDiscriminatorPropertyRenamedBreaks() {
        String pet = "type: object\nproperties:\n  kind: {type: string}\ndiscriminator:\n  propertyName: kind";
        ApiDiff d = ApiDiff.between(body(pet, pet), body(pet.replace("propertyName: kind", "propertyName: type"), pet));
        assertThat(d.breakingChanges())
                .extracting(ApiChange::kind, ApiChange::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "request-body/discriminator-property-changed", "kind -> type"));
    }

    private static JsonNode query(String parameter) {
        return doc("parameters:\n  - " + parameter + "\n" + OK, "{}");
    }

    @Test
    void parameterSerialisation() {
        String ids = "{name: ids, in: query, schema: {type: array, items: {type: integer}}";
        assertThat(ApiDiff.between(query(ids + "}"), query(ids + ", explode: false}"))
                        .breakingChanges())
                .extracting(ApiChange::kind)
                .containsExactly("parameter-explode-changed");
        assertThat(ApiDiff.between(query(ids + "}"), query(ids + ", style: pipeDelimited}"))
                        .breakingChanges())
                .extracting(ApiChange::kind)
                .containsExactly("parameter-style-changed");
        String name = "{name: q, in: query, schema: {type: string}";
        assertThat(ApiDiff.between(query(name + ", allowEmptyValue: true}"), query(name + "}"))
                        .breakingChanges())
                .extracting(ApiChange::kind)
                .containsExactly("parameter-empty-value-forbidden");
        assertThat(ApiDiff.between(query(name + ", allowReserved: true}"), query(name + "}"))
                        .breakingChanges())
                .extracting(ApiChange::kind)
                .containsExactly("parameter-reserved-forbidden");
        assertThat(ApiDiff.between(query(name + "}"), query(name + ", allowReserved: true}"))
                        .isBreaking())
                .isFalse();
        assertThat(ApiDiff.between(query(name + "}"), query(name + ", explode: false}"))
                        .changes())
                .as("explode means nothing for a string")
                .isEmpty();
        String limit = "{name: limit, in: query, schema: {type: integer, format: int32}}";
        assertThat(ApiDiff.between(query(limit), query(limit.replace("int32", "int64")))
                        .isBreaking())
                .isFalse();
    }

    @Test
    void invalidDocumentsAreLocatedErrors() {
        JsonNode twice = yaml("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n"
                + "  /pet/{petId}:\n    get:\n      parameters: [{name: petId, in: path, required: true,"
                + " schema: {type: string}}]\n      responses: {'200': {description: ok}}\n"
                + "  /pet/{petId2}:\n    put:\n      parameters: [{name: petId2, in: path, required: true,"
                + " schema: {type: string}}]\n      responses: {'200': {description: ok}}\n");
        assertThatThrownBy(() -> ApiDiff.between(twice, twice))
                .isInstanceOf(ContractException.class)
                .hasMessageContaining("/paths/~1pet~1{petId2}")
                .hasMessageContaining("is the same path as '/pet/{petId}'");
    }
}
