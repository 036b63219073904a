package ai.openclaw.sdk.policy;

import java.util.Objects;

/**
 * What a policy knows about a call.
 *
 * @param target the called service's catalog name (or the event type's stream, for publishes)
 * @param operation what is called, such as {@code GET /users/{id}}
 * @param repeatable whether the call may be sent again without harm: an idempotent HTTP method, or a request carrying
 *     an idempotency key; policies retry only repeatable calls
 */
public record CallContext(String target, String operation, boolean repeatable) {
    /** Validates the components. */
    public CallContext {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(operation, "operation");
    }
}
