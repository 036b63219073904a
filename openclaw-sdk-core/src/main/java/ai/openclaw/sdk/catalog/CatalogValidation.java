package ai.openclaw.sdk.catalog;

import ai.openclaw.sdk.Finding;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of validating catalog files: every finding, and the catalog when there was no error.
 *
 * <pre>{@code
 * CatalogValidation result = CatalogLoader.builder().strict(true).build().validate(Path.of(".openclaw"));
 * result.findings().forEach(System.out::println);
 * if (!result.hasErrors()) {
 *     ServiceCatalog catalog = result.catalogOrThrow();
 * }
 * }</pre>
 */
public final class CatalogValidation {
    private final List<Path> files;
    private final List<Finding> findings;
    private final @Nullable ServiceCatalog catalog;

    CatalogValidation(List<Path> files, List<Finding> findings, @Nullable ServiceCatalog catalog) {
        this.files = List.copyOf(files);
        this.findings = List.copyOf(findings);
        this.catalog = catalog;
    }

    /** The catalog files that were read, in order. */
    public List<Path> files() {
        return files;
    }

    /** Every finding, errors and warnings, in file order. */
    public List<Finding> findings() {
        return findings;
    }

    /** The findings at error level. */
    public List<Finding> errors() {
        return findings.stream().filter(Finding::isError).collect(Collectors.toUnmodifiableList());
    }

    /** The findings at warning level. */
    public List<Finding> warnings() {
        return findings.stream().filter(f -> !f.isError()).collect(Collectors.toUnmodifiableList());
    }

    /** Whether any finding is an error. */
    public boolean hasErrors() {
        return findings.stream().anyMatch(Finding::isError);
    }

    /** The catalog, present when there was no error. */
    public Optional<ServiceCatalog> catalog() {
        return Optional.ofNullable(catalog);
    }

    /**
     * The catalog.
     *
     * @throws CatalogException listing the errors, when there were any
     */
    public ServiceCatalog catalogOrThrow() {
        if (catalog == null) {
            throw new CatalogException(findings);
        }
        return catalog;
    }
}
