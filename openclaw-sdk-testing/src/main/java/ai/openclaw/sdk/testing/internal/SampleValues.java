package ai.openclaw.sdk.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A value that a JSON Schema (as OpenAPI 3.0 and 3.1 write them) accepts, for stub responses: the schema's {@code
 * example} or first {@code examples} entry, {@code const}, the first {@code enum} value, or one built from the type
 * (required properties only, one array item, minimums, a value for the common string formats). Local {@code $ref}s
 * ({@code #/components/schemas/User}) are followed through the document.
 */
public final class SampleValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SampleValues() {}

    /**
     * A sample for {@code schema}.
     *
     * @param document the document local references point into
     * @throws IllegalArgumentException naming the schema's location when no sample can be built (an unresolvable
     *     reference, a recursion without an optional way out)
     */
    public static JsonNode of(JsonNode schema, JsonNode document) {
        return sample(schema, document, new HashSet<>(), "#");
    }

    private static JsonNode sample(JsonNode schema, JsonNode document, Set<String> refs, String where) {
        if (schema == null || schema.isBoolean() || schema.isMissingNode()) {
            return NODES.objectNode();
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalArgumentException("cannot follow " + ref + " at " + where + ": only local references");
            }
            if (!refs.add(ref)) {
                throw new IllegalArgumentException("the schema at " + ref + " refers to itself; give it an example");
            }
            JsonNode target = document.at(ref.substring(1));
            if (target.isMissingNode()) {
                throw new IllegalArgumentException("the reference " + ref + " at " + where + " points nowhere");
            }
            JsonNode out = sample(target, document, refs, ref);
            refs.remove(ref);
            return out;
        }
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (schema.has("examples")
                && schema.get("examples").isArray()
                && !schema.get("examples").isEmpty()) {
            return schema.get("examples").get(0);
        }
        if (schema.has("const")) {
            return schema.get("const");
        }
        if (schema.has("enum") && !schema.get("enum").isEmpty()) {
            return schema.get("enum").get(0);
        }
        if (schema.has("allOf")) {
            ObjectNode merged = NODES.objectNode();
            for (JsonNode part : schema.get("allOf")) {
                JsonNode v = sample(part, document, refs, where + "/allOf");
                if (v.isObject()) {
                    merged.setAll((ObjectNode) v);
                } else {
                    return v;
                }
            }
            return merged;
        }
        for (String choice : new String[] {"oneOf", "anyOf"}) {
            if (schema.has(choice) && !schema.get(choice).isEmpty()) {
                return sample(schema.get(choice).get(0), document, refs, where + "/" + choice + "/0");
            }
        }
        String type = typeOf(schema);
        switch (type) {
            case "object":
                ObjectNode object = NODES.objectNode();
                JsonNode properties = schema.path("properties");
                Set<String> required = new HashSet<>();
                schema.path("required").forEach(r -> required.add(r.asText()));
                for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> p = it.next();
                    if (required.contains(p.getKey()) || !p.getValue().has("$ref")) {
                        // optional properties too, unless they are references (which may recurse)
                        object.set(
                                p.getKey(), sample(p.getValue(), document, refs, where + "/properties/" + p.getKey()));
                    }
                }
                return object;
            case "array":
                ArrayNode array = NODES.arrayNode();
                int items = Math.max(1, schema.path("minItems").asInt(1));
                for (int i = 0; i < items; i++) {
                    array.add(sample(schema.path("items"), document, refs, where + "/items"));
                }
                return array;
            case "integer":
                return NODES.numberNode(number(schema).longValue());
            case "number":
                return NODES.numberNode(number(schema));
            case "boolean":
                return NODES.booleanNode(true);
            case "null":
                return NODES.nullNode();
            default:
                return NODES.textNode(string(schema));
        }
    }

    private static String typeOf(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type != null && type.isTextual()) {
            return type.asText();
        }
        if (type != null && type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
        }
        return schema.has("properties") ? "object" : schema.has("items") ? "array" : "string";
    }

    private static java.math.BigDecimal number(JsonNode schema) {
        if (schema.has("minimum")) {
            return schema.get("minimum").decimalValue();
        }
        if (schema.has("exclusiveMinimum") && schema.get("exclusiveMinimum").isNumber()) {
            return schema.get("exclusiveMinimum").decimalValue().add(java.math.BigDecimal.ONE);
        }
        if (schema.has("maximum") && schema.get("maximum").decimalValue().signum() < 0) {
            return schema.get("maximum").decimalValue();
        }
        return java.math.BigDecimal.ONE;
    }

    private static String string(JsonNode schema) {
        String format = schema.path("format").asText("");
        String base =
                switch (format) {
                    case "date-time" -> "2026-01-01T00:00:00Z";
                    case "date" -> "2026-01-01";
                    case "time" -> "00:00:00Z";
                    case "email" -> "user@example.com";
                    case "uuid" -> "00000000-0000-4000-8000-000000000000";
                    case "uri", "url" -> "https://example.com/";
                    case "hostname" -> "example.com";
                    case "ipv4" -> "192.0.2.1";
                    case "ipv6" -> "2001:db8::1";
                    default -> "string";
                };
        int min = schema.path("minLength").asInt(0);
        StringBuilder b = new StringBuilder(base);
        while (b.length() < min) {
            b.append('x');
        }
        int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        return b.length() > max ? b.substring(0, max) : b.toString();
    }

    /** The first example of an OpenAPI media type object ({@code example}, then {@code examples.*.value}), if any. */
    public static @Nullable JsonNode mediaExample(JsonNode mediaType) {
        if (mediaType.has("example")) {
            return mediaType.get("example");
        }
        for (JsonNode e : mediaType.path("examples")) {
            if (e.has("value")) {
                return e.get("value");
            }
        }
        return null;
    }
}
