package ai.openclaw.sdk.transport;

import ai.openclaw.sdk.internal.Arguments;
import java.time.Duration;
import java.util.Objects;

/**
 * How a stream is trimmed as entries are appended: by approximate length ({@code MAXLEN ~ n}), by age ({@code MINID
 * ~ now-age}), or not at all.
 *
 * <pre>{@code
 * Trim.maxLength(100_000);           // keep about the newest 100,000 entries
 * Trim.maxAge(Duration.ofDays(7));   // keep about a week
 * }</pre>
 *
 * @param maxLength the approximate number of entries kept, or 0 for no length limit
 * @param maxAge the approximate age of the oldest entry kept, or {@link Duration#ZERO} for no age limit
 */
public record Trim(long maxLength, Duration maxAge) {
    /** No trimming. */
    public static final Trim NONE = new Trim(0, Duration.ZERO);

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
        return new Trim(entries, Duration.ZERO);
    }

    /** Keep entries younger than about {@code age}. */
    public static Trim maxAge(Duration age) {
        return new Trim(0, Arguments.positive("age", age));
    }
}
