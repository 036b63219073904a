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
