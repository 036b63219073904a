package ai.openclaw.sdk.cli.internal;

import ai.openclaw.sdk.Finding;
import ai.openclaw.sdk.Validation;
import ai.openclaw.sdk.catalog.CatalogLoader;
import ai.openclaw.sdk.catalog.ServiceCatalog;
import ai.openclaw.sdk.catalog.UnknownServiceException;
import ai.openclaw.sdk.internal.Names;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --catalog PATH}: where the catalog is, and loading it with the command line's exit codes. */
public final class CatalogOptions {
    /** Where the catalog is when {@code --catalog} is not given. */
    public static final Path DEFAULT_CATALOG = Path.of(".openclaw", "services.yaml");

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(
            names = "--catalog",
            paramLabel = "PATH",
            description = "Catalog file, or directory of *.yaml files; repeat to merge several."
                    + " Default: .openclaw/services.yaml")
    List<Path> catalogs = new ArrayList<>();

    Path[] paths() {
        return catalogs.isEmpty() ? new Path[] {DEFAULT_CATALOG} : catalogs.toArray(new Path[0]);
    }

    Validation<ServiceCatalog> validate(boolean strict) {
        return CatalogLoader.builder().strict(strict).build().validate(paths());
    }

    /**
     * The catalog, or an exit with one line naming the first problem: 2 when a file cannot be read, 1 when the catalog
     * has errors ({@code catalog validate} lists them all).
     */
    ServiceCatalog load() {
        Validation<ServiceCatalog> v = validate(false);
        if (v.hasErrors()) {
            List<Finding> errors = v.errors();
            Finding first = errors.stream()
                    .filter(f -> f.code().equals("unreadable-file"))
                    .findFirst()
                    .orElse(errors.get(0));
            String more = errors.size() == 1 ? "" : " (and " + (errors.size() - 1) + " more)";
            String message = first.code().equals("unreadable-file")
                    ? "cannot read the catalog: " + first.message() + more + "; give its place with --catalog PATH"
                    : "the catalog has " + errors.size() + (errors.size() == 1 ? " error" : " errors") + ", the first: "
                            + first + "; run 'openclaw catalog validate' for every finding";
            throw new CliException(exitCodeOf(v), message);
        }
        return v.resultOrThrow();
    }

    static int exitCodeOf(Validation<ServiceCatalog> v) {
        if (v.errors().stream().map(Finding::code).anyMatch("unreadable-file"::equals)) {
            return ExitCode.USAGE;
        }
        return v.hasErrors() ? ExitCode.FINDINGS : ExitCode.OK;
    }

    /** Bad input: a name the catalog does not know. */
    static CliException unknown(UnknownServiceException e) {
        return new CliException(ExitCode.USAGE, e.getMessage());
    }

    /** The event type, or a usage error naming the closest one the catalog knows. */
    static void requireEventType(ServiceCatalog catalog, String event) {
        if (!catalog.eventTypes().contains(event)) {
            throw unknownName("event type", event, catalog.eventTypes());
        }
    }

    static CliException unknownName(String kind, String name, Collection<String> known) {
        String suggestion = Names.closest(name, known);
        return new CliException(
                ExitCode.USAGE,
                "no " + kind + " '" + name + "' in the catalog"
                        + (suggestion != null
                                ? " (did you mean '" + suggestion + "'?)"
                                : known.isEmpty() ? "" : " (known: " + String.join(", ", known) + ")"));
    }
}
