package ai.openclaw.sdk.cli.internal;

import ai.openclaw.sdk.catalog.ServiceCatalog;
import ai.openclaw.sdk.contract.ContractScaffold;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code openclaw contracts init [--output DIR]}. */
@Command(
        name = "init",
        mixinStandardHelpOptions = true,
        description = {
            "Scaffold a contract for every event and every service with endpoints in the catalog that has none,",
            "for the team to complete. Existing files are never touched."
        })
final class ContractsInitCommand implements Callable<Integer> {
    @Mixin
    CatalogOptions catalogOptions;

    @Mixin
    FormatOptions format;

    @Option(
            names = "--output",
            paramLabel = "DIR",
            defaultValue = "contracts",
            description = "Where to write. Default: ${DEFAULT-VALUE}.")
    Path output;

    @Override
    public Integer call() {
        ServiceCatalog catalog = catalogOptions.load();
        List<Path> written = ContractScaffold.of(catalog).writeMissing(output);
        Output out = format.output();
        if (out.json()) {
            ObjectNode root = out.object();
            root.put("output", output.toString());
            Output.strings(root, "written", written.stream().map(Path::toString).toList());
            out.print(root);
        } else {
            written.forEach(p -> out.line("wrote " + p));
            out.line(
                    written.isEmpty()
                            ? "every event and service with endpoints already has a contract in " + output
                            : written.size() + " contracts to complete in " + output);
        }
        return ExitCode.OK;
    }
}
