package ai.openclaw.sdk.contract;

import ai.openclaw.sdk.Finding;
import ai.openclaw.sdk.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The versioning rule of contracts: a new minor version must be compatible, in the configured mode (default {@link
 * CompatibilityMode#BACKWARD}), with every earlier minor of its major; a breaking change needs a new major. A
 * non-transitive mode compares each minor with the one before it, a transitive mode with all earlier minors.
 *
 * <pre>{@code
 * List<Finding> broken = VersionRule.of(CompatibilityMode.BACKWARD).check(registry);
 * ContractVersion next = VersionRule.defaults().nextVersion(latest, newSchema); // 1.2, or 2.0 when breaking
 * }</pre>
 */
public final class VersionRule {
    private static final VersionRule DEFAULTS = new VersionRule(CompatibilityMode.DEFAULT);

    private final CompatibilityMode mode;

    private VersionRule(CompatibilityMode mode) {
        this.mode = mode;
    }

    /** The rule with the default mode, BACKWARD. */
    public static VersionRule defaults() {
        return DEFAULTS;
    }

    /** The rule with a mode. */
    public static VersionRule of(CompatibilityMode mode) {
        return new VersionRule(Objects.requireNonNull(mode, "mode"));
    }

    /** The mode minors must keep. */
    public CompatibilityMode mode() {
        return mode;
    }

    /**
     * Checks every event type's history.
     *
     * @return a finding (code {@code incompatible-minor}) per minor version that breaks the rule, at its file
     */
    public List<Finding> check(ContractRegistry registry) {
        List<Finding> out = new ArrayList<>();
        for (String type : registry.eventTypes()) {
            out.addAll(check(registry.eventContracts(type)));
        }
        return List.copyOf(out);
    }

    /** Checks one event type's contracts, given oldest first. */
    public List<Finding> check(List<EventContract> history) {
        List<Finding> out = new ArrayList<>();
        if (mode == CompatibilityMode.NONE) {
            return out;
        }
        for (int i = 1; i < history.size(); i++) {
            EventContract candidate = history.get(i);
            List<EventContract> earlier = history.subList(0, i).stream()
                    .filter(c -> c.version().major() == candidate.version().major())
                    .collect(Collectors.toList());
            if (earlier.isEmpty()) {
                continue; // a new major may break
            }
            List<EventContract> against = mode.isTransitive() ? earlier : List.of(earlier.get(earlier.size() - 1));
            for (EventContract previous : against) {
                SchemaDiff diff = SchemaDiff.between(previous.schema(), candidate.schema());
                if (!diff.isCompatible(mode)) {
                    out.add(Finding.of(
                            Severity.ERROR,
                            "incompatible-minor",
                            candidate.location().orElse(null),
                            "",
                            candidate.eventType() + " " + candidate.version() + " is not " + mode + " compatible with "
                                    + previous.version() + ": " + describe(diff) + "; a breaking change needs a new"
                                    + " major (" + previous.version().nextMajor() + ")"));
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * The version a new schema should get after {@code latest}: the next minor when it keeps the mode with every
     * earlier version it must keep it with (here: {@code latest}), else the next major.
     */
    public ContractVersion nextVersion(EventContract latest, com.fasterxml.jackson.databind.JsonNode newSchema) {
        return SchemaDiff.between(latest.schema(), newSchema).isCompatible(mode)
                ? latest.version().nextMinor()
                : latest.version().nextMajor();
    }

    private String describe(SchemaDiff diff) {
        List<SchemaChange> breaking = new ArrayList<>();
        if (mode.checksBackward()) {
            breaking.addAll(diff.backwardIncompatibilities());
        }
        if (mode.checksForward()) {
            breaking.addAll(diff.forwardIncompatibilities());
        }
        return breaking.stream().map(SchemaChange::toString).collect(Collectors.joining("; "));
    }
}
