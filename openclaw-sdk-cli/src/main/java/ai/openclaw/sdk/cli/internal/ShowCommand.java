package ai.openclaw.sdk.cli.internal;

import ai.openclaw.sdk.catalog.Dependency;
import ai.openclaw.sdk.catalog.Endpoint;
import ai.openclaw.sdk.catalog.ServiceCatalog;
import ai.openclaw.sdk.catalog.ServiceDefinition;
import ai.openclaw.sdk.catalog.UnknownServiceException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code openclaw catalog show SERVICE}. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Everything the catalog says about a service.")
final class ShowCommand implements Callable<Integer> {
    @Mixin
    CatalogOptions options;

    @Mixin
    FormatOptions format;

    @Parameters(paramLabel = "SERVICE", description = "The service's catalog name.")
    String service;

    @Override
    public Integer call() {
        ServiceCatalog catalog = options.load();
        ServiceDefinition s;
        try {
            s = catalog.service(service);
        } catch (UnknownServiceException e) {
            if (catalog.undeclaredServices().contains(service)) {
                throw new CliException(
                        ExitCode.FINDINGS,
                        "'" + service + "' is referenced in the catalog but not declared; nothing more is known");
            }
            throw CatalogOptions.unknown(e);
        }
        List<Dependency> dependents = catalog.dependentsOf(service);
        Output out = format.output();
        if (out.json()) {
            ObjectNode root = out.object();
            root.put("name", s.name());
            root.put("owner", s.owner());
            root.put("repo", s.repo().orElse(null));
            root.put("description", s.description().orElse(null));
            root.put("lifecycle", s.lifecycle().map(l -> l.yamlName()).orElse(null));
            if (s.tier().isPresent()) {
                root.put("tier", s.tier().get());
            } else {
                root.putNull("tier");
            }
            root.put("resilience", s.resiliencePolicy().orElse(null));
            ArrayNode instances = root.putArray("instances");
            s.instances().forEach(u -> instances.add(u.toString()));
            ArrayNode endpoints = root.putArray("endpoints");
            s.endpoints().forEach(e -> endpoints.add(e.toString()));
            Output.strings(root, "dependencies", s.dependencies());
            Output.strings(root, "calls", s.httpTargets());
            Output.strings(root, "publishes", sorted(s.publishes()));
            Output.strings(root, "subscribes", sorted(s.subscribes()));
            ArrayNode deps = root.putArray("dependents");
            dependents.forEach(d -> deps.add(DependentsCommand.json(out, d, d.from())));
            root.put("location", s.location().map(Object::toString).orElse(null));
            out.print(root);
            return ExitCode.OK;
        }
        out.line(s.name());
        field(out, "owner", s.owner());
        s.repo().ifPresent(r -> field(out, "repo", r));
        s.description().ifPresent(d -> field(out, "description", d));
        s.lifecycle().ifPresent(l -> field(out, "lifecycle", l.yamlName()));
        s.tier().ifPresent(t -> field(out, "tier", String.valueOf(t)));
        s.resiliencePolicy().ifPresent(r -> field(out, "resilience", r));
        if (!s.instances().isEmpty()) {
            field(
                    out,
                    "instances",
                    join(s.instances().stream().map(Object::toString).toList()));
        }
        if (s.endpoints().isEmpty()) {
            field(out, "endpoints", "-");
        } else {
            field(out, "endpoints", s.endpoints().get(0).toString());
            for (Endpoint e : s.endpoints().subList(1, s.endpoints().size())) {
                out.line(" ".repeat(16) + e);
            }
        }
        List<String> deps = new ArrayList<>();
        for (String d : s.dependencies()) {
            deps.add(catalog.find(d).isPresent() ? d : d + " (not declared)");
        }
        field(out, "dependencies", join(deps));
        field(out, "calls", join(s.httpTargets()));
        field(out, "publishes", join(sorted(s.publishes())));
        field(out, "subscribes", join(sorted(s.subscribes())));
        field(out, "dependents", join(dependents.stream().map(Dependency::from).toList()));
        s.location().ifPresent(l -> field(out, "declared at", l.toString()));
        return ExitCode.OK;
    }

    private static List<String> sorted(java.util.Set<String> set) {
        return set.stream().sorted().toList();
    }

    private static String join(List<String> items) {
        return items.isEmpty() ? "-" : String.join(", ", items);
    }

    private static void field(Output out, String name, String value) {
        out.line("  " + String.format("%-14s", name + ":") + value);
    }
}
