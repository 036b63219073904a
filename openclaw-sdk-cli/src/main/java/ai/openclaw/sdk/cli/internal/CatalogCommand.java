package ai.openclaw.sdk.cli.internal;

import picocli.CommandLine.Command;

/** {@code openclaw catalog ...}: questions about the service catalog. */
@Command(
        name = "catalog",
        mixinStandardHelpOptions = true,
        description = "Validate and query the service catalog (.openclaw/services.yaml).",
        subcommands = {
            ValidateCommand.class,
            ShowCommand.class,
            DependentsCommand.class,
            DependenciesCommand.class,
            OwnerCommand.class,
            TeamCommand.class,
            EventCommand.class,
            FlowCommand.class,
            ImpactCommand.class
        })
public final class CatalogCommand {}
