package ai.openclaw.sdk.internal.discovery;

import ai.openclaw.sdk.catalog.ServiceCatalog;
import ai.openclaw.sdk.catalog.ServiceDefinition;
import ai.openclaw.sdk.discovery.InstanceSource;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The catalog's {@code instances} extension. */
public final class CatalogSource implements InstanceSource {
    private final ServiceCatalog catalog;

    public CatalogSource(ServiceCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    @Override
    public List<URI> instances(String serviceName) {
        return catalog.find(serviceName).map(ServiceDefinition::instances).orElse(List.of());
    }

    private final java.util.Map<String, List<ai.openclaw.sdk.discovery.ServiceInstance>> described =
            new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public List<ai.openclaw.sdk.discovery.ServiceInstance> serviceInstances(String serviceName) {
        List<ai.openclaw.sdk.discovery.ServiceInstance> known = described.get(serviceName);
        if (known == null) {
            known = UrlListSource.parse(instances(serviceName));
            if (catalog.find(serviceName).isPresent()) {
                described.put(serviceName, known); // the catalog does not change
            }
        }
        return known;
    }

    @Override
    public String describe(String serviceName) {
        Optional<ServiceDefinition> service = catalog.find(serviceName);
        if (service.isEmpty()) {
            return "the catalog (it does not declare '" + serviceName + "')";
        }
        String where = service.get().location().map(l -> " in " + l.file()).orElse("");
        return "the catalog's services." + serviceName + ".instances" + where
                + (service.get().instances().isEmpty() ? " (none listed)" : "");
    }
}
