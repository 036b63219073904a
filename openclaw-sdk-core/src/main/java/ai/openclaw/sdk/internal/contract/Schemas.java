package ai.openclaw.sdk.internal.contract;

import ai.openclaw.sdk.contract.ContractViolation;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The JSON Schema validator (networknt) set up the SDK's way: format assertions on, nothing fetched from the network
 * (references resolve only to documents the SDK hands over), and its errors turned into {@link ContractViolation}s.
 */
public final class Schemas {
    /** The longest rendering of a value seen, in characters. */
    static final int MAX_VALUE_CHARS = 60;

    private static final Set<String> PROPERTY_RULES =
            Set.of("required", "dependentRequired", "dependencies", "additionalProperties", "unevaluatedProperties");

    private Schemas() {}

    /** A registry for JSON Schema documents, draft 2020-12 unless a document's {@code $schema} says otherwise. */
    public static SchemaRegistry jsonSchema(Function<String, @Nullable String> resources) {
        return registry(Dialects.getDraft202012(), resources);
    }

    /** A registry for the schemas inside an OpenAPI document of the given version ({@code 3.0.x} or {@code 3.1.x}). */
    public static SchemaRegistry openApi(String openapiVersion, Function<String, @Nullable String> resources) {
        return registry(
                openapiVersion.startsWith("3.0") ? Dialects.getOpenApi30() : Dialects.getOpenApi31(), resources);
    }

    private static SchemaRegistry registry(Dialect dialect, Function<String, @Nullable String> resources) {
        return SchemaRegistry.withDefaultDialect(dialect, b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .formatAssertionsEnabled(true)
                        .build())
                .schemas(resources::apply)
                .schemaLoader(l -> l.fetchRemoteResources(false)));
    }

    /**
     * Turns validator errors into violations.
     *
     * @param errors the validator's errors
     * @param contract the contract's name
     * @param version its version
     * @param schemaDocument the document holding the schema, to look up sensitivity markers
     * @param rootPointer the pointer of the validated schema inside {@code schemaDocument} ({@code ""} for the root)
     * @param pointerPrefix prepended to each instance pointer (for a value inside a larger instance)
     */
    public static List<ContractViolation> violations(
            List<Error> errors,
            String contract,
            String version,
            JsonNode schemaDocument,
            String rootPointer,
            String pointerPrefix) {
        List<ContractViolation> out = new ArrayList<>(errors.size());
        for (Error e : errors) {
            String pointer = pointerPrefix + e.getInstanceLocation().toString();
            String rule = e.getKeyword() == null ? "schema" : e.getKeyword();
            String value;
            if (PROPERTY_RULES.contains(rule) && e.getProperty() != null) {
                pointer = pointer + "/" + escape(e.getProperty());
                value = rule.equals("required") || rule.startsWith("dependen")
                        ? ""
                        : kindOf(
                                e.getInstanceNode() == null
                                        ? null
                                        : e.getInstanceNode().get(e.getProperty()));
            } else if (isSensitive(e, schemaDocument, rootPointer)) {
                value = "(sensitive, not shown)";
            } else {
                value = render(e.getInstanceNode());
            }
            out.add(new ContractViolation(contract, version, pointer, rule, messageOf(e), value));
        }
        return List.copyOf(out);
    }

    private static String messageOf(Error e) {
        String m = e.getMessage();
        return m == null ? "does not match the schema" : m;
    }

    /** A value's kind only, for values the contract does not describe (they may hold anything). */
    static String kindOf(@Nullable JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "";
        }
        return "(" + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ", not shown)";
    }

    /** The value as JSON, cut to {@value #MAX_VALUE_CHARS} characters. */
    public static String render(@Nullable JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "";
        }
        String text = node.toString();
        return text.length() <= MAX_VALUE_CHARS ? text : text.substring(0, MAX_VALUE_CHARS - 3) + "...";
    }

    /**
     * Whether the schema that rejected the value, or one it sits in, is marked {@code writeOnly: true} or {@code
     * x-sensitive: true}: looked up both where the failing keyword is defined and along the evaluation path from the
     * validated schema (so a sensitive property whose schema is a {@code $ref} counts too).
     */
    static boolean isSensitive(Error e, JsonNode document, String rootPointer) {
        String location =
                e.getSchemaLocation() == null ? "" : e.getSchemaLocation().toString();
        int hash = location.indexOf('#');
        if (hash >= 0 && markedAlong(document, location.substring(hash + 1))) {
            return true;
        }
        String evaluation =
                e.getEvaluationPath() == null ? "" : e.getEvaluationPath().toString();
        int ref = evaluation.indexOf("/$ref");
        return markedAlong(document, rootPointer + (ref >= 0 ? evaluation.substring(0, ref) : evaluation));
    }

    private static boolean markedAlong(JsonNode document, String pointer) {
        JsonNode node = document;
        if (marked(node)) {
            return true;
        }
        if (pointer.isEmpty()) {
            return false;
        }
        for (String raw : pointer.substring(1).split("/")) {
            String segment = raw.replace("~1", "/").replace("~0", "~");
            node = node.isArray() && segment.matches("\\d+") ? node.get(Integer.parseInt(segment)) : node.get(segment);
            if (node == null) {
                return false;
            }
            if (marked(node)) {
                return true;
            }
        }
        return false;
    }

    private static boolean marked(JsonNode node) {
        return node.isObject()
                && (node.path("writeOnly").asBoolean(false)
                        || node.path("x-sensitive").asBoolean(false));
    }

    /** Escapes a JSON pointer segment. */
    public static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }
}
