package ai.openclaw.sdk.transport;

import ai.openclaw.sdk.OpenClawException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An append failed, and the transport says whether the entry may be stored anyway: a stage returned by {@link
 * EventTransport#append} fails with this. Not stored: the store refused it, or it was never sent. Outcome unknown: it
 * was sent and no answer came (a timeout, a connection lost after the write).
 *
 * <pre>{@code
 * transport.append(stream, data, Trim.NONE).exceptionally(e -> {
 *     if (e.getCause() instanceof AppendException a && a.outcomeUnknown()) { ... } // maybe stored
 *     ...
 * });
 * }</pre>
 */
public class AppendException extends OpenClawException {
    private static final long serialVersionUID = 1L;

    private final String stream;
    private final boolean outcomeUnknown;

    /**
     * Creates the exception.
     *
     * @param stream the stream appended to
     * @param outcomeUnknown whether the entry may have been stored
     * @param message what happened
     * @param cause the store client's own failure, or null
     */
    public AppendException(String stream, boolean outcomeUnknown, String message, @Nullable Throwable cause) {
        super(message, cause);
        this.stream = Objects.requireNonNull(stream, "stream");
        this.outcomeUnknown = outcomeUnknown;
    }

    /** The stream appended to. */
    public String stream() {
        return stream;
    }

    /** Whether the entry may have been stored (sent, unanswered); false when it surely was not. */
    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }
}
