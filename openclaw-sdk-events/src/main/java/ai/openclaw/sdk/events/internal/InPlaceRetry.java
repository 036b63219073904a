package ai.openclaw.sdk.events.internal;

import ai.openclaw.sdk.policy.CallContext;
import ai.openclaw.sdk.policy.CallPolicy;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The subscriber's in-place retry when it has no call policies: {@code attempts} handler calls per delivery, any
 * failure retried after a delay doubling from {@code backoff}, none while the subscriber stops.
 */
public final class InPlaceRetry implements CallPolicy {
    private final int attempts;
    private final Duration backoff;
    private final BooleanSupplier running;
    private final Runnable onRetry;

    /** A retry of {@code attempts} calls. */
    public InPlaceRetry(int attempts, Duration backoff, BooleanSupplier running, Runnable onRetry) {
        this.attempts = attempts;
        this.backoff = backoff;
        this.running = running;
        this.onRetry = onRetry;
    }

    @Override
    public <T> T execute(CallContext context, Attempt<T> attempt) throws Exception {
        for (int i = 1; ; i++) {
            try {
                return attempt.call();
            } catch (Exception e) {
                if (i >= attempts
                        || !running.getAsBoolean()
                        || e instanceof InterruptedException
                        || e instanceof ai.openclaw.sdk.events.EventRejectedException) {
                    throw e;
                }
            }
            onRetry.run();
            Thread.sleep(backoff.toMillis() << Math.min(i - 1, 10));
        }
    }
}
