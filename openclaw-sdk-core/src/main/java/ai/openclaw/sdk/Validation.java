package ai.openclaw.sdk;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of reading and checking files (a catalog, contracts): every finding, and the result when there was no
 * error.
 *
 * <pre>{@code
 * Validation<ServiceCatalog> v = CatalogLoader.builder().strict(true).build().validate(Path.of(".openclaw"));
 * v.findings().forEach(System.out::println);
 * if (!v.hasErrors()) {
 *     ServiceCatalog catalog = v.resultOrThrow();
 * }
 * }</pre>
 *
 * @param <T> what was read
 */
public final class Validation<T> {
    private final List<Path> files;
    private final List<Finding> findings;
    private final @Nullable T result;
    private final Function<List<Finding>, ? extends RuntimeException> failure;

    /**
     * Creates an outcome.
     *
     * @param files the files read, in order
     * @param findings every finding
     * @param result what was read, or {@code null} when there were errors
     * @param failure makes the exception {@link #resultOrThrow()} throws, from the findings
     */
    public Validation(
            List<Path> files,
            List<Finding> findings,
            @Nullable T result,
            Function<List<Finding>, ? extends RuntimeException> failure) {
        this.files = List.copyOf(files);
        this.findings = List.copyOf(findings);
        this.result = result;
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    /** The files that were read, in order. */
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

    /** What was read, present when there was no error. */
    public Optional<T> result() {
        return Optional.ofNullable(result);
    }

    /**
     * What was read.
     *
     * @throws RuntimeException (a {@code CatalogException}, a {@code ContractException}) listing the errors
     */
    public T resultOrThrow() {
        if (result == null) {
            throw failure.apply(findings);
        }
        return result;
    }
}
