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
        String method = expected.path("method").asText("GET"); // a request without a method is a GET
        if (!method.equalsIgnoreCase(actual.method())) {
            out.add(new PactMismatch("method", method, actual.method(), "expected the method " + method));
        }
        String path = expected.path("path").asText("/");
        value("path", rules.get("path"), path, actual.path(), out);
        if (expected.path("query").isTextual()) {
            // a version-1.0 pact: the query string as a string
            String want = expected.path("query").asText();
            String got = actual.rawQuery() == null ? "" : actual.rawQuery();
            if (!want.equals(got)) {
                out.add(new PactMismatch("query", want, got, "expected the query string " + want));
            }
        } else {
            query(expected.path("query"), rules.path("query"), parseQuery(actual.rawQuery()), out);
        }
        headers(expected.path("headers"), rules.path("header"), actual.headers(), out);
        body(expected.path("body"), rules.get("body"), actual.body(), false, out);
        return out;
    }

    static List<PactMismatch> matchResponse(
            JsonNode expected, int status, Map<String, String> headers, @Nullable String body) {
        List<PactMismatch> out = new ArrayList<>();
        int want = expected.path("status").asInt(200);
        JsonNode rules = expected.path("matchingRules");
        JsonNode statusRule = rules.get("status");
        if (statusRule != null) {
            for (JsonNode m : matchersOf(statusRule)) {
                String failure = m.path("match").asText().equals("statusCode")
                        ? PactMatching.statusCode(m.get("status"), status)
                        : PactMatching.check(m, PactFiles.NODES.numberNode(want), PactFiles.NODES.numberNode(status));
                if (failure != null) {
                    out.add(new PactMismatch("status", String.valueOf(want), String.valueOf(status), failure));
                }
            }
        } else if (want != status) {
            out.add(new PactMismatch(
                    "status", String.valueOf(want), String.valueOf(status), "expected the status " + want));
        }
        headers(expected.path("headers"), rules.path("header"), headers, out);
        body(expected.path("body"), rules.get("body"), body, true, out);
        return out;
    }

    /**
     * The bytes to send for a V4 body: a JSON document as JSON; text content (XML, plain text) as itself unless its
     * content type says JSON.
     */
    static String bodyText(JsonNode body) {
        JsonNode content = body.path("content");
        boolean json = body.path("contentType").asText("application/json").contains("json");
        // an empty string is an empty body, whatever the type (the specification's "empty body" cases)
        return content.isTextual() && (!json || content.asText().isEmpty()) ? content.asText() : content.toString();
    }

    /** The bytes to send for a V4 body: base64 content ({@code "encoded": "base64"}) decoded, else its text in UTF-8. */
    static byte[] bodyBytes(JsonNode body) {
        if (base64(body)) {
            return java.util.Base64.getMimeDecoder().decode(body.path("content").asText());
        }
        return bodyText(body).getBytes(StandardCharsets.UTF_8);
    }

    private static boolean base64(JsonNode body) {
        return body.path("encoded").asText("").equalsIgnoreCase("base64");
    }

    /**
     * A body as it came, as text: UTF-8 where its type is textual (or not given), else one character per byte
     * (ISO-8859-1), so that binary bodies reach the matchers unchanged.
     */
    static @Nullable String received(byte @Nullable [] bytes, @Nullable String contentType) {
        if (bytes == null) {
            return null;
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        boolean textual = type.isEmpty()
                || type.startsWith("text/")
                || type.contains("json")
                || type.contains("xml")
                || type.contains("x-www-form-urlencoded")
                || type.contains("javascript")
                || type.contains("charset=");
        return new String(bytes, textual ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    }

    /** The bytes a received body stood for: one per character where all fit a byte (see {@link #received}), else UTF-8. */
    static byte[] bytesOf(String received) {
        for (int i = 0; i < received.length(); i++) {
            if (received.charAt(i) > 0xff) {
                return received.getBytes(StandardCharsets.UTF_8);
            }
        }
        return received.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The body part of a request, response or message (V4 {@code {"content": ...}}). */
    static void body(
            JsonNode expected,
            @Nullable JsonNode rules,
            @Nullable String actual,
            boolean allowUnexpectedKeys,
            List<PactMismatch> out) {
        if (expected.isNull() || expected.path("content").isNull()) {
            // a null body was expected: none may come (or the JSON null)
            if (actual != null && !actual.isBlank() && !actual.trim().equals("null")) {
                out.add(new PactMismatch("body", "null", shorten(actual), "expected no body (null)"));
            }
            return;
        }
        if (expected.isMissingNode() || !expected.has("content")) {
            return; // nothing expected: whatever came is fine
        }
        JsonNode content = expected.get("content");
        JsonNode rootRule = rules == null ? null : rules.get("$");
        if (base64(expected)
                && (rootRule == null
                        || matchersOf(rootRule).stream()
                                .noneMatch(m -> m.path("match").asText().equals("contentType")))) {
            // binary content: the same bytes
            byte[] want = bodyBytes(expected);
            byte[] got = actual == null ? new byte[0] : bytesOf(actual);
            if (!java.util.Arrays.equals(want, got)) {
                out.add(new PactMismatch(
                        "body", want.length + " bytes", got.length + " bytes", "expected the same binary content"));
            }
            return;
        }
        if (rootRule != null
                && matchersOf(rootRule).stream()
                        .anyMatch(m -> m.path("match").asText().equals("contentType"))) {
            value("body", rootRule, PactMatching.show(content), actual == null ? "" : actual, out);
            return;
        }
        if (content.isTextual()
                && PactXml.looksLikeXml(content.asText())
                && (expected.path("contentType").asText("").contains("xml")
                        || content.asText().stripLeading().startsWith("<?xml"))) {
            out.addAll(PactXml.compare(PactMatching.of(rules), content.asText(), actual, allowUnexpectedKeys));
            return;
        }
        if (content.isTextual() && text(content.asText(), rules, actual, out)) {
            return;
        }
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

    /**
     * A body expected as text: an empty one demands an empty body; one that is not a JSON document (plain text,
     * whatever the content type says) is compared as text, by the rules at {@code $} when there are any.
     *
     * @return true when judged here; false for a JSON string, which the JSON comparison judges
     */
    private static boolean text(
            String want, @Nullable JsonNode rules, @Nullable String actual, List<PactMismatch> out) {
        String got = actual == null ? "" : actual;
        if (want.isEmpty()) {
            if (!got.isEmpty() && !got.trim().equals("\"\"")) {
                out.add(new PactMismatch("body", "(empty)", shorten(got), "expected an empty body"));
            }
            return true;
        }
        try {
            if (!got.isEmpty() && PactFiles.JSON.readTree(got).isTextual()) {
                return false; // a JSON string: compared as JSON
            }
        } catch (Exception e) {
            // not JSON: text
        }
        value("body", rules == null ? null : rules.get("$"), want, got, out);
        return true;
    }

    private static void value(
            String where, @Nullable JsonNode rule, String expected, String actual, List<PactMismatch> out) {
        if (rule == null) {
            if (!expected.equals(actual)) {
                out.add(new PactMismatch(where, expected, actual, "expected " + expected));
            }
            return;
        }
        List<JsonNode> matchers = matchersOf(rule);
        List<PactMismatch> failures = new ArrayList<>();
        for (JsonNode m : matchers) {
            String failure = PactMatching.check(m, TextNode.valueOf(expected), TextNode.valueOf(actual));
            if (failure != null) {
                failures.add(new PactMismatch(where, expected, actual, failure));
            }
        }
        if (!PactMatching.combinesWithOr(rule) || failures.size() == matchers.size()) {
            out.addAll(failures);
        }
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
            } else if (name.equalsIgnoreCase("Content-Type") && want.contains("/")) {
                if (!sameMediaType(want, got)) {
                    out.add(new PactMismatch(
                            "header " + name,
                            want,
                            got,
                            "expected the content type " + want + " (its parameters too)"));
                }
            } else if (name.equalsIgnoreCase("Accept") && want.contains("/")) {
                // media types compare by meaning; a value that is none (Accept: alligators) compares as written
                if (!sameMediaTypes(want, got)) {
                    out.add(new PactMismatch(
                            "header " + name,
                            want,
                            got,
                            "expected the media types " + want + " in that order (their parameters too)"));
                }
            } else {
                value("header " + name, null, want.replaceAll(",\\s+", ","), got.replaceAll(",\\s+", ","), out);
            }
        }
    }

    /**
     * A message's metadata: each expected key must be there, its value matched by the rule under {@code
     * matchingRules.metadata} for that key, else equal (as text, so {@code 1.0} and {@code "1.0"} agree); other keys
     * may come.
     *
     * @param producerGaveMetadata false when the producer returned bare content, for a hint in the mismatch
     */
    static List<PactMismatch> metadata(
            JsonNode expected, JsonNode rules, JsonNode actual, boolean producerGaveMetadata) {
        List<PactMismatch> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            String want = e.getValue().isValueNode()
                    ? e.getValue().asText()
                    : e.getValue().toString();
            boolean contentType = key.equalsIgnoreCase("contentType") || key.equalsIgnoreCase("content-type");
            JsonNode got = contentType ? contentTypeOf(actual) : actual.get(key);
            if (contentType && got != null && !rules.has(key)) {
                if (!sameMediaType(want, got.asText())) {
                    out.add(new PactMismatch(
                            "metadata " + key, want, got.asText(), "expected content of type " + want));
                }
                continue;
            }
            if (got == null) {
                out.add(new PactMismatch(
                        "metadata " + key,
                        want,
                        "nothing",
                        producerGaveMetadata
                                ? "expected the metadata '" + key + "'"
                                : "expected the metadata '" + key + "'; the producer returned bare content: return a"
                                        + " ProducedMessage or the EventEnvelope it published to give metadata"));
                continue;
            }
            JsonNode rule = rules.get(key);
            if (rule != null) {
                for (JsonNode m : matchersOf(rule)) {
                    String failure = PactMatching.check(m, e.getValue(), got);
                    if (failure != null) {
                        out.add(new PactMismatch("metadata " + key, want, PactMatching.show(got), failure));
                    }
                }
            } else {
                String text = got.isValueNode() ? got.asText() : got.toString();
                if (!text.equals(want) && !PactMatching.equal(e.getValue(), got)) {
                    out.add(new PactMismatch(
                            "metadata " + key, want, text, "expected the metadata '" + key + "' to be " + want));
                }
            }
        }
        return out;
    }

    private static @Nullable JsonNode contentTypeOf(JsonNode metadata) {
        for (Iterator<Map.Entry<String, JsonNode>> it = metadata.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equalsIgnoreCase("contentType") || e.getKey().equalsIgnoreCase("content-type")) {
                return e.getValue();
            }
        }
        return null;
    }

    /**
     * Whether an actual content type is the expected one: the type and subtype in any case, and each expected parameter
     * present with the same value (names in any case, {@code charset} values too, quotes aside, in any order); the
     * actual may carry parameters the expected does not name.
     */
    static boolean sameMediaType(String expected, String actual) {
        String[] want = expected.split(";");
        String[] got = actual.split(";");
        if (!want[0].trim().equalsIgnoreCase(got[0].trim())) {
            return false;
        }
        Map<String, String> have = new LinkedHashMap<>();
        for (int i = 1; i < got.length; i++) {
            int eq = got[i].indexOf('=');
            if (eq > 0) {
                have.put(got[i].substring(0, eq).trim().toLowerCase(Locale.ROOT), unquote(got[i].substring(eq + 1)));
            }
        }
        for (int i = 1; i < want.length; i++) {
            int eq = want[i].indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = want[i].substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = unquote(want[i].substring(eq + 1));
            String seen = have.get(key);
            boolean same = seen != null && (key.equals("charset") ? seen.equalsIgnoreCase(value) : seen.equals(value));
            if (!same) {
                return false;
            }
        }
        return true;
    }

    /** An Accept header: its media types one by one, in order, each as {@link #sameMediaType} compares them. */
    static boolean sameMediaTypes(String expected, String actual) {
        String[] want = expected.split(",");
        String[] got = actual.split(",");
        if (want.length != got.length) {
            return false;
        }
        for (int i = 0; i < want.length; i++) {
            if (!sameMediaType(want[i], got[i])) {
                return false;
            }
        }
        return true;
    }

    private static String unquote(String value) {
        String v = value.trim();
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
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
        if (!rule.has("matchers") && rule.size() == 1 && rule.has("$")) {
            rule = rule.get("$"); // a path or status rule keyed by $, as some tools write it
        }
        List<JsonNode> out = new ArrayList<>();
        if (rule.has("matchers")) {
            rule.get("matchers").forEach(m -> out.add(PactMatching.normalised(m)));
        } else {
            out.add(PactMatching.normalised(rule));
        }
        return out;
    }
}
