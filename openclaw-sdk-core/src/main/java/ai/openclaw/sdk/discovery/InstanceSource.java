package ai.openclaw.sdk.discovery;

import ai.openclaw.sdk.catalog.ServiceCatalog;
import ai.openclaw.sdk.internal.discovery.CatalogSource;
import ai.openclaw.sdk.internal.discovery.UrlListSource;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A place that knows where services run: the SPI that DNS, Consul or Kubernetes lookups implement to plug into {@link
 * ServiceDiscovery} without forking it.
 *
 * <pre>{@code
 * InstanceSource consul = new InstanceSource() {
 *     public List<URI> instances(String serviceName) {
 *         return consulClient.healthyServiceUrls(serviceName); // cached by the implementation
 *     }
 *     public String describe(String serviceName) {
 *         return "Consul service '" + serviceName + "'";
 *     }
 * };
 * ServiceDiscovery discovery = ServiceDiscovery.builder().addSource(consul).catalog(catalog).build();
 * }</pre>
 *
 * <p>Implementations must be thread-safe. {@link #instances} is called on every selection, so a source that asks a
 * remote system caches its answer and refreshes it in the background; it never blocks for long.
 */
public interface InstanceSource {
    /**
     * The base URLs of the service's instances that this source knows.
     *
     * @param serviceName the catalog name
     * @return the instances (absolute http or https URLs), or an empty list when this source knows none
     * @throws DiscoveryException when the source holds something that is not an instance URL
     */
    List<URI> instances(String serviceName);

    /**
     * The service's instances with their track and version: by default {@link #instances}, each read with {@link
     * ServiceInstance#parse} (a fragment {@code #track=canary&version=1.5.0} says them). A source that knows tracks
     * another way returns them here.
     *
     * @param serviceName the catalog name
     * @return the instances, or an empty list when this source knows none
     * @throws DiscoveryException when the source holds something that is not an instance URL
     */
    default List<ServiceInstance> serviceInstances(String serviceName) {
        List<URI> urls = instances(serviceName);
        List<ServiceInstance> out = new java.util.ArrayList<>(urls.size());
        for (URI u : urls) {
            out.add(ServiceInstance.parse(u));
        }
        return out;
    }

    /**
     * Where this source looks for the service, for the message of a {@link NoInstanceException}: for example {@code
     * "environment variable OPENCLAW_SERVICE_USER_SERVICE_URL (not set)"}. Never includes secrets.
     *
     * @param serviceName the catalog name
     * @return a short description
     */
    String describe(String serviceName);

    /**
     * The system property {@code openclaw.service.<name>.url}: one or several base URLs, comma-separated.
     *
     * @param properties the properties to read, usually {@link System#getProperties()}; read on every lookup
     * @return the source
     */
    static InstanceSource systemProperties(Properties properties) {
        return UrlListSource.systemProperties(properties);
    }

    /**
     * The environment variable {@code OPENCLAW_SERVICE_<NAME>_URL}, the name upper-cased with every character other
     * than a letter or digit turned into {@code _} ({@code user-service} reads {@code
     * OPENCLAW_SERVICE_USER_SERVICE_URL}); one or several base URLs, comma-separated.
     *
     * @param environment the environment, usually {@link System#getenv()}
     * @return the source
     */
    static InstanceSource environment(Map<String, String> environment) {
        return UrlListSource.environment(environment);
    }

    /**
     * The catalog's {@code instances} extension.
     *
     * @param catalog the catalog
     * @return the source
     */
    static InstanceSource catalog(ServiceCatalog catalog) {
        return new CatalogSource(catalog);
    }

    /**
     * A fixed map from service name to instances, for tests and for systems configured in code.
     *
     * @param instances base URLs by service name
     * @return the source
     */
    static InstanceSource of(Map<String, List<URI>> instances) {
        return UrlListSource.fixed(instances);
    }
}
