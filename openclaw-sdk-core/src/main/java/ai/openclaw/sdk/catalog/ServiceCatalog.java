package ai.openclaw.sdk.catalog;

import ai.openclaw.sdk.Finding;
import ai.openclaw.sdk.internal.Names;
import ai.openclaw.sdk.internal.catalog.CatalogChecks;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The services of an OpenClaw system and how they relate: who depends on whom, who owns what, who publishes and
 * subscribes to which event, and the impact of a change. Loaded from {@code .openclaw/services.yaml} (the seed's
 * format) or built in code. Immutable and safe to share between threads; every index is built once, when the catalog
 * is made.
 *
 * <pre>{@code
 * ServiceCatalog catalog = ServiceCatalog.load(Path.of(".openclaw/services.yaml"));
 *
 * catalog.transitiveDependentsOf("user-service"); // [billing-service]   who breaks if it does?
 * catalog.ownerOf("billing-service");             // Optional[team-payments]
 * catalog.subscribersOf("user.created");          // [billing-service]
 * catalog.eventFlow("user.deleted").reactions();  // billing-service reacts
 * catalog.findEndpoint("user-service", HttpMethod.GET, "/users/42"); // GET /users/{id}, id=42
 * }</pre>
 *
 * <p><b>Dependencies.</b> Service A depends on B when A lists B under {@code dependencies}, when A calls B over HTTP
 * ({@code type: http, target: B}), or when A subscribes to an event type that B publishes: a consumer depends on its
 * publisher. Services that are referenced (as a dependency or HTTP target) but not declared still appear in the graph,
 * so that {@code dependentsOf("payment-gateway")} answers even when nobody declared payment-gateway.
 *
 * <p>Queries naming a service the catalog neither declares nor references throw {@link UnknownServiceException}.
 */
public final class ServiceCatalog {
    private final Map<String, ServiceDefinition> services;
    private final List<Finding> warnings;
    private final Set<String> knownNames;
    private final Map<String, Map<String, Dependency>> outgoing;
    private final Map<String, Map<String, Dependency>> incoming;
    private final Map<String, List<String>> publishers;
    private final Map<String, List<String>> subscribers;
    private final Map<String, List<ServiceDefinition>> byOwner;

    ServiceCatalog(Collection<ServiceDefinition> definitions, List<Finding> warnings) {
        Map<String, ServiceDefinition> byName = new TreeMap<>();
        for (ServiceDefinition d : definitions) {
            if (byName.put(d.name(), d) != null) {
                throw new IllegalArgumentException("service '" + d.name() + "' is defined twice");
            }
        }
        this.services = Collections.unmodifiableMap(byName);
        this.warnings = List.copyOf(warnings);

        Map<String, Set<String>> pub = new TreeMap<>();
        Map<String, Set<String>> sub = new TreeMap<>();
        Map<String, List<ServiceDefinition>> owners = new TreeMap<>();
        Set<String> names = new TreeSet<>(byName.keySet());
        for (ServiceDefinition d : byName.values()) {
            d.publishes()
                    .forEach(e -> pub.computeIfAbsent(e, k -> new TreeSet<>()).add(d.name()));
            d.subscribes()
                    .forEach(e -> sub.computeIfAbsent(e, k -> new TreeSet<>()).add(d.name()));
            owners.computeIfAbsent(d.owner(), k -> new ArrayList<>()).add(d);
            names.addAll(d.dependencies());
            names.addAll(d.httpTargets());
        }
        this.knownNames = Collections.unmodifiableSet(names);
        this.publishers = freezeLists(pub);
        this.subscribers = freezeLists(sub);
        this.byOwner = freezeLists(owners);

        Map<String, Map<String, EdgeBuilder>> edges = new HashMap<>();
        for (ServiceDefinition d : byName.values()) {
            for (String dep : d.dependencies()) {
                edge(edges, d.name(), dep).kinds.add(DependencyKind.DECLARED);
            }
            for (String target : d.httpTargets()) {
                edge(edges, d.name(), target).kinds.add(DependencyKind.HTTP);
            }
            for (String event : d.subscribes()) {
                for (String publisher : pub.getOrDefault(event, Set.of())) {
                    EdgeBuilder e = edge(edges, d.name(), publisher);
                    e.kinds.add(DependencyKind.EVENTS);
                    e.events.add(event);
                }
            }
        }
        Map<String, Map<String, Dependency>> out = new TreeMap<>();
        Map<String, Map<String, Dependency>> in = new TreeMap<>();
        edges.forEach((from, targets) -> targets.forEach((to, b) -> {
            if (from.equals(to)) {
                return; // a self-dependency says nothing about the graph; validation warns about it
            }
            Dependency dep = new Dependency(from, to, b.kinds, b.events);
            out.computeIfAbsent(from, k -> new TreeMap<>()).put(to, dep);
            in.computeIfAbsent(to, k -> new TreeMap<>()).put(from, dep);
        }));
        this.outgoing = freezeMaps(out);
        this.incoming = freezeMaps(in);
    }

