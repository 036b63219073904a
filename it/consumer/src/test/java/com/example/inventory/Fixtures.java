package com.example.inventory;

import ai.openclaw.sdk.catalog.ServiceCatalog;
import ai.openclaw.sdk.contract.ContractRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** What every test here shares: the catalog and contracts the service ships in its jar, and a fixed clock. */
final class Fixtures {
    static final ServiceCatalog CATALOG = ServiceCatalog.loadFromClasspath(".openclaw/services.yaml");
    static final ContractRegistry CONTRACTS = ContractRegistry.loadFromClasspath("contracts");
    static final Instant NOW = Instant.parse("2026-12-02T10:15:30.250Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final Instant LAUNCHED = Instant.parse("2026-03-01T09:00:00Z");

    private Fixtures() {}
}
