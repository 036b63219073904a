package ai.openclaw.sdk.catalog;

import ai.openclaw.sdk.Finding;
import ai.openclaw.sdk.OpenClawException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A catalog could not be loaded: it has findings at error level. The message lists them; {@link #findings()} gives
 * each with its location.
 *
 * <pre>{@code
 * try {
 *     ServiceCatalog.load(Path.of(".openclaw/services.yaml"));
 * } catch (CatalogException e) {
 *     e.errors().forEach(System.err::println);
 * }
 * }</pre>
 */
public class CatalogException extends OpenClawException {
    private static final long serialVersionUID = 1L;

    private final transient List<Finding> findings;

    /**
     * Creates the exception for these findings.
     *
     * @param findings every finding of the validation, errors and warnings
     */
    public CatalogException(List<Finding> findings) {
        super(describe(findings));
        this.findings = List.copyOf(findings);
    }

    /**
     * Creates an exception about the catalog with no findings, such as a query naming an unknown service.
     *
     * @param message what went wrong
     */
    protected CatalogException(String message) {
        super(message);
        this.findings = List.of();
    }

    private static String describe(List<Finding> findings) {
        List<Finding> errors = findings.stream().filter(Finding::isError).collect(Collectors.toList());
        String list = errors.stream().map(f -> "  " + f).collect(Collectors.joining("\n"));
        return "the service catalog has " + errors.size() + (errors.size() == 1 ? " error" : " errors") + ":\n" + list;
    }

    /** Every finding, errors and warnings. */
    public List<Finding> findings() {
        return findings;
    }

    /** The findings at error level. */
    public List<Finding> errors() {
        return findings.stream().filter(Finding::isError).collect(Collectors.toUnmodifiableList());
    }
}
