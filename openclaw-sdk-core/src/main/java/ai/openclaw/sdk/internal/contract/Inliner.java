package ai.openclaw.sdk.internal.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Path items given by {@code $ref} (to {@code components/pathItems} in OpenAPI 3.1, or to another contract file) put
 * in place, so that every operation has a pointer in one document. Inside content taken from another file, references
 * that are not schemas (parameters, request bodies, responses, headers) are put in place too, and schema references
 * are rewritten as absolute URIs that the validator resolves.
 */
final class Inliner {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DEPTH = 64;

    /** Keys under which a value is a schema, or a map of schemas. */
    private static final Set<String> SCHEMA_KEYS = Set.of("schema", "schemas");

    private final String baseUri;
    private final Function<String, @Nullable String> resources;
    private final Map<String, JsonNode> files = new HashMap<>();
    private final OpenApiReporter report;

    interface OpenApiReporter {
        void error(String code, String pointer, String message);
    }

    private Inliner(String baseUri, Function<String, @Nullable String> resources, OpenApiReporter report) {
        this.baseUri = baseUri;
        this.resources = resources;
        this.report = report;
    }

    /** The document with its path items in place; the document itself when none is a reference. */
    static JsonNode pathItems(
            JsonNode root, String baseUri, Function<String, @Nullable String> resources, OpenApiReporter report) {
        JsonNode paths = root.path("paths");
        boolean any = false;
        for (Map.Entry<String, JsonNode> p : paths.properties()) {
            any |= p.getValue().has("$ref");
        }
        if (!any) {
            return root;
        }
        Inliner inliner = new Inliner(baseUri, resources, report);
        inliner.files.put(baseUri, root);
        ObjectNode copy = root.deepCopy();
        ObjectNode newPaths = (ObjectNode) copy.get("paths");
        for (Map.Entry<String, JsonNode> p : paths.properties()) {
            if (p.getValue().has("$ref")) {
                String pointer = "/paths/" + Schemas.escape(p.getKey());
                JsonNode item = inliner.inline(p.getValue(), baseUri, false, 0, pointer);
                if (item != null) {
                    newPaths.set(p.getKey(), item);
                }
            }
        }
        return copy;
    }

    /** A node from {@code file} as it reads in the main document. */
    private @Nullable JsonNode inline(JsonNode node, String file, boolean inSchema, int depth, String where) {
        if (depth > MAX_DEPTH) {
            report.error("invalid-openapi", where, "references nest more than " + MAX_DEPTH + " deep");
            return null;
        }
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual()) {
                String target = OpenApi.target(file, ref.asText());
                if (inSchema) {
                    if (file.equals(baseUri)) {
                        return node;
                    }
                    ObjectNode rewritten = node.deepCopy();
                    rewritten.put("$ref", target);
                    return rewritten;
                }
                JsonNode resolved = at(target);
                if (resolved == null || resolved.isMissingNode()) {
                    report.error("unresolved-ref", where + "/$ref", "'$ref' " + ref.asText() + " points at nothing");
                    return null;
                }
                return inline(resolved, fileOf(target), false, depth + 1, where);
            }
            ObjectNode out = JSON.createObjectNode();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                JsonNode v = inline(
                        e.getValue(),
                        file,
                        inSchema || SCHEMA_KEYS.contains(e.getKey()),
                        depth + 1,
                        where + "/" + Schemas.escape(e.getKey()));
                if (v != null) {
                    out.set(e.getKey(), v);
                }
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JSON.createArrayNode();
            for (int i = 0; i < node.size(); i++) {
                JsonNode v = inline(node.get(i), file, inSchema, depth + 1, where + "/" + i);
                if (v != null) {
                    out.add(v);
                }
            }
            return out;
        }
        return node;
    }

    private static String fileOf(String location) {
        int hash = location.indexOf('#');
        return hash < 0 ? location : location.substring(0, hash);
    }

    private @Nullable JsonNode at(String location) {
        String file = fileOf(location);
        String pointer = location.length() > file.length() ? location.substring(file.length() + 1) : "";
        JsonNode doc = files.get(file);
        if (doc == null) {
            String text = file.startsWith(OpenApi.BASE) ? resources.apply(file) : null;
            if (text == null) {
                return null;
            }
            try {
                doc = JSON.readTree(text);
            } catch (IOException e) {
                return null;
            }
            files.put(file, doc);
        }
        return doc.at(pointer);
    }

    /** Follows local references from a node. */
    static JsonNode follow(JsonNode doc, JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; hops < 16 && current.path("$ref").isTextual(); hops++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                return current;
            }
            current = doc.at(ref.substring(1));
        }
        return current;
    }
}
