package com.example.inventory;

import static com.example.inventory.Fixtures.CATALOG;
import static com.example.inventory.Fixtures.CLOCK;
import static com.example.inventory.Fixtures.CONTRACTS;
import static com.example.inventory.Fixtures.LAUNCHED;
import static com.example.inventory.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.sdk.catalog.HttpMethod;
import ai.openclaw.sdk.client.HttpStatusException;
import ai.openclaw.sdk.client.ServiceClients;
import ai.openclaw.sdk.discovery.InstanceSource;
import ai.openclaw.sdk.discovery.ServiceDiscovery;
import ai.openclaw.sdk.events.EventPublisher;
import ai.openclaw.sdk.testing.events.TestTransport;
import ai.openclaw.sdk.testing.stub.StubService;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The service against fakes: TestTransport for events, a StubService for product-service, its own contract checked. */
class InventoryServiceTest {
    private final TestTransport events = TestTransport.inMemory();
    private StubService productService;
    private ServiceClients clients;
    private InventoryService inventory;

    @BeforeEach
    void start() throws Exception {
        productService = StubService.start("product-service", CONTRACTS); // answers the contract's example
        ServiceDiscovery toProducts = ServiceDiscovery.builder()
                .addSource(productService.instanceSource())
                .build();
        clients = ServiceClients.builder(toProducts).contracts(CONTRACTS).build();
        EventPublisher publisher = EventPublisher.builder("inventory-service", events)
                .catalog(CATALOG)
                .contracts(CONTRACTS) // the payload is checked against stock.changed 1.0: changedAt is a date-time
                .build();
        inventory = InventoryService.start(publisher, clients.client("product-service").as(Products.class), CLOCK);
    }

    @AfterEach
    void stop() {
        inventory.close();
        clients.close();
        productService.close();
        events.close();
    }

    /** A client of inventory-service, checking its answers against inventory-service's own contract. */
    private ServiceClients callers() {
        return ServiceClients.builder(ServiceDiscovery.builder()
                        .addSource(InstanceSource.of(Map.of("inventory-service", List.of(inventory.uri()))))
                        .build())
                .contracts(CONTRACTS)
                .validateRequests(true)
                .build();
    }

    @Test
    void anAdjustmentAnswersAndPublishesInstants() {
        try (ServiceClients callers = callers()) {
            Item item = callers.client("inventory-service")
                    .post("/items/{sku}/adjustments")
                    .pathVariable("sku", "p-1")
                    .body(Map.of("delta", 5))
                    .send(Item.class);
            assertThat(item).isEqualTo(new Item("p-1", "Teapot", 5, NOW, LAUNCHED));
            assertThat(callers.client("inventory-service")
                            .get("/items/{sku}")
                            .pathVariable("sku", "p-1")
                            .send(Item.class)
                            .updatedAt())
                    .isEqualTo(NOW);
        }
        assertThat(events.awaitPublished("stock.changed", Duration.ofSeconds(30)).data().get("changedAt").asText())
                .as("ISO-8601 on the wire")
                .isEqualTo("2026-12-02T10:15:30.250Z");
        assertThat(events.payloads("stock.changed", StockChanged.class))
                .containsExactly(new StockChanged("p-1", 5, 5, NOW));
        productService.assertNoViolations();
    }

    @Test
    void aProductTheStubAnswersWithAnInstantOfItsOwn() {
        Instant later = Instant.parse("2026-11-30T23:59:59.999Z");
        productService.respond(HttpMethod.GET, "/products/{sku}", 200, new Product("p-2", "Kettle", later));
        assertThat(inventory.adjust("p-2", 1).productLaunchedAt()).isEqualTo(later);
        productService.respond(HttpMethod.GET, "/products/{sku}", 404, null);
        assertThatThrownBy(() -> inventory.adjust("p-3", 1))
                .isInstanceOfSatisfying(HttpStatusException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThat(events.payloads("stock.changed", StockChanged.class)).hasSize(1);
    }
}
