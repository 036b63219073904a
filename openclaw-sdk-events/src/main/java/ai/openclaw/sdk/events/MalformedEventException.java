package ai.openclaw.sdk.events;

import ai.openclaw.sdk.OpenClawException;

/**
 * A stream entry is not an event the SDK can handle: not JSON, not a CloudEvents 1.0 envelope, or an envelope
 * missing a required attribute. Subscribers dead-letter such entries at once with this reason.
 */
public final class MalformedEventException extends OpenClawException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param reason what is wrong, without the entry's content
     */
    public MalformedEventException(String reason) {
        super(reason);
    }
}
