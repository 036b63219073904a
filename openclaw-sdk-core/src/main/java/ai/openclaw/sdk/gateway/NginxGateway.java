package ai.openclaw.sdk.gateway;

import ai.openclaw.sdk.catalog.Endpoint;
import ai.openclaw.sdk.catalog.ServiceCatalog;
import ai.openclaw.sdk.catalog.ServiceDefinition;
import ai.openclaw.sdk.discovery.CanarySplit;
import ai.openclaw.sdk.discovery.NoInstanceException;
import ai.openclaw.sdk.discovery.ServiceDiscovery;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An nginx configuration for the system's gateway, from the catalog and discovery: an {@code upstream} per service
 * with its instances (passive health checks: an instance failing {@code max_fails} times is left out for {@code
 * fail_timeout}, and a request that met a dead one goes to the next), and a {@code location} per path prefix of the
 * service's endpoints ({@code GET /users/:id} and {@code POST /users} give {@code /users} and {@code /users/}), the
 * caller's {@code traceparent} passed on.
 *
 * <pre>{@code
 * String conf = NginxGateway.builder(catalog, discovery)
 *         .listen(8080)
 *         .pathPrefix("/api")          // /api/users/1 -> user-service /users/1
 *         .build()
 *         .render();
 * Files.writeString(Path.of("nginx.conf"), conf);   // nginx -t -c nginx.conf
 * }</pre>
 *
 * <p>A service with canary instances ({@code #track=canary}) and a canary split ({@link Builder#canary}, or set in
 * discovery) gets upstream weights that give its canaries the split's share of requests; 0% marks them {@code down}.
 *
 * <p>Services without endpoints (event consumers) get no route. Two services claiming one prefix, a service with
 * endpoints but no instance, or an instance URL with a path are refused, each named.
 */
public final class NginxGateway {
    private final ServiceCatalog catalog;
    private final ServiceDiscovery discovery;
    private final int listen;
    private final String serverName;
    private final String pathPrefix;
    private final int maxFails;
    private final Duration failTimeout;
    private final Map<String, Double> canaries;

    private NginxGateway(Builder b) {
        this.canaries = Map.copyOf(b.canaries);
        this.catalog = b.catalog;
        this.discovery = b.discovery;
        this.listen = b.listen;
        this.serverName = b.serverName;
        this.pathPrefix = b.pathPrefix;
        this.maxFails = b.maxFails;
        this.failTimeout = b.failTimeout;
    }

    /**
     * Starts a builder.
     *
     * @param catalog the services and their endpoints
     * @param discovery where each one runs
     */
    public static Builder builder(ServiceCatalog catalog, ServiceDiscovery discovery) {
        return new Builder(catalog, discovery);
    }

    /** A route: a path prefix and the service behind it. */
    public record Route(String prefix, String service) {}

    /**
     * The routes, prefix by prefix.
     *
     * @throws GatewayException when two services claim one prefix
     */
    public List<Route> routes() {
        Map<String, String> owner = new TreeMap<>();
        List<String> conflicts = new ArrayList<>();
        for (String name : new TreeSet<>(catalog.serviceNames())) {
            // a service referenced but not declared has no endpoints to route
            List<Endpoint> endpoints =
                    catalog.find(name).map(ServiceDefinition::endpoints).orElse(List.of());
            for (Endpoint e : endpoints) {
                String prefix = prefixOf(e);
                String before = owner.putIfAbsent(prefix, name);
                if (before != null && !before.equals(name)) {
                    conflicts.add(prefix + " is claimed by " + before + " and " + name);
                }
            }
        }
        if (!conflicts.isEmpty()) {
            throw new GatewayException("the gateway cannot route: " + String.join("; ", conflicts));
        }
        List<Route> routes = new ArrayList<>();
        owner.forEach((prefix, service) -> routes.add(new Route(prefix, service)));
        return routes;
    }

    /** {@code /users} for {@code GET /users/:id}; {@code /} for an endpoint at the root. */
    private static String prefixOf(Endpoint e) {
        String path = e.pathTemplate();
        int next = path.indexOf('/', 1);
        String first = next < 0 ? path : path.substring(0, next);
        return first.contains("{") || first.contains(":") ? "/" : first;
    }

    /**
     * The whole configuration: {@code events}, and an {@code http} block with the upstreams and one server.
     *
     * @throws GatewayException naming every service that cannot be routed
     */
    public String render() {
        List<Route> routes = routes();
        Map<String, List<ai.openclaw.sdk.discovery.ServiceInstance>> upstreams = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Route r : routes) {
            if (upstreams.containsKey(r.service())) {
                continue;
            }
            try {
                List<ai.openclaw.sdk.discovery.ServiceInstance> instances = discovery.serviceInstances(r.service());
                for (ai.openclaw.sdk.discovery.ServiceInstance i : instances) {
                    URI u = i.baseUrl();
                    if (u.getRawPath() != null
                            && !u.getRawPath().isEmpty()
                            && !u.getRawPath().equals("/")) {
                        problems.add(r.service() + " instance " + u.getHost() + ":" + u.getPort() + " has a base path ("
                                + u.getRawPath() + "); the gateway routes hosts and ports only");
                    }
                }
                upstreams.put(r.service(), instances);
            } catch (NoInstanceException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new GatewayException("the gateway cannot route: " + String.join("; ", problems));
        }
        StringBuilder out = new StringBuilder();
        out.append("# The system's gateway, generated by OpenClaw from the service catalog and discovery.\n")
                .append("# Regenerate it (openclaw gateway nginx) rather than editing it.\n")
                .append("worker_processes auto;\n")
                .append("events {\n    worker_connections 1024;\n}\n")
                .append("http {\n");
        upstreams.forEach((service, instances) -> {
            int[] weights = weights(service, instances);
            out.append("    upstream ").append(service).append(" {\n");
            for (int k = 0; k < instances.size(); k++) {
                ai.openclaw.sdk.discovery.ServiceInstance i = instances.get(k);
                URI u = i.baseUrl();
                int port = u.getPort() > 0 ? u.getPort() : ("https".equals(u.getScheme()) ? 443 : 80);
                out.append("        server ").append(u.getHost()).append(':').append(port);
                if (weights != null) {
                    out.append(weights[k] == 0 ? " down" : " weight=" + weights[k]);
                }
                out.append(" max_fails=")
                        .append(maxFails)
                        .append(" fail_timeout=")
                        .append(failTimeout.toSeconds())
                        .append("s;");
                if (!i.track().equals(ai.openclaw.sdk.discovery.ServiceInstance.STABLE)
                        || i.version().isPresent()) {
                    out.append("  # ")
                            .append(i.track())
                            .append(i.version().map(v -> " " + v).orElse(""));
                }
                out.append('\n');
            }
            out.append("    }\n");
        });
        out.append("    server {\n")
                .append("        listen ")
                .append(listen)
                .append(";\n")
                .append("        server_name ")
                .append(serverName)
                .append(";\n");
        for (Route r : routes) {
            String outer = pathPrefix + (r.prefix().equals("/") ? "" : r.prefix());
            if (!r.prefix().equals("/")) {
                location(out, "= " + outer, r.service(), r.prefix());
            }
            location(out, outer + "/", r.service(), r.prefix().equals("/") ? "/" : r.prefix() + "/");
        }
        out.append("    }\n}\n");
        return out.toString();
    }

    /**
     * Each instance's weight under the service's canary split, so that the canary instances together take the split's
     * share of requests (0 marks an instance down); null when the service has no split or no canary instance.
     */
    private int @org.jspecify.annotations.Nullable [] weights(
            String service, List<ai.openclaw.sdk.discovery.ServiceInstance> instances) {
        Double percent = canaries.get(service);
        if (percent == null) {
            percent = discovery.canarySplit(service).map(CanarySplit::percent).orElse(null);
        }
        long canary = instances.stream()
                .filter(ai.openclaw.sdk.discovery.ServiceInstance::isCanary)
                .count();
        long baseline = instances.size() - canary;
        if (percent == null || canary == 0 || baseline == 0) {
            return null;
        }
        long share = Math.round(percent * 10); // per mille
        long wc = share * baseline;
        long wb = (1000 - share) * canary;
        long gcd = java.math.BigInteger.valueOf(wc)
                .gcd(java.math.BigInteger.valueOf(wb))
                .longValue();
        if (gcd > 0) {
            wc /= gcd;
            wb /= gcd;
        }
        int[] out = new int[instances.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = (int) (instances.get(k).isCanary() ? wc : wb);
        }
        return out;
    }

    private static void location(StringBuilder out, String match, String service, String target) {
        out.append("        location ")
                .append(match)
                .append(" {\n")
                .append("            proxy_pass http://")
                .append(service)
                .append(target)
                .append(";\n")
                .append("            proxy_next_upstream error timeout http_502 http_503 http_504;\n")
                .append("            proxy_set_header Host $host;\n")
                .append("            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n")
                .append("            proxy_set_header traceparent $http_traceparent;\n")
                .append("        }\n");
    }

    /** Builds a {@link NginxGateway}. */
    public static final class Builder {
        private final ServiceCatalog catalog;
        private final ServiceDiscovery discovery;
        private int listen = 80;
        private String serverName = "_";
        private String pathPrefix = "";
        private int maxFails = 3;
        private Duration failTimeout = Duration.ofSeconds(10);
        private final Map<String, Double> canaries = new LinkedHashMap<>();

        private Builder(ServiceCatalog catalog, ServiceDiscovery discovery) {
            this.catalog = Objects.requireNonNull(catalog, "catalog");
            this.discovery = Objects.requireNonNull(discovery, "discovery");
        }

        /** The port the gateway listens on (default 80). */
        public Builder listen(int port) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("a port is 1 to 65535, not " + port);
            }
            this.listen = port;
            return this;
        }

        /** The {@code server_name} (default {@code _}, any). */
        public Builder serverName(String serverName) {
            if (!serverName.matches("[A-Za-z0-9._*-]+")) {
                throw new IllegalArgumentException("not a server name: " + serverName);
            }
            this.serverName = serverName;
            return this;
        }

        /** A prefix the gateway strips before passing a request on ({@code /api}; default none). */
        public Builder pathPrefix(String prefix) {
            if (!prefix.isEmpty()
                    && (!prefix.startsWith("/") || prefix.endsWith("/") || !prefix.matches("[A-Za-z0-9/_.-]+"))) {
                throw new IllegalArgumentException(
                        "a path prefix starts with / and does not end with one (/api), not " + prefix);
            }
            this.pathPrefix = prefix;
            return this;
        }

        /**
         * The passive health check: after {@code maxFails} failed attempts an instance is left out for {@code
         * failTimeout} (defaults 3 and 10 s).
         */
        public Builder passiveHealthCheck(int maxFails, Duration failTimeout) {
            if (maxFails < 1 || failTimeout.toSeconds() < 1) {
                throw new IllegalArgumentException("maxFails must be at least 1 and failTimeout at least 1 s");
            }
            this.maxFails = maxFails;
            this.failTimeout = failTimeout;
            return this;
        }

        /**
         * Sends {@code percent} of the service's requests to its canary instances ({@code #track=canary}) by upstream
         * weights; without it, the split set in discovery ({@link ServiceDiscovery#canary}) is used, if any. nginx
         * splits per request: sticky routing per caller is the SDK clients' ({@code ServiceRequest.routingKey}).
         */
        public Builder canary(String service, double percent) {
            new CanarySplit(percent, false); // checks the range
            canaries.put(Objects.requireNonNull(service, "service"), percent);
            return this;
        }

        /** The gateway. */
        public NginxGateway build() {
            return new NginxGateway(this);
        }
    }

    /** Raised when the catalog and discovery cannot make a gateway; the message names each reason. */
    public static final class GatewayException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        GatewayException(String message) {
            super(message);
        }
    }
}
