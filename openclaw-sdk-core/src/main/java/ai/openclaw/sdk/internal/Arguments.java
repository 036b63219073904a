package ai.openclaw.sdk.internal;

import java.time.Duration;
import java.util.Objects;

/** Argument checks shared by the builders: each names the argument in its message. */
public final class Arguments {
    private Arguments() {}

    /**
     * The duration, when it is longer than zero.
     *
     * @throws NullPointerException naming {@code name} when it is null
     * @throws IllegalArgumentException {@code "<name> must be positive, was <d>"} when it is zero or negative
     */
    public static Duration positive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
        return d;
    }

    /**
     * The number, when it is at least 1.
     *
     * @throws IllegalArgumentException {@code "<name> must be >= 1, was <n>"}
     */
    public static int positive(String name, int n) {
        if (n < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, was " + n);
        }
        return n;
    }

    /**
     * The text, when it has a character other than white space.
     *
     * @throws NullPointerException naming {@code name} when it is null
     * @throws IllegalArgumentException {@code "<name> must not be blank"}
     */
    public static String notBlank(String name, String text) {
        Objects.requireNonNull(text, name);
        if (text.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return text;
    }
}
