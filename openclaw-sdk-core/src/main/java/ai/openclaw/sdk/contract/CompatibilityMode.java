package ai.openclaw.sdk.contract;

import java.util.Locale;
import java.util.Optional;

/**
 * How a new contract version must relate to earlier ones, with the meaning Confluent Schema Registry gives these
 * modes for JSON Schema. "Reader" and "writer" are consumer and producer: BACKWARD means consumers on the new schema
 * can read what producers on the old one wrote (so consumers deploy first); FORWARD means consumers on the old schema
 * can read what producers on the new one write (producers deploy first).
 *
 * <pre>{@code
 * CompatibilityMode mode = CompatibilityMode.parse("full_transitive").orElseThrow();
 * mode.checksBackward(); // true
 * mode.isTransitive();   // true: against every earlier version, not only the latest
 * }</pre>
 */
public enum CompatibilityMode {
    /** The new schema reads data written with the previous one. The default. */
    BACKWARD,
    /** The new schema reads data written with every earlier one. */
    BACKWARD_TRANSITIVE,
    /** The previous schema reads data written with the new one. */
    FORWARD,
    /** Every earlier schema reads data written with the new one. */
    FORWARD_TRANSITIVE,
    /** Both BACKWARD and FORWARD with the previous schema. */
    FULL,
    /** Both, with every earlier schema. */
    FULL_TRANSITIVE,
    /** No check. */
    NONE;

    /** The default mode, as in Confluent Schema Registry. */
    public static final CompatibilityMode DEFAULT = BACKWARD;

    /** Whether the new schema must read old data. */
    public boolean checksBackward() {
        return this == BACKWARD || this == BACKWARD_TRANSITIVE || this == FULL || this == FULL_TRANSITIVE;
    }

    /** Whether old schemas must read new data. */
    public boolean checksForward() {
        return this == FORWARD || this == FORWARD_TRANSITIVE || this == FULL || this == FULL_TRANSITIVE;
    }

    /** Whether every earlier version is checked, not only the latest. */
    public boolean isTransitive() {
        return name().endsWith("_TRANSITIVE");
    }

    /** The mode of this name, in any case, with {@code -} or {@code _}. */
    public static Optional<CompatibilityMode> parse(String name) {
        String n = name.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (CompatibilityMode m : values()) {
            if (m.name().equals(n)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
