package ai.openclaw.sdk.client;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The annotations of a typed client interface: {@link ServiceClient#as(Class)} implements it at run time, with no code
 * generation step. Each abstract method names its HTTP method and path template; each parameter says where it goes.
 *
 * <pre>{@code
 * interface UserServiceClient {
 *     @Http.Get("/users/{id}")
 *     User getUser(@Http.Path("id") String userId);
 *
 *     @Http.Post("/users")
 *     User createUser(@Http.Body CreateUserInput input, @Http.IdempotencyKey String key);
 *
 *     @Http.Get("/users")
 *     CompletableFuture<List<User>> findUsers(@Http.Query("email") @Nullable String email);
 *
 *     @Http.Delete("/users/{id}")
 *     void deleteUser(@Http.Path("id") String userId, @Http.Header("X-Reason") String reason);
 * }
 *
 * UserServiceClient users = clients.client("user-service").as(UserServiceClient.class);
 * User ada = users.getUser("42");
 * }</pre>
 *
 * <p>Return types: any type Jackson maps (generic ones included), {@code String}, {@code JsonNode}, {@code void}, or a
 * {@code CompletableFuture} of one of them for an asynchronous call. A {@code null} query or header argument is left
 * out; a collection or array given to a query parameter repeats it. Calls behave exactly as {@link ServiceRequest}s:
 * contract validation, policies, tracing and the same exceptions. Default methods of the interface are called as
 * written.
 */
public final class Http {
    private Http() {}

    /** A GET of the path template. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface Get {
        /** The path template, {@code /users/{id}}. */
        String value();
    }

    /** A POST of the path template. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface Post {
        /** The path template. */
        String value();
    }

    /** A PUT of the path template. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface Put {
        /** The path template. */
        String value();
    }

    /** A PATCH of the path template. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface Patch {
        /** The path template. */
        String value();
    }

    /** A DELETE of the path template. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface Delete {
        /** The path template. */
        String value();
    }

    /** The parameter fills {@code {name}} in the path template (encoded as one segment; never null). */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    public @interface Path {
        /** The variable's name in the template. */
        String value();
    }

    /** The parameter is a query parameter (left out when null; repeated for a collection or array). */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    public @interface Query {
        /** The query parameter's name. */
        String value();
    }

    /** The parameter is a request header (left out when null). */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    public @interface Header {
        /** The header's name. */
        String value();
    }

    /** The parameter is the JSON request body; at most one per method. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    public @interface Body {}

    /** The parameter is the {@code Idempotency-Key} (see {@link ServiceRequest#idempotencyKey}); left out when null. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    public @interface IdempotencyKey {}
}
