package ai.openclaw.sdk.cli.internal;

import picocli.CommandLine.Command;

/** {@code openclaw pacts ...}. */
@Command(
        name = "pacts",
        mixinStandardHelpOptions = true,
        description = "Consumer-driven contracts with a Pact Broker: publish, verify, can-i-deploy.",
        subcommands = {PactsPublishCommand.class, PactsVerifyCommand.class, PactsCanIDeployCommand.class})
public final class PactsCommand {}
