package ai.openclaw.sdk.contract;

import ai.openclaw.sdk.Finding;
import ai.openclaw.sdk.FindingsException;
import java.util.List;

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
public class ContractException extends FindingsException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception listing the error-level findings of loading contracts.
     *
     * @param findings every finding
     */
    public ContractException(List<Finding> findings) {
        super("the contract set", findings);
    }

    /**
     * An exception with a message and no findings.
     *
     * @param message what went wrong
     */
    public ContractException(String message) {
        super(message);
    }
}
