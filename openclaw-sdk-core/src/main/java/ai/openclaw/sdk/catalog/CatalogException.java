package ai.openclaw.sdk.catalog;

import ai.openclaw.sdk.Finding;
import ai.openclaw.sdk.FindingsException;
import java.util.List;

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
public class CatalogException extends FindingsException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for these findings.
     *
     * @param findings every finding of the validation, errors and warnings
     */
    public CatalogException(List<Finding> findings) {
        super("the service catalog", findings);
    }

    /**
     * Creates an exception about the catalog with no findings, such as a query naming an unknown service.
     *
     * @param message what went wrong
     */
    protected CatalogException(String message) {
        super(message);
    }
}
