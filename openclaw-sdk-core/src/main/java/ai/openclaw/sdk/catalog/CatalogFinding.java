package ai.openclaw.sdk.catalog;

import ai.openclaw.sdk.SourceLocation;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Something validation found in a catalog: how serious, a stable code, a message, and where: the file location and
 * the YAML path ({@code services.user-service.dependencies[1]}).
 *
 * <pre>{@code
 * for (CatalogFinding f : validation.findings()) {
 *     System.err.println(f); // .openclaw/services.yaml:12:9: warning: services.user-service.dependencies[0]: ...
 * }
 * }</pre>
 *
 * <p>Codes are stable and documented in {@code docs/catalog.md}: {@code yaml-syntax}, {@code empty-file}, {@code
 * wrong-type}, {@code missing-key}, {@code invalid-value}, {@code invalid-endpoint}, {@code unknown-key}, {@code
 * duplicate-key}, {@code duplicate-service}, {@code unknown-service}, {@code unpublished-event}, {@code
 * dependency-cycle}, {@code self-dependency}, {@code unreadable-file}.
 *
 * @param severity error or warning
 * @param code the stable code of the kind of finding
 * @param message what is wrong, in a sentence
 * @param location where in which file, if known (a catalog built in code has none)
 * @param yamlPath the path to the value in the document, or empty for the whole document
 */
public record CatalogFinding(
        Severity severity, String code, String message, Optional<SourceLocation> location, String yamlPath) {

    /** Validates the components. */
    public CatalogFinding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(yamlPath, "yamlPath");
    }

    static CatalogFinding of(
            Severity severity, String code, @Nullable SourceLocation location, String yamlPath, String message) {
        return new CatalogFinding(severity, code, message, Optional.ofNullable(location), yamlPath);
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
