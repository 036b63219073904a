package ai.openclaw.sdk.discovery;

/**
 * The share of a service's calls that discovery sends to its {@value ServiceInstance#CANARY} instances; the rest go to
 * the others (the baseline).
 *
 * <pre>{@code
 * discovery.canary("user-service", CanarySplit.percent(5));            // 5% of calls, each call on its own
 * discovery.canary("user-service", CanarySplit.stickyPercent(5));      // 5% of callers: one key, one track
 * try (SelectedInstance i = discovery.select("user-service", userId)) { ... }
 * }</pre>
 *
 * <p>Sticky splits hash the caller's key (a user or session id) so that a key always lands on the same track while the
 * percentage stays the same, and a key on the canary at 5% stays on it at 25%. A call without a key is split at random.
 *
 * @param percent the canary's share, from 0 to 100
 * @param sticky whether one key always gets one track
 */
public record CanarySplit(double percent, boolean sticky) {
    /** No calls to the canary. */
    public static final CanarySplit NONE = new CanarySplit(0, false);

    /** Validates the components. */
    public CanarySplit {
        if (!(percent >= 0 && percent <= 100)) {
            throw new IllegalArgumentException("a canary's share is a percentage from 0 to 100, was " + percent);
        }
    }

    /** {@code percent} of the calls, each on its own. */
    public static CanarySplit percent(double percent) {
        return new CanarySplit(percent, false);
    }

    /** {@code percent} of the callers: one caller key, one track. */
    public static CanarySplit stickyPercent(double percent) {
        return new CanarySplit(percent, true);
    }

    /**
     * Whether a call goes to the canary.
     *
     * @param key the caller's key, or null
     * @param random a number from 0 (inclusive) to 1 (exclusive), used when the split is not sticky or there is no key
     */
    public boolean toCanary(@org.jspecify.annotations.Nullable String key, double random) {
        if (percent <= 0) {
            return false;
        }
        if (percent >= 100) {
            return true;
        }
        if (sticky && key != null) {
            return bucket(key) < percent * 100;
        }
        return random * 100 < percent;
    }

    /** The key's bucket from 0 to 9,999: a well-mixed hash, so neighbouring keys spread. */
    static int bucket(String key) {
        long h = 0xcbf29ce484222325L; // FNV-1a, then a finaliser that mixes the high bits down
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return (int) Math.floorMod(h, 10_000L);
    }
}
