package ai.openclaw.sdk.testing.pact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** XML bodies: written, answered as XML by the mock, compared element by element, parsed safely. */
class PactXmlTest {
    private static final String ORDER = "<?xml version=\"1.0\"?><order id=\"o-1\"><line sku=\"A\">2</line></order>";

    @RegisterExtension
    final PactDirectory directory = new PactDirectory();

    @Test
    void anXmlResponseIsAnsweredAsXmlAndWrittenWithItsType() throws Exception {
        ConsumerPact pact = ConsumerPact.between("billing-service", "order-service")
                .uponReceiving(
                        "an order as XML",
                        PactRequest.get("/orders/o-1").header("Accept", "application/xml"),
                        PactResponse.status(200).body(ORDER, "application/xml"))
                .build();
        try (MockProvider orders = MockProvider.start(pact)) {
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(orders.baseUrl().resolve("/orders/o-1"))
                                    .header("Accept", "application/xml")
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(r.body()).isEqualTo(ORDER);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/xml");
            String file = Files.readString(orders.verify());
            assertThat(file).contains("\"contentType\" : \"application/xml\"");
        }
    }

    private static ObjectNode expected(String xml) {
        ObjectNode response = JsonNodeFactory.instance.objectNode().put("status", 200);
        response.putObject("body").put("content", xml).put("contentType", "application/xml");
        return response;
    }

    @Test
    void elementsAreTheirNamespaceAndLocalNameNotTheirPrefix() {
        String expected = "<stock xmlns=\"urn:stock\" xmlns:s=\"urn:sku\"><s:item>A</s:item></stock>";
        assertThat(PactHttp.matchResponse(
                        expected(expected),
                        200,
                        Map.of(),
                        "<x:stock xmlns:x=\"urn:stock\"><item xmlns=\"urn:sku\">A</item></x:stock>"))
                .as("other prefixes, declared elsewhere, same namespaces")
                .isEmpty();
        assertThat(PactHttp.matchResponse(
                        expected(expected), 200, Map.of(), expected.replace("urn:stock", "urn:warehouse")))
                .extracting(PactMismatch::toString)
                .singleElement()
                .asString()
                .contains("expected the element stock in namespace urn:stock");
        // the specification's case "unexpected xml namespace": a response may put its elements in a namespace the
        // consumer did not name, as it may add attributes; a request may not
        assertThat(PactHttp.matchResponse(expected("<stock/>"), 200, Map.of(), "<stock xmlns=\"urn:stock\"/>"))
                .as("a namespace where none was expected, in a response")
                .isEmpty();
        ObjectNode request =
                JsonNodeFactory.instance.objectNode().put("method", "POST").put("path", "/stock");
        request.putObject("body").put("content", "<stock/>").put("contentType", "application/xml");
        assertThat(PactHttp.matchRequest(
                        request,
                        new PactHttp.Request(
                                "POST",
                                "/stock",
                                null,
                                Map.of("Content-Type", "application/xml"),
                                "<stock xmlns=\"urn:stock\"/>")))
                .as("a namespace where none was expected, in a request")
                .hasSize(1);
    }

    @Test
    void elementsAttributesAndTextAreComparedAndNamedByPath() {
        assertThat(PactHttp.matchResponse(expected(ORDER), 200, Map.of(), ORDER.replace("o-1", "o-1")))
                .isEmpty();
        assertThat(PactHttp.matchResponse(expected(ORDER), 200, Map.of(), ORDER.replace(">2<", ">3<")))
                .extracting(PactMismatch::toString)
                .singleElement()
                .asString()
                .contains("body $.order.line['#text']")
                .contains("expected the text '2'");
        assertThat(PactHttp.matchResponse(expected(ORDER), 200, Map.of(), ORDER.replace("sku=\"A\"", "")))
                .extracting(PactMismatch::toString)
                .singleElement()
                .asString()
                .contains("body $.order.line['@sku']");
    }

    @Test
    void documentsWithADoctypeAreRefusedAndNothingIsFetched() {
        String evil = "<?xml version=\"1.0\"?><!DOCTYPE order [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<order id=\"o-1\"><line sku=\"A\">&x;</line></order>";
        assertThat(PactHttp.matchResponse(expected(ORDER), 200, Map.of(), evil))
                .extracting(PactMismatch::toString)
                .singleElement()
                .asString()
                .contains("the body is not well-formed XML")
                .contains("DOCTYPE")
                .doesNotContain("root:");
    }

    @Test
    void underATypeRuleAnotherKindOfChildIsUnexpectedEvenInAResponse() throws Exception {
        String people = "<?xml version=\"1.0\"?><people><person>Fred</person></people>";
        ObjectNode expected = expected(people);
        expected.set(
                "matchingRules",
                PactFiles.JSON.readTree("{\"body\":{\"$.people\":{\"matchers\":[{\"match\":\"type\"}]}}}"));
        assertThat(PactHttp.matchResponse(
                        expected, 200, Map.of(), people.replace("</people>", "<person>George</person></people>")))
                .as("more children of the kind the rule describes")
                .isEmpty();
        assertThat(PactHttp.matchResponse(
                        expected, 200, Map.of(), people.replace("</people>", "<cat>Tom</cat></people>")))
                .extracting(PactMismatch::toString)
                .singleElement()
                .asString()
                .contains("body $.people.cat")
                .contains("unexpected element <cat>");
    }

