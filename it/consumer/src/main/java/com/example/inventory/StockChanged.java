package com.example.inventory;

import java.time.Instant;

/** The event inventory-service publishes on every change of a stock level (contract stock.changed 1.0). */
public record StockChanged(String sku, int quantity, int delta, Instant changedAt) {}
