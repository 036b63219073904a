package com.example.inventory;

import static ai.openclaw.sdk.testing.pact.PactMatchers.like;
import static ai.openclaw.sdk.testing.pact.PactMatchers.regex;
import static com.example.inventory.Fixtures.CONTRACTS;
import static com.example.inventory.Fixtures.LAUNCHED;
import static com.example.inventory.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.sdk.client.ServiceClients;
import ai.openclaw.sdk.discovery.ServiceDiscovery;
import ai.openclaw.sdk.testing.pact.ConsumerPact;
import ai.openclaw.sdk.testing.pact.MessageProducer;
import ai.openclaw.sdk.testing.pact.MockProvider;
import ai.openclaw.sdk.testing.pact.PactRequest;
import ai.openclaw.sdk.testing.pact.PactResponse;
import ai.openclaw.sdk.testing.pact.PactVerifier;
import ai.openclaw.sdk.testing.pact.ProducedMessage;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Consumer-driven contracts in the Pact format: inventory-service as the consumer of product-service, and as the
 * provider of stock.changed to warehouse-dashboard, both with instants in the bodies.
 */
class ContractsPactTest {
    private static final String ISO_INSTANT = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$";

    @Test
    void inventoryReadsProductsAsProductServicePromises() {
        ConsumerPact pact = ConsumerPact.between("inventory-service", "product-service")
                .given("product p-1 exists")
                .uponReceiving(
                        "a request for product p-1",
                        PactRequest.get("/products/p-1"),
                        PactResponse.status(200)
                                .body(Map.of(
                                        "sku", like("p-1"),
                                        "name", like("Teapot"),
                                        "launchedAt", regex(ISO_INSTANT, "2026-03-01T09:00:00Z"))))
                .build();
        try (MockProvider products = MockProvider.start(pact);
                ServiceClients clients = ServiceClients.builder(ServiceDiscovery.builder()
                                .addSource(products.instanceSource())
                                .build())
                        .build()) {
            Product product = clients.client("product-service").as(Products.class).product("p-1");
            assertThat(product).isEqualTo(new Product("p-1", "Teapot", LAUNCHED));
            Path file = products.verify();
            assertThat(file).exists();
        }
    }

    @Test
    void inventoryPublishesStockChangedAsTheDashboardExpects() throws Exception {
        ConsumerPact dashboard = ConsumerPact.between("warehouse-dashboard", "inventory-service")
                .expectsToReceive(
                        "a stock.changed event",
                        "stock.changed",
                        "1.0",
                        Map.of(
                                "sku", like("p-1"),
                                "quantity", like(5),
                                "delta", like(5),
                                "changedAt", regex(ISO_INSTANT, "2026-12-02T10:15:30.250Z")))
                .build();
        List<StockChanged> handled = new CopyOnWriteArrayList<>();
        dashboard.runMessage("a stock.changed event", StockChanged.class, (event, meta) -> handled.add(event));
        assertThat(handled).containsExactly(new StockChanged("p-1", 5, 5, NOW));

        Path pacts = ConsumerPact.pactDirectory();
        assertThat(Files.readString(pacts.resolve("warehouse-dashboard-inventory-service.json")))
                .contains("\"changedAt\" : \"2026-12-02T10:15:30.250Z\"");
        PactVerifier.forProvider("inventory-service")
                .pact(pacts.resolve("warehouse-dashboard-inventory-service.json"))
                .messageProducers(new Object() {
                    @MessageProducer("a stock.changed event")
                    ProducedMessage stockChanged() {
                        return ProducedMessage.event(
                                "stock.changed", "1.0", new StockChanged("p-9", 12, -3, NOW.plusSeconds(60)));
                    }
                })
                .contracts(CONTRACTS)
                .verify(URI.create("http://127.0.0.1:9")); // messages only: nothing is sent
    }
}
