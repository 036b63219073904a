package ai.openclaw.sdk.internal.contract;

import ai.openclaw.sdk.contract.ApiChange;
import ai.openclaw.sdk.contract.HttpOperation;
import ai.openclaw.sdk.contract.SchemaChange;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Compares two OpenAPI documents operation by operation; body schemas go through {@link SchemaDiffer}. */
public final class ApiDiffer {
    private final JsonNode oldDoc;
    private final JsonNode newDoc;
    private final List<ApiChange> out = new ArrayList<>();

    private ApiDiffer(JsonNode oldDoc, JsonNode newDoc) {
        this.oldDoc = oldDoc;
        this.newDoc = newDoc;
    }

    /** The changes from the old document to the new. */
    public static List<ApiChange> diff(
            List<HttpOperation> oldOps, JsonNode oldDoc, List<HttpOperation> newOps, JsonNode newDoc) {
        ApiDiffer d = new ApiDiffer(oldDoc, newDoc);
        d.run(oldOps, newOps);
        return List.copyOf(d.out);
    }

    private void run(List<HttpOperation> oldOps, List<HttpOperation> newOps) {
        Map<String, HttpOperation> olds = byKey(oldOps);
        Map<String, HttpOperation> news = byKey(newOps);
        Set<String> oldPaths = new LinkedHashSet<>();
        Set<String> newPaths = new LinkedHashSet<>();
        oldOps.forEach(o -> oldPaths.add(normalizedPath(o)));
        newOps.forEach(o -> newPaths.add(normalizedPath(o)));
        for (String path : oldPaths) {
            if (!newPaths.contains(path)) {
                HttpOperation any = oldOps.stream()
                        .filter(o -> normalizedPath(o).equals(path))
                        .findFirst()
                        .orElseThrow();
                add("path-removed", any.pathTemplate(), parent(any.pointer()), true, "");
            }
        }
        for (Map.Entry<String, HttpOperation> e : olds.entrySet()) {
            HttpOperation newOp = news.get(e.getKey());
            if (newOp == null) {
                if (newPaths.contains(normalizedPath(e.getValue()))) {
                    add(
                            "operation-removed",
                            e.getValue().toString(),
                            e.getValue().pointer(),
                            true,
                            "");
                }
            } else {
                operation(e.getValue(), newOp);
            }
        }
        for (Map.Entry<String, HttpOperation> e : news.entrySet()) {
            if (!olds.containsKey(e.getKey())) {
                add(
                        oldPaths.contains(normalizedPath(e.getValue())) ? "operation-added" : "path-added",
                        e.getValue().toString(),
                        e.getValue().pointer(),
                        false,
                        "");
            }
        }
    }

    /** Paths compared with variables anonymised: renaming {id} to {userId} is not a new path. */
    private static String normalizedPath(HttpOperation op) {
        return op.pathTemplate().replaceAll("\\{[^}]*}", "{}");
    }

    private static Map<String, HttpOperation> byKey(List<HttpOperation> ops) {
        Map<String, HttpOperation> m = new LinkedHashMap<>();
        ops.forEach(o -> m.put(o.method() + " " + normalizedPath(o), o));
        return m;
    }

    private void operation(HttpOperation o, HttpOperation n) {
        String op = n.toString();
        parameters(o, n, op);
        requestBody(o, n, op);
        responses(o, n, op);
    }

    private void parameters(HttpOperation o, HttpOperation n, String op) {
        Map<String, JsonNode> olds = parameterNodes(oldDoc, o);
        Map<String, JsonNode> news = parameterNodes(newDoc, n);
        for (Map.Entry<String, JsonNode> e : news.entrySet()) {
            JsonNode np = e.getValue();
            JsonNode opar = olds.get(e.getKey());
            boolean required =
                    np.path("in").asText().equals("path") || np.path("required").asBoolean(false);
            String where = n.pointer() + "/parameters";
            if (opar == null) {
                add(
                        required ? "parameter-added-required" : "parameter-added-optional",
                        op,
                        where,
                        required,
                        e.getKey());
                continue;
            }
            boolean wasRequired = opar.path("in").asText().equals("path")
                    || opar.path("required").asBoolean(false);
            if (required && !wasRequired) {
                add("parameter-became-required", op, where, true, e.getKey());
            } else if (!required && wasRequired) {
                add("parameter-became-optional", op, where, false, e.getKey());
            }
            if (opar.has("schema") && np.has("schema")) {
                schema("parameter/" + e.getKey(), op, where, opar.get("schema"), np.get("schema"), true);
            }
        }
        for (String key : olds.keySet()) {
            if (!news.containsKey(key)) {
                add("parameter-removed", op, o.pointer() + "/parameters", false, key);
            }
        }
    }

