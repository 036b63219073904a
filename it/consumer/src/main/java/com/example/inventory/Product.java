package com.example.inventory;

import java.time.Instant;

/** A product as product-service describes it. */
public record Product(String sku, String name, Instant launchedAt) {}
