package ai.openclaw.samples.user;

import java.util.Map;

/** The payloads user-service publishes, as their contracts ({@code contracts/events/user.*}) describe them. */
public final class Events {
    private Events() {}

    /** {@code user.created} 1.0. */
    public record UserCreated(String userId, String email, String name, String createdAt) {}

    /** {@code user.updated} 1.0: the fields that changed, with their new values. */
    public record UserUpdated(String userId, Map<String, String> changed, String updatedAt) {}

    /** {@code user.deleted} 1.0. */
    public record UserDeleted(String userId, String deletedAt) {}
}
