package ai.openclaw.sdk.transport;

import ai.openclaw.sdk.OpenClawException;

/**
 * The consumer group or its stream does not exist (Redis answered {@code NOGROUP}): Redis restarted empty, or the
 * stream was deleted. Subscribers re-create the group and go on.
 */
public final class NoGroupException extends OpenClawException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param stream the stream
     * @param group the group
     */
    public NoGroupException(String stream, String group) {
        super("consumer group '" + group + "' of stream '" + stream + "' does not exist");
    }
}
