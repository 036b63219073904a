package ai.openclaw.sdk.cli.internal;

import ai.openclaw.sdk.Finding;
import ai.openclaw.sdk.contract.ContractRegistry;
import ai.openclaw.sdk.contract.VersionRule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code openclaw contracts check}. */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = {
            "Every event contract's version history obeys the rule: each minor compatible (in --mode) with the",
            "earlier minors of its major. Exit 0 when it does, 1 when not, 2 for bad input."
        })
final class ContractsCheckCommand implements Callable<Integer> {
    @Mixin
    ContractOptions contractOptions;

    @Mixin
    FormatOptions format;

    @Override
    public Integer call() {
        ContractRegistry contracts = contractOptions.load();
        List<Finding> findings = VersionRule.of(contractOptions.mode).check(contracts);
        int versions = contracts.allEventContracts().size();
        Output out = format.output();
        if (out.json()) {
            ObjectNode root = out.object();
            root.put("mode", contractOptions.mode.name());
            root.put("eventTypes", contracts.eventTypes().size());
            root.put("versions", versions);
            root.put("valid", findings.isEmpty());
            root.set("findings", FindingsPrinter.json(out, findings));
            out.print(root);
        } else {
            findings.forEach(f -> out.line(f.toString()));
            out.line((findings.isEmpty() ? "valid: " : "invalid: ")
                    + contracts.eventTypes().size() + " event types, "
                    + versions + " versions checked in " + contractOptions.mode + " mode, "
                    + FindingsPrinter.counts(findings));
        }
        return findings.isEmpty() ? ExitCode.OK : ExitCode.FINDINGS;
    }
}
