package ai.openclaw.sdk.cli.internal;

import ai.openclaw.sdk.catalog.ServiceCatalog;
import ai.openclaw.sdk.contract.ContractEvolution;
import ai.openclaw.sdk.contract.ContractException;
import ai.openclaw.sdk.contract.ContractRegistry;
import ai.openclaw.sdk.contract.SchemaChange;
import ai.openclaw.sdk.contract.VersionRule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code openclaw contracts evolve --contract TYPE (--add-field NAME:TYPE [--required] | --remove-field NAME)}. */
@Command(
        name = "evolve",
        mixinStandardHelpOptions = true,
        description = {
            "Add a field to an event contract, or remove one, and write the next version: a minor when the",
            "change keeps --mode, a major when it does not. Prints what each consumer must do."
        })
final class ContractsEvolveCommand implements Callable<Integer> {
    @Mixin
    CatalogOptions catalogOptions;

    @Mixin
    ContractOptions contractOptions;

    @Mixin
    FormatOptions format;

    @Option(
            names = "--contract",
            paramLabel = "TYPE",
            required = true,
            description = "The event type, such as user.created.")
    String eventType;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Change change;

    static final class Change {
        @Option(names = "--add-field", paramLabel = "NAME:TYPE", description = "Add a field, such as role:string.")
        String add;

        @Option(names = "--remove-field", paramLabel = "NAME", description = "Remove a field.")
        String remove;
    }

    @Option(names = "--required", description = "With --add-field: the new field is required.")
    boolean required;

    @Option(names = "--dry-run", description = "Print the new version without writing it.")
    boolean dryRun;

    @Override
    public Integer call() {
        ServiceCatalog catalog = catalogOptions.load();
        ContractRegistry contracts = contractOptions.load();
        ContractEvolution evolution = ContractEvolution.of(catalog, contracts, VersionRule.of(contractOptions.mode));
        ContractEvolution.Result result;
        try {
            if (change.add != null) {
                int colon = change.add.indexOf(':');
                if (colon <= 0 || colon == change.add.length() - 1) {
                    throw new CliException(ExitCode.USAGE, "--add-field takes NAME:TYPE, such as role:string");
                }
                result = evolution.addField(
                        eventType, change.add.substring(0, colon), change.add.substring(colon + 1), required);
            } else {
                if (required) {
                    throw new CliException(ExitCode.USAGE, "--required goes with --add-field");
                }
                result = evolution.removeField(eventType, change.remove);
            }
        } catch (IllegalArgumentException | ContractException e) {
            throw new CliException(ExitCode.USAGE, e.getMessage());
        }
        Path file = dryRun ? result.file(contractOptions.contracts) : result.write(contractOptions.contracts);
        Output out = format.output();
        if (out.json()) {
            ObjectNode root = out.object();
            root.put("contract", eventType);
            root.put("from", result.previous().version().toString());
            root.put("to", result.version().toString());
            root.put("breaking", result.breaking());
            root.put("file", file.toString());
            root.put("written", !dryRun);
            ArrayNode changes = root.putArray("changes");
            result.diff().changes().forEach(c -> changes.add(c.toString()));
            Output.strings(root, "producers", result.producers());
            ArrayNode consumers = root.putArray("consumers");
            for (ContractEvolution.ConsumerGuidance g : result.consumers()) {
                ObjectNode node = consumers.addObject();
                node.put("service", g.service());
                node.put("owner", g.owner().orElse(null));
                node.put("action", g.action());
            }
            root.set("schema", result.schema());
            out.print(root);
        } else {
            out.line(eventType + " " + result.previous().version() + " -> " + result.version()
                    + (result.breaking()
                            ? " (breaking: a new major)"
                            : " (compatible in " + contractOptions.mode + " mode: a new minor)"));
            for (SchemaChange c : result.diff().changes()) {
                out.line("  " + c);
            }
            out.line((dryRun ? "would write " : "wrote ") + file);
            if (result.consumers().isEmpty()) {
                out.line("no service in the catalog subscribes to " + eventType);
            } else {
                out.line("consumers:");
                result.consumers()
                        .forEach(g -> out.line("  " + g.service()
                                + g.owner().map(o -> " (" + o + ")").orElse("") + ": " + g.action()));
            }
            result.producers()
                    .forEach(p -> out.line("producer " + p + ": publish " + result.version()
                            + " once the consumers above are deployed"));
        }
        return ExitCode.OK;
    }
}
