package ai.openclaw.sdk.contract;

import static ai.openclaw.sdk.contract.SeedContractTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.sdk.catalog.HttpMethod;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Requests and responses against user-service's OpenAPI 3.0 document. */
class HttpContractTest {
    private final HttpContract users = ContractRegistry.load(SeedContractTest.contracts())
            .httpContract("user-service")
            .orElseThrow();

    private static final String USER =
            "{\"id\":\"u-1\",\"email\":\"a@b\",\"name\":\"Ada\",\"nickname\":null,\"createdAt\":\"2026-11-22T10:00:00Z\"}";

    @Test
    void readsTheDocument() {
        assertThat(users.version()).isEqualTo("1.2");
        assertThat(users.openApiVersion()).isEqualTo("3.0.3");
        assertThat(users.operations())
                .extracting(Object::toString)
                .containsExactly("POST /users", "GET /users/{id}", "POST /auth/login", "POST /auth/refresh");
        assertThat(users.findOperation(HttpMethod.GET, "/users/7").orElseThrow().operationId())
                .contains("getUser");
    }

    @Test
    void aConformingResponsePasses() {
        assertThat(users.validateResponse(
                        HttpMethod.GET, "/users/u-1", 200, "application/json; charset=utf-8", json(USER)))
                .isEmpty();
        assertThat(users.validateResponse(
                        HttpMethod.GET, "/users/u-2", 404, "application/problem+json", json("{\"status\":404}")))
                .isEmpty();
    }

    @Test
    void driftNamesOperationStatusPointerAndRule() {
        var wrongType = users.validateResponse(
                HttpMethod.GET, "/users/u-1", 200, "application/json", json(USER.replace("\"Ada\"", "7")));
        assertThat(wrongType).singleElement().satisfies(v -> {
            assertThat(v.contract()).isEqualTo("user-service GET /users/{id} 200");
            assertThat(v.version()).isEqualTo("1.2");
            assertThat(v.pointer()).isEqualTo("/name");
            assertThat(v.rule()).isEqualTo("type");
            assertThat(v.valueSeen()).isEqualTo("7");
        });
        var dropped = users.validateResponse(
                HttpMethod.GET, "/users/u-1", 200, "application/json", json(USER.replace("\"email\":\"a@b\",", "")));
        assertThat(dropped).singleElement().satisfies(v -> {
            assertThat(v.pointer()).isEqualTo("/email");
            assertThat(v.rule()).isEqualTo("required");
        });
        assertThatThrownBy(() -> users.checkResponse(HttpMethod.GET, "/users/u-1", 200, "application/json", json("{}")))
                .isInstanceOf(ContractViolationException.class)
                .hasMessageContaining("user-service GET /users/{id} 200 1.2: /id: required");
    }

