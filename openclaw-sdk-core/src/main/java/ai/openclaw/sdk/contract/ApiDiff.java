package ai.openclaw.sdk.contract;

import ai.openclaw.sdk.internal.contract.ApiDiffer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The changes between two versions of a service's OpenAPI document, each breaking or not for clients written against
 * the old one: removed paths and operations, new required parameters and request properties, parameters that became
 * required, removed or narrowed request values (enum values, constraints), type changes, removed success responses,
 * removed media types, and in response bodies removed properties and anything an old client would not read.
 *
 * <pre>{@code
 * ApiDiff diff = ApiDiff.between(HttpContract.of("user-service", v1), HttpContract.of("user-service", v2));
 * if (diff.isBreaking()) {
 *     diff.breakingChanges().forEach(System.err::println);
 * }
 * }</pre>
 *
 * <p>Request bodies and parameters are judged as a reader on the new document reading what old clients send (a new
 * optional property is compatible, as oasdiff and openapi-diff judge it); response bodies as old clients reading what
 * the new server returns, strictly (a removed property, even an optional one, breaks).
 */
public final class ApiDiff {
    private final List<ApiChange> changes;

    private ApiDiff(List<ApiChange> changes) {
        this.changes = List.copyOf(changes);
    }

    /** Compares two HTTP contracts of one service. */
    public static ApiDiff between(HttpContract oldContract, HttpContract newContract) {
        Objects.requireNonNull(oldContract, "oldContract");
        Objects.requireNonNull(newContract, "newContract");
        return new ApiDiff(ApiDiffer.diff(
                oldContract.operations(), oldContract.document(), newContract.operations(), newContract.document()));
    }

    /** Compares two OpenAPI documents. */
    public static ApiDiff between(JsonNode oldDocument, JsonNode newDocument) {
        return between(HttpContract.of("old", oldDocument), HttpContract.of("new", newDocument));
    }

    /** Every change, in document order. */
    public List<ApiChange> changes() {
        return changes;
    }

    /** The changes that can break existing clients. */
    public List<ApiChange> breakingChanges() {
        return changes.stream().filter(ApiChange::breaking).collect(Collectors.toUnmodifiableList());
    }

    /** Whether any change can break existing clients. */
    public boolean isBreaking() {
        return changes.stream().anyMatch(ApiChange::breaking);
    }
}
