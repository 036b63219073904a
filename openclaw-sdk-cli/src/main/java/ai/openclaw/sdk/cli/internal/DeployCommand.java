package ai.openclaw.sdk.cli.internal;

import picocli.CommandLine.Command;

/** {@code openclaw deploy ...}. */
@Command(
        name = "deploy",
        mixinStandardHelpOptions = true,
        description = "Plan deployments that span several services, and canaries.",
        subcommands = {DeployPlanCommand.class, DeployCanaryCommand.class})
public final class DeployCommand {}
