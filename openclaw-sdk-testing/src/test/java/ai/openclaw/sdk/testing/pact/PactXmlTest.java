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
        assertThat(PactHttp.matchResponse(expected("<stock/>"), 200, Map.of(), "<stock xmlns=\"urn:stock\"/>"))
                .as("a namespace where none was expected")
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
}
