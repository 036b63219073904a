package ai.openclaw.sdk.contract;

import ai.openclaw.sdk.internal.contract.SchemaDiffer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The changes between two versions of a JSON Schema, and whether they keep each compatibility mode, with the meaning
 * Confluent Schema Registry gives them (see {@link ChangeKind} for open and closed content models).
 *
 * <pre>{@code
 * SchemaDiff diff = SchemaDiff.between(v1, v2);
 * diff.changes().forEach(System.out::println); // /properties/role: optional-property-added-to-closed-content-model
 * diff.isCompatible(CompatibilityMode.BACKWARD); // true: consumers may deploy first
 * diff.isCompatible(CompatibilityMode.FORWARD);  // false: old consumers reject the new property
 * }</pre>
 *
 * <p>{@link #changes()} lists every change from the old schema to the new, each with its JSON path. BACKWARD holds
 * when each of them is backward compatible. FORWARD is judged by the same rules with the schemas swapped ({@link
 * #forwardChanges()}); FULL needs both. For a single pair the transitive modes mean the same as their plain forms;
 * {@link VersionRule} applies them across a history.
 */
public final class SchemaDiff {
    private final List<SchemaChange> changes;
    private final List<SchemaChange> forwardChanges;

    private SchemaDiff(List<SchemaChange> changes, List<SchemaChange> forwardChanges) {
        this.changes = changes;
        this.forwardChanges = forwardChanges;
    }

    /**
     * Compares two JSON Schemas.
     *
     * @param oldSchema the earlier version
     * @param newSchema the later version
     * @return the diff
     */
    public static SchemaDiff between(JsonNode oldSchema, JsonNode newSchema) {
        Objects.requireNonNull(oldSchema, "oldSchema");
        Objects.requireNonNull(newSchema, "newSchema");
        return new SchemaDiff(
                SchemaDiffer.diff(oldSchema, newSchema, false), SchemaDiffer.diff(newSchema, oldSchema, false));
    }

    /** Every change from the old schema to the new, judged for a reader on the new schema. */
    public List<SchemaChange> changes() {
        return changes;
    }

    /** The changes seen the other way (new schema to old), which FORWARD compatibility judges. */
    public List<SchemaChange> forwardChanges() {
        return forwardChanges;
    }

    /** Whether the schemas are the same in every way the diff looks at. */
    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** The changes that break BACKWARD compatibility. */
    public List<SchemaChange> backwardIncompatibilities() {
        return changes.stream().filter(c -> !c.isBackwardCompatible()).collect(Collectors.toUnmodifiableList());
    }

    /** The changes (seen from the new schema to the old) that break FORWARD compatibility. */
    public List<SchemaChange> forwardIncompatibilities() {
        return forwardChanges.stream().filter(c -> !c.isBackwardCompatible()).collect(Collectors.toUnmodifiableList());
    }

    /** Whether the change keeps {@code mode}. */
    public boolean isCompatible(CompatibilityMode mode) {
        Objects.requireNonNull(mode, "mode");
        return (!mode.checksBackward() || backwardIncompatibilities().isEmpty())
                && (!mode.checksForward() || forwardIncompatibilities().isEmpty());
    }

    /** The verdict for every mode. */
    public Map<CompatibilityMode, Boolean> verdicts() {
        Map<CompatibilityMode, Boolean> out = new EnumMap<>(CompatibilityMode.class);
        for (CompatibilityMode m : CompatibilityMode.values()) {
            out.put(m, isCompatible(m));
        }
        return out;
    }

    @Override
    public String toString() {
        return "SchemaDiff" + changes;
    }
}
