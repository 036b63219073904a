package ai.openclaw.sdk.internal.contract;

import ai.openclaw.sdk.contract.ChangeKind;
import ai.openclaw.sdk.contract.SchemaChange;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * Lists the changes from an old JSON Schema to a new one, judging each as a reader on the new schema sees data written
 * with the old one (Confluent Schema Registry's semantics). Local {@code $ref}s ({@code #/...}) are followed in each
 * schema's own document; recursive schemas end where a pair of references is already being compared.
 */
public final class SchemaDiffer {
    private static final JsonNode EMPTY = JsonNodeFactory.instance.objectNode();
    private static final Set<String> TYPES =
            Set.of("null", "boolean", "object", "array", "number", "integer", "string");

    private final JsonNode oldRoot;
    private final JsonNode newRoot;
    private final boolean openModelAddsFreely;
    private final @Nullable Side side;
    private final Set<String> comparing = new HashSet<>();

    /**
     * Which side of an HTTP exchange a body schema describes: a request body leaves out {@code readOnly} properties
     * (the server owns them, and a required one binds the response only), a response body {@code writeOnly} ones.
     */
    public enum Side {
        REQUEST,
        RESPONSE
    }

    /** Annotations that constrain nothing in an OpenAPI schema, beyond JSON Schema's own. */
    private static final Set<String> OPENAPI_ANNOTATIONS =
            Set.of("example", "examples", "deprecated", "externalDocs", "xml", "title", "description", "$comment");

    /** How a document writes tuples: by its declared dialect, or (none declared) by the keywords it uses. */
    private enum Tuples {
        /** draft-04 to 2019-09: an {@code items} array, then {@code additionalItems}; {@code prefixItems} means nothing. */
        ITEMS_ARRAY,
        /** 2020-12: {@code prefixItems}, then {@code items}; {@code additionalItems} means nothing. */
        PREFIX_ITEMS,
        /** no {@code $schema} (and OpenAPI documents): {@code prefixItems} when present, else an {@code items} array. */
        BY_SHAPE;

        static Tuples of(JsonNode root) {
            if (!root.path("$schema").isTextual()) {
                return BY_SHAPE;
            }
            String dialect = Schemas.dialectOf(root);
            if (dialect == null) {
                return BY_SHAPE;
            }
            return dialect.equals("https://json-schema.org/draft/2020-12/schema") ? PREFIX_ITEMS : ITEMS_ARRAY;
        }

        boolean prefixed(JsonNode s) {
            return this == PREFIX_ITEMS || (this == BY_SHAPE && s.has("prefixItems"));
        }

        JsonNode tuple(JsonNode s) {
            JsonNode t = prefixed(s) ? s.get("prefixItems") : s.get("items");
            return t != null && t.isArray() ? t : JsonNodeFactory.instance.arrayNode();
        }

        @Nullable
        JsonNode rest(JsonNode s) {
            if (prefixed(s)) {
                return s.get("items");
            }
            return s.path("items").isArray() ? s.get("additionalItems") : s.get("items");
        }

        String tupleKey(JsonNode s) {
            return prefixed(s) || !s.path("items").isArray() ? "prefixItems" : "items";
        }

        String restKey(JsonNode s) {
            return prefixed(s) || !s.path("items").isArray() ? "items" : "additionalItems";
        }
    }

    private final Tuples oldTuples;
    private final Tuples newTuples;

    private SchemaDiffer(JsonNode oldRoot, JsonNode newRoot, boolean openModelAddsFreely, @Nullable Side side) {
        this.oldRoot = oldRoot;
        this.newRoot = newRoot;
        this.openModelAddsFreely = openModelAddsFreely;
        this.side = side;
        this.oldTuples = Tuples.of(oldRoot);
        this.newTuples = Tuples.of(newRoot);
    }

    /**
     * The changes from {@code oldSchema} to {@code newSchema}.
     *
     * @param openModelAddsFreely judge properties added to an open content model as if it were closed (HTTP APIs:
     *     oasdiff and openapi-diff treat a new optional property as compatible); event contracts pass {@code false}
     */
    public static List<SchemaChange> diff(JsonNode oldSchema, JsonNode newSchema, boolean openModelAddsFreely) {
        return diff(oldSchema, oldSchema, newSchema, newSchema, openModelAddsFreely);
    }

    /** The changes between two schemas found inside larger documents (whose roots resolve their references). */
    public static List<SchemaChange> diff(
            JsonNode oldDocument,
            JsonNode oldSchema,
            JsonNode newDocument,
            JsonNode newSchema,
            boolean openModelAddsFreely) {
        List<SchemaChange> out = new ArrayList<>();
        new SchemaDiffer(oldDocument, newDocument, openModelAddsFreely, null).compare(oldSchema, newSchema, "", out);
        return List.copyOf(out);
    }

    /**
     * The changes between two body or parameter schemas of OpenAPI documents, as a reader on {@code newSchema} reads
     * what was written with {@code oldSchema}: in a request, a new optional property of an open model is compatible
     * (a response is judged strictly, as an event contract is); properties the
     * side leaves out ({@code readOnly} in requests, {@code writeOnly} in responses) are not compared; members of an
     * {@code allOf} that only annotate are ignored; {@code int32} widens to {@code int64}; discriminators compared.
     */
    public static List<SchemaChange> diffHttp(
            JsonNode oldDocument, JsonNode oldSchema, JsonNode newDocument, JsonNode newSchema, Side side) {
        List<SchemaChange> out = new ArrayList<>();
        // a request reader takes a new optional property freely; a response reader (old client) is judged strictly
        new SchemaDiffer(oldDocument, newDocument, side == Side.REQUEST, side).compare(oldSchema, newSchema, "", out);
        return List.copyOf(out);
    }

    private void compare(@Nullable JsonNode oldIn, @Nullable JsonNode newIn, String path, List<SchemaChange> out) {
        String oldRef = refOf(oldIn);
        String newRef = refOf(newIn);
        JsonNode rawOld = resolve(oldRoot, oldIn);
        JsonNode rawNew = resolve(newRoot, newIn);
        if (side == Side.REQUEST) {
            becameReadOnly(rawOld, rawNew, path, out);
        }
        JsonNode o = normalize(oldRoot, rawOld);
        JsonNode n = normalize(newRoot, rawNew);
        String pair = oldRef + "|" + newRef;
        if ((oldRef != null || newRef != null) && !comparing.add(pair)) {
            return; // already comparing these two definitions further up: a recursive schema
        }
        try {
            compareResolved(o, n, path, out);
        } finally {
            if (oldRef != null || newRef != null) {
                comparing.remove(pair);
            }
        }
    }

    private void compareResolved(JsonNode o, JsonNode n, String path, List<SchemaChange> out) {
        if (o.isBoolean() && !o.asBoolean()) {
            return; // nothing was valid before: anything reads it
        }
        if (n.isBoolean() && !n.asBoolean()) {
            out.add(change(ChangeKind.TYPE_NARROWED, path, "the schema became false: nothing is valid"));
            return;
        }
        annotations(o, n, path, out);
        if (side != null) {
            discriminator(o, n, path, out);
        }
        if (combinators(o, n, path, out)) {
            return;
        }
        if (!types(o, n, path, out)) {
            return; // disjoint types: comparing their keywords says nothing more
        }
        values(o, n, path, out);
        constraints(o, n, path, out);
        objects(o, n, path, out);
        arrays(o, n, path, out);
        not(o, n, path, out);
    }

    private void annotations(JsonNode o, JsonNode n, String path, List<SchemaChange> out) {
        changed(o, n, "$id", ChangeKind.ID_CHANGED, path, out);
        changed(o, n, "title", ChangeKind.TITLE_CHANGED, path, out);
        changed(o, n, "description", ChangeKind.DESCRIPTION_CHANGED, path, out);
        changed(o, n, "default", ChangeKind.DEFAULT_CHANGED, path, out);
    }

    private void changed(JsonNode o, JsonNode n, String key, ChangeKind kind, String path, List<SchemaChange> out) {
        if (!Objects.equals(o.get(key), n.get(key))) {
            out.add(change(kind, path + "/" + key, show(o.get(key)) + " -> " + show(n.get(key))));
        }
    }

    /** OpenAPI's discriminator: its property name, and which values its mapping knows (reader: new; writer: old). */
    private void discriminator(JsonNode o, JsonNode n, String path, List<SchemaChange> out) {
        JsonNode od = o.get("discriminator");
        JsonNode nd = n.get("discriminator");
        if (od == null && nd == null) {
            return;
        }
        String at = path + "/discriminator";
        if (od == null || nd == null) {
            out.add(change(od == null ? ChangeKind.DISCRIMINATOR_ADDED : ChangeKind.DISCRIMINATOR_REMOVED, at, ""));
            return;
        }
        String op = od.path("propertyName").asText("");
        String np = nd.path("propertyName").asText("");
        if (!op.equals(np)) {
            out.add(change(ChangeKind.DISCRIMINATOR_PROPERTY_CHANGED, at + "/propertyName", op + " -> " + np));
        }
        JsonNode om = od.path("mapping");
        JsonNode nm = nd.path("mapping");
        for (var e : om.properties()) {
            JsonNode target = nm.get(e.getKey());
            if (target == null) {
                out.add(change(ChangeKind.DISCRIMINATOR_MAPPING_NARROWED, at + "/mapping", e.getKey()));
            } else if (!target.equals(e.getValue())) {
                out.add(change(
                        ChangeKind.DISCRIMINATOR_MAPPING_CHANGED,
                        at + "/mapping/" + Schemas.escape(e.getKey()),
                        e.getValue().asText() + " -> " + target.asText()));
            }
        }
        for (var e : nm.properties()) {
            if (!om.has(e.getKey())) {
                out.add(change(ChangeKind.DISCRIMINATOR_MAPPING_EXTENDED, at + "/mapping", e.getKey()));
            }
        }
    }

    /** allOf / anyOf / oneOf. Returns true when the comparison is complete. */
    private boolean combinators(JsonNode o, JsonNode n, String path, List<SchemaChange> out) {
        String oc = combinator(o);
        String nc = combinator(n);
        if (oc == null && nc == null) {
            return false;
        }
        // one distinct member validates as that member alone, whichever the keyword: allOf [S], anyOf [S], oneOf [S]
        // and S accept the same documents, so switching between them (or to S) changes nothing by itself
        if (!Objects.equals(oc, nc)) {
            JsonNode of = oc == null ? null : single(oldRoot, o, oc);
            JsonNode nf = nc == null ? null : single(newRoot, n, nc);
            if (of != null || nf != null) {
                List<SchemaChange> sub = new ArrayList<>();
                compareResolved(of != null ? of : o, nf != null ? nf : n, path, sub);
                boolean changed = sub.stream().anyMatch(c -> c.kind() == ChangeKind.COMBINED_TYPE_CHANGED);
                if (oc != null && nc != null && !changed) {
                    out.add(change(ChangeKind.COMBINED_TYPE_EXTENDED, path, oc + " -> " + nc + " (one member)"));
                }
                out.addAll(sub);
                return true;
            }
        }
        if (oc == null) {
            JsonNode branches = n.get(nc);
            if (!nc.equals("allOf")) {
                for (int i = 0; i < branches.size(); i++) {
                    List<SchemaChange> sub = new ArrayList<>();
                    compare(o, branches.get(i), path + "/" + nc + "/" + i, sub);
                    if (compatible(sub)) {
                        out.addAll(sub);
                        out.add(change(ChangeKind.SUM_TYPE_EXTENDED, path + "/" + nc, "the old schema is one branch"));
                        return true;
                    }
                }
            }
            out.add(change(ChangeKind.COMBINED_TYPE_CHANGED, path, "became " + nc));
            return true;
        }
        if (nc == null) {
            out.add(change(ChangeKind.COMBINED_TYPE_CHANGED, path, oc + " removed"));
            return true;
        }
        if (!oc.equals(nc)) {
            if (oc.equals("oneOf") && nc.equals("anyOf")) {
                out.add(change(ChangeKind.COMBINED_TYPE_EXTENDED, path, "oneOf -> anyOf"));
            } else {
                out.add(change(ChangeKind.COMBINED_TYPE_CHANGED, path, oc + " -> " + nc));
                return true;
            }
        }
        // a member listed twice adds nothing: allOf [S, S] is allOf [S]
        JsonNode ob = distinct(o.get(oc));
        JsonNode nb = distinct(n.get(nc));
        boolean product = nc.equals("allOf");
        if (nb.size() > ob.size()) {
            out.add(change(
                    product ? ChangeKind.PRODUCT_TYPE_EXTENDED : ChangeKind.SUM_TYPE_EXTENDED,
                    path + "/" + nc,
                    ob.size() + " -> " + nb.size() + " schemas"));
        } else if (nb.size() < ob.size()) {
            out.add(change(
                    product ? ChangeKind.PRODUCT_TYPE_NARROWED : ChangeKind.SUM_TYPE_NARROWED,
                    path + "/" + nc,
                    ob.size() + " -> " + nb.size() + " schemas"));
        }
        // Pair each old schema with a compatible new one (each used once); with allOf, pair each new with an old.
        JsonNode from = product ? nb : ob;
        JsonNode to = product ? ob : nb;
        Set<Integer> used = new HashSet<>();
        // unmatched members beyond the other side's count are the narrowing (anyOf) or extension (allOf) itself
        boolean sizeChange = product ? nb.size() > ob.size() : nb.size() < ob.size();
        for (int i = 0; i < from.size(); i++) {
            boolean matched = false;
            for (int j = 0; j < to.size() && !matched; j++) {
                if (used.contains(j)) {
                    continue;
                }
                List<SchemaChange> sub = new ArrayList<>();
                if (product) {
                    compare(to.get(j), from.get(i), path + "/" + nc + "/" + i, sub);
                } else {
                    compare(from.get(i), to.get(j), path + "/" + nc + "/" + j, sub);
                }
                if (compatible(sub)) {
                    used.add(j);
                    out.addAll(sub);
                    matched = true;
                }
            }
            if (!matched && !sizeChange) {
                out.add(change(
                        ChangeKind.COMBINED_TYPE_SUBSCHEMAS_CHANGED,
                        path + "/" + nc + "/" + i,
                        "no compatible counterpart"));
            }
        }
        compareResolved(without(o, oc), without(n, nc), path, out);
        return true;
    }

    /** The members of a combiner, each once (the first of equal ones). */
    private static JsonNode distinct(JsonNode members) {
        com.fasterxml.jackson.databind.node.ArrayNode out = JsonNodeFactory.instance.arrayNode();
        Set<JsonNode> seen = new HashSet<>();
        for (JsonNode m : members) {
            if (seen.add(m)) {
                out.add(m);
            }
        }
        return out;
    }

    /**
     * The schema a combiner with one distinct member stands for: the member (resolved) with the combiner's sibling
     * keywords; null when there are several members, or a sibling keyword and the member's disagree.
     */
    private @Nullable JsonNode single(JsonNode root, JsonNode s, String combinator) {
        JsonNode members = distinct(s.get(combinator));
        if (members.size() != 1) {
            return null;
        }
        JsonNode member = normalize(root, resolve(root, members.get(0)));
        JsonNode rest = without(s, combinator);
        if (!member.isObject()) {
            return rest.size() == 0 ? member : null; // true or false, alone
        }
        com.fasterxml.jackson.databind.node.ObjectNode merged = member.deepCopy();
        for (var it = rest.fields(); it.hasNext(); ) {
            var field = it.next();
            JsonNode mine = merged.get(field.getKey());
            if (mine != null && !mine.equals(field.getValue())) {
                return null;
            }
            merged.set(field.getKey(), field.getValue());
        }
        return merged;
    }

    private static @Nullable String combinator(JsonNode s) {
        for (String k : List.of("allOf", "anyOf", "oneOf")) {
            if (s.path(k).isArray()) {
                return k;
            }
        }
        return null;
    }

    private static JsonNode without(JsonNode s, @Nullable String key) {
        if (!s.isObject() || key == null) {
            return s;
        }
        return ((com.fasterxml.jackson.databind.node.ObjectNode) s.deepCopy()).without(key);
    }

    /** Returns false when the types are disjoint. */
    private boolean types(JsonNode o, JsonNode n, String path, List<SchemaChange> out) {
        Set<String> ot = typesOf(o);
        Set<String> nt = typesOf(n);
        if (ot.equals(nt)) {
            return true;
        }
        boolean widened = covers(nt, ot);
        boolean narrowed = covers(ot, nt);
        String detail = describeTypes(ot) + " -> " + describeTypes(nt);
        if (widened) {
            out.add(change(ChangeKind.TYPE_EXTENDED, path + "/type", detail));
        } else if (narrowed) {
            out.add(change(ChangeKind.TYPE_NARROWED, path + "/type", detail));
        } else {
            out.add(change(ChangeKind.TYPE_CHANGED, path + "/type", detail));
            Set<String> common = new HashSet<>(ot);
            common.retainAll(nt);
            return !common.isEmpty();
        }
        return true;
    }

    private static Set<String> typesOf(JsonNode s) {
        JsonNode type = s.get("type");
        if (type == null) {
            return TYPES;
        }
        Set<String> out = new TreeSet<>();
        if (type.isArray()) {
            type.forEach(t -> out.add(t.asText()));
        } else {
            out.add(type.asText());
        }
        if (s.path("nullable").asBoolean(false)) {
            out.add("null"); // OpenAPI 3.0
        }
        return out;
    }

    /** Whether every type in {@code inner} is accepted by {@code outer}; integers are numbers. */
    private static boolean covers(Set<String> outer, Set<String> inner) {
        for (String t : inner) {
            if (!outer.contains(t) && !(t.equals("integer") && outer.contains("number"))) {
                return false;
            }
        }
        return true;
    }

    private static String describeTypes(Set<String> types) {
        return types.equals(TYPES) ? "any" : String.join("|", types);
    }

    private void values(JsonNode o, JsonNode n, String path, List<SchemaChange> out) {
        JsonNode oe = o.get("enum");
        JsonNode ne = n.get("enum");
        if (oe != null || ne != null) {
            if (oe == null) {
                out.add(change(ChangeKind.ENUM_ADDED, path + "/enum", show(ne)));
            } else if (ne == null) {
                out.add(change(ChangeKind.ENUM_REMOVED, path + "/enum", show(oe)));
            } else {
                Set<JsonNode> os = setOf(oe);
                Set<JsonNode> ns = setOf(ne);
                if (!os.equals(ns)) {
                    ChangeKind k = ns.containsAll(os)
                            ? ChangeKind.ENUM_EXTENDED
                            : os.containsAll(ns) ? ChangeKind.ENUM_NARROWED : ChangeKind.ENUM_CHANGED;
                    out.add(change(k, path + "/enum", show(oe) + " -> " + show(ne)));
                }
            }
        }
        JsonNode oc = o.get("const");
        JsonNode nc = n.get("const");
        if (!Objects.equals(oc, nc)) {
            ChangeKind k = oc == null
                    ? ChangeKind.CONST_ADDED
                    : nc == null ? ChangeKind.CONST_REMOVED : ChangeKind.CONST_CHANGED;
            out.add(change(k, path + "/const", show(oc) + " -> " + show(nc)));
        }
    }

    private static Set<JsonNode> setOf(JsonNode array) {
        Set<JsonNode> s = new LinkedHashSet<>();
        array.forEach(s::add);
        return s;
    }

    private void constraints(JsonNode o, JsonNode n, String path, List<SchemaChange> out) {
        for (String k : List.of("maxLength", "maxItems", "maxProperties", "maxContains")) {
            limit(o, n, k, true, path, out);
        }
        for (String k : List.of("minLength", "minItems", "minProperties", "minContains")) {
            limit(o, n, k, false, path, out);
        }
        bound(o, n, true, path, out);
        bound(o, n, false, path, out);
        for (String k : List.of("pattern", "format", "contentMediaType", "contentEncoding")) {
            JsonNode ov = o.get(k);
            JsonNode nv = n.get(k);
            if (!Objects.equals(ov, nv)) {
                ChangeKind kind = ov == null
                        ? ChangeKind.CONSTRAINT_ADDED
                        : nv == null ? ChangeKind.CONSTRAINT_REMOVED : ChangeKind.CONSTRAINT_CHANGED;
                if (k.equals("format") && kind == ChangeKind.CONSTRAINT_CHANGED) {
                    if (WIDER_FORMAT.getOrDefault(ov.asText(), "").equals(nv.asText())) {
                        kind = ChangeKind.CONSTRAINT_RELAXED;
                    } else if (WIDER_FORMAT.getOrDefault(nv.asText(), "").equals(ov.asText())) {
                        kind = ChangeKind.CONSTRAINT_TIGHTENED;
                    }
                }
                out.add(change(kind, path + "/" + k, show(ov) + " -> " + show(nv)));
            }
        }
        JsonNode om = o.get("multipleOf");
        JsonNode nm = n.get("multipleOf");
        if (!Objects.equals(om, nm)) {
            ChangeKind kind;
            if (om == null) {
                kind = ChangeKind.CONSTRAINT_ADDED;
            } else if (nm == null) {
                kind = ChangeKind.CONSTRAINT_REMOVED;
            } else if (divides(nm.decimalValue(), om.decimalValue())) {
                kind = ChangeKind.CONSTRAINT_RELAXED; // every multiple of the old is a multiple of the new
            } else if (divides(om.decimalValue(), nm.decimalValue())) {
                kind = ChangeKind.CONSTRAINT_TIGHTENED;
            } else {
                kind = ChangeKind.CONSTRAINT_CHANGED;
            }
            out.add(change(kind, path + "/multipleOf", show(om) + " -> " + show(nm)));
        }
        boolean ou = o.path("uniqueItems").asBoolean(false);
        boolean nu = n.path("uniqueItems").asBoolean(false);
        if (ou != nu) {
            out.add(change(
                    nu ? ChangeKind.CONSTRAINT_ADDED : ChangeKind.CONSTRAINT_REMOVED,
                    path + "/uniqueItems",
                    ou + " -> " + nu));
        }
    }

    /** Formats whose values are all values of a wider one: OpenAPI's {@code int32} in {@code int64}. */
    private static final java.util.Map<String, String> WIDER_FORMAT =
            java.util.Map.of("int32", "int64", "float", "double");

    private static boolean divides(BigDecimal divisor, BigDecimal value) {
        return divisor.signum() != 0 && value.remainder(divisor).signum() == 0;
    }

    /**
     * A numeric bound as it limits values: its value and whether the value itself is excluded. {@code key} is the
     * keyword that sets it, for the change's path.
     */
    private record Bound(BigDecimal value, boolean exclusive, String key) {
        /** Whether this bound admits every value {@code other} admits, and more (upper: larger; lower: smaller). */
        int looseness(Bound other, boolean upper) {
            int c = value.compareTo(other.value);
            if (c != 0) {
                return upper ? c : -c;
            }
            return Boolean.compare(other.exclusive, exclusive); // at the same value, inclusive is the looser
        }

        @Override
        public String toString() {
            return key + " " + value.stripTrailingZeros().toPlainString();
        }
    }

    /**
     * The effective upper (maximum, exclusiveMaximum) or lower bound of a schema: the tighter of the two keywords, with
     * draft-04 and OpenAPI 3.0's boolean {@code exclusiveMaximum: true}, which makes {@code maximum} exclusive.
     */
    private static @Nullable Bound boundOf(JsonNode s, boolean upper) {
        String inclusiveKey = upper ? "maximum" : "minimum";
        String exclusiveKey = upper ? "exclusiveMaximum" : "exclusiveMinimum";
        JsonNode inclusive = s.get(inclusiveKey);
        JsonNode exclusive = s.get(exclusiveKey);
        Bound a = null;
        if (inclusive != null && inclusive.isNumber()) {
            boolean flag = exclusive != null && exclusive.isBoolean() && exclusive.asBoolean();
            a = new Bound(inclusive.decimalValue(), flag, flag ? exclusiveKey : inclusiveKey);
        }
        Bound b = exclusive != null && exclusive.isNumber()
                ? new Bound(exclusive.decimalValue(), true, exclusiveKey)
                : null;
        if (a == null || b == null) {
            return a != null ? a : b;
        }
        return a.looseness(b, upper) > 0 ? b : a; // the tighter one limits
    }

    private static void bound(JsonNode o, JsonNode n, boolean upper, String path, List<SchemaChange> out) {
        Bound ob = boundOf(o, upper);
        Bound nb = boundOf(n, upper);
        if (ob == null && nb == null) {
            return;
        }
        ChangeKind kind;
        if (ob == null) {
            kind = ChangeKind.CONSTRAINT_ADDED;
        } else if (nb == null) {
            kind = ChangeKind.CONSTRAINT_REMOVED;
        } else {
            int looser = nb.looseness(ob, upper);
            if (looser == 0) {
                return;
            }
            kind = looser > 0 ? ChangeKind.CONSTRAINT_RELAXED : ChangeKind.CONSTRAINT_TIGHTENED;
        }
        String key = nb != null ? nb.key() : ob.key();
        out.add(change(kind, path + "/" + key, (ob == null ? "none" : ob) + " -> " + (nb == null ? "none" : nb)));
    }

    private static void limit(JsonNode o, JsonNode n, String key, boolean upper, String path, List<SchemaChange> out) {
        JsonNode ov = o.get(key);
        JsonNode nv = n.get(key);
        if (Objects.equals(ov, nv)
                || (ov != null && nv != null && ov.decimalValue().compareTo(nv.decimalValue()) == 0)) {
            return;
        }
        ChangeKind kind;
        if (ov == null) {
            kind = ChangeKind.CONSTRAINT_ADDED;
        } else if (nv == null) {
            kind = ChangeKind.CONSTRAINT_REMOVED;
        } else {
            boolean increased = nv.decimalValue().compareTo(ov.decimalValue()) > 0;
            kind = increased == upper ? ChangeKind.CONSTRAINT_RELAXED : ChangeKind.CONSTRAINT_TIGHTENED;
        }
        out.add(change(kind, path + "/" + key, show(ov) + " -> " + show(nv)));
    }

    private void objects(JsonNode o, JsonNode n, String path, List<SchemaChange> out) {
        JsonNode op = o.path("properties");
        JsonNode np = n.path("properties");
        Set<String> oReq = strings(o.path("required"));
        Set<String> nReq = strings(n.path("required"));
        for (String key : union(op, np)) {
            String at = path + "/properties/" + Schemas.escape(key);
            JsonNode os = op.get(key);
            JsonNode ns = np.get(key);
            if (os != null && ns != null) {
                if (oReq.contains(key) && !nReq.contains(key)) {
                    out.add(change(ChangeKind.REQUIRED_REMOVED, path + "/required", key));
                } else if (!oReq.contains(key) && nReq.contains(key)) {
                    out.add(change(
                            hasDefault(newRoot, ns)
                                    ? ChangeKind.REQUIRED_WITH_DEFAULT_ADDED
                                    : ChangeKind.REQUIRED_ADDED,
                            path + "/required",
                            key));
                }
                compare(os, ns, at, out);
            } else if (ns == null) {
                propertyRemoved(n, key, os, at, out);
            } else {
                propertyAdded(o, n, key, ns, nReq.contains(key), at, out);
            }
        }
        additional(
                o,
                n,
                "additionalProperties",
                path,
                out,
                ChangeKind.ADDITIONAL_PROPERTIES_ALLOWED,
                ChangeKind.ADDITIONAL_PROPERTIES_FORBIDDEN,
                ChangeKind.ADDITIONAL_PROPERTIES_EXTENDED,
                ChangeKind.ADDITIONAL_PROPERTIES_NARROWED);
        dependentRequired(o, n, path, out);
        dependentSchemas(o, n, path, out);
    }

    private void propertyRemoved(JsonNode n, String key, JsonNode oldSchema, String at, List<SchemaChange> out) {
        if (isOpen(n)) {
            out.add(change(ChangeKind.PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL, at, key));
            return;
        }
        JsonNode partial = partialSchema(n, key);
        if (partial != null) {
            partiallyOpen(
                    oldSchema,
                    partial,
                    at,
                    key,
                    ChangeKind.PROPERTY_REMOVED_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL,
                    ChangeKind.PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL,
                    out);
            return;
        }
        JsonNode resolved = resolve(oldRoot, oldSchema);
        out.add(change(
                resolved.isBoolean() && !resolved.asBoolean()
                        ? ChangeKind.PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL
                        : ChangeKind.PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL,
                at,
                key));
    }

    private void propertyAdded(
            JsonNode o,
            JsonNode n,
            String key,
            JsonNode newSchema,
            boolean required,
            String at,
            List<SchemaChange> out) {
        if (isOpen(o) && openModelAddsFreely) {
            ChangeKind kind = !required
                    ? ChangeKind.OPTIONAL_PROPERTY_ADDED
                    : hasDefault(newRoot, newSchema)
                            ? ChangeKind.REQUIRED_PROPERTY_WITH_DEFAULT_ADDED
                            : ChangeKind.REQUIRED_PROPERTY_ADDED;
            out.add(change(kind, at, key));
            return;
        }
        if (isOpen(o)) {
            out.add(change(
                    isEmpty(resolve(newRoot, newSchema))
                            ? ChangeKind.PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL
                            : ChangeKind.PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL,
                    at,
                    key));
            return;
        }
        JsonNode partial = isOpen(o) ? null : partialSchema(o, key);
        if (partial != null) {
            partiallyOpen(
                    partial,
                    newSchema,
                    at,
                    key,
                    ChangeKind.PROPERTY_ADDED_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL,
                    ChangeKind.PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL,
                    out);
        }
        if (required) {
            out.add(change(
                    hasDefault(newRoot, newSchema)
                            ? ChangeKind.REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_CLOSED_CONTENT_MODEL
                            : ChangeKind.REQUIRED_PROPERTY_ADDED_TO_CLOSED_CONTENT_MODEL,
                    at,
                    key));
        } else {
            out.add(change(ChangeKind.OPTIONAL_PROPERTY_ADDED_TO_CLOSED_CONTENT_MODEL, at, key));
        }
    }

    /** Open: no patternProperties, and additionalProperties absent or true. */
    private static boolean isOpen(JsonNode s) {
        JsonNode ap = s.get("additionalProperties");
        return !s.has("patternProperties") && (ap == null || (ap.isBoolean() && ap.asBoolean()) || isEmpty(ap));
    }

    /** The schema a partially open model gives an undeclared property: a matching pattern's, or additionalProperties'. */
    private static @Nullable JsonNode partialSchema(JsonNode s, String key) {
        for (var e : s.path("patternProperties").properties()) {
            try {
                if (Pattern.compile(e.getKey()).matcher(key).find()) {
                    return e.getValue();
                }
            } catch (PatternSyntaxException ignored) {
                // an invalid pattern matches nothing
            }
        }
        JsonNode ap = s.get("additionalProperties");
        return ap != null && ap.isObject() ? ap : null;
    }

    /** additionalProperties, or the items after a tuple. */
    private void additional(
            JsonNode o,
            JsonNode n,
            String key,
            String path,
            List<SchemaChange> out,
            ChangeKind allowed,
            ChangeKind forbidden,
            ChangeKind extended,
            ChangeKind narrowed) {
        additionalNodes(o.get(key), n.get(key), path + "/" + key, out, allowed, forbidden, extended, narrowed);
    }

    private void additionalNodes(
            @Nullable JsonNode ov,
            @Nullable JsonNode nv,
            String at,
            List<SchemaChange> out,
            ChangeKind allowed,
            ChangeKind forbidden,
            ChangeKind extended,
            ChangeKind narrowed) {
        boolean oPermits = permits(ov);
        boolean nPermits = permits(nv);
        if (oPermits != nPermits) {
            out.add(change(nPermits ? allowed : forbidden, at, show(ov) + " -> " + show(nv)));
        } else if (oPermits) {
            boolean oSchema = ov != null && ov.isObject() && !isEmpty(ov);
            boolean nSchema = nv != null && nv.isObject() && !isEmpty(nv);
            if (!oSchema && nSchema) {
                out.add(change(narrowed, at, "any -> a schema"));
            } else if (oSchema && !nSchema) {
                out.add(change(extended, at, "a schema -> any"));
            } else if (oSchema) {
                compare(ov, nv, at, out);
            }
        }
    }

    /**
     * A property or tuple item added or removed where the other side's model is partially open: the values that were
     * valid before meet {@code to}; covered when every one of them still is.
     */
    private void partiallyOpen(
            JsonNode from,
            JsonNode to,
            String at,
            String detail,
            ChangeKind covered,
            ChangeKind notCovered,
            List<SchemaChange> out) {
        List<SchemaChange> sub = new ArrayList<>();
        compare(from, to, at, sub);
        out.addAll(sub);
        out.add(change(compatible(sub) ? covered : notCovered, at, detail));
    }

    private static boolean permits(@Nullable JsonNode v) {
        return v == null || !(v.isBoolean() && !v.asBoolean());
    }

    private void dependentRequired(JsonNode o, JsonNode n, String path, List<SchemaChange> out) {
        JsonNode od = merged(o, "dependentRequired", true);
        JsonNode nd = merged(n, "dependentRequired", true);
        for (String key : union(od, nd)) {
            String at = path + "/dependentRequired/" + Schemas.escape(key);
            Set<String> os = od.has(key) ? strings(od.get(key)) : null;
            Set<String> ns = nd.has(key) ? strings(nd.get(key)) : null;
            if (os == null) {
                out.add(change(ChangeKind.DEPENDENT_REQUIRED_ADDED, at, String.valueOf(ns)));
            } else if (ns == null) {
                out.add(change(ChangeKind.DEPENDENT_REQUIRED_REMOVED, at, String.valueOf(os)));
            } else if (!os.equals(ns)) {
                ChangeKind k = ns.containsAll(os)
                        ? ChangeKind.DEPENDENT_REQUIRED_EXTENDED
                        : os.containsAll(ns)
                                ? ChangeKind.DEPENDENT_REQUIRED_NARROWED
                                : ChangeKind.DEPENDENT_REQUIRED_CHANGED;
                out.add(change(k, at, os + " -> " + ns));
            }
        }
    }

    private void dependentSchemas(JsonNode o, JsonNode n, String path, List<SchemaChange> out) {
        JsonNode od = merged(o, "dependentSchemas", false);
        JsonNode nd = merged(n, "dependentSchemas", false);
        for (String key : union(od, nd)) {
            String at = path + "/dependentSchemas/" + Schemas.escape(key);
            if (!od.has(key)) {
                out.add(change(ChangeKind.DEPENDENT_SCHEMA_ADDED, at, key));
            } else if (!nd.has(key)) {
                out.add(change(ChangeKind.DEPENDENT_SCHEMA_REMOVED, at, key));
            } else {
                compare(od.get(key), nd.get(key), at, out);
            }
        }
    }

    /** A 2019+ keyword merged with the matching half of draft 7's {@code dependencies}. */
    private static JsonNode merged(JsonNode s, String key, boolean arrays) {
        var m = JsonNodeFactory.instance.objectNode();
        for (var e : s.path("dependencies").properties()) {
            if (e.getValue().isArray() == arrays) {
                m.set(e.getKey(), e.getValue());
            }
        }
        for (var e : s.path(key).properties()) {
            m.set(e.getKey(), e.getValue());
        }
        return m;
    }

    private void arrays(JsonNode o, JsonNode n, String path, List<SchemaChange> out) {
        JsonNode ot = oldTuples.tuple(o);
        JsonNode nt = newTuples.tuple(n);
        String tupleKey = newTuples.tupleKey(n);
        JsonNode oRest = oldTuples.rest(o);
        JsonNode nRest = newTuples.rest(n);
        String restKey = newTuples.restKey(n);
        int size = Math.max(ot.size(), nt.size());
        for (int i = 0; i < size; i++) {
            String at = path + "/" + tupleKey + "/" + i;
            if (i < ot.size() && i < nt.size()) {
                compare(ot.get(i), nt.get(i), at, out);
            } else if (i < ot.size()) {
                JsonNode removed = resolve(oldRoot, ot.get(i));
                if (permits(nRest) && (nRest == null || isEmpty(nRest))) {
                    out.add(change(ChangeKind.ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL, at, ""));
                } else if (permits(nRest)) {
                    // partially open: the item's old values now meet the schema of additional items
                    partiallyOpen(
                            ot.get(i),
                            nRest,
                            at,
                            "",
                            ChangeKind.ITEM_REMOVED_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL,
                            ChangeKind.ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL,
                            out);
                } else if (removed.isBoolean() && !removed.asBoolean()) {
                    out.add(change(ChangeKind.ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL, at, ""));
                } else {
                    out.add(change(ChangeKind.ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL, at, ""));
                }
            } else {
                if (permits(oRest) && (oRest == null || isEmpty(oRest))) {
                    out.add(change(
                            isEmpty(resolve(newRoot, nt.get(i)))
                                    ? ChangeKind.ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL
                                    : ChangeKind.ITEM_ADDED_TO_OPEN_CONTENT_MODEL,
                            at,
                            ""));
                } else if (permits(oRest)) {
                    // partially open: old values at that place met the schema of additional items
                    partiallyOpen(
                            oRest,
                            nt.get(i),
                            at,
                            "",
                            ChangeKind.ITEM_ADDED_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL,
                            ChangeKind.ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL,
                            out);
                } else {
                    out.add(change(ChangeKind.ITEM_ADDED_TO_CLOSED_CONTENT_MODEL, at, ""));
                }
            }
        }
        if (ot.size() == 0 && nt.size() == 0) {
            // a plain list: compare the item schemas themselves
            JsonNode oi = o.get("items");
            JsonNode ni = n.get("items");
            if (oi != null && ni != null && !oi.isArray() && !ni.isArray()) {
                compare(oi, ni, path + "/items", out);
                return;
            }
        }
        additionalNodes(
                oRest,
                nRest,
                path + "/" + restKey,
                out,
                ChangeKind.ADDITIONAL_ITEMS_ALLOWED,
                ChangeKind.ADDITIONAL_ITEMS_FORBIDDEN,
                ChangeKind.ADDITIONAL_ITEMS_EXTENDED,
                ChangeKind.ADDITIONAL_ITEMS_NARROWED);
        JsonNode oc = o.get("contains");
        JsonNode nc = n.get("contains");
        if (oc == null && nc != null) {
            out.add(change(ChangeKind.CONTAINS_ADDED, path + "/contains", ""));
        } else if (oc != null && nc == null) {
            out.add(change(ChangeKind.CONTAINS_REMOVED, path + "/contains", ""));
        } else if (oc != null) {
            compare(oc, nc, path + "/contains", out);
        }
    }

    private void not(JsonNode o, JsonNode n, String path, List<SchemaChange> out) {
        JsonNode on = o.get("not");
        JsonNode nn = n.get("not");
        if (on == null && nn == null) {
            return;
        }
        if (on == null) {
            out.add(change(ChangeKind.NOT_ADDED, path + "/not", ""));
        } else if (nn == null) {
            out.add(change(ChangeKind.NOT_REMOVED, path + "/not", ""));
        } else {
            // what 'not' excludes must not grow: the new excluded set must read nothing the old one did not exclude
            List<SchemaChange> sub = new ArrayList<>();
            new SchemaDiffer(newRoot, oldRoot, openModelAddsFreely, side).compare(nn, on, path + "/not", sub);
            if (!sub.isEmpty()) {
                out.add(change(
                        compatible(sub) ? ChangeKind.NOT_TYPE_NARROWED : ChangeKind.NOT_TYPE_EXTENDED,
                        path + "/not",
                        ""));
            }
        }
    }

    private static boolean compatible(List<SchemaChange> changes) {
        return changes.stream().allMatch(SchemaChange::isBackwardCompatible);
    }

    private static @Nullable String refOf(@Nullable JsonNode s) {
        return s != null && s.isObject() && s.path("$ref").isTextual()
                ? s.get("$ref").asText()
                : null;
    }

    /** Follows local references; an unresolvable or remote reference is treated as "any". */
    private static JsonNode resolve(JsonNode root, @Nullable JsonNode s) {
        JsonNode current = s == null ? EMPTY : s;
        for (int hops = 0; hops < 32; hops++) {
            String ref = refOf(current);
            if (ref == null) {
                return current;
            }
            if (!ref.startsWith("#")) {
                return EMPTY;
            }
            JsonNode target = ref.equals("#") ? root : root.at(ref.substring(1));
            if (target.isMissingNode()) {
                return EMPTY;
            }
            if (current.size() > 1) {
                // 2019+: sibling keywords apply along with the reference
                var merged = target.isObject() ? target.deepCopy() : JsonNodeFactory.instance.objectNode();
                current.properties().forEach(e -> {
                    if (!e.getKey().equals("$ref")) {
                        ((com.fasterxml.jackson.databind.node.ObjectNode) merged).set(e.getKey(), e.getValue());
                    }
                });
                current = merged;
            } else {
                current = target;
            }
        }
        return current;
    }

    /** {@code true} is the empty schema. */
    private JsonNode normalize(JsonNode root, JsonNode s) {
        JsonNode v = s.isBoolean() && s.asBoolean() ? EMPTY : s;
        return side == null || !v.isObject() ? v : httpView(root, v);
    }

    /**
     * A schema as one side of an HTTP exchange sees it: without the properties that side leaves out, and without
     * {@code allOf} members that only annotate (a copy only when something is left out).
     */
    private JsonNode httpView(JsonNode root, JsonNode s) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = null;
        JsonNode allOf = s.get("allOf");
        if (allOf != null && allOf.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode kept = JsonNodeFactory.instance.arrayNode();
            for (JsonNode m : allOf) {
                if (!annotationOnly(resolve(root, m))) {
                    kept.add(m);
                }
            }
            if (kept.size() != allOf.size()) {
                copy = s.deepCopy();
                if (kept.isEmpty()) {
                    copy.remove("allOf");
                } else {
                    copy.set("allOf", kept);
                }
            }
        }
        JsonNode properties = s.get("properties");
        if (properties != null && properties.isObject()) {
            String hidden = side == Side.REQUEST ? "readOnly" : "writeOnly";
            for (var e : properties.properties()) {
                if (flagged(root, e.getValue(), hidden, 0)) {
                    if (copy == null) {
                        copy = s.deepCopy();
                    }
                    ((com.fasterxml.jackson.databind.node.ObjectNode) copy.get("properties")).remove(e.getKey());
                    JsonNode required = copy.get("required");
                    if (required != null && required.isArray()) {
                        com.fasterxml.jackson.databind.node.ArrayNode r = JsonNodeFactory.instance.arrayNode();
                        required.forEach(x -> {
                            if (!x.asText().equals(e.getKey())) {
                                r.add(x);
                            }
                        });
                        copy.set("required", r);
                    }
                }
            }
        }
        return copy == null ? s : copy;
    }

    /** Request bodies leave readOnly properties out; one that clients sent and that became readOnly is reported. */
    private void becameReadOnly(JsonNode o, JsonNode n, String path, List<SchemaChange> out) {
        JsonNode op = o.path("properties");
        for (var e : n.path("properties").properties()) {
            JsonNode was = op.get(e.getKey());
            if (was != null && flagged(newRoot, e.getValue(), "readOnly", 0) && !flagged(oldRoot, was, "readOnly", 0)) {
                out.add(change(
                        ChangeKind.PROPERTY_BECAME_READ_ONLY,
                        path + "/properties/" + Schemas.escape(e.getKey()),
                        e.getKey()));
            }
        }
    }

    /** Whether a schema, through references and allOf, carries {@code readOnly: true} (or writeOnly). */
    private static boolean flagged(JsonNode root, JsonNode schema, String keyword, int depth) {
        JsonNode s = resolve(root, schema);
        if (depth > 16 || !s.isObject()) {
            return false;
        }
        if (s.path(keyword).asBoolean(false) || schema.path(keyword).asBoolean(false)) {
            return true;
        }
        for (JsonNode m : s.path("allOf")) {
            if (flagged(root, m, keyword, depth + 1)) {
                return true;
            }
        }
        return false;
    }

    /** A schema with only annotations: it constrains nothing. */
    private static boolean annotationOnly(JsonNode s) {
        if (!s.isObject() || s.isEmpty()) {
            return false; // true, false and {} are judged as schemas
        }
        for (var it = s.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!OPENAPI_ANNOTATIONS.contains(k) && !k.startsWith("x-")) {
                return false;
            }
        }
        return true;
    }

    private static boolean isEmpty(JsonNode s) {
        if (s.isBoolean()) {
            return s.asBoolean();
        }
        if (!s.isObject()) {
            return false;
        }
        for (var it = s.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!Set.of("title", "description", "$comment", "examples", "default")
                    .contains(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasDefault(JsonNode root, JsonNode s) {
        return resolve(root, s).has("default");
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> out = new TreeSet<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    private static Set<String> union(JsonNode a, JsonNode b) {
        Set<String> keys = new TreeSet<>();
        a.fieldNames().forEachRemaining(keys::add);
        b.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static String show(@Nullable JsonNode v) {
        return v == null ? "none" : Schemas.render(v);
    }

    private static SchemaChange change(ChangeKind kind, String path, String detail) {
        return new SchemaChange(kind, path, detail);
    }
}
