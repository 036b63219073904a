package ai.openclaw.sdk;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Files the SDK read (a catalog, contracts) have findings at error level. The message lists the errors, each with its
 * {@code file:line:column} and path; {@link #findings()} gives every finding.
 *
 * <pre>{@code
 * try {
 *     ServiceCatalog.load(Path.of(".openclaw/services.yaml"));
 * } catch (FindingsException e) {
 *     e.errors().forEach(System.err::println);
 * }
 * }</pre>
 */
public class FindingsException extends OpenClawException {
    private static final long serialVersionUID = 1L;

    private final transient List<Finding> findings;

    /**
     * An exception listing the errors among {@code findings}.
     *
     * @param what what has the errors, such as {@code "the service catalog"}
     * @param findings every finding, errors and warnings
     */
    protected FindingsException(String what, List<Finding> findings) {
        super(describe(what, findings));
        this.findings = List.copyOf(findings);
    }

    /**
     * An exception with a message and no findings.
     *
     * @param message what went wrong
     */
    protected FindingsException(String message) {
        super(message);
        this.findings = List.of();
    }

    private static String describe(String what, List<Finding> findings) {
        List<Finding> errors = findings.stream().filter(Finding::isError).collect(Collectors.toList());
        return what + " has " + errors.size() + (errors.size() == 1 ? " error" : " errors") + ":\n"
                + errors.stream().map(f -> "  " + f).collect(Collectors.joining("\n"));
    }

    /** Every finding, errors and warnings; empty for an exception that is not about findings. */
    public List<Finding> findings() {
        return findings;
    }

    /** The findings at error level. */
    public List<Finding> errors() {
        return findings.stream().filter(Finding::isError).collect(Collectors.toUnmodifiableList());
    }
}
