package ai.openclaw.sdk.internal.catalog;

import ai.openclaw.sdk.Finding;
import ai.openclaw.sdk.Severity;
import ai.openclaw.sdk.SourceLocation;
import ai.openclaw.sdk.catalog.HttpCommunication;
import ai.openclaw.sdk.catalog.ServiceDefinition;
import ai.openclaw.sdk.internal.source.SourceDocument;
import ai.openclaw.sdk.internal.source.TreePath;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Checks that need the whole catalog: references to services nobody declares, events nobody publishes, and cycles of
 * synchronous dependencies. Locations come from the documents the services were read from, when there are any.
 */
public final class CatalogChecks {
    private final Map<String, ServiceDefinition> services;
    private final Set<String> declared;
    private final Map<String, SourceDocument> documents;
    private final List<Finding> findings = new ArrayList<>();

    private CatalogChecks(
            Map<String, ServiceDefinition> services, Set<String> declared, Map<String, SourceDocument> documents) {
        this.services = services;
        this.declared = declared;
        this.documents = documents;
    }

    /**
     * Runs the checks. Every finding is a warning; a strict loader makes each an error.
     *
     * @param services the merged catalog, by name: the services read without error
     * @param declared every service name the documents declare, including those whose definition has errors (they
     *     are reported where they are declared, and a reference to one is no reference to an undeclared service)
     * @param documents the document each service was read from, by service name (empty for a catalog built in code)
     * @return the findings, in a stable order
     */
    public static List<Finding> check(
            Map<String, ServiceDefinition> services, Set<String> declared, Map<String, SourceDocument> documents) {
        CatalogChecks checks = new CatalogChecks(services, declared, documents);
        checks.references();
        checks.events();
        checks.cycles();
        return List.copyOf(checks.findings);
    }

    private void references() {
        for (ServiceDefinition s : services.values()) {
            String base = TreePath.key("services", s.name());
            for (String dep : s.dependencies()) {
                if (!declared.contains(dep) && !dep.equals(s.name())) {
                    String path = itemPath(s.name(), base, "dependencies", dep, null);
                    add(
                            Severity.WARNING,
                            "unknown-service",
                            s.name(),
                            path,
                            "'" + dep + "' is a dependency of '" + s.name() + "' but is not declared in the catalog");
                }
            }
            for (var c : s.communication()) {
                if (c instanceof HttpCommunication http && !declared.contains(http.target())) {
                    String path = itemPath(s.name(), base, "communication", http.target(), "target");
                    add(
                            Severity.WARNING,
                            "unknown-service",
                            s.name(),
                            path,
                            "'" + http.target() + "' is called over HTTP by '" + s.name()
                                    + "' but is not declared in the catalog");
                }
            }
        }
    }

    private void events() {
        Set<String> published = new HashSet<>();
        for (ServiceDefinition s : services.values()) {
            published.addAll(s.publishes());
        }
        for (ServiceDefinition s : services.values()) {
            for (String event : new TreeSet<>(s.subscribes())) {
                if (!published.contains(event)) {
                    String path = eventPath(s.name(), event);
                    add(
                            Severity.WARNING,
                            "unpublished-event",
                            s.name(),
                            path,
                            "'" + s.name() + "' subscribes to '" + event
                                    + "' but no service in the catalog publishes it");
                }
            }
        }
    }

    /** Cycles among declared dependencies and HTTP calls; events are asynchronous and do not form call cycles. */
    private void cycles() {
        Map<String, List<String>> edges = new LinkedHashMap<>();
        for (ServiceDefinition s : services.values()) {
            List<String> out = new ArrayList<>();
            for (String d : s.dependencies()) {
                if (services.containsKey(d) && !d.equals(s.name()) && !out.contains(d)) {
                    out.add(d);
                }
            }
            for (String t : s.httpTargets()) {
                if (services.containsKey(t) && !t.equals(s.name()) && !out.contains(t)) {
                    out.add(t);
                }
            }
            edges.put(s.name(), out);
        }
        for (Set<String> component : StronglyConnected.components(edges)) {
            if (component.size() < 2) {
                continue;
            }
            List<String> cycle = cycleWithin(component, edges);
            String from = cycle.get(0);
            String to = cycle.get(1);
            String base = TreePath.key("services", from);
            String path = services.get(from).dependencies().contains(to)
                    ? itemPath(from, base, "dependencies", to, null)
                    : itemPath(from, base, "communication", to, "target");
            add(
                    Severity.WARNING,
                    "dependency-cycle",
                    from,
                    path,
                    "dependency cycle: " + String.join(" -> ", cycle)
                            + (component.size() > cycle.size() - 1
                                    ? " (the cycle's component also holds "
                                            + String.join(", ", without(component, cycle)) + ")"
                                    : ""));
        }
    }

    /** A shortest cycle through the alphabetically first member of a strongly connected component. */
    private static List<String> cycleWithin(Set<String> component, Map<String, List<String>> edges) {
        String start = new TreeSet<>(component).first();
        Map<String, String> parent = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add(start);
        parent.put(start, start);
        while (!queue.isEmpty()) {
            String node = queue.poll();
            for (String next : edges.getOrDefault(node, List.of())) {
                if (!component.contains(next)) {
                    continue;
                }
                if (next.equals(start)) {
                    List<String> path = new ArrayList<>();
                    for (String n = node; !n.equals(start); n = parent.get(n)) {
                        path.add(0, n);
                    }
                    path.add(0, start);
                    path.add(start);
                    return path;
                }
                if (!parent.containsKey(next)) {
                    parent.put(next, node);
                    queue.add(next);
                }
            }
        }
        throw new IllegalStateException("no cycle through " + start);
    }

    private static List<String> without(Set<String> component, List<String> cycle) {
        List<String> rest = new ArrayList<>(new TreeSet<>(component));
        rest.removeAll(cycle);
        return rest;
    }

    private String eventPath(String service, String event) {
        String base = TreePath.key("services", service);
        SourceDocument doc = documents.get(service);
        if (doc != null) {
            JsonNode list = doc.root().path("services").path(service).path("communication");
            for (int i = 0; i < list.size(); i++) {
                JsonNode subs = list.get(i).path("subscribes");
                for (int j = 0; j < subs.size(); j++) {
                    if (event.equals(subs.get(j).asText())) {
                        return TreePath.index(
                                TreePath.key(TreePath.index(TreePath.key(base, "communication"), i), "subscribes"), j);
                    }
                }
            }
        }
        return TreePath.key(base, "communication");
    }

    /** The path of the item of {@code services.<service>.<list>} equal to {@code value} (or whose sub-key is). */
    private String itemPath(String service, String base, String list, String value, @Nullable String subKey) {
        String listPath = TreePath.key(base, list);
        SourceDocument doc = documents.get(service);
        if (doc != null) {
            JsonNode items = doc.root().path("services").path(service).path(list);
            for (int i = 0; i < items.size(); i++) {
                JsonNode item = subKey == null ? items.get(i) : items.get(i).path(subKey);
                if (value.equals(item.asText())) {
                    String path = TreePath.index(listPath, i);
                    return subKey == null ? path : TreePath.key(path, subKey);
                }
            }
        }
        return listPath;
    }

    private void add(Severity severity, String code, String service, String path, String message) {
        SourceDocument doc = documents.get(service);
        @Nullable SourceLocation at = doc == null ? null : doc.valueLocation(path);
        findings.add(new Finding(severity, code, message, Optional.ofNullable(at), path));
    }
}
