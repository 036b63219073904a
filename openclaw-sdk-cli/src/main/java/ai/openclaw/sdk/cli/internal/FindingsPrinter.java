package ai.openclaw.sdk.cli.internal;

import ai.openclaw.sdk.Finding;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;

/** Findings as text lines or JSON objects, the same everywhere. */
final class FindingsPrinter {
    private FindingsPrinter() {}

    static ArrayNode json(Output out, List<Finding> findings) {
        ArrayNode array = out.object().arrayNode();
        findings.forEach(f -> array.add(ValidateCommand.json(out, f)));
        return array;
    }

    static String counts(List<Finding> findings) {
        long errors = findings.stream().filter(Finding::isError).count();
        long warnings = findings.size() - errors;
        return errors
                + (errors == 1 ? " error, " : " errors, ")
                + warnings
                + (warnings == 1 ? " warning" : " warnings");
    }
}
