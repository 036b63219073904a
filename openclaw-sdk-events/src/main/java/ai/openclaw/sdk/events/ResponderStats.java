package ai.openclaw.sdk.events;

/**
 * Counts of what an {@link EventResponder} did since it was built.
 *
 * <pre>{@code
 * ResponderStats s = responder.stats();
 * log.info("{} replies sent, {} requests expired before they were answered", s.replied(), s.expired());
 * }</pre>
 *
 * @param replied replies published
 * @param expired requests whose deadline had passed: not answered, dead-lettered
 * @param askerGone requests whose asking instance no longer reads its inbox: not answered, dead-lettered
 * @param refused requests with a reply address that is not a reply inbox, or no correlation id: dead-lettered
 * @param noReplyAddress events of the request type that asked for no reply: acknowledged, not answered
 */
public record ResponderStats(long replied, long expired, long askerGone, long refused, long noReplyAddress) {}
