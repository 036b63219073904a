package ai.openclaw.sdk.contract;

import java.util.Objects;

/**
 * One way an instance breaks its contract: which contract and version, where in the instance (a JSON pointer), the
 * rule broken (the JSON Schema keyword), what was expected, and the value seen — shortened, and never shown for a
 * property the contract marks sensitive ({@code writeOnly: true} or {@code x-sensitive: true}).
 *
 * <pre>{@code
 * for (ContractViolation v : registry.validateEvent("user.created", ContractVersion.parse("1.0"), payload)) {
 *     System.err.println(v); // user.created 1.0: /userId: type: integer found, string expected (seen: 42)
 * }
 * }</pre>
 *
 * @param contract the contract's name: an event type, or a service's HTTP operation such as {@code user-service GET
 *     /users/{id} 200}
 * @param version the contract's version ({@code 1.0}; for HTTP contracts, the document's {@code info.version})
 * @param pointer the JSON pointer into the instance; {@code ""} for the instance itself
 * @param rule the rule broken: a JSON Schema keyword ({@code type}, {@code required}, ...) or an HTTP rule ({@code
 *     status}, {@code content-type}, {@code parameter})
 * @param message what was expected
 * @param valueSeen the value at the pointer, shortened or withheld; empty when there is none (a missing property)
 */
public record ContractViolation(
        String contract, String version, String pointer, String rule, String message, String valueSeen) {
    /** Validates the components. */
    public ContractViolation {
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(valueSeen, "valueSeen");
    }

    /** {@code contract version: pointer: rule: message (seen: value)}. */
    @Override
    public String toString() {
        return contract + " " + version + ": " + (pointer.isEmpty() ? "(root)" : pointer) + ": " + rule + ": " + message
                + (valueSeen.isEmpty() ? "" : " (seen: " + valueSeen + ")");
    }
}
