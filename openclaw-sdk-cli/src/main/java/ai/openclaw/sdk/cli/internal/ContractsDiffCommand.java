package ai.openclaw.sdk.cli.internal;

import ai.openclaw.sdk.Validation;
import ai.openclaw.sdk.contract.ApiChange;
import ai.openclaw.sdk.contract.ApiDiff;
import ai.openclaw.sdk.contract.CompatibilityMode;
import ai.openclaw.sdk.contract.ContractFile;
import ai.openclaw.sdk.contract.ContractLoader;
import ai.openclaw.sdk.contract.SchemaChange;
import ai.openclaw.sdk.contract.SchemaDiff;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code openclaw contracts diff OLD NEW [--mode MODE]}. */
@Command(
        name = "diff",
        mixinStandardHelpOptions = true,
        description = {
            "Every change between two JSON Schemas or two OpenAPI documents, and the verdict.",
            "Exit 0 when NEW is compatible with OLD in --mode, 1 when not, 2 for bad input."
        })
final class ContractsDiffCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "OLD", description = "The earlier version (JSON Schema or OpenAPI).")
    Path oldFile;

    @Parameters(index = "1", paramLabel = "NEW", description = "The later version, of the same kind.")
    Path newFile;

    @Option(
            names = "--mode",
            paramLabel = "MODE",
            defaultValue = "BACKWARD",
            converter = ContractOptions.ModeConverter.class,
            description = "Compatibility mode for the verdict (JSON Schema). Default: ${DEFAULT-VALUE}.")
    CompatibilityMode mode;

    @Mixin
    FormatOptions format;

    @Override
    public Integer call() {
        ContractFile older = read(oldFile);
        ContractFile newer = read(newFile);
        Output out = format.output();
        if (older instanceof ContractFile.Schema o && newer instanceof ContractFile.Schema n) {
            return schemas(out, SchemaDiff.between(o.schema(), n.schema()));
        }
        if (older instanceof ContractFile.OpenApi o && newer instanceof ContractFile.OpenApi n) {
            return apis(out, ApiDiff.between(o.contract(), n.contract()));
        }
        throw new CliException(
                ExitCode.USAGE,
                oldFile + " and " + newFile + " are not of one kind (a JSON Schema and an OpenAPI document)");
    }

    private ContractFile read(Path file) {
        Validation<ContractFile> v = ContractLoader.defaults().read(file);
        if (v.hasErrors()) {
            v.errors().forEach(f -> format.spec.commandLine().getErr().println(f));
            throw new CliException(ExitCode.USAGE, "cannot compare: " + file + " is not a valid contract");
        }
        return v.resultOrThrow();
    }

    private int schemas(Output out, SchemaDiff diff) {
        boolean compatible = diff.isCompatible(mode);
        if (out.json()) {
            ObjectNode root = out.object();
            root.put("kind", "json-schema");
            root.put("mode", mode.name());
            root.put("compatible", compatible);
            root.set("changes", changes(out, diff.changes()));
            root.set("forwardChanges", changes(out, diff.forwardChanges()));
            ObjectNode verdicts = root.putObject("verdicts");
            diff.verdicts().forEach((m, ok) -> verdicts.put(m.name(), ok));
            out.print(root);
        } else {
            if (diff.isEmpty()) {
                out.line("no changes");
            }
            for (SchemaChange c : diff.changes()) {
                out.line((c.isBackwardCompatible() ? "  compatible  " : "  BREAKING    ") + c);
            }
            if (!diff.forwardIncompatibilities().isEmpty()) {
                out.line("readers on the old schema reject new data (FORWARD) because of:");
                diff.forwardIncompatibilities().forEach(c -> out.line("  " + c.describeReversed()));
            }
            StringBuilder verdicts = new StringBuilder();
            diff.verdicts()
                    .forEach((m, ok) ->
                            verdicts.append(m).append(ok ? " yes" : " no").append(", "));
            out.line("compatible: " + verdicts.substring(0, verdicts.length() - 2));
            out.line((compatible ? "compatible in " : "incompatible in ") + mode + " mode");
        }
        return compatible ? ExitCode.OK : ExitCode.FINDINGS;
    }

    private static ArrayNode changes(Output out, List<SchemaChange> changes) {
        ArrayNode array = out.object().arrayNode();
        for (SchemaChange c : changes) {
            ObjectNode node = array.addObject();
            node.put("kind", c.kind().label());
            node.put("path", c.path());
            node.put("detail", c.detail());
            node.put("backwardCompatible", c.isBackwardCompatible());
        }
        return array;
    }

    private int apis(Output out, ApiDiff diff) {
        boolean compatible = mode == CompatibilityMode.NONE || !diff.isBreaking();
        if (out.json()) {
            ObjectNode root = out.object();
            root.put("kind", "openapi");
            root.put("compatible", compatible);
            root.put("breaking", diff.breakingChanges().size());
            ArrayNode array = root.putArray("changes");
            for (ApiChange c : diff.changes()) {
                ObjectNode node = array.addObject();
                node.put("kind", c.kind());
                node.put("operation", c.operation());
                node.put("path", c.path());
                node.put("breaking", c.breaking());
                node.put("detail", c.detail());
            }
            out.print(root);
        } else {
            if (diff.changes().isEmpty()) {
                out.line("no changes");
            }
            diff.changes().forEach(c -> out.line("  " + c));
            out.line(diff.breakingChanges().size() + " breaking of "
                    + diff.changes().size() + " changes: " + (compatible ? "compatible" : "incompatible")
                    + " for existing clients");
        }
        return compatible ? ExitCode.OK : ExitCode.FINDINGS;
    }
}
