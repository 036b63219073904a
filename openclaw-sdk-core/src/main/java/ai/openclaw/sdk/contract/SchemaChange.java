package ai.openclaw.sdk.contract;

import java.util.Objects;

/**
 * One change between two schemas: its kind, where (a JSON pointer into the schema, such as {@code
 * /properties/email/maxLength}), and what changed in words.
 *
 * <pre>{@code
 * SchemaChange c = diff.changes().get(0);
 * c.kind();      // OPTIONAL_PROPERTY_ADDED_TO_CLOSED_CONTENT_MODEL
 * c.path();      // /properties/role
 * c.isBackwardCompatible(); // true
 * }</pre>
 *
 * @param kind what kind of change
 * @param path where, as a JSON pointer into the schema
 * @param detail what changed, in words ({@code "maxLength 64 -> 32"})
 */
public record SchemaChange(ChangeKind kind, String path, String detail) {
    /** Validates the components. */
    public SchemaChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(detail, "detail");
    }

    /** Whether a reader on the new schema still accepts what the old one accepted, after this change. */
    public boolean isBackwardCompatible() {
        return kind.isBackwardCompatible();
    }

    /**
     * This change, found comparing the new schema to the old (as FORWARD compatibility does), told the way it happened
     * from old to new: {@code property-removed-...} reads {@code property-added-...}.
     */
    public String describeReversed() {
        return (path.isEmpty() ? "(root)" : path) + ": "
                + ai.openclaw.sdk.internal.contract.ApiDiffer.invert(kind.label())
                + (detail.isEmpty() ? "" : " (" + detail + ")");
    }

    /** {@code path: kind (detail)}. */
    @Override
    public String toString() {
        return (path.isEmpty() ? "(root)" : path) + ": " + kind.label() + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
