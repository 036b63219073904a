package com.example.inventory;

import java.time.Instant;

/** What inventory-service answers for a product it stocks. */
public record Item(String sku, String name, int quantity, Instant updatedAt, Instant productLaunchedAt) {}
