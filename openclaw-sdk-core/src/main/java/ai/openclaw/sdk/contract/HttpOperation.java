package ai.openclaw.sdk.contract;

import ai.openclaw.sdk.catalog.Endpoint;
import ai.openclaw.sdk.catalog.HttpMethod;
import java.util.Objects;
import java.util.Optional;

/**
 * One operation of an OpenAPI document: a method on a path template.
 *
 * <pre>{@code
 * contract.operations().forEach(op -> System.out.println(op.endpoint() + " " + op.operationId().orElse("")));
 * }</pre>
 *
 * @param method the HTTP method
 * @param pathTemplate the path template, OpenAPI style ({@code /users/{id}})
 * @param operationId the document's {@code operationId}, if it has one
 * @param pointer the JSON pointer of the operation in the document ({@code /paths/~1users~1{id}/get})
 * @param location where the operation is declared, when the document was read from a file
 */
public record HttpOperation(
        HttpMethod method,
        String pathTemplate,
        Optional<String> operationId,
        String pointer,
        Optional<ai.openclaw.sdk.SourceLocation> location) {
    /** Validates the components. */
    public HttpOperation {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pathTemplate, "pathTemplate");
        Objects.requireNonNull(operationId, "operationId");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(location, "location");
    }

    /** The operation as a catalog endpoint, {@code GET /users/{id}}. */
    public Endpoint endpoint() {
        return new Endpoint(method, pathTemplate);
    }

    /** {@code GET /users/{id}}. */
    @Override
    public String toString() {
        return method + " " + pathTemplate;
    }
}