    private static final class EdgeBuilder {
        final Set<DependencyKind> kinds = EnumSet.noneOf(DependencyKind.class);
        final Set<String> events = new TreeSet<>();
    }

    private static EdgeBuilder edge(Map<String, Map<String, EdgeBuilder>> edges, String from, String to) {
        return edges.computeIfAbsent(from, k -> new HashMap<>()).computeIfAbsent(to, k -> new EdgeBuilder());
    }

    private static <V> Map<String, List<V>> freezeLists(Map<String, ? extends Collection<V>> map) {
        Map<String, List<V>> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(out);
    }

    private static Map<String, Map<String, Dependency>> freezeMaps(Map<String, Map<String, Dependency>> map) {
        Map<String, Map<String, Dependency>> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k, Collections.unmodifiableMap(v)));
        return Collections.unmodifiableMap(out);
    }

    /**
     * Loads a catalog with the default loader: each path a catalog file, or a directory whose {@code *.yaml} and
     * {@code *.yml} files are merged.
     *
     * @param paths files or directories
     * @return the catalog
     * @throws CatalogException when a file cannot be read or the catalog has errors; the exception lists each with
     *     its {@code file:line:column} and YAML path
     */
    public static ServiceCatalog load(Path... paths) {
        return CatalogLoader.defaults().load(paths);
    }

    /**
     * Loads a catalog from the class path with the default loader, for a service shipped as one jar: {@code
     * ServiceCatalog.loadFromClasspath(".openclaw/services.yaml")}. See {@link CatalogLoader#loadFromClasspath}.
     *
     * @throws CatalogException when there is no such resource or the catalog has errors
     */
    public static ServiceCatalog loadFromClasspath(String name) {
        return CatalogLoader.defaults().loadFromClasspath(name);
    }

    /**
     * A catalog of definitions built in code. The same cross-checks run as for a loaded catalog (in lenient mode);
     * their warnings are in {@link #warnings()}.
     *
     * <pre>{@code
     * ServiceCatalog catalog = ServiceCatalog.of(List.of(
     *         ServiceDefinition.builder("user-service").owner("team-identity").publishes("user.created").build(),
     *         ServiceDefinition.builder("billing-service").owner("team-payments").subscribes("user.created").build()));
     * }</pre>
     *
     * @param definitions the services; names must be unique
     * @return the catalog
     * @throws IllegalArgumentException when two definitions share a name
     */
    public static ServiceCatalog of(Collection<ServiceDefinition> definitions) {
        Map<String, ServiceDefinition> byName = new TreeMap<>();
        for (ServiceDefinition d : definitions) {
            if (byName.put(d.name(), d) != null) {
                throw new IllegalArgumentException("service '" + d.name() + "' is defined twice");
            }
        }
        return new ServiceCatalog(byName.values(), CatalogChecks.check(byName, byName.keySet(), Map.of()));
    }

    /** The declared services, by name, in name order. */
    public Map<String, ServiceDefinition> services() {
        return services;
    }

    /** The names of the declared services, in order. */
    public Set<String> serviceNames() {
        return services.keySet();
    }

    /** Names that are referenced (as a dependency or HTTP target) but not declared, in order. */
    public Set<String> undeclaredServices() {
        Set<String> out = new TreeSet<>(knownNames);
        out.removeAll(services.keySet());
        return Collections.unmodifiableSet(out);
    }

    /** The warnings found when the catalog was loaded or built. */
    public List<Finding> warnings() {
        return warnings;
    }

    /** The declared service of this name, if there is one. */
    public Optional<ServiceDefinition> find(String name) {
        return Optional.ofNullable(services.get(name));
    }

    /**
     * The declared service of this name.
     *
     * @throws UnknownServiceException when the catalog does not declare it
     */
    public ServiceDefinition service(String name) {
        ServiceDefinition d = services.get(name);
        if (d == null) {
            throw unknown(name, services.keySet());
        }
        return d;
    }

    /**
     * The services {@code service} depends on directly, with the reasons.
     *
     * @throws UnknownServiceException when the name is neither declared nor referenced
     */
    public List<Dependency> dependenciesOf(String service) {
        requireKnown(service);
        return List.copyOf(outgoing.getOrDefault(service, Map.of()).values());
    }

    /**
     * The services that depend directly on {@code service}, with the reasons (declared, HTTP, events).
     *
     * @throws UnknownServiceException when the name is neither declared nor referenced
     */
    public List<Dependency> dependentsOf(String service) {
        requireKnown(service);
        return List.copyOf(incoming.getOrDefault(service, Map.of()).values());
    }

    /**
     * Every service {@code service} depends on, directly or not, nearest first.
     *
     * @throws UnknownServiceException when the name is neither declared nor referenced
     */
    public Set<String> transitiveDependenciesOf(String service) {
        requireKnown(service);
        return Collections.unmodifiableSet(walk(service, outgoing).keySet());
    }

    /**
     * Every service that depends on {@code service}, directly or not, nearest first: who may break if it does.
     *
     * @throws UnknownServiceException when the name is neither declared nor referenced
     */
    public Set<String> transitiveDependentsOf(String service) {
        requireKnown(service);
        return Collections.unmodifiableSet(walk(service, incoming).keySet());
    }

    /**
     * The impact of changing {@code service}: its transitive dependents, each with its distance, a shortest path from
     * the changed service, and its owner.
     *
     * @throws UnknownServiceException when the name is neither declared nor referenced
     */
    public List<ImpactedService> impactOf(String service) {
        requireKnown(service);
        Map<String, String> parents = walk(service, incoming);
        List<ImpactedService> out = new ArrayList<>();
        for (String name : parents.keySet()) {
            List<String> path = pathTo(name, service, parents);
            out.add(new ImpactedService(name, path.size() - 1, path, find(name).map(ServiceDefinition::owner)));
        }
        return List.copyOf(out);
    }

    /** Breadth-first walk; maps each reached node to the node it was reached from, in the order reached. */
    private static Map<String, String> walk(String start, Map<String, Map<String, Dependency>> graph) {
        Map<String, String> parents = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add(start);
        while (!queue.isEmpty()) {
            String node = queue.poll();
            for (String next : graph.getOrDefault(node, Map.of()).keySet()) {
                if (!next.equals(start) && parents.putIfAbsent(next, node) == null) {
                    queue.add(next);
                }
            }
        }
        return parents;
    }

    private static List<String> pathTo(String node, String start, Map<String, String> parents) {
        List<String> path = new ArrayList<>();
        for (String n = node; !n.equals(start); n = parents.get(n)) {
            path.add(n);
        }
        path.add(start);
        Collections.reverse(path);
        return path;
    }

    /**
     * The owner of {@code service}; empty when the service is referenced but not declared.
     *
     * @throws UnknownServiceException when the name is neither declared nor referenced
     */
    public Optional<String> ownerOf(String service) {
        requireKnown(service);
        return find(service).map(ServiceDefinition::owner);
    }

    /** The owning teams, in order. */
    public Set<String> teams() {
        return byOwner.keySet();
    }

    /** The services {@code team} owns, by name; empty for a team that owns none. */
    public List<ServiceDefinition> servicesOwnedBy(String team) {
        return byOwner.getOrDefault(team, List.of());
    }

    /** Every event type published or subscribed to, in order. */
    public Set<String> eventTypes() {
        Set<String> out = new TreeSet<>(publishers.keySet());
        out.addAll(subscribers.keySet());
        return Collections.unmodifiableSet(out);
    }

    /** The services that publish {@code eventType}, by name; empty when none does. */
    public List<String> publishersOf(String eventType) {
        return publishers.getOrDefault(eventType, List.of());
    }

    /** The services that subscribe to {@code eventType}, by name; empty when none does. */
    public List<String> subscribersOf(String eventType) {
        return subscribers.getOrDefault(eventType, List.of());
    }

    /**
     * What happens when {@code eventType} is published: who reacts, what they may publish in turn, and who reacts to
     * that, breadth first. Each event type is followed once, so a cycle of events ends.
     */
    public EventFlow eventFlow(String eventType) {
        List<EventFlow.Reaction> reactions = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Deque<Map.Entry<String, Integer>> queue = new ArrayDeque<>();
        queue.add(Map.entry(eventType, 0));
        seen.add(eventType);
        while (!queue.isEmpty()) {
            Map.Entry<String, Integer> next = queue.poll();
            for (String subscriber : subscribersOf(next.getKey())) {
                List<String> mayPublish =
                        List.copyOf(new TreeSet<>(service(subscriber).publishes()));
                reactions.add(new EventFlow.Reaction(next.getValue(), next.getKey(), subscriber, mayPublish));
                for (String published : mayPublish) {
                    if (seen.add(published)) {
                        queue.add(Map.entry(published, next.getValue() + 1));
                    }
                }
            }
        }
        return new EventFlow(eventType, publishersOf(eventType), reactions);
    }

    /**
     * Which endpoint of {@code service} a concrete request matches. Where several match, the one with the most
     * literal segments wins ({@code /users/me} before {@code /users/{id}}).
     *
     * @param service the service's name
     * @param method the request's method
     * @param requestPath the request's path, such as {@code /users/42}; a query string is ignored
     * @return the match with the path variables, or empty when no endpoint matches
     * @throws UnknownServiceException when the catalog does not declare the service
     */
    public Optional<EndpointMatch> findEndpoint(String service, HttpMethod method, String requestPath) {
        EndpointMatch best = null;
        for (Endpoint e : service(service).endpoints()) {
            Optional<EndpointMatch> m = e.match(method, requestPath);
            if (m.isPresent()
                    && (best == null || e.literalSegments() > best.endpoint().literalSegments())) {
                best = m.get();
            }
        }
        return Optional.ofNullable(best);
    }

    private void requireKnown(String service) {
        if (!knownNames.contains(service)) {
            throw unknown(service, knownNames);
        }
    }

    private static UnknownServiceException unknown(String name, Collection<String> candidates) {
        return new UnknownServiceException(name, Names.closest(name, candidates));
    }

    @Override
    public String toString() {
        return "ServiceCatalog" + services.keySet();
    }
}
