package ai.openclaw.sdk.cli.internal;

import ai.openclaw.sdk.Finding;
import ai.openclaw.sdk.Validation;
import ai.openclaw.sdk.contract.CompatibilityMode;
import ai.openclaw.sdk.contract.ContractLoader;
import ai.openclaw.sdk.contract.ContractRegistry;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --contracts DIR} and {@code --mode MODE}, and loading contracts with the command line's exit codes. */
public final class ContractOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(
            names = "--contracts",
            paramLabel = "DIR",
            defaultValue = "contracts",
            description = "The contracts directory. Default: ${DEFAULT-VALUE}.")
    Path contracts;

    @Option(
            names = "--mode",
            paramLabel = "MODE",
            defaultValue = "BACKWARD",
            converter = ModeConverter.class,
            description = "Compatibility mode: BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL,"
                    + " FULL_TRANSITIVE or NONE. Default: ${DEFAULT-VALUE}.")
    CompatibilityMode mode;

    /** Parses a mode in any case; a bad one is a usage error. */
    static final class ModeConverter implements CommandLine.ITypeConverter<CompatibilityMode> {
        @Override
        public CompatibilityMode convert(String value) {
            return CompatibilityMode.parse(value)
                    .orElseThrow(
                            () -> new CommandLine.TypeConversionException(
                                    "'" + value + "' is not a mode (BACKWARD,"
                                            + " BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE, NONE)"));
        }
    }

    /** The contracts, or an exit: 2 when the directory cannot be read, 1 when they have errors (each printed). */
    ContractRegistry load() {
        Validation<ContractRegistry> v = ContractLoader.defaults().validate(contracts);
        if (v.hasErrors()) {
            v.errors().forEach(f -> spec.commandLine().getErr().println(f));
            boolean unreadable = v.errors().stream().map(Finding::code).anyMatch("unreadable-file"::equals);
            throw new CliException(
                    unreadable ? ExitCode.USAGE : ExitCode.FINDINGS,
                    unreadable ? "cannot read the contracts in " + contracts : "the contracts have errors");
        }
        return v.resultOrThrow();
    }
}
