package ai.openclaw.sdk.policy;

/**
 * Guards calls: retries, circuit breaking, time limits, bulkheads. Implementations are thread-safe.
 *
 * <pre>{@code
 * CallPolicy policy = policies.forTarget("billing-service");
 * Invoice invoice = policy.execute(new CallContext("billing-service", "POST /invoices", true), () -> send());
 * }</pre>
 */
@FunctionalInterface
public interface CallPolicy {
    /** One attempt of a call. */
    @FunctionalInterface
    interface Attempt<T> {
        /**
         * Makes the call once.
         *
         * @return its result
         * @throws Exception when the attempt failed
         */
        T call() throws Exception;

        /**
         * Called by a policy that stops waiting for the attempt running now (its time limit passed) while the attempt
         * goes on on another thread: the attempt should stop what it is doing (cancel its request) and record that it
         * was abandoned, so that its trace does not show a call that succeeded. Called on the policy's thread; the
         * default does nothing.
         */
        default void abandon() {}
    }

    /**
     * Runs a call under this policy: possibly several attempts, possibly none (an open circuit).
     *
     * @throws Exception the last attempt's failure, or the policy's own refusal
     */
    <T> T execute(CallContext context, Attempt<T> attempt) throws Exception;

    /** A policy that makes exactly one attempt. */
    static CallPolicy none() {
        return new CallPolicy() {
            @Override
            public <T> T execute(CallContext context, Attempt<T> attempt) throws Exception {
                return attempt.call();
            }
        };
    }
}
