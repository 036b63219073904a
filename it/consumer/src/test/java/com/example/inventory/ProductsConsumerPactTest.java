package com.example.inventory;

import static ai.openclaw.sdk.testing.pact.PactMatchers.like;
import static com.example.inventory.Fixtures.LAUNCHED;
import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.sdk.client.ServiceClients;
import ai.openclaw.sdk.discovery.ServiceDiscovery;
import ai.openclaw.sdk.testing.pact.ConsumerPact;
import ai.openclaw.sdk.testing.pact.Pact;
import ai.openclaw.sdk.testing.pact.PactConsumerTest;
import ai.openclaw.sdk.testing.pact.PactRequest;
import ai.openclaw.sdk.testing.pact.PactResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The same consumer contract as {@link ContractsPactTest}'s first test, written with the JUnit extension: the mock's
 * lifecycle, discovery and the pact file are the extension's business (on every JUnit line the project supports).
 */
@PactConsumerTest
class ProductsConsumerPactTest {
    @Pact
    static ConsumerPact productExists() {
        return ConsumerPact.between("inventory-service", "product-service")
                .given("product p-1 exists")
                .uponReceiving(
                        "a request for product p-1 (extension)",
                        PactRequest.get("/products/p-1"),
                        PactResponse.status(200)
                                .body(Map.of(
                                        "sku", like("p-1"),
                                        "name", like("Teapot"),
                                        "launchedAt", like("2026-03-01T09:00:00Z"))))
                .build();
    }

    @Test
    void readsAProductThroughDiscoveryDefaults() {
        // production wiring: nothing here knows about the mock; the extension put it where discovery looks
        try (ServiceClients clients =
                ServiceClients.builder(ServiceDiscovery.builder().build()).build()) {
            Product product = clients.client("product-service").as(Products.class).product("p-1");
            assertThat(product).isEqualTo(new Product("p-1", "Teapot", LAUNCHED));
        }
    }
}
