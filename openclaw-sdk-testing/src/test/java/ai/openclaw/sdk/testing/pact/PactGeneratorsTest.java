package ai.openclaw.sdk.testing.pact;

import static ai.openclaw.sdk.testing.pact.PactMatchers.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Generators as the specification's V3 and V4 text describes them, written by the DSL and applied on both sides. */
class PactGeneratorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T10:15:30Z"), ZoneOffset.UTC);

    @RegisterExtension
    final PactDirectory directory = new PactDirectory();

    @Test
    void regexSamplesMatchTheirPattern() {
        for (String regex : new String[] {
            "^u-[0-9]+$",
            "\\d{3}-\\d{4}",
            "(foo|bar)+baz?",
            "[A-Z][a-z]{2,5}",
            "[^abc]x",
            "\\w+@\\w+\\.com",
            "a.c",
            "(?:ab){2}",
            "[0-9a-fA-F]{8}",
            "(GET|POST|PUT)\\s/\\S+",
            "[a-c\\-]{1,3}\\.\\*"
        }) {
            SplittableRandom random = new SplittableRandom(7);
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < 50; i++) {
                String s = RegexSampler.sample(regex, random);
                assertThat(s).as(regex).matches(regex);
                seen.add(s);
            }
            if (!regex.equals("(?:ab){2}")) {
                assertThat(seen).as("samples of " + regex + " vary").hasSizeGreaterThan(1);
            }
        }
    }

    @Test
    void patternsBeyondTheSamplerAreRefusedNamingTheConstruct() {
        assertThatThrownBy(() -> RegexSampler.sample("(?=a)b", new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(?=...)");
        assertThatThrownBy(() -> RegexSampler.sample("(a)\\1", new SplittableRandom(1)))
                .hasMessageContaining("the escape \\1");
        assertThatThrownBy(() -> regex("\\bword\\b")).hasMessageContaining("give an example instead");
    }

    /** Each DSL matcher that generates: the generated value passes the matcher, and differs from the example. */
    @Test
    void generatedValuesPassTheirOwnMatchers() {
        Map<String, Supplier<PactMatcher>> matchers = Map.ofEntries(
                Map.entry("integer", PactMatchers::integer),
                Map.entry("integerBetween", () -> integerBetween(5, 9_999)),
                Map.entry("decimal", PactMatchers::decimal),
                Map.entry("hex", () -> hex(8)),
                Map.entry("string", () -> string(12)),
                Map.entry("uuid", PactMatchers::uuid),
                Map.entry("bool", PactMatchers::bool),
                Map.entry("regex", () -> regex("^ord-[0-9]{4}-[A-Z]{2}$")),
                Map.entry("date", () -> date("yyyy-MM-dd")),
                Map.entry("time", () -> time("HH:mm:ss")),
                Map.entry("datetime", () -> datetime("yyyy-MM-dd'T'HH:mm:ssXXX")),
                Map.entry("dateFrom", () -> dateFrom("tomorrow + 1 month", "dd/MM/yyyy")));
        matchers.forEach((name, m) -> {
            PactBody body = PactBody.of(Map.of("v", m.get()), JSON);
            assertThat(body.generators()).as(name).containsKey("$.v");
            Set<JsonNode> values = new HashSet<>();
            for (int i = 0; i < 30; i++) {
                JsonNode generated = PactGenerators.applyToBody(
                        body.example(),
                        body.generatorsNode(),
                        new PactGenerators.Context(false, Map.of(), null, CLOCK, new SplittableRandom(i)));
                assertThat(PactMatching.of(body.rulesNode()).compare("body", body.example(), generated, false))
                        .as(name + " " + generated)
                        .isEmpty();
                values.add(generated.get("v"));
            }
            if (name.startsWith("date") || name.equals("time")) {
                assertThat(values)
                        .as(name + ": from the clock, not the example")
                        .doesNotContain(body.example().get("v"));
            } else {
                assertThat(values).as(name + ": generated values vary").hasSizeGreaterThan(1);
            }
        });
    }

    @Test
    void datesComeFromTheClockAndTheExpression() {
        ObjectNode tomorrow = NODES.objectNode().put("type", "Date").put("expression", "tomorrow");
        assertThat(PactGenerators.dateLike("Date", tomorrow, CLOCK)).isEqualTo("2026-12-04");
        ObjectNode later = NODES.objectNode()
                .put("type", "DateTime")
                .put("expression", "now + 2 hours - 15 minutes")
                .put("format", "yyyy-MM-dd HH:mm");
        assertThat(PactGenerators.dateLike("DateTime", later, CLOCK)).isEqualTo("2026-12-03 12:00");
        assertThat(PactGenerators.dateLike("Time", NODES.objectNode().put("type", "Time"), CLOCK))
                .isEqualTo("10:15:30");
        assertThat(PactGenerators.dateLike("Date", NODES.objectNode().put("expression", "next tuesday"), CLOCK))
                .as("an expression it cannot read")
                .isNull();
        assertThatThrownBy(() -> dateFrom("next tuesday", "yyyy-MM-dd"))
                .hasMessageContaining("'next tuesday' cannot be read");
    }

    @Test
    void providerStateValuesFillExpressionsOnTheProviderSideOnly() {
        ObjectNode whole = NODES.objectNode().put("type", "ProviderState").put("expression", "${id}");
        ObjectNode inPath = NODES.objectNode().put("type", "ProviderState").put("expression", "/users/${id}/orders");
        PactGenerators.Context provider = PactGenerators.Context.provider(Map.of("id", 42));

        assertThat(PactGenerators.generate(whole, NODES.numberNode(1), provider))
                .isEqualTo(NODES.numberNode(42));
        assertThat(PactGenerators.generate(inPath, NODES.textNode("/users/1/orders"), provider)
                        .asText())
                .isEqualTo("/users/42/orders");
        assertThat(PactGenerators.generate(whole.deepCopy().put("dataType", "STRING"), NODES.numberNode(1), provider))
                .isEqualTo(NODES.textNode("42"));
        assertThat(PactGenerators.generate(whole, NODES.numberNode(1), PactGenerators.Context.provider(Map.of())))
                .as("no such value: the example stays")
                .isEqualTo(NODES.numberNode(1));
        assertThat(PactGenerators.generate(whole, NODES.numberNode(1), PactGenerators.Context.consumer(null)))
                .isEqualTo(NODES.numberNode(1));
    }

    @Test
    void aMockServerUrlPointsAtTheMockOnTheConsumerSide() {
        ObjectNode g = NODES.objectNode()
                .put("type", "MockServerURL")
                .put("example", "http://localhost:8080/orders/42")
                .put("regex", ".*(/orders/\\d+)$");
        JsonNode example = NODES.textNode("http://localhost:8080/orders/42");
        assertThat(PactGenerators.generate(g, example, PactGenerators.Context.consumer("http://127.0.0.1:5555"))
                        .asText())
                .isEqualTo("http://127.0.0.1:5555/orders/42");
        assertThat(PactGenerators.generate(g, example, PactGenerators.Context.provider(Map.of())))
                .isEqualTo(example);
    }

    @Test
    void theDslWritesGeneratorsByCategoryAndTheMockAnswersWithGeneratedValues() throws Exception {
        ConsumerPact pact = ConsumerPact.between("billing-service", "order-service")
                .given("order o-1 exists")
                .uponReceiving(
                        "a request for order o-1",
                        PactRequest.get(fromProviderState("/orders/${orderId}", "/orders/o-1"))
                                .header("X-Request-Id", uuid())
                                .query("at", date("yyyy-MM-dd")),
                        PactResponse.status(PactResponse.StatusClass.SUCCESS, 200)
                                .header("X-Trace", hex(16))
                                .body(Map.of(
                                        "id", uuid(),
                                        "total", decimal(),
                                        "self",
                                                mockServerUrl(
                                                        ".*(/orders/[a-z0-9-]+)$", "http://localhost:8080/orders/o-1"),
                                        "lines", eachLike(Map.of("sku", regex("^SKU-[0-9]{5}$"), "qty", integer())))))
                .build();
        JsonNode interaction = pact.toJson().path("interactions").get(0);
        JsonNode req = interaction.path("request").path("generators");
        assertThat(req.path("path").path("type").asText()).isEqualTo("ProviderState");
        assertThat(req.path("header").path("X-Request-Id").path("type").asText())
                .isEqualTo("Uuid");
        assertThat(req.path("query").path("at").path("type").asText()).isEqualTo("Date");
        JsonNode res = interaction.path("response");
        assertThat(res.path("generators").path("body").fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("$.id", "$.total", "$.self", "$.lines[*].sku", "$.lines[*].qty");
        assertThat(res.path("matchingRules")
                        .path("status")
                        .path("matchers")
                        .get(0)
                        .path("status")
                        .asText())
                .isEqualTo("success");

        String example = interaction
                .path("response")
                .path("body")
                .path("content")
                .path("id")
                .asText();
        try (MockProvider orders = MockProvider.start(pact)) {
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(orders.baseUrl().resolve("/orders/o-1?at=2026-12-03"))
                                    .header("X-Request-Id", "6b8b3a3e-4b1a-4e53-9d1c-3f4a7a0c2b11")
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode body = JSON.readTree(r.body());
            assertThat(body.get("id").asText()).matches("[0-9a-f-]{36}").isNotEqualTo(example);
            assertThat(body.get("self").asText()).isEqualTo(orders.baseUrl() + "/orders/o-1");
            assertThat(body.get("lines").get(0).get("sku").asText()).matches("^SKU-[0-9]{5}$");
            assertThat(r.headers().firstValue("X-Trace").orElseThrow()).matches("[0-9a-f]{16}");
            assertThat(Files.readString(orders.verify())).contains("\"generators\"");
        }
    }

    record Order(String id) {}

    /** The provider: records the paths it is asked for; answers with a configurable status. */
    private static HttpServer provider(List<String> paths, int status) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            paths.add(exchange.getRequestURI().getPath());
            byte[] body = ("{\"id\":\"" + exchange.getRequestURI().getPath().substring(8) + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static ConsumerPact orderPact() {
        return ConsumerPact.between("billing-service", "order-service")
                .given("an order exists")
                .uponReceiving(
                        "a request for an order the provider made",
                        PactRequest.get(fromProviderState("/orders/${orderId}", "/orders/o-1")),
                        PactResponse.status(PactResponse.StatusClass.SUCCESS, 200)
                                .body(Map.of("id", fromProviderState("${orderId}", "o-1"))))
                .build();
    }

    public static final class States {
        @State("an order exists")
        Map<String, Object> orderExists() {
            return Map.of("orderId", "o-77"); // the id the provider's own code made
        }
    }

    @Test
    void theVerifierSendsWhatTheProviderStateMadeAndJudgesTheStatusByItsClass() throws Exception {
        ConsumerPact pact = orderPact();
        try (MockProvider mock = MockProvider.start(pact)) {
            HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(mock.baseUrl().resolve("/orders/o-1"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            mock.verify();
        }
        List<String> paths = new CopyOnWriteArrayList<>();
        HttpServer created = provider(paths, 201);
        try {
            PactVerifier.forProvider("order-service")
                    .pactsIn(directory.path())
                    .stateHandlers(new States())
                    .verify(URI.create(
                            "http://127.0.0.1:" + created.getAddress().getPort()));
            assertThat(paths).containsExactly("/orders/o-77");
        } finally {
            created.stop(0);
        }
        HttpServer missing = provider(paths, 404);
        try {
            assertThatThrownBy(() -> PactVerifier.forProvider("order-service")
                            .pactsIn(directory.path())
                            .stateHandlers(new States())
                            .verify(URI.create(
                                    "http://127.0.0.1:" + missing.getAddress().getPort())))
                    .hasMessageContaining("status")
                    .hasMessageContaining("expected a status of the class success");
        } finally {
            missing.stop(0);
        }
    }

    @Test
    void theV4MatchersTheDslNowOffers() {
        PactBody body = PactBody.of(
                Map.of(
                        "tags", notEmpty(List.of("a")),
                        "version", semver("1.2.3-rc.1"),
                        "prices", values(Map.of("eur", like(10)))),
                JSON);
        PactMatching rules = PactMatching.of(body.rulesNode());
        ObjectNode good = NODES.objectNode();
        good.putArray("tags").add("x").add("y");
        good.put("version", "2.0.0");
        good.putObject("prices").put("usd", 11).put("gbp", 9);
        assertThat(rules.compare("body", body.example(), good, false)).isEmpty();

        ObjectNode bad = good.deepCopy();
        bad.putArray("tags");
        bad.put("version", "2.0");
        ((ObjectNode) bad.get("prices")).put("chf", "ten");
        assertThat(rules.compare("body", body.example(), bad, false))
                .extracting(PactMismatch::toString)
                .anySatisfy(m -> assertThat(m).contains("$.tags").contains("not empty"))
                .anySatisfy(m -> assertThat(m).contains("$.version").contains("semantic version"))
                .anySatisfy(m -> assertThat(m).contains("$.prices.chf"));
        assertThatThrownBy(() -> semver("1.2")).hasMessageContaining("not a semantic version");
        assertThatThrownBy(() -> PactResponse.status(PactResponse.StatusClass.SUCCESS, 404))
                .hasMessageContaining("404 is not SUCCESS");
    }

    @Test
    void contentTypeIsToldFromTheBytes() {
        ObjectNode xml = NODES.objectNode().put("match", "contentType").put("value", "application/xml");
        assertThat(PactMatching.check(xml, null, NODES.textNode("<?xml version=\"1.0\"?><a/>")))
                .isNull();
        assertThat(PactMatching.check(xml, null, NODES.textNode("{\"a\": 1}")))
                .isEqualTo("expected content of type application/xml, found application/json");
        assertThat(ContentTypes.detect("%PDF-1.7 ...".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("application/pdf");
        assertThat(ContentTypes.detect(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0}))
                .isEqualTo("image/png");
        assertThat(ContentTypes.detect("plain words".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("text/plain");
    }
}
