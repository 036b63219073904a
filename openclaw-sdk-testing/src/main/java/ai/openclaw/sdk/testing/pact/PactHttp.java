package ai.openclaw.sdk.testing.pact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Requests and responses judged against the request or response of an interaction (V4 form). */
final class PactHttp {
    private PactHttp() {}

    /** A request as it came: method, path, raw query, headers (any case), body text. */
    record Request(
            String method,
            String path,
            @Nullable String rawQuery,
            Map<String, String> headers,
            @Nullable String body) {
        @Override
        public String toString() {
            return method + " " + path + (rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery);
        }
    }

    static List<PactMismatch> matchRequest(JsonNode expected, Request actual) {
        List<PactMismatch> out = new ArrayList<>();
        JsonNode rules = expected.path("matchingRules");
        String method = expected.path("method").asText();
        if (!method.equalsIgnoreCase(actual.method())) {
            out.add(new PactMismatch("method", method, actual.method(), "expected the method " + method));
        }
        String path = expected.path("path").asText("/");
        value("path", rules.get("path"), path, actual.path(), out);
        query(expected.path("query"), rules.path("query"), parseQuery(actual.rawQuery()), out);
        headers(expected.path("headers"), rules.path("header"), actual.headers(), out);
        body(expected.path("body"), rules.get("body"), actual.body(), false, out);
        return out;
    }

    static List<PactMismatch> matchResponse(
            JsonNode expected, int status, Map<String, String> headers, @Nullable String body) {
        List<PactMismatch> out = new ArrayList<>();
        int want = expected.path("status").asInt(200);
        if (want != status) {
            out.add(new PactMismatch(
                    "status", String.valueOf(want), String.valueOf(status), "expected the status " + want));
        }
        JsonNode rules = expected.path("matchingRules");
        headers(expected.path("headers"), rules.path("header"), headers, out);
        body(expected.path("body"), rules.get("body"), body, true, out);
        return out;
    }

    /** The body part of a request, response or message (V4 {@code {"content": ...}}). */
    static void body(
            JsonNode expected,
            @Nullable JsonNode rules,
            @Nullable String actual,
            boolean allowUnexpectedKeys,
            List<PactMismatch> out) {
        if (expected.isMissingNode() || !expected.has("content")) {
            return; // nothing expected: whatever came is fine
        }
        JsonNode content = expected.get("content");
        if (actual == null || actual.isEmpty()) {
            out.add(new PactMismatch("body", PactMatching.show(content), "no body", "expected a body"));
            return;
        }
        JsonNode tree;
        try {
            tree = PactFiles.JSON.readTree(actual);
        } catch (Exception e) {
            out.add(new PactMismatch("body", "JSON", shorten(actual), "the body is not JSON"));
            return;
        }
        out.addAll(PactMatching.of(rules).compare("body", content, tree, allowUnexpectedKeys));
    }

    private static void value(
            String where, @Nullable JsonNode rule, String expected, String actual, List<PactMismatch> out) {
        if (rule == null) {
            if (!expected.equals(actual)) {
                out.add(new PactMismatch(where, expected, actual, "expected " + expected));
            }
            return;
        }
        matchersOf(rule).forEach(m -> {
            String failure = PactMatching.check(m, TextNode.valueOf(expected), TextNode.valueOf(actual));
            if (failure != null) {
                out.add(new PactMismatch(where, expected, actual, failure));
            }
        });
    }

    private static void query(
            JsonNode expected, JsonNode rules, Map<String, List<String>> actual, List<PactMismatch> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            List<String> values = actual.get(e.getKey());
            if (values == null) {
                out.add(new PactMismatch(
                        "query " + e.getKey(),
                        PactFiles.joined(e.getValue()),
                        "nothing",
                        "expected the query parameter '" + e.getKey() + "'"));
                continue;
            }
            JsonNode want = e.getValue().isArray()
                    ? e.getValue()
                    : PactFiles.NODES.arrayNode().add(e.getValue());
            if (rules.has(e.getKey())) {
                for (String v : values) {
                    value(
                            "query " + e.getKey(),
                            rules.get(e.getKey()),
                            want.get(0).asText(),
                            v,
                            out);
                }
            } else if (want.size() != values.size()) {
                out.add(new PactMismatch(
                        "query " + e.getKey(),
                        PactFiles.joined(want),
                        String.join(", ", values),
                        "expected " + want.size() + " value(s)"));
            } else {
                for (int i = 0; i < values.size(); i++) {
                    value("query " + e.getKey(), null, want.get(i).asText(), values.get(i), out);
                }
            }
        }
        for (String name : actual.keySet()) {
            if (!expected.has(name)) {
                out.add(new PactMismatch(
                        "query " + name,
                        "no such parameter",
                        String.join(", ", actual.get(name)),
                        "unexpected query parameter '" + name + "'"));
            }
        }
    }

    private static void headers(JsonNode expected, JsonNode rules, Map<String, String> actual, List<PactMismatch> out) {
        Map<String, String> lower = new LinkedHashMap<>();
        actual.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            String want = PactFiles.joined(e.getValue());
            String got = lower.get(name.toLowerCase(Locale.ROOT));
            if (got == null) {
                out.add(new PactMismatch("header " + name, want, "nothing", "expected the header '" + name + "'"));
                continue;
            }
            JsonNode rule = ruleFor(rules, name);
            if (rule != null) {
                value("header " + name, rule, want, got, out);
            } else if (name.equalsIgnoreCase("Content-Type") && !want.contains(";")) {
                value(
                        "header " + name,
                        null,
                        want.trim().toLowerCase(Locale.ROOT),
                        got.split(";")[0].trim().toLowerCase(Locale.ROOT),
                        out);
            } else {
                value("header " + name, null, want.replaceAll(",\\s+", ","), got.replaceAll(",\\s+", ","), out);
            }
        }
    }

    private static @Nullable JsonNode ruleFor(JsonNode rules, String header) {
        for (Iterator<Map.Entry<String, JsonNode>> it = rules.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equalsIgnoreCase(header)) {
                return e.getValue();
            }
        }
        return null;
    }

    static Map<String, List<String>> parseQuery(@Nullable String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return out;
    }

    private static String shorten(String s) {
        return s.length() > 120 ? s.substring(0, 117) + "..." : s;
    }

    /** The matchers of a single-value rule: {@code {"combine": "AND", "matchers": [...]}} or a bare matcher. */
    private static List<JsonNode> matchersOf(JsonNode rule) {
        List<JsonNode> out = new ArrayList<>();
        if (rule.has("matchers")) {
            rule.get("matchers").forEach(out::add);
        } else {
            out.add(rule);
        }
        return out;
    }
}
