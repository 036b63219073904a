package com.example.inventory;

import ai.openclaw.sdk.client.Http;

/** product-service, as inventory-service calls it: a typed client the SDK implements at run time. */
public interface Products {
    @Http.Get("/products/{sku}")
    Product product(@Http.Path("sku") String sku);
}
