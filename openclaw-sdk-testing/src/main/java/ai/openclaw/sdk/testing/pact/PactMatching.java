package ai.openclaw.sdk.testing.pact;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Pact's matching of JSON bodies (and of single values: headers, query parameters, paths) under matching rules, as the
 * specification describes it for versions 3 and 4: equality by default; the rule whose path weighs most applies, and
 * rules cascade to what is under their path; objects may carry unexpected keys only where allowed (responses and
 * messages, not requests, and are not judged there; in requests a rule for any key lets in keys like the example's
 * first value); {@code type} with {@code min}/{@code max} judges arrays by their first example item;
 * {@code arrayContains}, {@code eachKey} and {@code eachValue} as in V4.
 */
final class PactMatching {
    private static final Pattern SEMVER =
            Pattern.compile("^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?$");

    private final Map<PactPath, List<JsonNode>> rules;
    /** The paths whose matchers combine with OR (any one passing is enough) rather than AND. */
    private final java.util.Set<PactPath> anyOf;

    private PactMatching(Map<PactPath, List<JsonNode>> rules, java.util.Set<PactPath> anyOf) {
        this.rules = rules;
        this.anyOf = anyOf;
    }

    /** The rules of one category ({@code {"$.id": {"matchers": [...]}}}); null for none. */
    static PactMatching of(@Nullable JsonNode category) {
        Map<PactPath, List<JsonNode>> rules = new LinkedHashMap<>();
        java.util.Set<PactPath> anyOf = new java.util.HashSet<>();
        if (category != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = category.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                List<JsonNode> matchers = new ArrayList<>();
                JsonNode list = e.getValue().has("matchers") ? e.getValue().get("matchers") : e.getValue();
                if (list.isArray()) {
                    list.forEach(m -> matchers.add(normalised(m)));
                } else {
                    matchers.add(normalised(list)); // V2 style: the matcher itself
                }
                String key = e.getKey().startsWith("$") ? e.getKey() : "$." + e.getKey();
                PactPath path = PactPath.parse(key);
                rules.put(path, matchers);
                if (combinesWithOr(e.getValue())) {
                    anyOf.add(path);
                }
            }
        }
        return new PactMatching(rules, anyOf);
    }

    /**
     * A matcher with its kind spelled out. Version 2 may leave {@code match} out: {@code {"regex": "..."}} is a regex
     * matcher, and {@code {"min": 1}} (or {@code max}) a type matcher with a size, as the specification's version-2
     * text says; anything else without {@code match} is equality.
     */
    static JsonNode normalised(JsonNode matcher) {
        if (!matcher.isObject() || matcher.has("match")) {
            return matcher;
        }
        com.fasterxml.jackson.databind.node.ObjectNode copy =
                ((com.fasterxml.jackson.databind.node.ObjectNode) matcher).deepCopy();
        if (matcher.has("regex")) {
            copy.put("match", "regex");
        } else if (matcher.has("min") || matcher.has("max")) {
            copy.put("match", "type");
        } else {
            copy.put("match", "equality");
        }
        return copy;
    }

    /** Whether a rule's matchers combine with OR ({@code "combine": "OR"}); AND otherwise. */
    static boolean combinesWithOr(JsonNode rule) {
        return rule.path("combine").asText("AND").equalsIgnoreCase("OR");
    }

    /** The matchers of the heaviest rule path for {@code path}, and whether that path is exactly the value's. */
    private record Selected(List<JsonNode> matchers, boolean exact, boolean or) {}

    private @Nullable Selected select(PactPath path) {
        long best = 0;
        Selected selected = null;
        for (Map.Entry<PactPath, List<JsonNode>> e : rules.entrySet()) {
            long w = e.getKey().weight(path);
            boolean exact = e.getKey().length() == path.length();
            // the heaviest path; on a tie, one naming this very value wins over one cascading from above
            if (w > best || (w > 0 && w == best && selected != null && exact && !selected.exact)) {
                best = w;
                selected = new Selected(e.getValue(), exact, anyOf.contains(e.getKey()));
            }
        }
        return selected;
    }

    /**
     * The mismatches of a single text value (an XML attribute or text, say) at {@code path} under the rule that
     * applies there; null when no rule applies (the caller compares for equality). Numbers written as text pass the
     * {@code integer}, {@code decimal} and {@code number} matchers as numbers would.
     */
    @Nullable
    List<PactMismatch> checkText(String part, PactPath path, String expected, String actual) {
        Selected selected = select(path);
        if (selected == null) {
            return null;
        }
        List<PactMismatch> failures = new ArrayList<>();
        for (JsonNode m : selected.matchers) {
            if (m.path("match").asText().equals("type") && (m.has("min") || m.has("max"))) {
                continue; // sizes are judged where the repeated element is counted
            }
            String failure = check(m, textValue(m, expected), textValue(m, actual));
            if (failure != null) {
                failures.add(new PactMismatch(part + " " + path, describe(m, null), actual, failure));
            }
        }
        return !selected.or || failures.size() == selected.matchers.size() ? failures : List.of();
    }

    private static JsonNode textValue(JsonNode matcher, String text) {
        String kind = matcher.path("match").asText();
        if (kind.equals("integer") || kind.equals("decimal") || kind.equals("number")) {
            try {
                BigDecimal n = new BigDecimal(text.trim());
                return text.contains(".") || text.contains("e") || text.contains("E")
                        ? com.fasterxml.jackson.databind.node.DecimalNode.valueOf(n)
                        : com.fasterxml.jackson.databind.node.BigIntegerNode.valueOf(n.toBigIntegerExact());
            } catch (NumberFormatException | ArithmeticException e) {
                return com.fasterxml.jackson.databind.node.TextNode.valueOf(text);
            }
        }
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(text);
    }

    /** The {@code min} and {@code max} of a type rule written for exactly {@code path}, as {min, max}; null for none. */
    int @Nullable [] sizes(PactPath path) {
        Selected selected = select(path);
        if (selected == null || !selected.exact) {
            return null;
        }
        for (JsonNode m : selected.matchers) {
            if (m.has("min") || m.has("max")) {
                return new int[] {m.path("min").asInt(0), m.path("max").asInt(Integer.MAX_VALUE)};
            }
        }
        return null;
    }

    /** Whether a rule names every item of the array at {@code array} ({@code $.a[*]}, {@code $.a[*].b}). */
    private boolean ruledItems(PactPath array) {
        int n = array.length();
        for (PactPath rule : rules.keySet()) {
            if (rule.length() > n
                    && rule.segments().get(n).equals("[*]")
                    && new PactPath(rule.segments().subList(0, n)).weight(array) > 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether the rule that applies at {@code key} (a key of the object at {@code object}) names it by {@code *}. */
    private boolean ruledByWildcard(PactPath object, PactPath key) {
        int n = object.length();
        for (PactPath rule : rules.keySet()) {
            if (rule.length() == n + 1 && rule.segments().get(n).equals(".*") && rule.weight(key) > 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether any rule applies at {@code path}, its own or one cascading from above. */
    boolean defined(PactPath path) {
        return select(path) != null;
    }

    /**
     * Compares a whole body or value.
     *
     * @param part how mismatches name the part ({@code body}, {@code header X-Request-Id})
     * @param allowUnexpectedKeys whether objects may have keys the example does not
     */
    List<PactMismatch> compare(String part, JsonNode expected, @Nullable JsonNode actual, boolean allowUnexpectedKeys) {
        List<PactMismatch> out = new ArrayList<>();
        if (expected.isMissingNode()) {
            return out; // nothing was expected of this part: whatever came matches
        }
        if (actual == null || actual.isMissingNode()) {
            out.add(new PactMismatch(part, show(expected), "nothing", "expected a " + part + " and none came"));
            return out;
        }
        compare(part, PactPath.ROOT, expected, actual, allowUnexpectedKeys, out);
        return out;
    }

    private void compare(
            String part,
            PactPath path,
            JsonNode expected,
            JsonNode actual,
            boolean allowUnexpectedKeys,
            List<PactMismatch> out) {
        Selected selected = select(path);
        String where = part + " " + path;
        if (expected.isObject()) {
            if (!actual.isObject()) {
                out.add(new PactMismatch(where, "an object", show(actual), "expected an object"));
                return;
            }
            if (selected != null && selected.exact && hasAny(selected.matchers, "eachKey", "eachValue")) {
                eachOf(part, path, expected, actual, selected.matchers, out);
                return;
            }
            if (selected != null && selected.exact && hasAny(selected.matchers, "values") && !expected.isEmpty()) {
                // keys do not matter: each value is judged by the example's value of its key, else the first one
                JsonNode first = expected.elements().next();
                for (Iterator<Map.Entry<String, JsonNode>> it = actual.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    JsonNode like = expected.has(e.getKey()) ? expected.get(e.getKey()) : first;
                    compare(part, path.key(e.getKey()), like, e.getValue(), allowUnexpectedKeys, out);
                }
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode a = actual.get(e.getKey());
                if (a == null) {
                    out.add(new PactMismatch(
                            part + " " + path.key(e.getKey()),
                            show(e.getValue()),
                            "nothing",
                            "expected key '" + e.getKey() + "' is missing"));
                } else {
                    compare(part, path.key(e.getKey()), e.getValue(), a, allowUnexpectedKeys, out);
                }
            }
            JsonNode firstValue =
                    expected.isEmpty() ? null : expected.elements().next();
            for (Iterator<String> it = actual.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (expected.has(k)) {
                    continue;
                }
                if (allowUnexpectedKeys) {
                    // where unexpected keys are allowed they are not judged, even under a rule for any key
                    // ($.person.*): the specification's V2 case "additional property with type matcher"
                    continue;
                }
                if (firstValue != null && ruledByWildcard(path, path.key(k))) {
                    // a rule for any key ($.person.*): a key the example lacks is judged like its first value
                    compare(part, path.key(k), firstValue, actual.get(k), allowUnexpectedKeys, out);
                } else {
                    out.add(new PactMismatch(
                            part + " " + path.key(k),
                            "no such key",
                            show(actual.get(k)),
                            "unexpected key '" + k + "'"));
                }
            }
            return;
        }
        if (expected.isArray()) {
            if (!actual.isArray()) {
                out.add(new PactMismatch(where, "an array", show(actual), "expected an array"));
                return;
            }
            if (selected != null && selected.exact && hasAny(selected.matchers, "arrayContains")) {
                arrayContains(part, path, expected, actual, selected.matchers, out);
                return;
            }
            if (selected != null && selected.exact && hasAny(selected.matchers, "eachValue")) {
                eachOf(part, path, expected, actual, selected.matchers, out);
                return;
            }
            boolean itemsRuled = selected == null && ruledItems(path);
            if (itemsRuled) {
                // rules for every item ($.dates[*]) and none for the array: the items are judged by the example's,
                // however many there are
                itemsLikeTheExample(part, path, expected, actual, allowUnexpectedKeys, out);
                return;
            }
            boolean ownMatcher = selected != null && selected.exact && hasAny(selected.matchers, "notEmpty");
            if (selected != null && (hasAny(selected.matchers, "type") || ownMatcher)) {
                if (selected.exact) {
                    for (JsonNode m : selected.matchers) {
                        if (!m.path("match").asText().equals("type")) {
                            String failure = check(m, expected, actual);
                            if (failure != null) {
                                out.add(new PactMismatch(where, describe(m, expected), show(actual), failure));
                            }
                        }
                        if (m.has("min") && actual.size() < m.get("min").asInt()) {
                            out.add(new PactMismatch(
                                    where,
                                    "at least " + m.get("min").asInt() + " items",
                                    actual.size() + " items",
                                    "the array is shorter than its minimum"));
                        }
                        if (m.has("max") && actual.size() > m.get("max").asInt()) {
                            out.add(new PactMismatch(
                                    where,
                                    "at most " + m.get("max").asInt() + " items",
                                    actual.size() + " items",
                                    "the array is longer than its maximum"));
                        }
                    }
                }
                itemsLikeTheExample(part, path, expected, actual, allowUnexpectedKeys, out);
                return;
            }
            if (expected.size() != actual.size()) {
                out.add(new PactMismatch(
                        where,
                        expected.size() + " items",
                        actual.size() + " items",
                        "expected an array of " + expected.size() + " items"));
            }
            for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
                compare(part, path.index(i), expected.get(i), actual.get(i), allowUnexpectedKeys, out);
            }
            return;
        }
        if (selected == null) {
            if (!equal(expected, actual)) {
                out.add(new PactMismatch(where, show(expected), show(actual), "expected the value " + show(expected)));
            }
            return;
        }
        List<PactMismatch> failures = new ArrayList<>();
        for (JsonNode m : selected.matchers) {
            String failure = check(m, expected, actual);
            if (failure != null) {
                failures.add(new PactMismatch(where, describe(m, expected), show(actual), failure));
            }
        }
        if (!selected.or || failures.size() == selected.matchers.size()) {
            out.addAll(failures); // AND: every failure; OR: only when none passed
        }
    }

    /** Each actual item judged by the example's item at its index, or its last one: the array's length is free. */
    private void itemsLikeTheExample(
            String part,
            PactPath path,
            JsonNode expected,
            JsonNode actual,
            boolean allowUnexpectedKeys,
            List<PactMismatch> out) {
        if (expected.isEmpty()) {
            return;
        }
        for (int i = 0; i < actual.size(); i++) {
            JsonNode e = expected.get(Math.min(i, expected.size() - 1));
            compare(part, path.index(i), e, actual.get(i), allowUnexpectedKeys, out);
        }
    }

    private void arrayContains(
            String part,
            PactPath path,
            JsonNode expected,
            JsonNode actual,
            List<JsonNode> matchers,
            List<PactMismatch> out) {
        for (JsonNode m : matchers) {
            if (!m.path("match").asText().equals("arrayContains")) {
                continue;
            }
            for (JsonNode variant : m.path("variants")) {
                int index = variant.path("index").asInt();
                JsonNode example = expected.get(index);
                if (example == null) {
                    continue;
                }
                PactMatching inner = PactMatching.of(variant.get("rules"));
                boolean found = false;
                for (JsonNode item : actual) {
                    if (inner.compare(part, example, item, true).isEmpty()) {
                        found = true;
                        break;
                    }
                }
                if (!found) {
                    out.add(new PactMismatch(
                            part + " " + path,
                            "an item like " + show(example),
                            show(actual),
                            "no item matches variant " + index));
                }
            }
        }
    }

    private void eachOf(
            String part,
            PactPath path,
            JsonNode expected,
            JsonNode actual,
            List<JsonNode> matchers,
            List<PactMismatch> out) {
        JsonNode sample = expected.isEmpty() ? null : expected.elements().next();
        for (JsonNode m : matchers) {
            String kind = m.path("match").asText();
            if (kind.equals("eachKey") && actual.isObject()) {
                for (Iterator<String> it = actual.fieldNames(); it.hasNext(); ) {
                    String key = it.next();
                    for (JsonNode rule : m.path("rules")) {
                        String failure = check(
                                rule,
                                com.fasterxml.jackson.databind.node.TextNode.valueOf(key),
                                com.fasterxml.jackson.databind.node.TextNode.valueOf(key));
                        if (failure != null) {
                            out.add(new PactMismatch(
                                    part + " " + path.key(key), describe(rule, null), key, "the key " + failure));
                        }
                    }
                }
            } else if (kind.equals("eachValue")) {
                int i = 0;
                for (Iterator<Map.Entry<String, JsonNode>> it = entries(actual); it.hasNext(); i++) {
                    Map.Entry<String, JsonNode> e = it.next();
                    PactPath at = actual.isArray() ? path.index(i) : path.key(e.getKey());
                    for (JsonNode rule : m.path("rules")) {
                        String failure = check(rule, sample == null ? e.getValue() : sample, e.getValue());
                        if (failure != null) {
                            out.add(new PactMismatch(
                                    part + " " + at, describe(rule, sample), show(e.getValue()), failure));
                        }
                    }
                }
            }
        }
    }

    private static Iterator<Map.Entry<String, JsonNode>> entries(JsonNode node) {
        if (node.isObject()) {
            return node.fields();
        }
        List<Map.Entry<String, JsonNode>> list = new ArrayList<>();
        int i = 0;
        for (JsonNode item : node) {
            list.add(Map.entry(String.valueOf(i++), item));
        }
        return list.iterator();
    }

    private static boolean hasAny(List<JsonNode> matchers, String... kinds) {
        for (JsonNode m : matchers) {
            for (String k : kinds) {
                if (m.path("match").asText().equals(k)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Null when {@code actual} passes the matcher; otherwise why not. */
    static @Nullable String check(JsonNode matcher, @Nullable JsonNode expected, JsonNode actual) {
        String kind = matcher.path("match").asText("equality");
        String text = actual.isValueNode() ? actual.asText() : actual.toString();
        switch (kind) {
            case "equality":
                return expected == null || equal(expected, actual) ? null : "expected the value " + show(expected);
            case "type":
                return expected == null || sameType(expected, actual) ? null : "expected a " + typeName(expected);
            case "regex":
                String regex = matcher.path("regex").asText();
                return !actual.isNull() && Pattern.compile(regex).matcher(text).matches()
                        ? null
                        : "expected a value matching " + regex;
            case "integer":
                return actual.isIntegralNumber() ? null : "expected an integer";
            case "decimal":
                return actual.isFloatingPointNumber() ? null : "expected a decimal number";
            case "number":
                return actual.isNumber() ? null : "expected a number";
            case "boolean":
                return actual.isBoolean() || text.equals("true") || text.equals("false") ? null : "expected a boolean";
            case "null":
                return actual.isNull() ? null : "expected null";
            case "include":
                String part = matcher.path("value").asText();
                return text.contains(part) ? null : "expected a value including '" + part + "'";
            case "notEmpty":
                return actual.isNull()
                                || (actual.isTextual() && text.isEmpty())
                                || (actual.isContainerNode() && actual.isEmpty())
                        ? "expected a value that is not empty"
                        : null;
            case "semver":
                return SEMVER.matcher(text).matches() ? null : "expected a semantic version";
            case "date", "time", "datetime", "timestamp":
                String format = matcher.has("format")
                        ? matcher.get("format").asText()
                        : matcher.path(kind).asText(kind.equals("date") ? "yyyy-MM-dd" : "HH:mm:ss");
                try {
                    DateTimeFormatter.ofPattern(format).parse(text);
                    return null;
                } catch (DateTimeParseException | IllegalArgumentException e) {
                    return "expected a " + kind + " in the format " + format;
                }
            case "contentType":
                String want = matcher.path("value").asText();
                String seen = ContentTypes.detect(PactHttp.bytesOf(text));
                return seen != null && PactHttp.sameMediaType(want, seen)
                        ? null
                        : "expected content of type " + want + (seen == null ? "" : ", found " + seen);
            case "statusCode":
                return statusCode(matcher.get("status"), actual.asInt(-1));
            case "arrayContains", "eachKey", "eachValue", "values":
                return null; // judged where the container is compared
            default:
                return "unknown matcher '" + kind + "'";
        }
    }

    /** Null when {@code status} is of the matcher's class ({@code success}...) or in its list; otherwise why not. */
    static @Nullable String statusCode(@Nullable JsonNode rule, int status) {
        if (rule == null) {
            return "a statusCode matcher without 'status'";
        }
        if (rule.isArray()) {
            for (JsonNode s : rule) {
                if (s.asInt() == status) {
                    return null;
                }
            }
            return "expected one of the statuses " + rule;
        }
        for (PactResponse.StatusClass c : PactResponse.StatusClass.values()) {
            if (c.wire.equals(rule.asText())) {
                return c.admits(status) ? null : "expected a status of the class " + c.wire;
            }
        }
        return "unknown status class '" + rule.asText() + "'";
    }

    private static String describe(JsonNode matcher, @Nullable JsonNode expected) {
        String kind = matcher.path("match").asText("equality");
        return switch (kind) {
            case "regex" -> "a value matching " + matcher.path("regex").asText();
            case "type" -> expected == null ? "the same type" : "a " + typeName(expected) + " like " + show(expected);
            case "date", "time", "datetime" ->
                "a " + kind + " like " + matcher.path("format").asText();
            case "include" -> "a value including '" + matcher.path("value").asText() + "'";
            case "equality" -> expected == null ? "an equal value" : show(expected);
            default -> "a value the '" + kind + "' matcher accepts";
        };
    }

    private static boolean sameType(JsonNode a, JsonNode b) {
        return a.getNodeType() == b.getNodeType() || (a.isNumber() && b.isNumber());
    }

    private static String typeName(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case OBJECT -> "object";
            case ARRAY -> "array";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    static boolean equal(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            BigDecimal x = a.decimalValue();
            BigDecimal y = b.decimalValue();
            return x.compareTo(y) == 0;
        }
        return a.equals(b);
    }

    static String show(JsonNode node) {
        String s = node.toString();
        return s.length() > 120 ? s.substring(0, 117) + "..." : s;
    }
}
