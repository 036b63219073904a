package ai.openclaw.sdk.cli.internal;

import ai.openclaw.sdk.catalog.ServiceCatalog;
import ai.openclaw.sdk.catalog.ServiceDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code openclaw catalog team TEAM}. */
@Command(name = "team", mixinStandardHelpOptions = true, description = "The services TEAM owns.")
final class TeamCommand implements Callable<Integer> {
    @Mixin
    CatalogOptions options;

    @Mixin
    FormatOptions format;

    @Parameters(paramLabel = "TEAM", description = "The team, as the catalog's 'owner' keys name it.")
    String team;

    @Override
    public Integer call() {
        ServiceCatalog catalog = options.load();
        List<ServiceDefinition> owned = catalog.servicesOwnedBy(team);
        if (owned.isEmpty()) {
            throw CatalogOptions.unknownName("team", team, catalog.teams());
        }
        Output out = format.output();
        if (out.json()) {
            ObjectNode root = out.object();
            root.put("team", team);
            ArrayNode services = root.putArray("services");
            for (ServiceDefinition s : owned) {
                ObjectNode node = services.addObject();
                node.put("name", s.name());
                node.put("description", s.description().orElse(null));
            }
            out.print(root);
        } else {
            for (ServiceDefinition s : owned) {
                out.line(String.format("%-24s %s", s.name(), s.description().orElse(""))
                        .stripTrailing());
            }
        }
        return ExitCode.OK;
    }
}
