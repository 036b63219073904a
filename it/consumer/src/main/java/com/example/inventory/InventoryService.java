package com.example.inventory;

import ai.openclaw.sdk.client.HttpStatusException;
import ai.openclaw.sdk.events.EventPublisher;
import ai.openclaw.sdk.json.JsonMappers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * inventory-service: {@code GET /items/{sku}} and {@code POST /items/{sku}/adjustments}, on the JDK's HTTP server.
 * Each adjustment looks the product up in product-service and publishes {@code stock.changed}.
 */
public final class InventoryService implements AutoCloseable {
    private static final Pattern ITEM = Pattern.compile("/items/([^/]+)");
    private static final Pattern ADJUSTMENT = Pattern.compile("/items/([^/]+)/adjustments");

    private final ObjectMapper json = JsonMappers.standard();
    private final Map<String, Item> items = new ConcurrentHashMap<>();
    private final EventPublisher events;
    private final Products products;
    private final Clock clock;
    private final HttpServer server;

    private InventoryService(EventPublisher events, Products products, Clock clock) throws IOException {
        this.events = events;
        this.products = products;
        this.clock = clock;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/items/", this::serve);
        server.start();
    }

    /** Starts the service on a free loopback port. */
    public static InventoryService start(EventPublisher events, Products products, Clock clock) throws IOException {
        return new InventoryService(events, products, clock);
    }

    /** Where it listens. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Changes a stock level by {@code delta} and publishes the change. */
    public synchronized Item adjust(String sku, int delta) {
        Item before = items.get(sku);
        Product product = products.product(sku); // 404 from product-service: HttpStatusException
        int quantity = (before == null ? 0 : before.quantity()) + delta;
        if (quantity < 0) {
            throw new IllegalStateException("only " + (quantity - delta) + " of " + sku + " in stock");
        }
        Item after = new Item(sku, product.name(), quantity, clock.instant(), product.launchedAt());
        events.publish("stock.changed", new StockChanged(sku, quantity, delta, after.updatedAt()));
        items.put(sku, after);
        return after;
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Matcher adjustment = ADJUSTMENT.matcher(path);
            Matcher item = ITEM.matcher(path);
            if (exchange.getRequestMethod().equals("POST") && adjustment.matches()) {
                JsonNode body = json.readTree(exchange.getRequestBody());
                try {
                    answer(exchange, 200, adjust(adjustment.group(1), body.path("delta").asInt()));
                } catch (HttpStatusException e) {
                    answer(exchange, e.status() == 404 ? 404 : 502, null);
                } catch (IllegalStateException e) {
                    answer(exchange, 409, null);
                }
            } else if (exchange.getRequestMethod().equals("GET") && item.matches()) {
                Item found = items.get(item.group(1));
                answer(exchange, found == null ? 404 : 200, found);
            } else {
                answer(exchange, 404, null);
            }
        }
    }

    private void answer(HttpExchange exchange, int status, Object body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