    @Test
    void undocumentedStatusesContentTypesAndOperations() {
        assertThat(users.validateResponse(HttpMethod.GET, "/users/u-1", 500, "application/json", json("{}")))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.rule()).isEqualTo("status");
                    assertThat(v.message()).isEqualTo("status 500 is not documented (documented: 200, 404)");
                });
        assertThat(users.validateResponse(HttpMethod.GET, "/users/u-1", 200, "text/html", json("{}")))
                .singleElement()
                .satisfies(v -> assertThat(v.rule()).isEqualTo("content-type"));
        assertThat(users.validateResponse(HttpMethod.DELETE, "/users/u-1", 204, null, null))
                .singleElement()
                .satisfies(v -> assertThat(v.rule()).isEqualTo("operation"));
    }

    @Test
    void requestsAreCheckedParameterByParameter() {
        assertThat(users.validateRequest(
                        HttpMethod.GET, "/users/u-1?expand=true", Map.of("x-request-id", "r-1"), null, null))
                .isEmpty();
        var bad = users.validateRequest(HttpMethod.GET, "/users/u-1?expand=maybe", Map.of(), null, null);
        assertThat(bad)
                .extracting(ContractViolation::pointer, ContractViolation::rule)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("/query/expand", "type"),
                        org.assertj.core.groups.Tuple.tuple("/header/X-Request-Id", "parameter"));
        assertThat(users.validateRequest(HttpMethod.POST, "/users", Map.of(), "application/json", null))
                .singleElement()
                .satisfies(v -> assertThat(v.message()).isEqualTo("a request body is required"));
        assertThat(users.validateRequest(
                        HttpMethod.POST,
                        "/users",
                        Map.of(),
                        "application/json",
                        json("{\"email\":\"a\",\"name\":\"b\"," + "\"role\":\"owner\"}")))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.pointer()).isEqualTo("/role");
                    assertThat(v.rule()).isEqualTo("enum");
                });
    }

    @Test
    void sensitiveValuesAreNeverShown() {
        var login = users.validateRequest(
                HttpMethod.POST,
                "/auth/login",
                Map.of(),
                "application/json",
                json("{\"email\":\"a@b\",\"password\":\"hunter2\"}"));
        assertThat(login).singleElement().satisfies(v -> {
            assertThat(v.pointer()).isEqualTo("/password");
            assertThat(v.valueSeen()).isEqualTo("(sensitive, not shown)");
            assertThat(v.toString()).doesNotContain("hunter2");
        });
        var token = users.validateResponse(
                HttpMethod.POST, "/auth/login", 200, "application/json", json("{\"accessToken\":\"short\"}"));
        assertThat(token).singleElement().satisfies(v -> assertThat(v.toString())
                .doesNotContain("short\""));
    }

    @Test
    void aDocumentInCodeWorksToo() {
        HttpContract c = HttpContract.of(
                "billing-service",
                json("{\"openapi\":\"3.1.0\",\"info\":{\"version\":\"1.0\"},\"paths\":{\"/invoices\":{\"post\":"
                        + "{\"responses\":{\"201\":{\"description\":\"ok\",\"content\":{\"application/json\":"
                        + "{\"schema\":{\"$ref\":\"#/components/schemas/Invoice\"}}}}}}}},\"components\":{\"schemas\":"
                        + "{\"Invoice\":{\"type\":\"object\",\"required\":[\"id\"],\"properties\":{\"id\":{\"type\":"
                        + "[\"string\",\"null\"]}}}}}}"));
        assertThat(c.validateResponse(HttpMethod.POST, "/invoices", 201, "application/json", json("{\"id\":null}")))
                .isEmpty();
        assertThat(c.validateResponse(HttpMethod.POST, "/invoices", 201, "application/json", json("{}")))
                .hasSize(1);
        assertThatThrownBy(() -> HttpContract.of(
                        "x",
                        json("{\"openapi\":\"3.0.0\",\"paths\":{\"/a\":{\"get\":"
                                + "{\"responses\":{\"200\":{\"$ref\":\"#/components/responses/Nope\"}}}}}}")))
                .isInstanceOf(ContractException.class)
                .hasMessageContaining("'$ref' #/components/responses/Nope points at nothing");
    }

    @Test
    void loadingAndUsingADocumentLogsNoWarning() {
        Logger networknt = (Logger) LoggerFactory.getLogger("com.networknt");
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        networknt.addAppender(logged);
        try {
            // the validator warns once per JVM per unknown keyword: a root key of its own makes this test see it
            String unique = "x-" + java.util.UUID.randomUUID();
            HttpContract c = HttpContract.of(
                    "billing-service",
                    json("{\"openapi\":\"3.1.0\",\"info\":{\"version\":\"1.0\"},\"" + unique + "\":true,"
                            + "\"paths\":{\"/invoices\":{\"post\":{\"responses\":{\"201\":{\"description\":\"ok\","
                            + "\"content\":{\"application/json\":{\"schema\":{\"$ref\":"
                            + "\"#/components/schemas/Invoice\"}}}}}}}},\"components\":{\"schemas\":{\"Invoice\":"
                            + "{\"type\":\"object\",\"required\":[\"id\"]}}}}"));
            assertThat(c.validateResponse(HttpMethod.POST, "/invoices", 201, "application/json", json("{}")))
                    .hasSize(1);
            assertThat(logged.list)
                    .filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .isEmpty();
        } finally {
            networknt.detachAppender(logged);
        }
    }

    @Test
    void pathsMatchTheMostSpecificTemplateWhateverTheirShape() {
        HttpContract c = HttpContract.of(
                "user-service",
                json("{\"openapi\":\"3.0.3\",\"info\":{\"version\":\"1.0\"},\"paths\":{"
                        + "\"/users/{id}\":{\"get\":{\"operationId\":\"byId\",\"responses\":{\"200\":{\"description\":\"ok\"}}}},"
                        + "\"/users/me\":{\"get\":{\"operationId\":\"me\",\"responses\":{\"200\":{\"description\":\"ok\"}}}},"
                        + "\"/users/{id}/orders/{order}\":{\"get\":{\"operationId\":\"order\","
                        + "\"responses\":{\"200\":{\"description\":\"ok\"}}}}}}"));
        assertThat(c.findOperation(HttpMethod.GET, "/users/me").orElseThrow().operationId())
                .contains("me");
        assertThat(c.findOperation(HttpMethod.GET, "/users/7").orElseThrow().operationId())
                .contains("byId");
        assertThat(c.findOperation(HttpMethod.GET, "/users/7/").orElseThrow().operationId())
                .as("a trailing slash")
                .contains("byId");
        assertThat(c.findOperation(HttpMethod.GET, "//users//7?expand=true#top")
                        .orElseThrow()
                        .operationId())
                .as("empty segments, a query and a fragment")
                .contains("byId");
        assertThat(c.findOperation(HttpMethod.GET, "/users/7/orders/o-1")
                        .orElseThrow()
                        .operationId())
                .contains("order");
        assertThat(c.findOperation(HttpMethod.GET, "/users/7/orders")).isEmpty();
        assertThat(c.findOperation(HttpMethod.GET, "/users")).isEmpty();
        assertThat(c.findOperation(HttpMethod.GET, "/user/7")).isEmpty();
        assertThat(c.findOperation(HttpMethod.POST, "/users/7")).isEmpty();
        assertThat(c.validateRequest(HttpMethod.GET, "/users/a%20b", java.util.Map.of(), null, null))
                .isEmpty();
    }

    @Test
    void theSameAnswerTwiceGetsTheSameVerdict() {
        // the decisions per operation, status and content type are kept after the first answer
        for (int i = 0; i < 3; i++) {
            assertThat(users.validateResponse(HttpMethod.GET, "/users/u-1", 200, "text/html", json("{}")))
                    .singleElement()
                    .satisfies(v -> assertThat(v.rule()).isEqualTo("content-type"));
            assertThat(users.validateResponse(HttpMethod.GET, "/users/u-1", 200, "application/json", null))
                    .singleElement()
                    .satisfies(v -> assertThat(v.message()).isEqualTo("a response body is required"));
            assertThat(users.validateResponse(HttpMethod.GET, "/users/u-1", 200, "application/json", json(USER)))
                    .isEmpty();
            assertThat(users.validateResponse(HttpMethod.GET, "/users/u-1", 200, "application/json", json("{}")))
                    .isNotEmpty();
            assertThat(users.validateResponse(HttpMethod.GET, "/users/u-1", 503, "application/json", null))
                    .singleElement()
                    .satisfies(v -> assertThat(v.rule()).isEqualTo("status"));
        }
    }
}