    private Map<String, JsonNode> parameterNodes(JsonNode doc, HttpOperation op) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        String pathPointer = parent(op.pointer());
        for (String base : List.of(pathPointer, op.pointer())) {
            JsonNode list = doc.at(base + "/parameters");
            for (int i = 0; i < list.size(); i++) {
                JsonNode p = follow(doc, list.get(i));
                String in = p.path("in").asText();
                String name = p.path("name").asText();
                // path parameters are positional: renaming one is not a change
                out.put(in.equals("path") ? "path:" + positionOf(op.pathTemplate(), name) : in + ":" + name, p);
            }
        }
        return out;
    }

    private static String positionOf(String template, String name) {
        String[] segments = template.split("/");
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].equals("{" + name + "}")) {
                return "#" + i;
            }
        }
        return name;
    }

    private void requestBody(HttpOperation o, HttpOperation n, String op) {
        JsonNode ob = follow(oldDoc, oldDoc.at(o.pointer() + "/requestBody"));
        JsonNode nb = follow(newDoc, newDoc.at(n.pointer() + "/requestBody"));
        String where = n.pointer() + "/requestBody";
        boolean oldRequired = ob.path("required").asBoolean(false);
        boolean newRequired = nb.path("required").asBoolean(false);
        if (ob.isMissingNode() && !nb.isMissingNode()) {
            add(
                    newRequired ? "request-body-added-required" : "request-body-added-optional",
                    op,
                    where,
                    newRequired,
                    "");
        } else if (!ob.isMissingNode() && nb.isMissingNode()) {
            add("request-body-removed", op, o.pointer() + "/requestBody", false, "");
        } else if (!oldRequired && newRequired) {
            add("request-body-became-required", op, where, true, "");
        }
        media(ob.path("content"), nb.path("content"), op, where, true);
    }

    private void responses(HttpOperation o, HttpOperation n, String op) {
        JsonNode or = oldDoc.at(o.pointer() + "/responses");
        JsonNode nr = newDoc.at(n.pointer() + "/responses");
        for (var e : or.properties()) {
            String status = e.getKey();
            String where = n.pointer() + "/responses/" + status;
            if (!nr.has(status)) {
                boolean success = status.startsWith("2") || status.equals("default");
                add(
                        success ? "success-response-removed" : "response-removed",
                        op,
                        o.pointer() + "/responses/" + status,
                        success,
                        status);
                continue;
            }
            media(
                    follow(oldDoc, e.getValue()).path("content"),
                    follow(newDoc, nr.get(status)).path("content"),
                    op,
                    where,
                    false);
        }
        for (var e : nr.properties()) {
            if (!or.has(e.getKey())) {
                add("response-added", op, n.pointer() + "/responses/" + e.getKey(), false, e.getKey());
            }
        }
    }

    private void media(JsonNode oldContent, JsonNode newContent, String op, String where, boolean request) {
        String side = request ? "request" : "response";
        for (var e : oldContent.properties()) {
            String type = e.getKey();
            String at = where + "/content/" + Schemas.escape(type);
            JsonNode nm = newContent.get(type);
            if (nm == null) {
                add(side + "-media-type-removed", op, at, true, type);
                continue;
            }
            JsonNode os = e.getValue().get("schema");
            JsonNode ns = nm.get("schema");
            if (os != null && ns != null) {
                schema(side + "-body", op, at + "/schema", os, ns, request);
            }
        }
        for (var e : newContent.properties()) {
            if (!oldContent.has(e.getKey())) {
                add(
                        side + "-media-type-added",
                        op,
                        where + "/content/" + Schemas.escape(e.getKey()),
                        false,
                        e.getKey());
            }
        }
    }

    /**
     * A body or parameter schema. Requests: the new schema must read what old clients send (lenient about new optional
     * properties). Responses: old clients must read what the new server sends, judged strictly.
     */
    private void schema(String kind, String op, String where, JsonNode oldSchema, JsonNode newSchema, boolean request) {
        List<SchemaChange> changes = request
                ? SchemaDiffer.diff(oldDoc, oldSchema, newDoc, newSchema, true)
                : SchemaDiffer.diff(newDoc, newSchema, oldDoc, oldSchema, false);
        for (SchemaChange c : changes) {
            if (c.kind().name().endsWith("_CHANGED") && c.kind().isBackwardCompatible()) {
                continue; // titles, descriptions, ids: not an API change
            }
            // response changes were computed new -> old; name them the way they happened, old -> new
            String label = request ? c.kind().label() : invert(c.kind().label());
            add(kind + "/" + label, op, where + c.path(), !c.isBackwardCompatible(), c.detail());
        }
    }

    private static final String[][] OPPOSITES = {
        {"added", "removed"},
        {"to", "from"},
        {"extended", "narrowed"},
        {"relaxed", "tightened"},
        {"allowed", "forbidden"}
    };

    /** The label of a change seen from the other side: added becomes removed, extended narrowed, and so on. */
    public static String invert(String label) {
        String[] words = label.split("-");
        for (int i = 0; i < words.length; i++) {
            for (String[] pair : OPPOSITES) {
                if (words[i].equals(pair[0])) {
                    words[i] = pair[1];
                    break;
                }
                if (words[i].equals(pair[1])) {
                    words[i] = pair[0];
                    break;
                }
            }
        }
        return String.join("-", words);
    }

    private static JsonNode follow(JsonNode doc, JsonNode node) {
        return Inliner.follow(doc, node);
    }

    private static String parent(String pointer) {
        return pointer.substring(0, pointer.lastIndexOf('/'));
    }

    private void add(String kind, String op, String path, boolean breaking, @Nullable String detail) {
        out.add(new ApiChange(kind, op, path, breaking, detail == null ? "" : detail));
    }
}
