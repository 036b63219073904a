package ai.openclaw.sdk.cli.internal;

import ai.openclaw.sdk.Finding;
import ai.openclaw.sdk.Validation;
import ai.openclaw.sdk.catalog.ServiceCatalog;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code openclaw catalog validate [--strict]}. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Check the catalog and print every finding with file:line:column and YAML path.",
            "Exit 0 when there is no error, 1 when there are errors, 2 when a file cannot be read."
        })
final class ValidateCommand implements Callable<Integer> {
    @Mixin
    CatalogOptions options;

    @Mixin
    FormatOptions format;

    @Option(
            names = "--strict",
            description = "References to undeclared services and dependency cycles are errors, not warnings.")
    boolean strict;

    @Override
    public Integer call() {
        Validation<ServiceCatalog> v = options.validate(strict);
        Output out = format.output();
        int services = v.result().map(c -> c.services().size()).orElse(0);
        if (out.json()) {
            ObjectNode root = out.object();
            ArrayNode files = root.putArray("files");
            v.files().forEach(f -> files.add(f.toString()));
            root.put("valid", !v.hasErrors());
            root.put("strict", strict);
            root.put("services", services);
            root.put("errors", v.errors().size());
            root.put("warnings", v.warnings().size());
            ArrayNode findings = root.putArray("findings");
            for (Finding f : v.findings()) {
                findings.add(json(out, f));
            }
            out.print(root);
        } else {
            for (Finding f : v.findings()) {
                // a file that cannot be read is a usage problem (stderr); findings in files are the output
                if (f.code().equals("unreadable-file")) {
                    out.error("openclaw: " + f.message());
                } else {
                    out.line(f.toString());
                }
            }
            out.line(summary(v, services));
        }
        return CatalogOptions.exitCodeOf(v);
    }

    static ObjectNode json(Output out, Finding f) {
        ObjectNode node = out.object();
        node.put("severity", f.severity().name().toLowerCase(Locale.ROOT));
        node.put("code", f.code());
        node.put("message", f.message());
        if (f.location().isPresent()) {
            node.put("file", f.location().get().file());
            node.put("line", f.location().get().line());
            node.put("column", f.location().get().column());
        } else {
            node.putNull("file");
            node.putNull("line");
            node.putNull("column");
        }
        node.put("path", f.yamlPath());
        return node;
    }

    private static String summary(Validation<ServiceCatalog> v, int services) {
        int files = v.files().size();
        String read = files == 1 ? v.files().get(0).toString() : files + " files";
        if (files == 0) {
            read = "no file";
        }
        String counts =
                plural(v.errors().size(), "error") + ", " + plural(v.warnings().size(), "warning");
        if (v.hasErrors()) {
            return "invalid: " + read + ", " + counts;
        }
        return "valid: " + plural(services, "service") + " in " + read + ", " + counts;
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
