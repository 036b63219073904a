package ai.openclaw.sdk.contract;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An instance (an event payload, an HTTP request or response) broke its contract: contract drift, caught at the
 * boundary instead of becoming a silently wrong object.
 *
 * <pre>{@code
 * try {
 *     contract.check(payload);
 * } catch (ContractViolationException e) {
 *     e.violations().get(0).pointer(); // "/email"
 * }
 * }</pre>
 */
public final class ContractViolationException extends ContractException {
    private static final long serialVersionUID = 1L;

    private final transient List<ContractViolation> violations;

    /**
     * Creates the exception.
     *
     * @param violations at least one violation
     */
    public ContractViolationException(List<ContractViolation> violations) {
        super(describe(violations));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("violations must not be empty");
        }
        this.violations = List.copyOf(violations);
    }

    private static String describe(List<ContractViolation> violations) {
        if (violations.size() == 1) {
            return "contract violated: " + violations.get(0);
        }
        return violations.size() + " contract violations:\n"
                + violations.stream().map(v -> "  " + v).collect(Collectors.joining("\n"));
    }

    /** Every violation found, in instance order. */
    public List<ContractViolation> violations() {
        return violations;
    }
}
