package ai.openclaw.sdk.testing.pact;

import static ai.openclaw.sdk.testing.pact.PactMatchers.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Matchers turned into examples and rules, and actual bodies judged by them, as the Pact specification says. */
class PactMatchingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<PactMismatch> response(Object expected, String actual) throws Exception {
        PactBody body = PactBody.of(expected, JSON);
        return PactMatching.of(body.rulesNode()).compare("body", body.example(), JSON.readTree(actual), true);
    }

    private static List<PactMismatch> request(Object expected, String actual) throws Exception {
        PactBody body = PactBody.of(expected, JSON);
        return PactMatching.of(body.rulesNode()).compare("body", body.example(), JSON.readTree(actual), false);
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void examplesAndRulesAsAPactFileHoldsThem() {
        PactBody body = PactBody.of(
                map("id", regex("^u-\\d+$", "u-42"), "roles", eachLike(like("admin"), 1, 3), "plan", nullValue()),
                JSON);
        assertThat(body.example().toString()).isEqualTo("{\"id\":\"u-42\",\"roles\":[\"admin\"],\"plan\":null}");
        assertThat(body.rulesNode().toString())
                .isEqualTo(
                        "{\"$.id\":{\"combine\":\"AND\",\"matchers\":[{\"match\":\"regex\",\"regex\":\"^u-\\\\d+$\"}]},"
                                + "\"$.roles\":{\"combine\":\"AND\",\"matchers\":[{\"match\":\"type\",\"min\":1,\"max\":3}]},"
                                + "\"$.roles[*]\":{\"combine\":\"AND\",\"matchers\":[{\"match\":\"type\"}]},"
                                + "\"$.plan\":{\"combine\":\"AND\",\"matchers\":[{\"match\":\"null\"}]}}");
    }

    @Test
    void plainValuesMustBeEqualAndResponsesMayCarryMore() throws Exception {
        assertThat(response(map("name", "Ada"), "{\"name\":\"Ada\",\"extra\":1}"))
                .isEmpty();
        assertThat(response(map("name", "Ada"), "{\"name\":\"Grace\"}"))
                .extracting(PactMismatch::toString)
                .containsExactly("body $.name: expected the value \"Ada\" (expected \"Ada\", got \"Grace\")");
        assertThat(response(map("name", "Ada"), "{}"))
                .extracting(PactMismatch::message)
                .containsExactly("expected key 'name' is missing");
        assertThat(request(map("name", "Ada"), "{\"name\":\"Ada\",\"extra\":1}"))
                .extracting(PactMismatch::where, PactMismatch::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("body $.extra", "unexpected key 'extra'"));
        assertThat(response(map("n", 1), "{\"n\":1.0}"))
                .as("numbers compare by value")
                .isEmpty();
    }

    @Test
    void typeMatchersCascadeAndEqualityOverrides() throws Exception {
        Object expected = like(map("name", "Ada", "kind", equalTo("person"), "age", 36));
        assertThat(response(expected, "{\"name\":\"Grace\",\"kind\":\"person\",\"age\":50}"))
                .isEmpty();
        assertThat(response(expected, "{\"name\":7,\"kind\":\"robot\",\"age\":\"old\"}"))
                .extracting(PactMismatch::where)
                .containsExactly("body $.name", "body $.kind", "body $.age");
    }

    @Test
    void valueMatchers() throws Exception {
        Object expected = map(
                "id", regex("^u-\\d+$", "u-1"),
                "count", integer(3),
                "price", decimal(9.99),
                "score", number(1),
                "active", bool(true),
                "day", date("yyyy-MM-dd", "2026-11-22"),
                "at", time("HH:mm", "10:30"),
                "when", datetime("yyyy-MM-dd'T'HH:mm:ssXXX", "2026-11-22T10:00:00Z"),
                "note", includes("trial"),
                "gone", nullValue());
        assertThat(response(expected, """
                {"id":"u-77","count":10,"price":0.5,"score":2.5,"active":"false","day":"2027-01-31","at":"23:59",
                 "when":"2027-01-31T23:59:00+01:00","note":"a trial plan","gone":null}
                """)).isEmpty();
        assertThat(response(expected, """
                {"id":"x-1","count":1.5,"price":3,"score":"2","active":"yes","day":"31/01/2027","at":"noon",
                 "when":"2027-01-31","note":"paid","gone":0}
                """))
                .extracting(PactMismatch::message)
                .containsExactly(
                        "expected a value matching ^u-\\d+$",
                        "expected an integer",
                        "expected a decimal number",
                        "expected a number",
                        "expected a boolean",
                        "expected a date in the format yyyy-MM-dd",
                        "expected a time in the format HH:mm",
                        "expected a datetime in the format yyyy-MM-dd'T'HH:mm:ssXXX",
                        "expected a value including 'trial'",
                        "expected null");
    }

    @Test
    void eachLikeJudgesEveryItemAndTheSize() throws Exception {
        Object expected = map("items", eachLike(map("sku", like("A-1"), "qty", integer(1)), 1, 2));
        assertThat(response(expected, "{\"items\":[{\"sku\":\"B\",\"qty\":4},{\"sku\":\"C\",\"qty\":1}]}"))
                .isEmpty();
        assertThat(response(expected, "{\"items\":[]}"))
                .extracting(PactMismatch::message)
                .containsExactly("the array is shorter than its minimum");
        assertThat(response(
                        expected,
                        "{\"items\":[{\"sku\":\"B\",\"qty\":1},{\"sku\":1,\"qty\":1},{\"sku\":\"D\",\"qty\":1}]}"))
                .extracting(PactMismatch::where)
                .containsExactly("body $.items", "body $.items[1].sku");
        assertThat(response(map("tags", List.of("a", "b")), "{\"tags\":[\"a\"]}"))
                .extracting(PactMismatch::message)
                .containsExactly("expected an array of 2 items");
    }

    @Test
    void arrayContainsFindsEachVariantAnywhere() throws Exception {
        Object expected = map(
                "events",
                arrayContaining(
                        map("type", equalTo("user.created"), "id", like("e-1")), map("type", equalTo("user.deleted"))));
        assertThat(response(expected, """
                {"events":[{"type":"user.updated"},{"type":"user.deleted","at":1},{"type":"user.created","id":"e-9"}]}
                """)).isEmpty();
        assertThat(response(expected, "{\"events\":[{\"type\":\"user.created\",\"id\":\"e-2\"}]}"))
                .extracting(PactMismatch::message)
                .containsExactly("no item matches variant 1");
    }

    @Test
    void eachKeyAndEachValueJudgeMaps() throws Exception {
        Object expected = map(
                "limits", eachKey(regex("^[a-z]+$", "daily"), map("daily", 10)),
                "prices", eachValue(integer(5), map("basic", 5)));
        assertThat(response(expected, "{\"limits\":{\"hourly\":3,\"weekly\":70},\"prices\":{\"pro\":20,\"team\":90}}"))
                .isEmpty();
        assertThat(response(expected, "{\"limits\":{\"per day\":3},\"prices\":{\"pro\":\"20\"}}"))
                .extracting(PactMismatch::where)
                .containsExactly("body $.limits['per day']", "body $.prices.pro");
    }

    @Test
    void rulePathsAreWeighedAsTheSpecificationSays() {
        PactPath value = PactPath.parse("$.item1.level[1].id");
        assertThat(PactPath.parse("$").weight(value)).isEqualTo(2);
        assertThat(PactPath.parse("$.item1").weight(value)).isEqualTo(4);
        assertThat(PactPath.parse("$.item2").weight(value)).isZero();
        assertThat(PactPath.parse("$.item1.level[1].id").weight(value)).isEqualTo(32);
        assertThat(PactPath.parse("$.item1.level[2].id").weight(value)).isZero();
        assertThat(PactPath.parse("$.item1.level[*].id").weight(value)).isEqualTo(16);
        assertThat(PactPath.parse("$.*.level[*].id").weight(value)).isEqualTo(8);
        assertThat(PactPath.parse("$['odd key'].x").toString()).isEqualTo("$['odd key'].x");
        assertThatThrownBy(() -> PactPath.parse("items")).hasMessageContaining("starts with $");
    }

    @Test
    void matchersRefuseExamplesThatBreakThem() {
        assertThatThrownBy(() -> regex("^\\d+$", "abc"))
                .hasMessage("the example 'abc' does not match the pattern ^\\d+$");
        assertThatThrownBy(() -> date("yyyy-MM-dd", "22.11.2026")).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> eachLike("x", 3, 2)).hasMessageContaining("min <= max");
        assertThatThrownBy(() -> eachKey(eachLike("x"), Map.of())).hasMessageContaining("takes a value matcher");
    }

    static JsonNode tree(String json) throws Exception {
        return JSON.readTree(json);
    }

    @Test
    void anExpectedRequestWithoutAMethodIsAGet() throws Exception {
        JsonNode expected = JSON.readTree("{\"path\":\"/users/1\"}");
        assertThat(PactHttp.matchRequest(expected, new PactHttp.Request("GET", "/users/1", null, Map.of(), null)))
                .isEmpty();
        assertThat(PactHttp.matchRequest(expected, new PactHttp.Request("POST", "/users/1", null, Map.of(), null)))
                .extracting(PactMismatch::message)
                .containsExactly("expected the method GET");
    }

    @Test
    void acceptHeadersCompareTheirMediaTypesInOrder() throws Exception {
        JsonNode expected = JSON.readTree("{\"method\":\"GET\",\"path\":\"/\","
                + "\"headers\":{\"Accept\":\"application/json;charset=utf-8, text/plain\"}}");
        assertThat(PactHttp.matchRequest(
                        expected,
                        new PactHttp.Request(
                                "GET",
                                "/",
                                null,
                                Map.of("Accept", "application/json; charset=UTF-8,text/plain"),
                                null)))
                .isEmpty();
        assertThat(PactHttp.matchRequest(
                        expected,
                        new PactHttp.Request(
                                "GET",
                                "/",
                                null,
                                Map.of("Accept", "text/plain, application/json;charset=utf-8"),
                                null)))
                .extracting(PactMismatch::message)
                .containsExactly("expected the media types application/json;charset=utf-8, text/plain in that order"
                        + " (their parameters too)");
        JsonNode notAMediaType =
                JSON.readTree("{\"method\":\"GET\",\"path\":\"/\",\"headers\":{\"Accept\":\"alligators\"}}");
        assertThat(PactHttp.matchRequest(
                        notAMediaType, new PactHttp.Request("GET", "/", null, Map.of("Accept", "Alligators"), null)))
                .as("a value that is no media type compares as written")
                .hasSize(1);
    }

    @Test
    void contentTypesCompareTheirTypeAndParametersNotTheirSpelling() {
        assertThat(PactHttp.sameMediaType("application/json;charset=UTF-8", "application/json; charset=utf-8"))
                .isTrue();
        assertThat(PactHttp.sameMediaType(
                        "text/plain; charset=utf-8; format=flowed", "Text/Plain;format=flowed;charset=\"UTF-8\""))
                .as("parameters in another order, quoted")
                .isTrue();
        assertThat(PactHttp.sameMediaType("application/json", "application/json; charset=utf-8"))
                .as("a parameter the expected does not name")
                .isTrue();
        assertThat(PactHttp.sameMediaType("application/json;charset=UTF-8", "application/json;charset=ISO-8859-1"))
                .isFalse();
        assertThat(PactHttp.sameMediaType("application/json;charset=UTF-8", "application/json"))
                .isFalse();
        assertThat(PactHttp.sameMediaType("application/json", "application/xml"))
                .isFalse();
        assertThat(PactHttp.sameMediaType("text/plain; format=Flowed", "text/plain; format=flowed"))
                .as("values other than charset compare exactly")
                .isFalse();
    }

    private static List<PactMismatch> post(String expectedBody, @org.jspecify.annotations.Nullable String actualBody)
            throws Exception {
        JsonNode expected = JSON.readTree("{\"method\":\"POST\",\"path\":\"/\",\"body\":" + expectedBody + "}");
        return PactHttp.matchRequest(expected, new PactHttp.Request("POST", "/", null, Map.of(), actualBody));
    }

    @Test
    void nullEmptyAndPlainTextBodies() throws Exception {
        assertThat(post("null", null)).as("no body where null is expected").isEmpty();
        assertThat(post("null", "null")).as("the JSON null").isEmpty();
        assertThat(post("null", "{\"alligator\":{\"age\":3}}"))
                .extracting(PactMismatch::message)
                .containsExactly("expected no body (null)");
        assertThat(post("{\"content\":null}", "{}")).as("V4 form").hasSize(1);
        assertThat(post("{\"content\":\"\"}", null))
                .as("an empty body expected, none sent")
                .isEmpty();
        assertThat(post("{\"content\":\"\"}", "x"))
                .extracting(PactMismatch::message)
                .containsExactly("expected an empty body");
        String mary = "{\"content\":\"alligator named mary\",\"contentType\":\"text/plain\"}";
        assertThat(post(mary, "alligator named mary"))
                .as("plain text that matches")
                .isEmpty();
        assertThat(post(mary, "alligator named fred"))
                .as("plain text that does not match")
                .hasSize(1);
        assertThat(post("{\"content\":\"hello\",\"contentType\":\"application/json\"}", "\"hello\""))
                .as("a JSON string is compared as JSON")
                .isEmpty();
    }

    @Test
    void versionTwoRulesAreSplitIntoCategoriesAndMayLeaveMatchOut(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        // version 2: rules keyed by paths from the request itself; {"regex": ...} and {"min": 1} without "match"
        String pact = "{\"consumer\":{\"name\":\"c\"},\"provider\":{\"name\":\"p\"},\"interactions\":[{"
                + "\"description\":\"d\",\"request\":{\"method\":\"POST\",\"path\":\"/items/1\","
                + "\"headers\":{\"X-Id\":\"42\"},\"body\":{\"id\":\"a\",\"tags\":[\"x\"]},"
                + "\"matchingRules\":{\"$.path\":{\"regex\":\"/items/\\\\d+\"},"
                + "\"$.headers.X-Id\":{\"regex\":\"\\\\d+\"},"
                + "\"$.body.id\":{\"match\":\"type\"},\"$.body.tags\":{\"min\":1}}},"
                + "\"response\":{\"status\":200}}],\"metadata\":{\"pactSpecification\":{\"version\":\"2.0.0\"}}}";
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("c-p.json"), pact);
        JsonNode request = PactFiles.read(file).interactions().get(0).get("request");
        assertThat(request.at("/matchingRules/body").has("$.id")).isTrue();
        assertThat(request.at("/matchingRules/header").has("X-Id")).isTrue();
        assertThat(PactHttp.matchRequest(
                        request,
                        new PactHttp.Request(
                                "POST",
                                "/items/7",
                                null,
                                Map.of("x-id", "7"),
                                "{\"id\":\"b\",\"tags\":[\"y\",\"z\"]}")))
                .as("path and header by regex, id by type, tags by type with a minimum")
                .isEmpty();
        assertThat(PactHttp.matchRequest(
                        request,
                        new PactHttp.Request(
                                "POST", "/items/7", null, Map.of("x-id", "seven"), "{\"id\":1,\"tags\":[]}")))
                .extracting(PactMismatch::where)
                .contains("header X-Id", "body $.id", "body $.tags");
    }

    @Test
    void versionOneComparesQueryStringsAsStringsAndLaterVersionsAsParameters(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        for (String version : new String[] {"1.0.0", "1.1.0"}) {
            String pact = "{\"consumer\":{\"name\":\"c\"},\"provider\":{\"name\":\"p\"},\"interactions\":[{"
                    + "\"description\":\"d\",\"request\":{\"method\":\"GET\",\"path\":\"/path\","
                    + "\"query\":\"alligator=Mary&hippo=John\"},\"response\":{\"status\":200}}],"
                    + "\"metadata\":{\"pactSpecification\":{\"version\":\"" + version + "\"}}}";
            java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("c-p-" + version + ".json"), pact);
            JsonNode request = PactFiles.read(file).interactions().get(0).get("request");
            boolean v1 = version.equals("1.0.0");
            for (String query : new String[] {"hippo=John&alligator=Mary", "alligator=Mary&hippo=John&"}) {
                assertThat(PactHttp.matchRequest(request, new PactHttp.Request("GET", "/path", query, Map.of(), null)))
                        .as(version + " " + query)
                        .hasSize(v1 ? 1 : 0);
            }
        }
    }

    @Test
    void matchersCombinedWithOrNeedOnlyOneToPass() throws Exception {
        JsonNode rules = JSON.readTree("{\"$.v\":{\"combine\":\"OR\",\"matchers\":[{\"match\":\"regex\","
                + "\"regex\":\"^a$\"},{\"match\":\"integer\"}]}}");
        JsonNode expected = JSON.readTree("{\"v\":\"a\"}");
        PactMatching matching = PactMatching.of(rules);
        assertThat(matching.compare("body", expected, JSON.readTree("{\"v\":7}"), false))
                .isEmpty();
        assertThat(matching.compare("body", expected, JSON.readTree("{\"v\":\"b\"}"), false))
                .as("neither passes: both are reported")
                .hasSize(2);
    }

    @Test
    void rulesForEveryItemLetTheArrayHoldAnyNumberOfThem() throws Exception {
        PactMatching dates = PactMatching.of(JSON.readTree(
                "{\"$.dates[*]\":{\"matchers\":[{\"match\":\"regex\",\"regex\":\"\\\\d{2}/\\\\d{2}/\\\\d{4}\"}]}}"));
        JsonNode expected = JSON.readTree("{\"dates\":[\"29/10/2015\"]}");
        assertThat(dates.compare("body", expected, JSON.readTree("{\"dates\":[\"01/11/2010\",\"15/12/2014\"]}"), true))
                .isEmpty();
        assertThat(dates.compare("body", expected, JSON.readTree("{\"dates\":[\"01/11/2010\",\"soon\"]}"), true))
                .extracting(PactMismatch::where)
                .containsExactly("body $.dates[1]");
        assertThat(PactMatching.of(null)
                        .compare("body", expected, JSON.readTree("{\"dates\":[\"29/10/2015\",\"x\"]}"), true))
                .as("without rules the array must be as long as the example")
                .isNotEmpty();
    }

    @Test
    void aRuleForAnyKeyJudgesKeysTheExampleLacksByItsFirstValueWhereUnexpectedKeysAreNotAllowed() throws Exception {
        PactMatching anyKey = PactMatching.of(JSON.readTree("{\"$.person.*\":{\"matchers\":[{\"match\":\"type\"}]}}"));
        JsonNode expected = JSON.readTree("{\"person\":{\"name\":\"Any name\"}}");
        // a request (no unexpected keys): a key the example lacks is let in by the rule when it is like the first value
        assertThat(anyKey.compare(
                        "body",
                        expected,
                        JSON.readTree("{\"person\":{\"name\":\"Jon\",\"nationality\":\"AU\"}}"),
                        false))
                .isEmpty();
        assertThat(anyKey.compare("body", expected, JSON.readTree("{\"person\":{\"name\":\"Jon\",\"age\":39}}"), false))
                .extracting(PactMismatch::where)
                .containsExactly("body $.person.age");
        // a response allows unexpected keys, and the rule does not judge them (the specification's version-2 case
        // "additional property with type matcher": age 39 beside a string example still matches); the keys the
        // example has are judged by it
        assertThat(anyKey.compare("body", expected, JSON.readTree("{\"person\":{\"name\":\"Jon\",\"age\":39}}"), true))
                .isEmpty();
        assertThat(anyKey.compare("body", expected, JSON.readTree("{\"person\":{\"name\":39}}"), true))
                .extracting(PactMismatch::where)
                .containsExactly("body $.person.name");
    }
}
