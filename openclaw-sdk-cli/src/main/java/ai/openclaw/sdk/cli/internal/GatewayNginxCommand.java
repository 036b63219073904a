package ai.openclaw.sdk.cli.internal;

import ai.openclaw.sdk.catalog.ServiceCatalog;
import ai.openclaw.sdk.discovery.ServiceDiscovery;
import ai.openclaw.sdk.gateway.NginxGateway;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code openclaw gateway nginx}. */
@Command(
        name = "nginx",
        mixinStandardHelpOptions = true,
        description = {
            "An nginx configuration: an upstream per service with its instances (passive health checks),"
                    + " a location per path prefix of its endpoints.",
            "Instances come from the catalog's instances, OPENCLAW_SERVICE_<NAME>_URL and"
                    + " -Dopenclaw.service.<name>.url.",
            "A canary split (--canary user-service=5) gives the service's canary instances that share by weights.",
            "Exit 1 when a prefix is claimed twice or a service with endpoints has no instance; 2 on bad usage."
        })
final class GatewayNginxCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CatalogOptions options;

    @Option(names = "--listen", paramLabel = "PORT", description = "The port nginx listens on. Default: 80")
    int listen = 80;

    @Option(names = "--prefix", paramLabel = "PATH", description = "A path prefix stripped before passing on (/api).")
    String prefix = "";

    @Option(
            names = "--max-fails",
            paramLabel = "N",
            description = "Failures before an instance is left out. Default: 3")
    int maxFails = 3;

    @Option(
            names = "--fail-timeout",
            paramLabel = "SECONDS",
            description = "How long a failing instance is left out. Default: 10")
    int failTimeout = 10;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path out;

    @Option(
            names = "--canary",
            paramLabel = "SERVICE=PERCENT",
            description = "Send PERCENT of SERVICE's requests to its canary instances (#track=canary), by weights.")
    java.util.Map<String, Double> canaries = new java.util.LinkedHashMap<>();

    @Override
    public Integer call() {
        ServiceCatalog catalog = options.load();
        NginxGateway gateway;
        try {
            NginxGateway.Builder builder = NginxGateway.builder(
                            catalog, ServiceDiscovery.builder().catalog(catalog).build())
                    .listen(listen)
                    .pathPrefix(prefix)
                    .passiveHealthCheck(maxFails, Duration.ofSeconds(failTimeout));
            canaries.forEach(builder::canary);
            gateway = builder.build();
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, e.getMessage());
        }
        String conf;
        try {
            conf = gateway.render();
        } catch (NginxGateway.GatewayException e) {
            throw new CliException(ExitCode.FINDINGS, e.getMessage());
        }
        if (out == null) {
            spec.commandLine().getOut().print(conf);
            spec.commandLine().getOut().flush();
        } else {
            try {
                Files.writeString(out, conf, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new CliException(ExitCode.USAGE, "cannot write " + out + ": " + e.getMessage());
            }
        }
        return ExitCode.OK;
    }
}
