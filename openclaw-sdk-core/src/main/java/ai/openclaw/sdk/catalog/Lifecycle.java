package ai.openclaw.sdk.catalog;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a service stands in its life, a catalog extension ({@code lifecycle: production}). The values are those
 * Backstage's software catalog uses, so the two can share a vocabulary.
 */
public enum Lifecycle {
    /** Early, not yet relied upon; may change or disappear. */
    EXPERIMENTAL,
    /** Relied upon; changes follow the contracts' compatibility rules. */
    PRODUCTION,
    /** Still running, but new dependencies on it should not be added. */
    DEPRECATED;

    /** The value as written in the catalog: {@code production}. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses the catalog's form.
     *
     * @param text {@code experimental}, {@code production} or {@code deprecated} (any case)
     * @return the lifecycle, or empty when {@code text} is none of those
     */
    public static Optional<Lifecycle> parse(String text) {
        for (Lifecycle l : values()) {
            if (l.name().equalsIgnoreCase(text.strip())) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
