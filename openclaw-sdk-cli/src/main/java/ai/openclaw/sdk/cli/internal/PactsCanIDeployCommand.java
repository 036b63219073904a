package ai.openclaw.sdk.cli.internal;

import ai.openclaw.sdk.pact.CanIDeploy;
import ai.openclaw.sdk.pact.PactBroker;
import ai.openclaw.sdk.pact.PactBrokerException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code openclaw pacts can-i-deploy --pacticipant P --version V --to-environment E}: exit 0 yes, 1 no. */
@Command(
        name = "can-i-deploy",
        mixinStandardHelpOptions = true,
        description = {
            "Whether a version can be deployed to an environment, as the Pact Broker's verification results say.",
            "Exit code 0 when it can, 1 when it cannot."
        })
final class PactsCanIDeployCommand implements Callable<Integer> {
    @Mixin
    BrokerOptions brokerOptions;

    @Mixin
    FormatOptions formatOptions;

    @Option(names = "--pacticipant", paramLabel = "NAME", required = true, description = "The service (catalog name).")
    String pacticipant;

    @Option(names = "--version", paramLabel = "VERSION", required = true, description = "Its version.")
    String version;

    @Option(
            names = "--to-environment",
            paramLabel = "ENVIRONMENT",
            required = true,
            description = "Where it would be deployed (production, say).")
    String environment;

    @Override
    public Integer call() {
        Output out = formatOptions.output();
        CanIDeploy answer;
        try (PactBroker broker = brokerOptions.broker()) {
            answer = broker.canIDeploy(pacticipant, version, environment);
        } catch (PactBrokerException e) {
            throw new CliException(ExitCode.USAGE, e.getMessage());
        }
        if (out.json()) {
            ObjectNode root = out.object();
            root.put("pacticipant", pacticipant);
            root.put("version", version);
            root.put("environment", environment);
            root.put("deployable", answer.deployable());
            root.put("reason", answer.reason());
            root.put("succeeded", answer.succeeded());
            root.put("failed", answer.failed());
            root.put("unknown", answer.unknown());
            Output.strings(root, "results", answer.results());
            out.print(root);
        } else {
            out.line((answer.deployable() ? "yes" : "no") + ": " + pacticipant + " " + version + " to " + environment
                    + " (" + answer.reason() + ")");
            answer.results().forEach(r -> out.line("  " + r));
        }
        return answer.deployable() ? ExitCode.OK : ExitCode.FINDINGS;
    }
}
