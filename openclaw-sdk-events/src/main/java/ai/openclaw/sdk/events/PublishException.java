package ai.openclaw.sdk.events;

import ai.openclaw.sdk.OpenClawException;
import ai.openclaw.sdk.policy.ClassifiedFailure;
import ai.openclaw.sdk.policy.FailureKind;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An event was not published, and what became of it: {@link Outcome#REFUSED} before sending (not in the catalog's
 * {@code publishes}, no contract to check it against, over the size limit), {@link Outcome#NOT_STORED} (Redis refused
 * it or could not be reached; a policy refused to send it), or {@link Outcome#UNKNOWN}: sent, and no answer came, so
 * it may be in the stream ({@link PublishOutcomeUnknownException}).
 *
 * <pre>{@code
 * try {
 *     publisher.publish("user.created", event);
 * } catch (PublishOutcomeUnknownException e) {
 *     // maybe stored: publishing again may store a second copy, with the same id e.eventId()
 * } catch (PublishException e) {
 *     if (e.outcome() == PublishException.Outcome.NOT_STORED) { ... } // safe to publish again later
 * }
 * }</pre>
 *
 * <p>For policies, {@link Outcome#REFUSED} is {@link FailureKind#PERMANENT} and the others {@link
 * FailureKind#TRANSIENT}: a publish that was not stored, or may not have been, is retried.
 */
public class PublishException extends OpenClawException implements ClassifiedFailure {
    private static final long serialVersionUID = 1L;

    /** What became of the event. */
    public enum Outcome {
        /** Refused before sending: it is not in the stream, and publishing it again as it is will be refused again. */
        REFUSED,
        /** Not in the stream: Redis answered with an error, could not be reached, or a policy did not let it through. */
        NOT_STORED,
        /** Sent without an answer (a timeout, a lost connection): it may be in the stream. */
        UNKNOWN
    }

    private final String eventType;
    private final Outcome outcome;
    private final @Nullable String eventId;

    /**
     * Creates the exception.
     *
     * @param eventType the event type
     * @param outcome what became of the event
     * @param eventId the envelope id the event was given, or null when it was refused before it had one
     * @param message what went wrong
     * @param cause the underlying failure, or null
     */
    public PublishException(
            String eventType, Outcome outcome, @Nullable String eventId, String message, @Nullable Throwable cause) {
        super(message, cause);
        this.eventType = Objects.requireNonNull(eventType, "eventType");
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.eventId = eventId;
    }

    /** The event type that was published. */
    public String eventType() {
        return eventType;
    }

    /** What became of the event. */
    public Outcome outcome() {
        return outcome;
    }

    /** The envelope id the event was given, when it got that far: a copy in the stream carries it. */
    public Optional<String> eventId() {
        return Optional.ofNullable(eventId);
    }

    @Override
    public FailureKind failureKind() {
        return outcome == Outcome.REFUSED ? FailureKind.PERMANENT : FailureKind.TRANSIENT;
    }
}
