package ai.openclaw.sdk.contract;

import ai.openclaw.sdk.Finding;
import ai.openclaw.sdk.OpenClawException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Contracts could not be loaded (the findings say where), or a contract asked for does not exist.
 *
 * <pre>{@code
 * try {
 *     ContractRegistry registry = ContractRegistry.load(Path.of("contracts"));
 * } catch (ContractException e) {
 *     e.findings().forEach(System.err::println); // contracts/events/user.created/1.0.json:3:13: error: ...
 * }
 * }</pre>
 */
public class ContractException extends OpenClawException {
    private static final long serialVersionUID = 1L;

    private final transient List<Finding> findings;

    /**
     * An exception listing the error-level findings of loading contracts.
     *
     * @param findings every finding
     */
    public ContractException(List<Finding> findings) {
        super(describe(findings));
        this.findings = List.copyOf(findings);
    }

    /**
     * An exception with a message and no findings.
     *
     * @param message what went wrong
     */
    public ContractException(String message) {
        super(message);
        this.findings = List.of();
    }

    private static String describe(List<Finding> findings) {
        List<Finding> errors = findings.stream().filter(Finding::isError).collect(Collectors.toList());
        return "the contracts have " + errors.size() + (errors.size() == 1 ? " error" : " errors") + ":\n"
                + errors.stream().map(f -> "  " + f).collect(Collectors.joining("\n"));
    }

    /** Every finding, errors and warnings; empty when the exception is not about loading. */
    public List<Finding> findings() {
        return findings;
    }
}
