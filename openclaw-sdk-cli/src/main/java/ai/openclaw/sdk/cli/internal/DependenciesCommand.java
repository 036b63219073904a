package ai.openclaw.sdk.cli.internal;

import picocli.CommandLine.Command;

/** {@code openclaw catalog dependencies SERVICE [--transitive]}. */
@Command(
        name = "dependencies",
        mixinStandardHelpOptions = true,
        description = {
            "The services SERVICE depends on: declared, called over HTTP, or publishing events it subscribes to.",
            "With --transitive, everything it depends on directly or not, nearest first."
        })
final class DependenciesCommand extends DependentsCommand {
    @Override
    boolean dependents() {
        return false;
    }
}
