package ai.openclaw.sdk.contract;

import static ai.openclaw.sdk.contract.SeedContractTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * JSON Schema compatibility, case by case, with the verdicts Confluent Schema Registry gives: each case lists the
 * change kinds found from old to new, and whether BACKWARD and FORWARD hold.
 */
class SchemaDiffTest {
    private static final String CLOSED = "{\"type\":\"object\",\"additionalProperties\":false,"
            + "\"required\":[\"userId\"],\"properties\":{\"userId\":{\"type\":\"string\"}%s}%s}";
    private static final String OPEN =
            "{\"type\":\"object\",\"required\":[\"userId\"],\"properties\":{\"userId\":{\"type\":\"string\"}%s}%s}";

    private static String closed(String moreProperties, String more) {
        return String.format(CLOSED, moreProperties, more);
    }

    private static String open(String moreProperties, String more) {
        return String.format(OPEN, moreProperties, more);
    }

    static Stream<Arguments> cases() {
        String role = ",\"role\":{\"type\":\"string\"}";
        return Stream.of(
                // the three: adding optional, adding required, removing judged by content model
                Arguments.of(
                        "optional property added, closed model",
                        closed("", ""),
                        closed(role, ""),
                        List.of(ChangeKind.OPTIONAL_PROPERTY_ADDED_TO_CLOSED_CONTENT_MODEL),
                        true,
                        false),
                Arguments.of(
                        "required property added, closed model",
                        closed("", ""),
                        closed(role, ",\"required\":[\"userId\",\"role\"]").replace(",\"required\":[\"userId\"]", ""),
                        List.of(ChangeKind.REQUIRED_PROPERTY_ADDED_TO_CLOSED_CONTENT_MODEL),
                        false,
                        false),
                Arguments.of(
                        "required property with default added, closed model",
                        closed("", ""),
                        closed(
                                        ",\"role\":{\"type\":\"string\",\"default\":\"member\"}",
                                        ",\"required\":[\"userId\",\"role\"]")
                                .replace(",\"required\":[\"userId\"]", ""),
                        List.of(ChangeKind.REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_CLOSED_CONTENT_MODEL),
                        true,
                        false),
                Arguments.of(
                        "property added, open model",
                        open("", ""),
                        open(role, ""),
                        List.of(ChangeKind.PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL),
                        false,
                        true),
                Arguments.of(
                        "property with empty schema added, open model",
                        open("", ""),
                        open(",\"note\":{}", ""),
                        List.of(ChangeKind.PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL),
                        true,
                        true),
                Arguments.of(
                        "property removed, open model",
                        open(role, ""),
                        open("", ""),
                        List.of(ChangeKind.PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL),
                        true,
                        false),
                Arguments.of(
                        "property removed, closed model",
                        closed(role, ""),
                        closed("", ""),
                        List.of(ChangeKind.PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL),
                        false,
                        true),
                Arguments.of(
                        "property added, covered by patternProperties",
                        "{\"type\":\"object\",\"patternProperties\":{\"^x-\":{\"type\":\"string\"}},"
                                + "\"additionalProperties\":false}",
                        "{\"type\":\"object\",\"patternProperties\":{\"^x-\":{\"type\":\"string\"}},"
                                + "\"additionalProperties\":false,\"properties\":{\"x-trace\":{\"type\":\"string\"}}}",
                        List.of(
                                ChangeKind.PROPERTY_ADDED_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL,
                                ChangeKind.OPTIONAL_PROPERTY_ADDED_TO_CLOSED_CONTENT_MODEL),
                        true,
                        true),
                Arguments.of(
                        "content model closed",
                        open("", ""),
                        open("", ",\"additionalProperties\":false"),
                        List.of(ChangeKind.ADDITIONAL_PROPERTIES_FORBIDDEN),
                        false,
                        true),
                Arguments.of(
                        "required removed",
                        closed("", ""),
                        closed("", "").replace(",\"required\":[\"userId\"]", ""),
                        List.of(ChangeKind.REQUIRED_REMOVED),
                        true,
                        false),
                Arguments.of(
                        "enum extended",
                        "{\"enum\":[\"a\",\"b\"]}",
                        "{\"enum\":[\"a\",\"b\",\"c\"]}",
                        List.of(ChangeKind.ENUM_EXTENDED),
                        true,
                        false),
                Arguments.of(
                        "enum narrowed",
                        "{\"enum\":[\"a\",\"b\"]}",
                        "{\"enum\":[\"a\"]}",
                        List.of(ChangeKind.ENUM_NARROWED),
                        false,
                        true),
                Arguments.of(
                        "type widened integer to number",
                        "{\"type\":\"integer\"}",
                        "{\"type\":\"number\"}",
                        List.of(ChangeKind.TYPE_EXTENDED),
                        true,
                        false),
                Arguments.of(
                        "type widened to nullable",
                        "{\"type\":\"string\"}",
                        "{\"type\":[\"string\",\"null\"]}",
                        List.of(ChangeKind.TYPE_EXTENDED),
                        true,
                        false),
                Arguments.of(
                        "type changed",
                        "{\"type\":\"string\"}",
                        "{\"type\":\"integer\"}",
                        List.of(ChangeKind.TYPE_CHANGED),
                        false,
                        false),
                Arguments.of(
                        "maxLength lowered",
                        "{\"type\":\"string\",\"maxLength\":64}",
                        "{\"type\":\"string\",\"maxLength\":32}",
                        List.of(ChangeKind.CONSTRAINT_TIGHTENED),
                        false,
                        true),
                Arguments.of(
                        "minimum lowered",
                        "{\"type\":\"number\",\"minimum\":10}",
                        "{\"type\":\"number\",\"minimum\":0}",
                        List.of(ChangeKind.CONSTRAINT_RELAXED),
                        true,
                        false),
                Arguments.of(
                        "pattern added",
                        "{\"type\":\"string\"}",
                        "{\"type\":\"string\",\"pattern\":\"^u-\"}",
                        List.of(ChangeKind.CONSTRAINT_ADDED),
                        false,
                        true),
                Arguments.of(
                        "multipleOf divided",
                        "{\"type\":\"number\",\"multipleOf\":10}",
                        "{\"type\":\"number\",\"multipleOf\":5}",
                        List.of(ChangeKind.CONSTRAINT_RELAXED),
                        true,
                        false),
                Arguments.of(
                        "array items narrowed",
                        "{\"type\":\"array\",\"items\":{\"type\":\"number\"}}",
                        "{\"type\":\"array\",\"items\":{\"type\":\"integer\"}}",
                        List.of(ChangeKind.TYPE_NARROWED),
                        false,
                        true),
                Arguments.of(
                        "tuple item added, closed",
                        "{\"type\":\"array\",\"prefixItems\":[{\"type\":\"string\"}]," + "\"items\":false}",
                        "{\"type\":\"array\",\"prefixItems\":[{\"type\":\"string\"},{\"type\":\"number\"}],"
                                + "\"items\":false}",
                        List.of(ChangeKind.ITEM_ADDED_TO_CLOSED_CONTENT_MODEL),
                        true,
                        false),
                Arguments.of(
                        "tuple item added, open",
                        "{\"type\":\"array\",\"prefixItems\":[{\"type\":\"string\"}]}",
                        "{\"type\":\"array\",\"prefixItems\":[{\"type\":\"string\"},{\"type\":\"number\"}]}",
                        List.of(ChangeKind.ITEM_ADDED_TO_OPEN_CONTENT_MODEL),
                        false,
                        true),
                Arguments.of(
                        "uniqueItems added",
                        "{\"type\":\"array\"}",
                        "{\"type\":\"array\",\"uniqueItems\":true}",
                        List.of(ChangeKind.CONSTRAINT_ADDED),
                        false,
                        true),
                Arguments.of(
                        "oneOf alternative added",
                        "{\"oneOf\":[{\"type\":\"string\"},{\"type\":\"integer\"}]}",
                        "{\"oneOf\":[{\"type\":\"string\"},{\"type\":\"integer\"},{\"type\":\"boolean\"}]}",
                        List.of(ChangeKind.SUM_TYPE_EXTENDED),
                        true,
                        false),
                Arguments.of(
                        "allOf schema added",
                        "{\"allOf\":[{\"type\":\"string\"}]}",
                        "{\"allOf\":[{\"type\":\"string\"},{\"maxLength\":3}]}",
                        List.of(ChangeKind.PRODUCT_TYPE_EXTENDED),
                        false,
                        true),
                Arguments.of(
                        "single schema became anyOf",
                        "{\"type\":\"string\"}",
                        "{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"null\"}]}",
                        List.of(ChangeKind.SUM_TYPE_EXTENDED),
                        true,
                        false),
                Arguments.of(
                        "oneOf became anyOf: anyOf also accepts what matches several members",
                        "{\"oneOf\":[{\"type\":\"string\"},{\"maxLength\":3}]}",
                        "{\"anyOf\":[{\"type\":\"string\"},{\"maxLength\":3}]}",
                        List.of(ChangeKind.COMBINED_TYPE_EXTENDED),
                        true,
                        false),
                Arguments.of(
                        "one member under another keyword accepts the same documents",
                        "{\"oneOf\":[{\"type\":\"string\"}]}",
                        "{\"allOf\":[{\"type\":\"string\"}]}",
                        List.of(ChangeKind.COMBINED_TYPE_EXTENDED),
                        true,
                        true),
                Arguments.of(
                        "one member is that member",
                        "{\"type\":\"string\"}",
                        "{\"anyOf\":[{\"type\":\"string\"}]}",
                        List.of(),
                        true,
                        true),
                Arguments.of(
                        "a member listed twice adds nothing",
                        "{\"allOf\":[{\"type\":\"string\"}]}",
                        "{\"allOf\":[{\"type\":\"string\"},{\"type\":\"string\"}]}",
                        List.of(),
                        true,
                        true),
                Arguments.of(
                        "a single old member widened into a sum",
                        "{\"allOf\":[{\"type\":\"number\"}]}",
                        "{\"oneOf\":[{\"type\":\"number\"},{\"type\":\"string\"}]}",
                        List.of(ChangeKind.COMBINED_TYPE_EXTENDED, ChangeKind.SUM_TYPE_EXTENDED),
                        true,
                        false),
                Arguments.of(
                        "a single old member made one of a product",
                        "{\"anyOf\":[{\"type\":\"string\"}]}",
                        "{\"allOf\":[{\"type\":\"number\"},{\"type\":\"string\"}]}",
                        List.of(ChangeKind.COMBINED_TYPE_CHANGED),
                        false,
                        false),
                Arguments.of(
                        "an inclusive minimum made exclusive at the same value",
                        "{\"type\":\"number\",\"minimum\":5}",
                        "{\"type\":\"number\",\"exclusiveMinimum\":5}",
                        List.of(ChangeKind.CONSTRAINT_TIGHTENED),
                        false,
                        true),
                Arguments.of(
                        "an exclusive maximum made inclusive at the same value",
                        "{\"type\":\"number\",\"exclusiveMaximum\":5}",
                        "{\"type\":\"number\",\"maximum\":5}",
                        List.of(ChangeKind.CONSTRAINT_RELAXED),
                        true,
                        false),
                Arguments.of(
                        "draft-04's boolean exclusiveMinimum added",
                        "{\"type\":\"number\",\"minimum\":5}",
                        "{\"type\":\"number\",\"minimum\":5,\"exclusiveMinimum\":true}",
                        List.of(ChangeKind.CONSTRAINT_TIGHTENED),
                        false,
                        true),
                Arguments.of(
                        "draft-04's exclusive minimum written the 2020-12 way",
                        "{\"type\":\"number\",\"minimum\":5,\"exclusiveMinimum\":true}",
                        "{\"type\":\"number\",\"exclusiveMinimum\":5}",
                        List.of(),
                        true,
                        true),
                Arguments.of(
                        "a looser minimum beside the exclusive one that limits",
                        "{\"type\":\"number\",\"exclusiveMinimum\":5}",
                        "{\"type\":\"number\",\"minimum\":3,\"exclusiveMinimum\":5}",
                        List.of(),
                        true,
                        true),
                Arguments.of(
                        "a tuple item added where the additional items' schema already admitted its values",
                        "{\"type\":\"array\",\"prefixItems\":[{\"type\":\"string\"}],\"items\":{\"type\":\"integer\"}}",
                        "{\"type\":\"array\",\"prefixItems\":[{\"type\":\"string\"},{\"type\":\"number\"}],"
                                + "\"items\":{\"type\":\"integer\"}}",
                        List.of(
                                ChangeKind.TYPE_EXTENDED,
                                ChangeKind.ITEM_ADDED_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL),
                        true,
                        false),
                Arguments.of(
                        "a tuple item added that refuses values the additional items' schema admitted",
                        "{\"type\":\"array\",\"items\":[{\"type\":\"string\"}],\"additionalItems\":{\"type\":\"string\"}}",
                        "{\"type\":\"array\",\"items\":[{\"type\":\"string\"},{\"type\":\"number\"}],"
                                + "\"additionalItems\":{\"type\":\"string\"}}",
                        List.of(
                                ChangeKind.TYPE_CHANGED,
                                ChangeKind.ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL),
                        false,
                        false),
                Arguments.of(
                        "a tuple item removed whose values the additional items' schema admits",
                        "{\"type\":\"array\",\"items\":[{\"type\":\"string\"},{\"type\":\"string\"}],"
                                + "\"additionalItems\":{\"type\":\"string\"}}",
                        "{\"type\":\"array\",\"items\":[{\"type\":\"string\"}],\"additionalItems\":{\"type\":\"string\"}}",
                        List.of(ChangeKind.ITEM_REMOVED_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL),
                        true,
                        true),
                Arguments.of(
                        "a tuple item removed whose values the additional items' schema refuses",
                        "{\"type\":\"array\",\"prefixItems\":[{\"type\":\"string\"},{\"type\":\"number\"}],"
                                + "\"items\":{\"type\":\"string\"}}",
                        "{\"type\":\"array\",\"prefixItems\":[{\"type\":\"string\"}],\"items\":{\"type\":\"string\"}}",
                        List.of(
                                ChangeKind.TYPE_CHANGED,
                                ChangeKind.ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL),
                        false,
                        false),
                Arguments.of(
                        "not added",
                        "{\"type\":\"string\"}",
                        "{\"type\":\"string\",\"not\":{\"const\":\"\"}}",
                        List.of(ChangeKind.NOT_ADDED),
                        false,
                        true),
                Arguments.of(
                        "dependentRequired added",
                        "{\"type\":\"object\"}",
                        "{\"type\":\"object\",\"dependentRequired\":{\"card\":[\"billingAddress\"]}}",
                        List.of(ChangeKind.DEPENDENT_REQUIRED_ADDED),
                        false,
                        true),
                Arguments.of(
                        "dependentRequired narrowed",
                        "{\"type\":\"object\",\"dependentRequired\":{\"card\":[\"a\",\"b\"]}}",
                        "{\"type\":\"object\",\"dependentRequired\":{\"card\":[\"a\"]}}",
                        List.of(ChangeKind.DEPENDENT_REQUIRED_NARROWED),
                        true,
                        false),
                Arguments.of(
                        "change behind a $ref",
                        "{\"$defs\":{\"id\":{\"type\":\"string\",\"maxLength\":10}},"
                                + "\"type\":\"object\",\"properties\":{\"id\":{\"$ref\":\"#/$defs/id\"}}}",
                        "{\"$defs\":{\"id\":{\"type\":\"string\",\"maxLength\":5}},"
                                + "\"type\":\"object\",\"properties\":{\"id\":{\"$ref\":\"#/$defs/id\"}}}",
                        List.of(ChangeKind.CONSTRAINT_TIGHTENED),
                        false,
                        true),
                Arguments.of(
                        "description changed only",
                        "{\"type\":\"string\",\"description\":\"a\"}",
                        "{\"type\":\"string\",\"description\":\"b\"}",
                        List.of(ChangeKind.DESCRIPTION_CHANGED),
                        true,
                        true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void judgesEachChangeAsConfluentDoes(
            String name,
            String oldSchema,
            String newSchema,
            List<ChangeKind> kinds,
            boolean backward,
            boolean forward) {
        SchemaDiff diff = SchemaDiff.between(json(oldSchema), json(newSchema));
        assertThat(diff.changes()).extracting(SchemaChange::kind).as(name).containsExactlyElementsOf(kinds);
        assertThat(diff.isCompatible(CompatibilityMode.BACKWARD))
                .as(name + ": BACKWARD")
                .isEqualTo(backward);
        assertThat(diff.isCompatible(CompatibilityMode.FORWARD))
                .as(name + ": FORWARD")
                .isEqualTo(forward);
        assertThat(diff.isCompatible(CompatibilityMode.FULL))
                .as(name + ": FULL")
                .isEqualTo(backward && forward);
        assertThat(diff.isCompatible(CompatibilityMode.NONE)).isTrue();
    }

    @Test
    void everyChangeCarriesItsPath() {
        SchemaDiff diff = SchemaDiff.between(
                json("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"object\",\"properties\":{\"b\":"
                        + "{\"type\":\"string\",\"maxLength\":9}}}}}"),
                json("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"object\",\"properties\":{\"b\":"
                        + "{\"type\":\"string\",\"maxLength\":3}}}}}"));
        assertThat(diff.changes())
                .singleElement()
                .hasToString("/properties/a/properties/b/maxLength: constraint-tightened (9 -> 3)");
    }

    @Test
    void recursiveSchemasEnd() {
        String tree = "{\"$defs\":{\"node\":{\"type\":\"object\",\"properties\":{\"children\":{\"type\":\"array\","
                + "\"items\":{\"$ref\":\"#/$defs/node\"}},\"name\":{\"type\":\"string\"%s}}}},\"$ref\":\"#/$defs/node\"}";
        SchemaDiff diff =
                SchemaDiff.between(json(String.format(tree, "")), json(String.format(tree, ",\"maxLength\":5")));
        assertThat(diff.changes()).extracting(SchemaChange::kind).containsExactly(ChangeKind.CONSTRAINT_ADDED);
    }

    @Test
    void theVersionRuleWantsCompatibleMinorsAndAllowsBreakingMajors() {
        EventContract v10 = EventContract.of("user.created", ContractVersion.parse("1.0"), json(closed("", "")));
        EventContract v11 = EventContract.of(
                "user.created", ContractVersion.parse("1.1"), json(closed(",\"role\":{\"type\":\"string\"}", "")));
        EventContract v12 = EventContract.of("user.created", ContractVersion.parse("1.2"), json(closed("", "")));
        EventContract v20 = EventContract.of("user.created", ContractVersion.parse("2.0"), json(closed("", "")));

        assertThat(VersionRule.defaults().check(List.of(v10, v11, v20))).isEmpty();
        assertThat(VersionRule.defaults().check(List.of(v10, v11, v12)))
                .singleElement()
                .satisfies(f -> assertThat(f.message())
                        .startsWith("user.created 1.2 is not BACKWARD compatible with 1.1: /properties/role: "
                                + "property-removed-from-closed-content-model")
                        .endsWith("a breaking change needs a new major (2.0)"));
        // transitive: 1.2 is compared with 1.0 as well (identical to it, so only 1.1 breaks)
        assertThat(VersionRule.of(CompatibilityMode.BACKWARD_TRANSITIVE).check(List.of(v10, v11, v12)))
                .hasSize(1);
        assertThat(VersionRule.of(CompatibilityMode.FULL).check(List.of(v10, v11)))
                .hasSize(1);
        assertThat(VersionRule.of(CompatibilityMode.NONE).check(List.of(v10, v11, v12)))
                .isEmpty();

        assertThat(VersionRule.defaults()
                        .nextVersion(
                                v11,
                                json(closed(
                                        ",\"role\":{\"type\":\"string\"}," + "\"team\":{\"type\":\"string\"}", ""))))
                .hasToString("1.2");
        assertThat(VersionRule.defaults().nextVersion(v11, json(closed("", ""))))
                .hasToString("2.0");
    }

    @Test
    void transitiveModesCompareWithEveryEarlierMinor() {
        // 1.0 -> 1.1 drops a constraint, 1.1 -> 1.2 adds a different one back: each step judged alone differs
        EventContract v10 =
                EventContract.of("e", ContractVersion.parse("1.0"), json("{\"type\":\"string\",\"maxLength\":5}"));
        EventContract v11 = EventContract.of("e", ContractVersion.parse("1.1"), json("{\"type\":\"string\"}"));
        EventContract v12 =
                EventContract.of("e", ContractVersion.parse("1.2"), json("{\"type\":\"string\",\"maxLength\":8}"));
        assertThat(VersionRule.of(CompatibilityMode.FORWARD).check(List.of(v10, v11, v12)))
                .hasSize(1); // 1.0->1.1
        assertThat(VersionRule.of(CompatibilityMode.FORWARD_TRANSITIVE).check(List.of(v10, v11, v12)))
                .hasSize(2); // and 1.2 against 1.0: old readers with maxLength 5 reject length 8
    }
}
