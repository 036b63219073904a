package ai.openclaw.sdk.internal.contract;

import ai.openclaw.sdk.contract.ApiChange;
import ai.openclaw.sdk.contract.HttpOperation;
import ai.openclaw.sdk.contract.SchemaChange;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
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
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

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
                List<HttpOperation> gone = oldOps.stream()
                        .filter(o -> normalizedPath(o).equals(path))
                        .toList();
                HttpOperation any = gone.get(0);
                // a path may go once every operation under it may: the first that may not says why it breaks
                Removal removal = gone.stream()
                        .map(this::removal)
                        .filter(Removal::breaking)
                        .findFirst()
                        .orElseGet(() -> removal(any));
                add("path-removed", any.pathTemplate(), parent(any.pointer()), removal.breaking(), removal.why());
            }
        }
        for (Map.Entry<String, HttpOperation> e : olds.entrySet()) {
            HttpOperation newOp = news.get(e.getKey());
            if (newOp == null) {
                if (newPaths.contains(normalizedPath(e.getValue()))) {
                    Removal removal = removal(e.getValue());
                    add(
                            "operation-removed",
                            e.getValue().toString(),
                            e.getValue().pointer(),
                            removal.breaking(),
                            removal.why());
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
        int first = out.size();
        parameters(o, n, op);
        requestBody(o, n, op);
        responses(o, n, op);
        security(o, n, op);
        String stability = unstable(o);
        if (stability != null) {
            // an operation still at draft or alpha stability promises nothing: its changes are reported, none breaks
            for (int i = first; i < out.size(); i++) {
                ApiChange c = out.get(i);
                if (c.breaking()) {
                    String detail = c.detail().isEmpty() ? stability : c.detail() + "; " + stability;
                    out.set(i, new ApiChange(c.kind(), c.operation(), c.path(), false, detail));
                }
            }
        }
    }

    /** Whether removing an operation breaks its clients, and why not when it does not. */
    private record Removal(boolean breaking, String why) {}

    /**
     * An operation may go without breaking anyone it promised to when it was still at {@code x-stability-level} draft
     * or alpha, or when it was {@code deprecated} and its {@code x-sunset} date (if any) has passed; removed before its
     * sunset, or never deprecated, it breaks the clients still calling it.
     */
    private Removal removal(HttpOperation op) {
        String stability = unstable(op);
        if (stability != null) {
            return new Removal(false, stability);
        }
        JsonNode node = oldDoc.at(op.pointer());
        if (!node.path("deprecated").asBoolean(false)) {
            return new Removal(true, "");
        }
        JsonNode sunset = node.path("x-sunset");
        if (!sunset.isValueNode() || sunset.isNull()) {
            return new Removal(false, "deprecated");
        }
        String text = sunset.asText();
        LocalDate date;
        try {
            date = LocalDate.parse(text.length() > 10 && text.charAt(10) == 'T' ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            return new Removal(true, "deprecated, but its x-sunset '" + text + "' is not a date (RFC 3339)");
        }
        return date.isAfter(today)
                ? new Removal(true, "removed before its x-sunset date " + date)
                : new Removal(false, "deprecated, x-sunset " + date + " passed");
    }

    /** "x-stability-level draft" (or alpha) for an operation that promises no stability yet, else null. */
    private @Nullable String unstable(HttpOperation op) {
        String level = oldDoc.at(op.pointer()).path("x-stability-level").asText("");
        return level.equals("draft") || level.equals("alpha") ? "x-stability-level " + level : null;
    }

    /**
     * Security requirements: a list of alternatives, each a set of schemes (with scopes) a client satisfies together.
     * A client that met an old alternative must meet a new one: each old alternative needs a new one asking for no
     * more (its schemes a subset, each with a subset of the scopes) under schemes that did not change.
     */
    private void security(HttpOperation o, HttpOperation n, String op) {
        JsonNode olds = requirements(oldDoc, o);
        JsonNode news = requirements(newDoc, n);
        String where = n.pointer() + "/security";
        Set<String> changedSchemes = new LinkedHashSet<>();
        Map<String, Set<String>> scopesAskedFor = new LinkedHashMap<>();
        for (JsonNode alternative : olds) {
            alternative.properties().forEach(e -> {
                Set<String> scopes = scopesAskedFor.computeIfAbsent(e.getKey(), k -> new LinkedHashSet<>());
                e.getValue().forEach(scope -> scopes.add(scope.asText()));
            });
        }
        for (JsonNode alternative : olds) {
            alternative.fieldNames().forEachRemaining(name -> {
                String change = schemeChange(name, scopesAskedFor.getOrDefault(name, Set.of()));
                if (change != null && changedSchemes.add(name)) {
                    add(
                            "security-scheme-changed",
                            op,
                            "/components/securitySchemes/" + Schemas.escape(name),
                            true,
                            name + ": " + change);
                }
            });
        }
        Set<JsonNode> explained = new java.util.HashSet<>();
        for (JsonNode alternative : olds) {
            boolean met = false;
            for (JsonNode candidate : news) {
                if (asksNoMore(candidate, alternative, changedSchemes)) {
                    met = true;
                    break;
                }
            }
            if (met) {
                continue;
            }
            if (alternative.isEmpty()) {
                add("security-added", op, where, true, "anonymous access removed");
                continue;
            }
            // the same requirement asking for more: name what it asks for now, rather than a removal and an addition
            JsonNode grown = null;
            for (JsonNode candidate : news) {
                if (!containsAny(olds, candidate) && coversSchemes(candidate, alternative)) {
                    grown = candidate;
                    break;
                }
            }
            if (grown == null) {
                add("security-alternative-removed", op, where, true, describe(alternative));
            } else {
                explained.add(grown);
                List<String> more = new ArrayList<>();
                grown.properties().forEach(e -> {
                    JsonNode had = alternative.get(e.getKey());
                    if (had == null) {
                        more.add(e.getKey());
                    } else {
                        for (JsonNode scope : e.getValue()) {
                            if (!containsAny(had, scope)) {
                                more.add(e.getKey() + ":" + scope.asText());
                            }
                        }
                    }
                });
                boolean scopesOnly = grown.size() == alternative.size();
                add(
                        scopesOnly ? "security-scope-added" : "security-scheme-added",
                        op,
                        where,
                        true,
                        describe(alternative) + " now needs " + String.join(", ", more));
            }
        }
        for (JsonNode alternative : news) {
            if (!containsAny(olds, alternative) && !explained.contains(alternative)) {
                add("security-alternative-added", op, where, false, describe(alternative));
            }
        }
    }

    private static boolean containsAny(JsonNode array, JsonNode value) {
        for (JsonNode v : array) {
            if (v.equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a requirement names every scheme of another (and maybe more). */
    private static boolean coversSchemes(JsonNode candidate, JsonNode alternative) {
        for (var it = alternative.fieldNames(); it.hasNext(); ) {
            if (!candidate.has(it.next())) {
                return false;
            }
        }
        return true;
    }

    /** The requirements in effect: the operation's, else the document's; none means anonymous access. */
    private static JsonNode requirements(JsonNode doc, HttpOperation op) {
        JsonNode own = doc.at(op.pointer() + "/security");
        JsonNode effective = own.isArray() ? own : doc.path("security");
        if (!effective.isArray() || effective.isEmpty()) {
            com.fasterxml.jackson.databind.node.ArrayNode anonymous =
                    com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
            anonymous.addObject();
            return anonymous;
        }
        return effective;
    }

    private static boolean asksNoMore(JsonNode candidate, JsonNode old, Set<String> changedSchemes) {
        for (var e : candidate.properties()) {
            JsonNode oldScopes = old.get(e.getKey());
            if (oldScopes == null || changedSchemes.contains(e.getKey())) {
                return false;
            }
            Set<String> had = new java.util.HashSet<>();
            oldScopes.forEach(x -> had.add(x.asText()));
            for (JsonNode scope : e.getValue()) {
                if (!had.contains(scope.asText())) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * How a security scheme changed in a way clients notice (type, where an API key goes, HTTP scheme, flow URLs, a
     * scope the operation asks for no longer offered). Scopes the operation never asked for may come and go.
     */
    private @Nullable String schemeChange(String name, Set<String> scopesAskedFor) {
        JsonNode o = Inliner.follow(
                oldDoc, oldDoc.path("components").path("securitySchemes").path(name));
        JsonNode n = Inliner.follow(
                newDoc, newDoc.path("components").path("securitySchemes").path(name));
        if (n.isMissingNode()) {
            return "removed";
        }
        for (String key : List.of("type", "in", "name", "scheme", "openIdConnectUrl")) {
            String ov = o.path(key).asText("");
            String nv = n.path(key).asText("");
            if (!ov.equalsIgnoreCase(nv)) {
                return key + " " + (ov.isEmpty() ? "none" : ov) + " -> " + (nv.isEmpty() ? "none" : nv);
            }
        }
        for (var flow : o.path("flows").properties()) {
            JsonNode nf = n.path("flows").get(flow.getKey());
            if (nf == null) {
                return "flow " + flow.getKey() + " removed";
            }
            for (String url : List.of("authorizationUrl", "tokenUrl", "refreshUrl")) {
                if (!flow.getValue().path(url).equals(nf.path(url))) {
                    return "flow " + flow.getKey() + " " + url + " changed";
                }
            }
            for (var scope : flow.getValue().path("scopes").properties()) {
                if (scopesAskedFor.contains(scope.getKey())
                        && !nf.path("scopes").has(scope.getKey())) {
                    return "flow " + flow.getKey() + " scope " + scope.getKey() + " removed";
                }
            }
        }
        return null;
    }

    private static String describe(JsonNode alternative) {
        List<String> parts = new ArrayList<>();
        alternative
                .properties()
                .forEach(e -> parts.add(
                        e.getValue().isEmpty()
                                ? e.getKey()
                                : e.getKey() + e.getValue().toString()));
        return parts.isEmpty() ? "anonymous" : String.join(" + ", parts);
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
            serialisation(opar, np, op, where, e.getKey());
            JsonNode os = parameterSchema(opar);
            JsonNode ns = parameterSchema(np);
            if (os != null && ns != null) {
                schema("parameter/" + e.getKey(), op, where, os, ns, true);
            }
        }
        for (String key : olds.keySet()) {
            if (!news.containsKey(key)) {
                add("parameter-removed", op, o.pointer() + "/parameters", false, key);
            }
        }
    }

    /** A parameter's schema: {@code schema}, or the schema of its one {@code content} entry. */
    private static @Nullable JsonNode parameterSchema(JsonNode p) {
        if (p.has("schema")) {
            return p.get("schema");
        }
        JsonNode content = p.path("content");
        return content.size() == 1 ? content.elements().next().get("schema") : null;
    }

    /**
     * How a parameter's value is written: a changed {@code style} or {@code explode} changes what clients must send
     * ({@code ?ids=1,2} against {@code ?ids=1&ids=2}); {@code allowEmptyValue} withdrawn refuses {@code ?name=}, and
     * {@code allowReserved} withdrawn refuses reserved characters sent as they are.
     */
    private void serialisation(JsonNode o, JsonNode n, String op, String where, String key) {
        String in = n.path("in").asText();
        String defaultStyle = in.equals("query") || in.equals("cookie") ? "form" : "simple";
        String os = o.path("style").asText(defaultStyle);
        String ns = n.path("style").asText(defaultStyle);
        if (!os.equals(ns)) {
            add("parameter-style-changed", op, where, true, key + ": " + os + " -> " + ns);
        }
        boolean oe = o.path("explode").asBoolean(os.equals("form"));
        boolean ne = n.path("explode").asBoolean(ns.equals("form"));
        if (oe != ne && os.equals(ns) && explodeMatters(n)) {
            add("parameter-explode-changed", op, where, true, key + ": " + oe + " -> " + ne);
        }
        permission(o, n, "allowReserved", "parameter-reserved", op, where, key);
        permission(o, n, "allowEmptyValue", "parameter-empty-value", op, where, key);
    }

    /** A boolean that lets clients send more: withdrawn breaks ({@code ...-forbidden}), granted does not. */
    private void permission(JsonNode o, JsonNode n, String field, String kind, String op, String where, String key) {
        boolean was = o.path(field).asBoolean(false);
        boolean is = n.path(field).asBoolean(false);
        if (was && !is) {
            add(kind + "-forbidden", op, where, true, key);
        } else if (!was && is) {
            add(kind + "-allowed", op, where, false, key);
        }
    }

    /** explode changes the serialisation of arrays and objects only. */
    private boolean explodeMatters(JsonNode parameter) {
        JsonNode schema = Inliner.follow(newDoc, parameter.path("schema"));
        String type = schema.path("type").asText("");
        return type.isEmpty() || type.equals("array") || type.equals("object");
    }

    private Map<String, JsonNode> parameterNodes(JsonNode doc, HttpOperation op) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        String pathPointer = parent(op.pointer());
        for (String base : List.of(pathPointer, op.pointer())) {
            JsonNode list = doc.at(base + "/parameters");
            for (int i = 0; i < list.size(); i++) {
                JsonNode p = Inliner.follow(doc, list.get(i));
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
        JsonNode ob = Inliner.follow(oldDoc, oldDoc.at(o.pointer() + "/requestBody"));
        JsonNode nb = Inliner.follow(newDoc, newDoc.at(n.pointer() + "/requestBody"));
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
                // a default removed beside a documented success was the catch-all for errors, not the answer clients
                // waited for
                boolean success = status.startsWith("2") || (status.equals("default") && !documentsSuccess(nr));
                add(
                        success ? "success-response-removed" : "response-removed",
                        op,
                        o.pointer() + "/responses/" + status,
                        success,
                        status);
                continue;
            }
            JsonNode oldResponse = Inliner.follow(oldDoc, e.getValue());
            JsonNode newResponse = Inliner.follow(newDoc, nr.get(status));
            media(oldResponse.path("content"), newResponse.path("content"), op, where, false);
            responseHeaders(oldResponse.path("headers"), newResponse.path("headers"), op, where, status);
        }
        for (var e : nr.properties()) {
            if (!or.has(e.getKey())) {
                add("response-added", op, n.pointer() + "/responses/" + e.getKey(), false, e.getKey());
            }
        }
    }

    private static boolean documentsSuccess(JsonNode responses) {
        for (var it = responses.fieldNames(); it.hasNext(); ) {
            if (it.next().startsWith("2")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Response headers, read by old clients, strictly as response bodies are: a header removed (required or not: a
     * client reads an optional one whenever it comes) or no longer always sent breaks them, and a header's schema is
     * judged as a response body's is.
     */
    private void responseHeaders(JsonNode olds, JsonNode news, String op, String where, String status) {
        Map<String, JsonNode> newByName = new LinkedHashMap<>();
        news.properties().forEach(h -> newByName.put(h.getKey().toLowerCase(java.util.Locale.ROOT), h.getValue()));
        for (var h : olds.properties()) {
            String name = h.getKey();
            JsonNode oh = Inliner.follow(oldDoc, h.getValue());
            JsonNode nh = newByName.get(name.toLowerCase(java.util.Locale.ROOT));
            boolean wasRequired = oh.path("required").asBoolean(false);
            String at = where + "/headers/" + Schemas.escape(name);
            if (nh == null) {
                // an old client may read an optional header whenever it comes, as it reads an optional property
                add(
                        wasRequired ? "response-required-header-removed" : "response-optional-header-removed",
                        op,
                        at,
                        true,
                        status + " " + name);
                continue;
            }
            nh = Inliner.follow(newDoc, nh);
            if (wasRequired && !nh.path("required").asBoolean(false)) {
                add("response-header-became-optional", op, at, true, status + " " + name);
            }
            JsonNode os = parameterSchema(oh);
            JsonNode ns = parameterSchema(nh);
            if (os != null && ns != null) {
                schema("response-header/" + name, op, at + "/schema", os, ns, false);
            }
        }
        Map<String, JsonNode> oldByName = new LinkedHashMap<>();
        olds.properties().forEach(h -> oldByName.put(h.getKey().toLowerCase(java.util.Locale.ROOT), h.getValue()));
        for (var h : news.properties()) {
            if (!oldByName.containsKey(h.getKey().toLowerCase(java.util.Locale.ROOT))) {
                add(
                        "response-header-added",
                        op,
                        where + "/headers/" + Schemas.escape(h.getKey()),
                        false,
                        status + " " + h.getKey());
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
                ? SchemaDiffer.diffHttp(oldDoc, oldSchema, newDoc, newSchema, SchemaDiffer.Side.REQUEST)
                : SchemaDiffer.diffHttp(newDoc, newSchema, oldDoc, oldSchema, SchemaDiffer.Side.RESPONSE);
        for (SchemaChange c : changes) {
            if (c.kind().name().endsWith("_CHANGED") && c.kind().isBackwardCompatible()) {
                continue; // titles, descriptions, ids: not an API change
            }
            // response changes were computed new -> old; name them the way they happened, old -> new
            String label = request ? c.kind().label() : invert(c.kind().label());
            String detail = request ? c.detail() : swapped(c.detail());
            add(kind + "/" + label, op, where + c.path(), !c.isBackwardCompatible(), detail);
        }
    }

    /** {@code a -> b} read the other way, {@code b -> a}; other details as they are. */
    static String swapped(String detail) {
        int arrow = detail.indexOf(" -> ");
        if (arrow < 0 || detail.indexOf(" -> ", arrow + 4) >= 0) {
            return detail;
        }
        String rest = detail.substring(arrow + 4);
        String suffix = "";
        int paren = rest.indexOf(" (");
        if (paren >= 0) {
            suffix = rest.substring(paren);
            rest = rest.substring(0, paren);
        }
        return rest + " -> " + detail.substring(0, arrow) + suffix;
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

    private static String parent(String pointer) {
        return pointer.substring(0, pointer.lastIndexOf('/'));
    }

    private void add(String kind, String op, String path, boolean breaking, @Nullable String detail) {
        out.add(new ApiChange(kind, op, path, breaking, detail == null ? "" : detail));
    }
}
