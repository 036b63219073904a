package ai.openclaw.sdk.cli.internal;

import ai.openclaw.sdk.catalog.ImpactedService;
import ai.openclaw.sdk.catalog.ServiceCatalog;
import ai.openclaw.sdk.catalog.UnknownServiceException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code openclaw catalog impact SERVICE}. */
@Command(
        name = "impact",
        mixinStandardHelpOptions = true,
        description = {
            "Who is affected by a change to SERVICE: its transitive dependents, nearest first,",
            "each with its owner and the chain through which the change reaches it."
        })
final class ImpactCommand implements Callable<Integer> {
    @Mixin
    CatalogOptions options;

    @Mixin
    FormatOptions format;

    @Parameters(paramLabel = "SERVICE", description = "The service's catalog name.")
    String service;

    @Override
    public Integer call() {
        ServiceCatalog catalog = options.load();
        List<ImpactedService> impact;
        try {
            impact = catalog.impactOf(service);
        } catch (UnknownServiceException e) {
            throw CatalogOptions.unknown(e);
        }
        Output out = format.output();
        if (out.json()) {
            ObjectNode root = out.object();
            root.put("service", service);
            ArrayNode list = root.putArray("impacted");
            for (ImpactedService s : impact) {
                ObjectNode node = list.addObject();
                node.put("service", s.name());
                node.put("distance", s.distance());
                Output.strings(node, "path", s.path());
                node.put("owner", s.owner().orElse(null));
            }
            out.print(root);
            return ExitCode.OK;
        }
        if (impact.isEmpty()) {
            out.line("a change to " + service + " affects no other service in the catalog");
            return ExitCode.OK;
        }
        out.line("a change to " + service + " affects " + impact.size()
                + (impact.size() == 1 ? " service:" : " services:"));
        for (ImpactedService s : impact) {
            out.line(String.format(
                    "  %-24s %-18s via %s",
                    s.name(), s.owner().orElse("(not declared)"), String.join(" -> ", s.path())));
        }
        return ExitCode.OK;
    }
}
