package ai.openclaw.sdk.discovery;

/** How {@link ServiceDiscovery} picks among a service's instances that are not ejected. */
public enum SelectionStrategy {
    /** Each instance in turn. The default: even, predictable, and right when instances are alike. */
    ROUND_ROBIN,
    /**
     * Two instances at random, then the one with fewer requests in flight: steers away from slow instances without
     * the herding of always picking the least loaded (Mitzenmacher, "The Power of Two Choices in Randomized Load
     * Balancing").
     */
    POWER_OF_TWO_CHOICES
}
