package ai.openclaw.sdk.cli.internal;

import ai.openclaw.sdk.catalog.Dependency;
import ai.openclaw.sdk.catalog.ServiceCatalog;
import ai.openclaw.sdk.catalog.UnknownServiceException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code openclaw catalog dependents SERVICE [--transitive]}. */
@Command(
        name = "dependents",
        mixinStandardHelpOptions = true,
        description = {
            "The services that depend on SERVICE: declared, over HTTP, or by subscribing to its events.",
            "With --transitive, every service that depends on it directly or not, nearest first."
        })
class DependentsCommand implements Callable<Integer> {
    @Mixin
    CatalogOptions options;

    @Mixin
    FormatOptions format;

    @Parameters(paramLabel = "SERVICE", description = "The service's catalog name.")
    String service;

    @Option(names = "--transitive", description = "Follow the graph to its end, nearest first.")
    boolean transitive;

    /** Whether this lists dependents (edges into the service) rather than dependencies. */
    boolean dependents() {
        return true;
    }

    @Override
    public Integer call() {
        ServiceCatalog catalog = options.load();
        String field = dependents() ? "dependents" : "dependencies";
        Output out = format.output();
        try {
            if (transitive) {
                List<String> names = new ArrayList<>(
                        dependents()
                                ? catalog.transitiveDependentsOf(service)
                                : catalog.transitiveDependenciesOf(service));
                if (out.json()) {
                    ObjectNode root = header(out, field);
                    Output.strings(root, field, names);
                    out.print(root);
                } else if (names.isEmpty()) {
                    out.line(none());
                } else {
                    names.forEach(out::line);
                }
                return ExitCode.OK;
            }
            List<Dependency> edges = dependents() ? catalog.dependentsOf(service) : catalog.dependenciesOf(service);
            if (out.json()) {
                ObjectNode root = header(out, field);
                ArrayNode list = root.putArray(field);
                edges.forEach(d -> list.add(json(out, d, dependents() ? d.from() : d.to())));
                out.print(root);
            } else if (edges.isEmpty()) {
                out.line(none());
            } else {
                for (Dependency d : edges) {
                    String other = dependents() ? d.from() : d.to();
                    String note = catalog.find(other).isPresent() ? "" : " [not declared in the catalog]";
                    out.line(String.format("%-24s (%s)%s", other, reasons(d), note));
                }
            }
            return ExitCode.OK;
        } catch (UnknownServiceException e) {
            throw CatalogOptions.unknown(e);
        }
    }

    private String none() {
        return dependents() ? "no service depends on " + service : service + " depends on no service";
    }

    private ObjectNode header(Output out, String field) {
        ObjectNode root = out.object();
        root.put("service", service);
        root.put("transitive", transitive);
        return root;
    }

    static ObjectNode json(Output out, Dependency d, String other) {
        ObjectNode node = out.object();
        node.put("service", other);
        ArrayNode kinds = node.putArray("kinds");
        d.kinds().forEach(k -> kinds.add(k.name().toLowerCase(Locale.ROOT)));
        Output.strings(node, "events", d.events());
        return node;
    }

    static String reasons(Dependency d) {
        List<String> parts = new ArrayList<>();
        d.kinds().forEach(k -> {
            switch (k) {
                case DECLARED:
                    parts.add("declared");
                    break;
                case HTTP:
                    parts.add("http");
                    break;
                case EVENTS:
                    parts.add("events: " + String.join(", ", d.events()));
                    break;
                default:
                    throw new IllegalStateException(k.name());
            }
        });
        return String.join("; ", parts);
    }
}
