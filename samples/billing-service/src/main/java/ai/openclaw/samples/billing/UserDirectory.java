package ai.openclaw.samples.billing;

import ai.openclaw.sdk.client.Http;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * billing-service's view of user-service: the seed's generated {@code UserServiceClient}, as a typed interface the SDK
 * implements at run time. Answers are checked against user-service's contract; a 404 is an {@code HttpStatusException}.
 *
 * <pre>{@code
 * UserDirectory users = clients.client("user-service").as(UserDirectory.class);
 * UserDirectory.User ada = users.user("u-1");
 * }</pre>
 */
public interface UserDirectory {
    /**
     * What billing needs of a user; other fields are ignored (a tolerant reader, so user-service may add fields).
     *
     * @param id the user's id
     * @param email where invoices go
     * @param name the name on invoices
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record User(String id, String email, String name) {}

    /** {@code GET /users/{id}}. */
    @Http.Get("/users/{id}")
    User user(@Http.Path("id") String id);
}
