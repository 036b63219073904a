package ai.openclaw.sdk.cli.internal;

import picocli.CommandLine.Command;

/** {@code openclaw contracts ...}. */
@Command(
        name = "contracts",
        mixinStandardHelpOptions = true,
        description = "Validate, compare and evolve event (JSON Schema) and HTTP (OpenAPI) contracts.",
        subcommands = {
            ContractsValidateCommand.class,
            ContractsDiffCommand.class,
            ContractsCheckCommand.class,
            ContractsEvolveCommand.class,
            ContractsInitCommand.class
        })
public final class ContractsCommand {}
