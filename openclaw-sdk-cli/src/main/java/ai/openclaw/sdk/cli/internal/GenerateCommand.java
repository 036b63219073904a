package ai.openclaw.sdk.cli.internal;

import ai.openclaw.sdk.catalog.ServiceCatalog;
import ai.openclaw.sdk.codegen.CodegenException;
import ai.openclaw.sdk.codegen.GeneratedSources;
import ai.openclaw.sdk.codegen.JavaCodeGenerator;
import ai.openclaw.sdk.codegen.SourceFile;
import ai.openclaw.sdk.contract.ContractRegistry;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code openclaw generate service | event-handler | service-client}: typed Java code from the contracts. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = {
            "Typed Java code from the contracts: records of event payloads and of OpenAPI component schemas, a handler",
            "interface per subscribed event, a typed client interface per HTTP provider (docs/codegen.md). Printed, or",
            "written under --out DIR as a source root. Exit 2 for an unknown service, event or provider."
        },
        subcommands = {
            GenerateCommand.Service.class,
            GenerateCommand.EventHandler.class,
            GenerateCommand.ServiceClient.class
        })
public final class GenerateCommand {
    /** What every generate command takes. */
    static final class Options {
        @Spec(Spec.Target.MIXEE)
        CommandSpec spec;

        @Mixin
        CatalogOptions catalog;

        @Mixin
        ContractOptions contracts;

        @Option(
                names = "--package",
                paramLabel = "PACKAGE",
                defaultValue = "openclaw.generated",
                description = "The package of the code; events and clients go below it. Default: ${DEFAULT-VALUE}")
        String packageName;

        @Option(names = "--out", paramLabel = "DIR", description = "A source root to write the files under.")
        Path out;

        int run(Function<JavaCodeGenerator, GeneratedSources> what) {
            ServiceCatalog c = catalog.load();
            ContractRegistry r = contracts.load();
            GeneratedSources sources;
            try {
                sources = what.apply(
                        JavaCodeGenerator.builder(c, r).packageName(packageName).build());
            } catch (CodegenException | IllegalArgumentException e) {
                throw new CliException(ExitCode.USAGE, e.getMessage());
            }
            PrintWriter w = spec.commandLine().getOut();
            if (out == null) {
                for (SourceFile f : sources.files()) {
                    w.println("// " + f.path());
                    w.print(f.content());
                }
            } else {
                try {
                    sources.writeTo(out).forEach(p -> w.println(p));
                } catch (UncheckedIOException e) {
                    throw new CliException(ExitCode.USAGE, e.getMessage());
                }
            }
            w.flush();
            return ExitCode.OK;
        }
    }

    /** {@code generate service --service S}. */
    @Command(
            name = "service",
            mixinStandardHelpOptions = true,
            description = "Everything a service uses: its events' records, handlers of what it subscribes to, clients"
                    + " of what it calls.")
    static final class Service implements Callable<Integer> {
        @Mixin
        Options options;

        @Option(names = "--service", paramLabel = "NAME", required = true, description = "The service.")
        String service;

        @Override
        public Integer call() {
            return options.run(g -> g.forService(service));
        }
    }

    /** {@code generate event-handler --event E --service S}. */
    @Command(
            name = "event-handler",
            mixinStandardHelpOptions = true,
            description = "The record of an event and the handler interface of a service that subscribes to it.")
    static final class EventHandler implements Callable<Integer> {
        @Mixin
        Options options;

        @Option(names = "--event", paramLabel = "TYPE", required = true, description = "The event type.")
        String event;

        @Option(names = "--service", paramLabel = "NAME", required = true, description = "The subscribing service.")
        String service;

        @Override
        public Integer call() {
            return options.run(g -> g.eventHandler(service, event));
        }
    }

    /** {@code generate service-client --provider P}. */
    @Command(
            name = "service-client",
            mixinStandardHelpOptions = true,
            description = "The typed client of a service's HTTP API and its component records.")
    static final class ServiceClient implements Callable<Integer> {
        @Mixin
        Options options;

        @Option(
                names = {"--provider", "--service"},
                paramLabel = "NAME",
                required = true,
                description = "The service whose API the client calls.")
        String provider;

        @Override
        public Integer call() {
            return options.run(g -> g.serviceClient(provider));
        }
    }
}
