package ai.openclaw.sdk.policy;

/**
 * The policy of each target service. Module {@code openclaw-sdk-resilience} provides one from the catalog's {@code
 * resilience} extension, configuration, or code.
 *
 * <pre>{@code
 * CallPolicies policies = target -> target.equals("payment-gateway") ? strict : standard;
 * }</pre>
 */
@FunctionalInterface
public interface CallPolicies {
    /** The policy for calls to {@code target}. */
    CallPolicy forTarget(String target);

    /** One attempt per call, for every target. */
    static CallPolicies none() {
        CallPolicy none = CallPolicy.none();
        return target -> none;
    }
}
