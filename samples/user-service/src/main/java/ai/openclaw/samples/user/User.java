package ai.openclaw.samples.user;

/**
 * A user as the API shows it (never the password).
 *
 * @param id the user's id, {@code u-1}
 * @param email the email address
 * @param name the display name
 * @param createdAt when the user registered, RFC 3339
 */
public record User(String id, String email, String name, String createdAt) {}
