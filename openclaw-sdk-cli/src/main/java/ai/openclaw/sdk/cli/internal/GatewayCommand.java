package ai.openclaw.sdk.cli.internal;

import picocli.CommandLine.Command;

/** {@code openclaw gateway ...}. */
@Command(
        name = "gateway",
        mixinStandardHelpOptions = true,
        description = "Generate the system's gateway configuration from the catalog and discovery.",
        subcommands = {GatewayNginxCommand.class})
public final class GatewayCommand {}
