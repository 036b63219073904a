package ai.openclaw.sdk.deploy;

import ai.openclaw.sdk.catalog.ServiceCatalog;
import ai.openclaw.sdk.catalog.ServiceDefinition;
import ai.openclaw.sdk.contract.CompatibilityMode;
import ai.openclaw.sdk.contract.ContractRegistry;
import ai.openclaw.sdk.contract.EventContract;
import ai.openclaw.sdk.internal.Names;
import ai.openclaw.sdk.internal.catalog.StronglyConnected;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Plans the deployment of a set of changes: changed services, and changed event contracts (event types). Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * DeploymentPlan plan = DeploymentPlanner.of(catalog)
 *         .withContracts(contracts)
 *         .plan(List.of("user-service", "billing-service", "user.created"));
 * }</pre>
 *
 * <p>The order, phase by phase:
 *
 * <ol>
 *   <li>changed contracts first (the event types named, or when none is named, every event type a changed service
 *       publishes, since its change may touch them);
 *   <li>for events, consumers before producers: under BACKWARD modes (the default) new consumers read old and new
 *       events, so they go first; under FORWARD modes producers go first;
 *   <li>for HTTP (and declared dependencies), providers before the clients that need their new endpoints.
 * </ol>
 *
 * <p>Changed services in a cycle of these constraints cannot all be ordered: declared dependencies give way first, then
 * HTTP; a cycle that remains is deployed in one phase and reported in {@link DeploymentPlan#notes()}.
 */
public final class DeploymentPlanner {
    private enum Kind {
        DECLARED,
        HTTP,
        EVENTS
    }

    private record Edge(String before, String after, Kind kind, String why) {}

    private final ServiceCatalog catalog;
    private final @Nullable ContractRegistry contracts;
    private final CompatibilityMode mode;

    private DeploymentPlanner(ServiceCatalog catalog, @Nullable ContractRegistry contracts, CompatibilityMode mode) {
        this.catalog = catalog;
        this.contracts = contracts;
        this.mode = mode;
    }

    /** A planner for a catalog, BACKWARD mode, no contracts. */
    public static DeploymentPlanner of(ServiceCatalog catalog) {
        return new DeploymentPlanner(Objects.requireNonNull(catalog, "catalog"), null, CompatibilityMode.DEFAULT);
    }

    /** The same planner naming contract versions from a registry. */
    public DeploymentPlanner withContracts(ContractRegistry contracts) {
        return new DeploymentPlanner(catalog, Objects.requireNonNull(contracts, "contracts"), mode);
    }

    /** The same planner for a compatibility mode. */
    public DeploymentPlanner withMode(CompatibilityMode mode) {
        return new DeploymentPlanner(catalog, contracts, Objects.requireNonNull(mode, "mode"));
    }

    /**
     * Plans the changes.
     *
     * @param changes service names and event types
     * @throws IllegalArgumentException naming a change that is neither a service nor an event type of the catalog
     */
    public DeploymentPlan plan(Collection<String> changes) {
        Set<String> services = new TreeSet<>();
        Set<String> events = new TreeSet<>();
        for (String change : changes) {
            if (catalog.find(change).isPresent()) {
                services.add(change);
            } else if (catalog.eventTypes().contains(change)) {
                events.add(change);
            } else {
                Set<String> known = new TreeSet<>(catalog.serviceNames());
                known.addAll(catalog.eventTypes());
                String suggestion = Names.closest(change, known);
                throw new IllegalArgumentException("'" + change + "' is neither a service nor an event type of the"
                        + " catalog" + (suggestion == null ? "" : " (did you mean '" + suggestion + "'?)"));
            }
        }
        if (services.isEmpty() && events.isEmpty()) {
            throw new IllegalArgumentException("no changes to plan");
        }
        if (events.isEmpty()) {
            services.forEach(s -> events.addAll(catalog.service(s).publishes()));
        }
        List<Edge> edges = constraints(services, events);
        List<String> notes = new ArrayList<>();
        List<Set<String>> layers = layers(services, edges, notes);

        List<DeploymentPlan.Phase> phases = new ArrayList<>();
        if (!events.isEmpty()) {
            phases.add(new DeploymentPlan.Phase(
                    1,
                    "Deploy contract changes",
                    List.of(new DeploymentPlan.Step("contracts", "update the shared contracts of " + describe(events))),
                    "revert the contract changes; nothing deployed depends on them yet"));
        }
        for (int i = 0; i < layers.size(); i++) {
            phases.add(phase(phases.size() + 1, layers.get(i), layers, i, edges, events));
        }
        return new DeploymentPlan(phases, notes);
    }

    private String describe(Set<String> events) {
        List<String> out = new ArrayList<>();
        for (String e : events) {
            String version = contracts == null
                    ? ""
                    : contracts
                            .latestEventContract(e)
                            .map(EventContract::version)
                            .map(v -> " " + v)
                            .orElse(" (no contract)");
            out.add(e + version);
        }
        return String.join(", ", out);
    }

    private List<Edge> constraints(Set<String> services, Set<String> events) {
        Map<String, Edge> edges = new LinkedHashMap<>();
        boolean producersFirst = mode.checksForward() && !mode.checksBackward();
        for (String event : events) {
            for (String producer : catalog.publishersOf(event)) {
                for (String consumer : catalog.subscribersOf(event)) {
                    if (producer.equals(consumer) || !services.contains(producer) || !services.contains(consumer)) {
                        continue;
                    }
                    String before = producersFirst ? producer : consumer;
                    String after = producersFirst ? consumer : producer;
                    edges.putIfAbsent(before + ">" + after + ":events", new Edge(before, after, Kind.EVENTS, event));
                }
            }
        }
        for (String client : services) {
            ServiceDefinition c = catalog.service(client);
            for (String provider : c.httpTargets()) {
                if (services.contains(provider) && !provider.equals(client)) {
                    edges.putIfAbsent(provider + ">" + client + ":http", new Edge(provider, client, Kind.HTTP, "http"));
                }
            }
            for (String provider : c.dependencies()) {
                if (services.contains(provider) && !provider.equals(client)) {
                    edges.putIfAbsent(
                            provider + ">" + client + ":declared",
                            new Edge(provider, client, Kind.DECLARED, "declared"));
                }
            }
        }
        return new ArrayList<>(edges.values());
    }

    /** Kahn's layering, after breaking cycles: declared edges give way first, then HTTP; what remains is merged. */
    private List<Set<String>> layers(Set<String> services, List<Edge> edges, List<String> notes) {
        for (Kind weakest : List.of(Kind.DECLARED, Kind.HTTP)) {
            for (Set<String> cycle : cycles(services, edges)) {
                List<Edge> dropped = edges.stream()
                        .filter(e -> e.kind == weakest && cycle.contains(e.before) && cycle.contains(e.after))
                        .toList();
                if (!dropped.isEmpty()) {
                    edges.removeAll(dropped);
                    notes.add("the changes to " + String.join(", ", cycle) + " constrain each other in a cycle; "
                            + weakest.name().toLowerCase(java.util.Locale.ROOT) + " ordering gave way ("
                            + String.join(
                                    ", ",
                                    dropped.stream()
                                            .map(e -> e.before + " before " + e.after)
                                            .toList())
                            + ")");
                }
            }
        }
        Map<String, String> group = new TreeMap<>();
        services.forEach(s -> group.put(s, s));
        for (Set<String> cycle : cycles(services, edges)) {
            String leader = new TreeSet<>(cycle).first();
            cycle.forEach(s -> group.put(s, leader));
            notes.add("the changes to " + String.join(", ", new TreeSet<>(cycle)) + " depend on each other through"
                    + " events in both directions; they are deployed together, so both directions must stay compatible"
                    + " during the rollout");
        }
        Map<String, Set<String>> members = new TreeMap<>();
        group.forEach((s, g) -> members.computeIfAbsent(g, k -> new TreeSet<>()).add(s));
        Map<String, Set<String>> before = new TreeMap<>();
        members.keySet().forEach(g -> before.put(g, new TreeSet<>()));
        for (Edge e : edges) {
            String a = group.get(e.before);
            String b = group.get(e.after);
            if (!a.equals(b)) {
                before.get(b).add(a);
            }
        }
        List<Set<String>> layers = new ArrayList<>();
        Set<String> placed = new TreeSet<>();
        while (placed.size() < members.size()) {
            List<String> ready = new ArrayList<>();
            for (String g : members.keySet()) {
                if (!placed.contains(g) && placed.containsAll(before.get(g))) {
                    ready.add(g);
                }
            }
            Set<String> layer = new TreeSet<>();
            ready.forEach(g -> layer.addAll(members.get(g)));
            placed.addAll(ready);
            layers.add(layer);
        }
        return layers;
    }

    private static List<Set<String>> cycles(Set<String> services, List<Edge> edges) {
        Map<String, List<String>> graph = new TreeMap<>();
        services.forEach(s -> graph.put(s, new ArrayList<>()));
        edges.forEach(e -> graph.get(e.before).add(e.after));
        return StronglyConnected.components(graph).stream()
                .filter(c -> c.size() > 1)
                .toList();
    }

    private DeploymentPlan.Phase phase(
            int number, Set<String> layer, List<Set<String>> layers, int index, List<Edge> edges, Set<String> events) {
        List<DeploymentPlan.Step> steps = new ArrayList<>();
        boolean anyConsumerFirst = false;
        boolean anyProducer = false;
        boolean anyProvider = false;
        for (String s : layer) {
            ServiceDefinition d = catalog.service(s);
            List<String> reasons = new ArrayList<>();
            Set<String> handles = new TreeSet<>(d.subscribes());
            handles.retainAll(events);
            Set<String> publishes = new TreeSet<>(d.publishes());
            publishes.retainAll(events);
            boolean consumerFirst =
                    edges.stream().anyMatch(e -> e.before.equals(s) && e.kind == Kind.EVENTS) && !handles.isEmpty();
            boolean provider = edges.stream().anyMatch(e -> e.before.equals(s) && e.kind != Kind.EVENTS);
            if (!handles.isEmpty()) {
                reasons.add("handles the changed " + String.join(", ", handles));
            }
            if (!publishes.isEmpty()) {
                reasons.add("publishes " + String.join(", ", publishes));
                anyProducer = true;
            }
            if (provider) {
                reasons.add("serves "
                        + String.join(
                                ", ",
                                edges.stream()
                                        .filter(e -> e.before.equals(s) && e.kind != Kind.EVENTS)
                                        .map(Edge::after)
                                        .distinct()
                                        .toList()));
                anyProvider = true;
            }
            anyConsumerFirst |= consumerFirst;
            steps.add(new DeploymentPlan.Step(s, String.join("; ", reasons)));
        }
        String title;
        if (anyConsumerFirst && !anyProducer) {
            title = "Deploy consumers first";
        } else if (anyProvider && !anyProducer) {
            title = "Deploy providers first";
        } else if (anyProducer) {
            title = layer.size() == 1 ? "Deploy producer" : "Deploy producers";
        } else {
            title = "Deploy " + (layer.size() == 1 ? "service" : "services");
        }
        String names = String.join(", ", layer);
        String rollback;
        if (index < layers.size() - 1) {
            List<String> later = new ArrayList<>();
            for (int i = index + 1; i < layers.size(); i++) {
                later.addAll(layers.get(i));
            }
            rollback = "roll back " + names + "; do not proceed to Phase " + (number + 1) + " ("
                    + String.join(", ", later) + " would "
                    + (anyProvider && !anyConsumerFirst
                            ? "call endpoints the old " + names + " lacks"
                            : "publish events the old " + names + " cannot read")
                    + ")";
        } else if (anyProducer) {
            rollback =
                    "roll back " + names + "; this is safe: consumers deployed earlier read both the old and the new "
                            + "events (" + mode + ")";
        } else {
            rollback =
                    "roll back " + names + "; services deployed earlier keep serving the previous requests and events";
        }
        return new DeploymentPlan.Phase(number, title, steps, rollback);
    }
}
