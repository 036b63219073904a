package ai.openclaw.sdk.canary;

import ai.openclaw.sdk.catalog.Dependency;
import ai.openclaw.sdk.catalog.DependencyKind;
import ai.openclaw.sdk.catalog.ServiceCatalog;
import ai.openclaw.sdk.catalog.ServiceDefinition;
import ai.openclaw.sdk.discovery.CanarySplit;
import ai.openclaw.sdk.internal.Names;
import ai.openclaw.sdk.internal.discovery.UrlListSource;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How to run a canary of one service, from the catalog: the seed's {@code openclaw deploy canary --service user-service
 * --percentage 5 --duration 30m}.
 *
 * <pre>{@code
 * CanaryPlan plan = CanaryPlan.of(catalog, "user-service", CanarySplit.stickyPercent(5),
 *         CanaryCriteria.defaults().withDuration(Duration.ofMinutes(30)));
 * System.out.print(plan.toText());
 * }</pre>
 *
 * <p>The steps: list the new version on the canary track; route the share in every caller that calls it over HTTP
 * (their discovery) and at the gateway; watch by the criteria; promote or roll back. The notes say what a split of
 * calls does not split: the events the service publishes reach every subscriber, and the events it consumes are
 * shared by its consumer group.
 *
 * @param service the service
 * @param split the canary's share
 * @param criteria how it is judged
 * @param callers the services that call it over HTTP (they route the split)
 * @param steps what to do, in order
 * @param notes what the split does not cover
 */
public record CanaryPlan(
        String service,
        CanarySplit split,
        CanaryCriteria criteria,
        List<String> callers,
        List<String> steps,
        List<String> notes) {
    /** Validates the components. */
    public CanaryPlan {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(criteria, "criteria");
        callers = List.copyOf(callers);
        steps = List.copyOf(steps);
        notes = List.copyOf(notes);
    }

    /**
     * The plan of a canary of {@code service}.
     *
     * @throws CanaryException when the catalog has no such service (naming the closest one)
     */
    public static CanaryPlan of(ServiceCatalog catalog, String service, CanarySplit split, CanaryCriteria criteria) {
        ServiceDefinition s = catalog.find(service).orElseThrow(() -> {
            String near = Names.closest(service, catalog.serviceNames());
            return new CanaryException("the catalog has no service '" + service + "'"
                    + (near == null ? "" : "; did you mean '" + near + "'?"));
        });
        List<String> callers = new ArrayList<>();
        List<String> consumers = new ArrayList<>();
        for (Dependency d : catalog.dependentsOf(service)) {
            if (d.kinds().contains(DependencyKind.HTTP) || d.kinds().contains(DependencyKind.DECLARED)) {
                callers.add(d.from());
            }
            if (d.kinds().contains(DependencyKind.EVENTS)) {
                consumers.add(d.from());
            }
        }
        String share = percent(split.percent()) + "%";
        String env = UrlListSource.environmentName(service);
        List<String> steps = new ArrayList<>();
        steps.add("Deploy the new version of " + service + " beside its stable instances, listed on the canary track:"
                + " http://<host>:<port>#track=canary&version=<version> in the catalog's instances, " + env
                + " or " + UrlListSource.propertyName(service) + " (docs/canary.md).");
        steps.add("Send " + share + " of calls to it" + (split.sticky() ? ", sticky per caller key" : "") + ": "
                + (callers.isEmpty()
                        ? "no service calls it over HTTP in the catalog; "
                        : "in " + String.join(", ", callers) + " set openclaw.canary." + service + ".percentage="
                                + percent(split.percent())
                                + (split.sticky() ? " and openclaw.canary." + service + ".sticky=true" : "")
                                + " (or ServiceDiscovery.canary); ")
                + "at the gateway, openclaw gateway nginx --canary " + service + "=" + percent(split.percent())
                + ".");
        steps.add(String.format(
                Locale.ROOT,
                "Watch it for %s: roll back as soon as its error rate exceeds the baseline's by more than %s"
                        + " (p < %s) or its p95 latency is over x%.2f the baseline's; judge only after %d calls a"
                        + " track. openclaw deploy canary --service %s --metrics <file> gives the verdict.",
                CanaryVerdict.human(criteria.duration()),
                percent(criteria.maxErrorRateIncrease() * 100)
                        + (criteria.maxErrorRateIncrease() == 0.01 ? " percentage point" : " percentage points"),
                percent(criteria.significance()),
                criteria.maxLatencyRatio(),
                criteria.minRequests(),
                service));
        steps.add("Promote (verdict PROMOTE after " + CanaryVerdict.human(criteria.duration())
                + "): send it 100%, replace the stable instances with the new version, drop the canary mark.");
        steps.add("Roll back (verdict ROLLBACK): set the share to 0 (CanarySplit.NONE), stop the canary instances.");
        List<String> notes = new ArrayList<>();
        if (!s.publishes().isEmpty()) {
            notes.add("the canary publishes "
                    + String.join(", ", s.publishes().stream().sorted().toList())
                    + " to the same streams as the baseline: every subscriber"
                    + (consumers.isEmpty() ? "" : " (" + String.join(", ", consumers) + ")")
                    + " sees its events whatever the split; they must keep their contracts (openclaw contracts"
                    + " validate --service " + service + ")");
        }
        if (!s.subscribes().isEmpty()) {
            notes.add("the canary's subscribers join " + service + "'s consumer group: it handles a share of "
                    + String.join(", ", s.subscribes().stream().sorted().toList())
                    + " by how Redis spreads the group's entries, not by the split");
        }
        if (split.percent() > 0 && split.percent() < 100 && !split.sticky()) {
            notes.add("a caller's calls may land on either version; ask for sticky routing (--sticky) when a caller"
                    + " must see one version throughout");
        }
        return new CanaryPlan(service, split, criteria, callers, steps, notes);
    }

    private static String percent(double p) {
        return p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p);
    }

    /** The plan as numbered lines of text. */
    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append("Canary of ")
                .append(service)
                .append(": ")
                .append(percent(split.percent()))
                .append("% of calls")
                .append(split.sticky() ? " (sticky)" : "")
                .append(" for ")
                .append(CanaryVerdict.human(criteria.duration()))
                .append('\n');
        for (int i = 0; i < steps.size(); i++) {
            out.append(i + 1).append(". ").append(steps.get(i)).append('\n');
        }
        if (!notes.isEmpty()) {
            out.append("Notes:\n");
            notes.forEach(n -> out.append("- ").append(n).append('\n'));
        }
        return out.toString();
    }

    /** The plan as a JSON object. */
    public ObjectNode toJson(ObjectMapper json) {
        ObjectNode root = json.createObjectNode();
        root.put("service", service);
        root.put("percentage", split.percent());
        root.put("sticky", split.sticky());
        root.put("durationSeconds", criteria.duration().toSeconds());
        callers.forEach(root.putArray("callers")::add);
        steps.forEach(root.putArray("steps")::add);
        notes.forEach(root.putArray("notes")::add);
        return root;
    }
}
