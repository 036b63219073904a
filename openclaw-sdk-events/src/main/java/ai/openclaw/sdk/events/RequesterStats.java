package ai.openclaw.sdk.events;

/**
 * Counts of what an {@link EventRequester} did since it started.
 *
 * <pre>{@code
 * RequesterStats s = requester.stats();
 * log.info("{} asked, {} answered, {} timed out, {} late", s.sent(), s.answered(), s.timedOut(), s.late());
 * }</pre>
 *
 * @param sent requests published
 * @param answered requests whose reply came in time to this instance
 * @param timedOut requests that got no reply in time
 * @param late replies that came after their request timed out (dead-lettered)
 * @param orphaned replies for no request of this instance (dead-lettered)
 * @param duplicates second copies of replies already taken (acknowledged)
 * @param atAnyInstance replies handled by the any-instance handler
 * @param waiting requests waiting for their reply now
 */
public record RequesterStats(
        long sent,
        long answered,
        long timedOut,
        long late,
        long orphaned,
        long duplicates,
        long atAnyInstance,
        int waiting) {}
