package ai.openclaw.sdk.events;

/**
 * Counts of what a subscriber did since it started.
 *
 * @param processed entries handled and acknowledged
 * @param failed handler invocations that threw (each retry counts)
 * @param retried handler invocations that were retries
 * @param deadLettered entries written to a dead-letter stream
 * @param reclaimed entries claimed from idle consumers (this one included)
 * @param trimmed pending entries found trimmed away, acknowledged and dropped
 * @param inFlight entries being handled now
 */
public record SubscriberStats(
        long processed, long failed, long retried, long deadLettered, long reclaimed, long trimmed, int inFlight) {}
