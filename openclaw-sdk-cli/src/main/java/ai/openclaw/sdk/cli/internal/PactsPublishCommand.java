package ai.openclaw.sdk.cli.internal;

import ai.openclaw.sdk.pact.PactBroker;
import ai.openclaw.sdk.pact.PactBrokerException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code openclaw pacts publish [PACTS...] --consumer-app-version V [--branch B] [--tag T]...}. */
@Command(
        name = "publish",
        mixinStandardHelpOptions = true,
        description = "Publish pact files (or every *.json in folders) to the Pact Broker as a consumer version.")
final class PactsPublishCommand implements Callable<Integer> {
    @Mixin
    BrokerOptions brokerOptions;

    @Mixin
    FormatOptions formatOptions;

    @Parameters(paramLabel = "PACTS", arity = "0..*", description = "Pact files or folders. Default: target/pacts.")
    List<Path> pacts = List.of(Path.of("target/pacts"));

    @Option(
            names = "--consumer-app-version",
            paramLabel = "VERSION",
            required = true,
            description = "The consumer's version (a git SHA, say).")
    String version;

    @Option(names = "--branch", paramLabel = "BRANCH", description = "The branch the version was built from.")
    @Nullable
    String branch;

    @Option(names = "--tag", paramLabel = "TAG", description = "A tag for the version (repeatable).")
    List<String> tags = List.of();

    @Option(names = "--build-url", paramLabel = "URL", description = "The CI build that made the pacts.")
    @Nullable
    String buildUrl;

    @Override
    public Integer call() {
        Output out = formatOptions.output();
        PactBroker.Publication publication = PactBroker.Publication.of(version).tags(tags.toArray(String[]::new));
        if (branch != null) {
            publication = publication.branch(branch);
        }
        if (buildUrl != null) {
            publication = publication.buildUrl(buildUrl);
        }
        List<String> notices;
        try (PactBroker broker = brokerOptions.broker()) {
            notices = broker.publish(publication, pacts);
        } catch (PactBrokerException e) {
            throw new CliException(ExitCode.FINDINGS, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, e.getMessage());
        }
        if (out.json()) {
            ObjectNode root = out.object();
            root.put("consumerVersion", version);
            Output.strings(root, "notices", notices);
            out.print(root);
        } else {
            notices.forEach(out::line);
        }
        return ExitCode.OK;
    }
}
