package ai.openclaw.sdk.cli.internal;

import ai.openclaw.sdk.pact.ConsumerVersionSelector;
import ai.openclaw.sdk.pact.PactBroker;
import ai.openclaw.sdk.pact.PactBrokerException;
import ai.openclaw.sdk.testing.pact.PactVerifier;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code openclaw pacts verify --provider P --provider-base-url U [--pact F]... [broker options]}. */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Replay the pacts of a provider's consumers against the running provider: from files, or from the",
            "Pact Broker by consumer version selectors (pending and WIP pacts reported, not failed), publishing the",
            "results when asked. Exit code 0 when every (non-pending) interaction is honoured, 1 otherwise."
        })
final class PactsVerifyCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    BrokerOptions brokerOptions;

    @Option(names = "--provider", paramLabel = "NAME", required = true, description = "The provider (catalog name).")
    String provider;

    @Option(
            names = "--provider-base-url",
            paramLabel = "URL",
            required = true,
            description = "Where the provider runs.")
    URI baseUrl;

    @Option(
            names = "--pact",
            paramLabel = "PATH",
            description = "A pact file or folder to verify (repeatable); without it, the broker's pacts.")
    List<Path> pacts = List.of();

    @Option(
            names = "--consumer-version-selector",
            paramLabel = "SELECTOR",
            description = {
                "mainBranch, deployedOrReleased, matchingBranch, branch=NAME, deployed=ENVIRONMENT, tag=NAME",
                "(repeatable; default mainBranch and deployedOrReleased)."
            })
    List<String> selectors = List.of();

    @Option(names = "--provider-app-version", paramLabel = "VERSION", description = "The provider's version.")
    @Nullable
    String providerVersion;

    @Option(names = "--provider-branch", paramLabel = "BRANCH", description = "The provider version's branch.")
    @Nullable
    String providerBranch;

    @Option(
            names = "--publish-verification-results",
            description = "Publish each pact's result (needs --provider-app-version; from CI only).")
    boolean publish;

    @Option(names = "--include-pending", description = "Include pending pacts (their failures do not fail).")
    boolean pending;

    @Option(
            names = "--include-wip-pacts-since",
            paramLabel = "DATE",
            description = "Include work-in-progress pacts published since this date (YYYY-MM-DD).")
    @Nullable
    String wipSince;

    @Option(
            names = "--state-change-url",
            paramLabel = "URL",
            description = "Where the provider sets up provider states ({\"state\", \"params\", \"action\"} POSTed).")
    @Nullable
    URI stateChangeUrl;

    @Override
    public Integer call() {
        PactVerifier verifier =
                PactVerifier.forProvider(provider).reports(spec.commandLine().getErr()::println);
        if (stateChangeUrl != null) {
            verifier.stateChangeUrl(stateChangeUrl);
        }
        PactBroker broker = null;
        try {
            if (pacts.isEmpty()) {
                broker = brokerOptions.broker();
                verifier.pactsFrom(broker, verification());
                if (publish) {
                    if (providerVersion == null) {
                        throw new CliException(
                                ExitCode.USAGE, "--publish-verification-results needs --provider-app-version");
                    }
                    verifier.publishResults(providerVersion, providerBranch);
                }
            } else {
                for (Path p : pacts) {
                    if (Files.isDirectory(p)) {
                        verifier.pactsIn(p);
                    } else if (Files.isRegularFile(p)) {
                        verifier.pact(p);
                    } else {
                        throw new CliException(ExitCode.USAGE, "no pact file or folder at " + p);
                    }
                }
            }
            verifier.verify(baseUrl);
        } catch (AssertionError e) {
            throw new CliException(ExitCode.FINDINGS, e.getMessage());
        } catch (PactBrokerException e) {
            throw new CliException(ExitCode.USAGE, e.getMessage());
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, e.getMessage());
        } finally {
            if (broker != null) {
                broker.close();
            }
        }
        spec.commandLine().getOut().println(provider + " honours its consumers' pacts");
        return ExitCode.OK;
    }

    private PactBroker.Verification verification() {
        List<ConsumerVersionSelector> list = new ArrayList<>();
        for (String s : selectors.isEmpty() ? List.of("mainBranch", "deployedOrReleased") : selectors) {
            list.add(selector(s));
        }
        PactBroker.Verification v = new PactBroker.Verification(
                list, java.util.Optional.ofNullable(providerBranch), false, java.util.Optional.empty());
        if (pending) {
            v = v.withPending();
        }
        if (wipSince != null) {
            try {
                v = v.withWipSince(LocalDate.parse(wipSince));
            } catch (DateTimeParseException e) {
                throw new CliException(
                        ExitCode.USAGE, "--include-wip-pacts-since is not a date (YYYY-MM-DD): " + wipSince);
            }
        }
        return v;
    }

    private static ConsumerVersionSelector selector(String text) {
        int eq = text.indexOf('=');
        String key = eq < 0 ? text : text.substring(0, eq);
        String value = eq < 0 ? "" : text.substring(eq + 1);
        return switch (key) {
            case "mainBranch" -> ConsumerVersionSelector.mainBranch();
            case "deployedOrReleased" -> ConsumerVersionSelector.deployedOrReleased();
            case "matchingBranch" -> ConsumerVersionSelector.matchingBranch();
            case "branch" -> ConsumerVersionSelector.branch(required(text, value));
            case "deployed" -> ConsumerVersionSelector.deployedTo(required(text, value));
            case "tag" -> ConsumerVersionSelector.latestTag(required(text, value));
            default ->
                throw new CliException(
                        ExitCode.USAGE,
                        "unknown consumer version selector '" + text + "': use mainBranch, deployedOrReleased,"
                                + " matchingBranch, branch=NAME, deployed=ENVIRONMENT or tag=NAME");
        };
    }

    private static String required(String text, String value) {
        if (value.isBlank()) {
            throw new CliException(ExitCode.USAGE, "the selector '" + text + "' needs a value");
        }
        return value;
    }
}
