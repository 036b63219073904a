package ai.openclaw.samples.demo;

import ai.openclaw.sdk.discovery.InstanceSource;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Where the demo's services listen, as discovery sees it: set when each service starts. */
final class Instances implements InstanceSource {
    private final Map<String, URI> instances = new ConcurrentHashMap<>();

    void put(String service, URI uri) {
        instances.put(service, uri);
    }

    @Override
    public List<URI> instances(String serviceName) {
        URI uri = instances.get(serviceName);
        return uri == null ? List.of() : List.of(uri);
    }

    @Override
    public String describe(String serviceName) {
        return "the demo's " + serviceName;
    }
}
