/**
 * Discovery: where a catalog service runs, and which of its instances to call next.
 *
 * <pre>{@code
 * ServiceDiscovery discovery = ServiceDiscovery.builder().catalog(catalog).build();
 * try (SelectedInstance instance = discovery.select("user-service")) {
 *     URI url = instance.resolve("/users/42");
 *     // ... call it ...
 *     instance.succeeded(); // or instance.failed() to feed ejection
 * }
 * }</pre>
 *
 * <p>Instances come from {@link ai.openclaw.sdk.discovery.InstanceSource}s asked in order: the system property {@code
 * openclaw.service.<name>.url}, the environment variable {@code OPENCLAW_SERVICE_<NAME>_URL}, the sources the user adds
 * (DNS, Consul, Kubernetes, ...), then the catalog's {@code instances} extension. The first source that knows any
 * instance of a service answers for it.
 */
@NullMarked
package ai.openclaw.sdk.discovery;

import org.jspecify.annotations.NullMarked;
