package ai.openclaw.sdk.events;

/**
 * Counts of what a subscriber did since it started.
 *
 * @param processed entries handled and acknowledged
 * @param failed handler invocations that threw (each retry counts)
 * @param retried handler invocations that were retries in place
 * @param deadLettered entries written to a dead-letter stream
 * @param reclaimed entries claimed from idle consumers (this one included)
 * @param trimmed pending entries found trimmed away, acknowledged and dropped
 * @param trimmedUnread entries trimmed away before the group read them, seen since the subscriber started (where
 *     Redis can tell: 7.0 and later)
 * @param inFlight entries read and not finished now
 */
public record SubscriberStats(
        long processed,
        long failed,
        long retried,
        long deadLettered,
        long reclaimed,
        long trimmed,
        long trimmedUnread,
        int inFlight) {}
