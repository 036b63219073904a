package ai.openclaw.sdk.events;

import ai.openclaw.sdk.policy.ClassifiedFailure;
import ai.openclaw.sdk.policy.FailureKind;

/**
 * Thrown by a handler for an event it can never handle: the subscriber dead-letters it at once with this message as
 * the reason, without retrying it or waiting for {@code maxDeliveries}.
 *
 * <pre>{@code
 * EventHandler<Refund> refund = (r, meta) -> {
 *     if (!ledger.knows(r.invoiceId())) {
 *         throw new EventRejectedException("no invoice " + r.invoiceId() + " in this ledger");
 *     }
 *     ledger.refund(r);
 * };
 * }</pre>
 *
 * <p>The message becomes the dead letter's reason, which operators read: name what is wrong and where, never a secret
 * or personal data. The request-reply helpers use it for replies that arrive late or for no one.
 */
public class EventRejectedException extends RuntimeException implements ClassifiedFailure {
    private static final long serialVersionUID = 1L;

    /** A rejection, with the reason the dead letter records. */
    public EventRejectedException(String reason) {
        super(reason);
    }

    @Override
    public FailureKind failureKind() {
        return FailureKind.PERMANENT;
    }
}