    @Test
    void rulesForAnXmlBodyAreGivenByPathAndJudgeTheProvider() throws Exception {
        ConsumerPact pact = ConsumerPact.between("billing-service", "order-service")
                .uponReceiving(
                        "an order as XML, loosely",
                        PactRequest.get("/orders/o-1"),
                        PactResponse.status(200)
                                .body(ORDER, "application/xml")
                                .bodyRule("$.order['@id']", PactMatchers.regex("^o-[0-9]+$", "o-1"))
                                .bodyRule("$.order.line['#text']", PactMatchers.integer(2)))
                .build();
        JsonNode rules = pact.toJson().at("/interactions/0/response/matchingRules/body");
        assertThat(rules.fieldNames()).toIterable().containsExactly("$.order['@id']", "$.order.line['#text']");
        JsonNode response = pact.toJson().at("/interactions/0/response");

        Map<String, String> xml = Map.of("Content-Type", "application/xml");
        assertThat(PactHttp.matchResponse(
                        response, 200, xml, ORDER.replace("o-1", "o-77").replace(">2<", ">40<")))
                .isEmpty();
        assertThat(PactHttp.matchResponse(response, 200, xml, ORDER.replace(">2<", ">two<")))
                .extracting(PactMismatch::toString)
                .singleElement()
                .asString()
                .contains("$.order.line['#text']")
                .contains("expected an integer");
        assertThatThrownBy(() -> PactResponse.status(200).bodyRule("order.id", PactMatchers.like("x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSizeRuleOnTheRootElementCountsItsChildren() {
        // the root is never repeated, so min/max there bound the elements it holds (the specification's case "array
        // size less than required xml")
        ObjectNode response = expected("<animals><alligator name=\"Mary\"/></animals>");
        response.putObject("matchingRules")
                .putObject("body")
                .putObject("$.animals")
                .putArray("matchers")
                .addObject()
                .put("match", "type")
                .put("min", 2);
        assertThat(PactHttp.matchResponse(response, 200, Map.of(), "<animals><alligator name=\"Mary\"/></animals>"))
                .extracting(PactMismatch::toString)
                .singleElement()
                .asString()
                .contains("body $.animals")
                .contains("at least 2 child elements");
        assertThat(PactHttp.matchResponse(
                        response,
                        200,
                        Map.of(),
                        "<animals><alligator name=\"Mary\"/><alligator name=\"Susan\"/></animals>"))
                .isEmpty();
    }

    @Test
    void aVersion3PactWithXmlAndTextBodiesIsSentAndJudgedAsWritten() throws Exception {
        // version 3 writes a body as its JSON value; a string under a text or XML content type is the body itself,
        // not a JSON string to quote
        String order = "<?xml version=\"1.0\"?><order id=\"o-1\"/>";
        String pact = """
                {"consumer": {"name": "billing-service"}, "provider": {"name": "order-service"},
                 "interactions": [{"description": "an order as XML",
                   "request": {"method": "POST", "path": "/orders", "headers": {"Content-Type": "application/xml"},
                               "body": "%s"},
                   "response": {"status": 200, "headers": {"Content-Type": "text/plain"}, "body": "stored o-1"}}],
                 "metadata": {"pactSpecification": {"version": "3.0.0"}}}
                """.formatted(order.replace("\"", "\\\""));
        assertThat(bodiesSentWhileVerifying(pact, "/orders", 200, "stored o-1")).containsExactly(order);
    }

    @Test
    void anEmptyJsonBodyIsSentAsNoBodyAtAll() throws Exception {
        // the specification's "empty body" cases: a body of "" under a JSON content type is an empty body, not the
        // two characters of an empty JSON string
        String pact = """
                {"consumer": {"name": "billing-service"}, "provider": {"name": "order-service"},
                 "interactions": [{"description": "an empty ping",
                   "request": {"method": "POST", "path": "/ping", "headers": {"Content-Type": "application/json"},
                               "body": ""},
                   "response": {"status": 204}}],
                 "metadata": {"pactSpecification": {"version": "3.0.0"}}}
                """;
        assertThat(bodiesSentWhileVerifying(pact, "/ping", 204, null)).containsExactly("");
    }

    /** Verifies {@code pact} against a JDK server on loopback answering {@code path}; returns the bodies it was sent. */
    private java.util.List<String> bodiesSentWhileVerifying(
            String pact, String path, int status, @org.jspecify.annotations.Nullable String answer) throws Exception {
        java.nio.file.Path file = directory.path().resolve("billing-service-order-service.json");
        Files.writeString(file, pact);
        java.util.List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer server =
                com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(path, exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            if (answer == null) {
                exchange.sendResponseHeaders(status, -1);
            } else {
                byte[] bytes = answer.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/plain");
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
        try {
            PactVerifier.forProvider("order-service")
                    .pact(file)
                    .verify(java.net.URI.create(
                            "http://127.0.0.1:" + server.getAddress().getPort()));
            return received;
        } finally {
            server.stop(0);
        }
    }
}
