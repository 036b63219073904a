package ai.openclaw.samples.demo;

import ai.openclaw.sdk.discovery.InstanceSource;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Where the demo's services listen, as discovery sees it: set when each service starts. */
final class Instances implements InstanceSource {
    private final Map<String, List<URI>> instances = new ConcurrentHashMap<>();

    /** The service's only instance from now on. */
    void put(String service, URI uri) {
        instances.put(service, List.of(uri));
    }

    /** One more instance of the service (a canary: {@code #track=canary&version=...}). */
    void add(String service, URI uri) {
        instances.merge(service, List.of(uri), (a, b) -> {
            List<URI> both = new java.util.ArrayList<>(a);
            both.addAll(b);
            return List.copyOf(both);
        });
    }

    /** The instance is gone. */
    void remove(String service, URI uri) {
        instances.computeIfPresent(
                service, (k, list) -> list.stream().filter(u -> !u.equals(uri)).toList());
    }

    @Override
    public List<URI> instances(String serviceName) {
        return instances.getOrDefault(serviceName, List.of());
    }

    @Override
    public String describe(String serviceName) {
        return "the demo's " + serviceName;
    }
}
