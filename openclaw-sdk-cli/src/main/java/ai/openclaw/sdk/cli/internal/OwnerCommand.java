package ai.openclaw.sdk.cli.internal;

import ai.openclaw.sdk.catalog.ServiceCatalog;
import ai.openclaw.sdk.catalog.UnknownServiceException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code openclaw catalog owner SERVICE}. */
@Command(
        name = "owner",
        mixinStandardHelpOptions = true,
        description = {
            "The team that owns SERVICE.",
            "Exit 1 when the service is referenced but not declared, so its owner is unknown."
        })
final class OwnerCommand implements Callable<Integer> {
    @Mixin
    CatalogOptions options;

    @Mixin
    FormatOptions format;

    @Parameters(paramLabel = "SERVICE", description = "The service's catalog name.")
    String service;

    @Override
    public Integer call() {
        ServiceCatalog catalog = options.load();
        Optional<String> owner;
        try {
            owner = catalog.ownerOf(service);
        } catch (UnknownServiceException e) {
            throw CatalogOptions.unknown(e);
        }
        Output out = format.output();
        if (out.json()) {
            ObjectNode root = out.object();
            root.put("service", service);
            root.put("owner", owner.orElse(null));
            out.print(root);
        } else {
            owner.ifPresent(out::line);
        }
        if (owner.isEmpty()) {
            throw new CliException(
                    ExitCode.FINDINGS,
                    "'" + service + "' is referenced in the catalog but not declared, so its owner is unknown");
        }
        return ExitCode.OK;
    }
}
