package ai.openclaw.sdk.cli.internal;

import ai.openclaw.sdk.catalog.ServiceCatalog;
import ai.openclaw.sdk.deploy.DeploymentPlan;
import ai.openclaw.sdk.deploy.DeploymentPlanner;
import ai.openclaw.sdk.json.JsonMappers;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code openclaw deploy plan --changes a,b,c [--format markdown|json]}. */
@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        description = {
            "Phases in a safe order for a set of changed services and event contracts: contracts first, then",
            "consumers of changed events, then their producers; HTTP providers before their clients."
        })
final class DeployPlanCommand implements Callable<Integer> {
    enum Format {
        markdown,
        json
    }

    @Spec
    CommandSpec spec;

    @Mixin
    CatalogOptions catalogOptions;

    @Mixin
    ContractOptions contractOptions;

    @Option(
            names = "--changes",
            paramLabel = "NAMES",
            required = true,
            split = ",",
            description = "Changed services and event types, comma-separated.")
    List<String> changes;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "markdown",
            description = "Output format: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Override
    public Integer call() throws Exception {
        ServiceCatalog catalog = catalogOptions.load();
        DeploymentPlanner planner = DeploymentPlanner.of(catalog).withMode(contractOptions.mode);
        if (Files.isDirectory(contractOptions.contracts)) {
            planner = planner.withContracts(contractOptions.load());
        }
        DeploymentPlan plan;
        try {
            plan = planner.plan(changes);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, e.getMessage());
        }
        if (format == Format.markdown) {
            spec.commandLine().getOut().print(plan.toMarkdown());
            return ExitCode.OK;
        }
        ObjectMapper json = JsonMappers.standard().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        Output.strings(root, "changes", changes);
        root.put("mode", contractOptions.mode.name());
        ArrayNode phases = root.putArray("phases");
        for (DeploymentPlan.Phase p : plan.phases()) {
            ObjectNode node = phases.addObject();
            node.put("number", p.number());
            node.put("title", p.title());
            ArrayNode steps = node.putArray("steps");
            p.steps().forEach(s -> steps.addObject().put("subject", s.subject()).put("reason", s.reason()));
            node.put("rollback", p.rollback());
        }
        Output.strings(root, "notes", plan.notes());
        spec.commandLine().getOut().println(json.writeValueAsString(root));
        return ExitCode.OK;
    }
}
