package ai.openclaw.sdk.internal.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Where a body's schema has an OpenAPI {@code discriminator}, which schema the discriminating property's value selects
 * (the Discriminator Object: its {@code mapping}, else the names of the {@code oneOf}/{@code anyOf} members, else the
 * schema of that name in {@code components/schemas}). The validator beneath does not apply discriminators as the
 * specification says, so the SDK finds them itself: from the body's schema, through {@code $ref}, {@code allOf},
 * properties and array items, at each place the body has a value.
 */
public final class Discriminators {
    private static final int MAX_DEPTH = 64;

    private Discriminators() {}

    /**
     * A discriminator in effect for a value of the body.
     *
     * @param instancePointer where the value is in the body
     * @param schemaLocation the absolute location of the schema holding the discriminator
     * @param value the value
     */
    public record Found(String instancePointer, String schemaLocation, JsonNode value) {}

    /** The discriminators in effect for a body validated against the schema at {@code location}. */
    public static List<Found> find(OpenApi doc, String location, JsonNode body) {
        List<Found> out = new ArrayList<>();
        walk(doc, location, body, "", out, new HashSet<>(), 0);
        return out;
    }

    private static void walk(
            OpenApi doc,
            String location,
            JsonNode value,
            String pointer,
            List<Found> out,
            Set<String> seen,
            int depth) {
        if (depth > MAX_DEPTH || !seen.add(pointer + " " + location)) {
            return;
        }
        JsonNode schema = doc.node(location);
        if (!schema.isObject()) {
            return;
        }
        String file = fileOf(location);
        if (schema.path("$ref").isTextual()) {
            walk(doc, OpenApi.target(file, schema.get("$ref").asText()), value, pointer, out, seen, depth + 1);
            return;
        }
        if (schema.path("discriminator").isObject() && value.isObject()) {
            out.add(new Found(pointer, location, value));
        }
        JsonNode allOf = schema.path("allOf");
        for (int i = 0; i < allOf.size(); i++) {
            walk(doc, location + "/allOf/" + i, value, pointer, out, seen, depth + 1);
        }
        if (value.isObject()) {
            for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
                JsonNode v = value.get(p.getKey());
                if (v != null) {
                    String key = Schemas.escape(p.getKey());
                    walk(doc, location + "/properties/" + key, v, pointer + "/" + key, out, seen, depth + 1);
                }
            }
        } else if (value.isArray() && schema.path("items").isObject()) {
            for (int i = 0; i < value.size(); i++) {
                walk(doc, location + "/items", value.get(i), pointer + "/" + i, out, seen, depth + 1);
            }
        }
    }

    /** The discriminating property's name. */
    public static String propertyName(OpenApi doc, Found found) {
        return doc.node(found.schemaLocation())
                .path("discriminator")
                .path("propertyName")
                .asText("");
    }

    /** The absolute location of the schema a discriminator value selects, or null when it selects none. */
    public static @Nullable String select(OpenApi doc, Found found, String discriminatorValue) {
        JsonNode schema = doc.node(found.schemaLocation());
        String file = fileOf(found.schemaLocation());
        JsonNode mapped = schema.path("discriminator").path("mapping").get(discriminatorValue);
        if (mapped != null && mapped.isTextual()) {
            String m = mapped.asText();
            boolean name = !m.contains("#") && !m.contains("/") && !m.contains(".");
            String target = OpenApi.target(file, name ? "#/components/schemas/" + Schemas.escape(m) : m);
            return doc.node(target).isMissingNode() ? null : target;
        }
        for (String ref : memberRefs(schema)) {
            if (lastSegment(ref).equals(discriminatorValue)) {
                return OpenApi.target(file, ref);
            }
        }
        if (!schema.has("oneOf") && !schema.has("anyOf")) {
            String target = OpenApi.target(file, "#/components/schemas/" + Schemas.escape(discriminatorValue));
            return doc.node(target).isMissingNode() ? null : target;
        }
        return null;
    }

    /** The values a discriminator knows: its mapping's keys and the names of its members. */
    public static Set<String> values(OpenApi doc, Found found) {
        JsonNode schema = doc.node(found.schemaLocation());
        Set<String> out = new LinkedHashSet<>();
        schema.path("discriminator").path("mapping").fieldNames().forEachRemaining(out::add);
        for (String ref : memberRefs(schema)) {
            out.add(lastSegment(ref));
        }
        return out;
    }

    private static List<String> memberRefs(JsonNode schema) {
        List<String> refs = new ArrayList<>();
        for (String combiner : List.of("oneOf", "anyOf")) {
            for (JsonNode m : schema.path(combiner)) {
                if (m.path("$ref").isTextual()) {
                    refs.add(m.get("$ref").asText());
                }
            }
        }
        return refs;
    }

    private static String lastSegment(String ref) {
        String s = ref.substring(ref.lastIndexOf('/') + 1);
        return s.replace("~1", "/").replace("~0", "~");
    }

    private static String fileOf(String location) {
        int hash = location.indexOf('#');
        return hash < 0 ? location : location.substring(0, hash);
    }
}
