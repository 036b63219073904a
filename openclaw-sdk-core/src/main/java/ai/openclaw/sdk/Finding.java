package ai.openclaw.sdk;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Something validation found in a file the SDK reads (the service catalog, a contract): how serious, a stable code, a
 * message, and where: the file location and the path to the value ({@code services.user-service.dependencies[1]} in
 * YAML, a JSON pointer in a JSON document).
 *
 * <pre>{@code
 * for (Finding f : validation.findings()) {
 *     System.err.println(f); // .openclaw/services.yaml:12:9: warning: services.user-service.dependencies[0]: ...
 * }
 * }</pre>
 *
 * <p>Codes are stable; the catalog's are documented in {@code docs/catalog.md}, the contracts' in {@code
 * docs/contracts.md}.
 *
 * @param severity error or warning
 * @param code the stable code of the kind of finding
 * @param message what is wrong, in a sentence
 * @param location where in which file, if known (a catalog built in code has none)
 * @param yamlPath the path to the value in the document, or empty for the whole document
 */
public record Finding(
        Severity severity, String code, String message, Optional<SourceLocation> location, String yamlPath) {

    /** Validates the components. */
    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(yamlPath, "yamlPath");
    }

    /**
     * A finding.
     *
     * @param severity error or warning
     * @param code the stable code
     * @param location where, or {@code null}
     * @param yamlPath the path to the value
     * @param message what is wrong
     * @return the finding
     */
    public static Finding of(
            Severity severity, String code, @Nullable SourceLocation location, String yamlPath, String message) {
        return new Finding(severity, code, message, Optional.ofNullable(location), yamlPath);
    }

    /** Whether this is an error. */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line:column: severity: yaml.path: message}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        location.ifPresent(l -> out.append(l).append(": "));
        out.append(severity.name().toLowerCase(java.util.Locale.ROOT)).append(": ");
        if (!yamlPath.isEmpty()) {
            out.append(yamlPath).append(": ");
        }
        return out.append(message).toString();
    }
}
