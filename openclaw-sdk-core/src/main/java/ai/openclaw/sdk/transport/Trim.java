package ai.openclaw.sdk.transport;

import ai.openclaw.sdk.internal.Arguments;
import java.time.Duration;
import java.util.Objects;

/**
 * How a stream is trimmed as entries are appended: by approximate length ({@code MAXLEN ~ n}), by age ({@code MINID
 * ~ now-age}), or not at all; and whether trimming may drop entries a consumer group has not read.
 *
 * <pre>{@code
 * Trim.maxLength(100_000);                   // keep about the newest 100,000 entries
 * Trim.maxAge(Duration.ofDays(7));           // keep about a week
 * Trim.maxLength(100_000).keepingUnread();   // ... but never an entry a group has not read and acknowledged
 * }</pre>
 *
 * <p>Plain trimming is Redis's: a group that lags behind by more than the stream keeps loses the entries trimmed
 * before it read them (subscribers count and log them, where Redis can tell). {@link #keepingUnread()} trims only what
 * every group has read and acknowledged: the stream then grows past its limit while a group lags.
 *
 * @param maxLength the approximate number of entries kept, or 0 for no length limit
 * @param maxAge the approximate age of the oldest entry kept, or {@link Duration#ZERO} for no age limit
 * @param keepUnread whether entries a group has not read, or not acknowledged, are kept whatever the limit
 */
public record Trim(long maxLength, Duration maxAge, boolean keepUnread) {
    /** No trimming. */
    public static final Trim NONE = new Trim(0, Duration.ZERO, false);

    /** Validates the components. */
    public Trim {
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxLength < 0) {
            throw new IllegalArgumentException("maxLength must be >= 0, was " + maxLength);
        }
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("maxAge must not be negative, was " + maxAge);
        }
        if (maxLength > 0 && !maxAge.isZero()) {
            throw new IllegalArgumentException("trim by length or by age, not both");
        }
    }

    /** Keep about {@code entries} entries. */
    public static Trim maxLength(long entries) {
        if (entries < 1) {
            throw new IllegalArgumentException("entries must be >= 1, was " + entries);
        }
        return new Trim(entries, Duration.ZERO, false);
    }

    /** Keep entries younger than about {@code age}. */
    public static Trim maxAge(Duration age) {
        return new Trim(0, Arguments.positive("age", age), false);
    }

    /** This trimming, except that it never removes an entry a consumer group has not read and acknowledged. */
    public Trim keepingUnread() {
        return new Trim(maxLength, maxAge, true);
    }

    /** Whether this trims at all. */
    public boolean trims() {
        return maxLength > 0 || !maxAge.isZero();
    }
}
