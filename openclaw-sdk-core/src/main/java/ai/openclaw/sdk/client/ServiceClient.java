package ai.openclaw.sdk.client;

import ai.openclaw.sdk.catalog.HttpMethod;
import java.util.Objects;

/**
 * Calls one service. Get it from {@link ServiceClients#client(String)}; thread-safe and cheap, share it.
 *
 * <pre>{@code
 * ServiceClient users = clients.client("user-service");
 * User user = users.get("/users/{id}").pathVariable("id", "42").send(User.class);
 * User created = users.post("/users").body(new NewUser("ada@example.com", "Ada")).idempotencyKey(key).send(User.class);
 * CompletableFuture<User> later = users.get("/users/{id}").pathVariable("id", "7").sendAsync(User.class);
 * }</pre>
 */
public final class ServiceClient {
    private final ServiceClients clients;
    private final String service;

    ServiceClient(ServiceClients clients, String service) {
        this.clients = clients;
        this.service = service;
    }

    /** The service this client calls. */
    public String service() {
        return service;
    }

    /**
     * An implementation of an {@link Http}-annotated interface calling this service: the equivalent of a generated
     * client, with no code generation step. The interface is checked now: a method without an HTTP method, a
     * parameter without a place, or a path variable without a parameter is an {@link IllegalArgumentException} naming
     * the method.
     *
     * <pre>{@code
     * UserServiceClient users = clients.client("user-service").as(UserServiceClient.class);
     * User ada = users.getUser("42");
     * }</pre>
     */
    public <T> T as(Class<T> api) {
        return TypedClient.create(this, clients, Objects.requireNonNull(api, "api"));
    }

    /** A request with any method; the path template uses {@code {name}} variables. */
    public ServiceRequest request(HttpMethod method, String pathTemplate) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pathTemplate, "pathTemplate");
        if (!pathTemplate.startsWith("/")) {
            throw new IllegalArgumentException("pathTemplate must start with '/', was '" + pathTemplate + "'");
        }
        return new ServiceRequest(clients, service, method, pathTemplate);
    }

    /** A GET request. */
    public ServiceRequest get(String pathTemplate) {
        return request(HttpMethod.GET, pathTemplate);
    }

    /** A POST request. */
    public ServiceRequest post(String pathTemplate) {
        return request(HttpMethod.POST, pathTemplate);
    }

    /** A PUT request. */
    public ServiceRequest put(String pathTemplate) {
        return request(HttpMethod.PUT, pathTemplate);
    }

    /** A PATCH request. */
    public ServiceRequest patch(String pathTemplate) {
        return request(HttpMethod.PATCH, pathTemplate);
    }

    /** A DELETE request. */
    public ServiceRequest delete(String pathTemplate) {
        return request(HttpMethod.DELETE, pathTemplate);
    }
}
