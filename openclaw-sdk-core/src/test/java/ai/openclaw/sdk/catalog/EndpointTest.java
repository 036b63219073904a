package ai.openclaw.sdk.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndpointTest {
    @Test
    void acceptsBothTemplateStyles() {
        assertThat(Endpoint.parse("GET /users/:id")).isEqualTo(Endpoint.parse("GET /users/{id}"));
        assertThat(Endpoint.parse("GET /users/:id/orders/{orderId}").pathTemplate())
                .isEqualTo("/users/{id}/orders/{orderId}");
        assertThat(Endpoint.parse("GET /users/:id").pathVariables()).containsExactly("id");
        assertThat(Endpoint.parse("  DELETE   /  ").pathTemplate()).isEqualTo("/");
    }

    @Test
    void matchesConcretePaths() {
        Endpoint e = Endpoint.parse("GET /users/{id}/orders/:orderId");
        assertThat(e.match(HttpMethod.GET, "/users/a%20b/orders/7/")
                        .orElseThrow()
                        .pathVariables())
                .isEqualTo(Map.of("id", "a b", "orderId", "7"));
        assertThat(e.match(HttpMethod.GET, "/users/1/orders")).isEmpty();
        assertThat(e.match(HttpMethod.POST, "/users/1/orders/7")).isEmpty();
        assertThat(e.match(HttpMethod.GET, "/users/1/invoices/7")).isEmpty();
    }

    @Test
    void theMostSpecificEndpointWins() {
        ServiceCatalog catalog = ServiceCatalog.of(List.of(ServiceDefinition.builder("a")
                .owner("t")
                .endpoints("GET /users/{id}", "GET /users/me")
                .build()));
        assertThat(catalog.findEndpoint("a", HttpMethod.GET, "/users/me")
                        .orElseThrow()
                        .endpoint())
                .hasToString("GET /users/me");
        assertThat(catalog.findEndpoint("a", HttpMethod.GET, "/users/7")
                        .orElseThrow()
                        .endpoint())
                .hasToString("GET /users/{id}");
    }

    @Test
    void refusesMalformedTemplates() {
        assertThatThrownBy(() -> Endpoint.parse("GET /users/{id")).hasMessageContaining("malformed variable");
        assertThatThrownBy(() -> Endpoint.parse("GET /users/:")).hasMessageContaining("invalid variable name ''");
        assertThatThrownBy(() -> Endpoint.parse("GET /users?x=1")).hasMessageContaining("query");
        assertThatThrownBy(() -> Endpoint.parse("GET")).hasMessageContaining("not of the form 'METHOD /path'");
    }
}
