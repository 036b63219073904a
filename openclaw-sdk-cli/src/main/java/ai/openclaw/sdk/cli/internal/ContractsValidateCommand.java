package ai.openclaw.sdk.cli.internal;

import ai.openclaw.sdk.Finding;
import ai.openclaw.sdk.catalog.ServiceCatalog;
import ai.openclaw.sdk.catalog.UnknownServiceException;
import ai.openclaw.sdk.contract.ContractChecks;
import ai.openclaw.sdk.contract.ContractRegistry;
import ai.openclaw.sdk.contract.VersionRule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code openclaw contracts validate --service NAME}. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Before a service deploys: producer compliance, consumer compatibility, API adherence and the",
            "version rule of the events it publishes. Exit 0 when all hold, 1 when not, 2 for bad input."
        })
final class ContractsValidateCommand implements Callable<Integer> {
    @Mixin
    CatalogOptions catalogOptions;

    @Mixin
    ContractOptions contractOptions;

    @Mixin
    FormatOptions format;

    @Option(names = "--service", paramLabel = "NAME", required = true, description = "The service to validate.")
    String service;

    @Override
    public Integer call() {
        ServiceCatalog catalog = catalogOptions.load();
        ContractRegistry contracts = contractOptions.load();
        Map<ContractChecks.Check, List<Finding>> report;
        try {
            report = ContractChecks.of(catalog, contracts, VersionRule.of(contractOptions.mode))
                    .validateService(service);
        } catch (UnknownServiceException e) {
            throw CatalogOptions.unknown(e);
        }
        List<Finding> all = new ArrayList<>(contracts.warnings());
        report.values().forEach(all::addAll);
        Output out = format.output();
        if (out.json()) {
            ObjectNode root = out.object();
            root.put("service", service);
            root.put("contracts", contractOptions.contracts.toString());
            root.put("mode", contractOptions.mode.name());
            root.put("valid", all.stream().noneMatch(Finding::isError));
            ObjectNode checks = root.putObject("checks");
            report.forEach((check, findings) ->
                    checks.set(check.name().toLowerCase(Locale.ROOT), FindingsPrinter.json(out, findings)));
            root.set("warnings", FindingsPrinter.json(out, contracts.warnings()));
            out.print(root);
        } else {
            out.line(service + ", contracts in " + contractOptions.contracts + ", mode " + contractOptions.mode);
            report.forEach((check, findings) -> {
                String name = check.name().toLowerCase(Locale.ROOT).replace('_', ' ');
                out.line(name + ": " + (findings.isEmpty() ? "ok" : FindingsPrinter.counts(findings)));
                findings.forEach(f -> out.line("  " + f));
            });
            contracts.warnings().forEach(f -> out.line("  " + f));
            out.line((all.stream().anyMatch(Finding::isError) ? "invalid: " : "valid: ") + FindingsPrinter.counts(all));
        }
        return all.stream().anyMatch(Finding::isError) ? ExitCode.FINDINGS : ExitCode.OK;
    }
}
