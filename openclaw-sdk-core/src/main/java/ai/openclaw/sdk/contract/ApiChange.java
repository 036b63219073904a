package ai.openclaw.sdk.contract;

import java.util.Objects;

/**
 * One change between two versions of an OpenAPI document.
 *
 * <pre>{@code
 * for (ApiChange c : ApiDiff.between(oldDoc, newDoc).breakingChanges()) {
 *     System.out.println(c); // breaking: GET /users/{id}: response-property-removed ...
 * }
 * }</pre>
 *
 * @param kind what changed, such as {@code operation-removed}, {@code parameter-became-required}, or for a change
 *     inside a body schema {@code request-body/<schema change kind>} / {@code response-body/<schema change kind>}
 * @param operation the operation concerned, {@code GET /users/{id}}, or the path for a removed path
 * @param path a JSON pointer into the document (the old one for removals, the new one otherwise)
 * @param breaking whether clients written against the old document can break
 * @param detail what changed, in words
 */
public record ApiChange(String kind, String operation, String path, boolean breaking, String detail) {
    /** Validates the components. */
    public ApiChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(detail, "detail");
    }

    /** {@code breaking|compatible: operation: kind (detail) at path}. */
    @Override
    public String toString() {
        return (breaking ? "breaking: " : "compatible: ") + operation + ": " + kind
                + (detail.isEmpty() ? "" : " (" + detail + ")") + " at " + path;
    }
}
